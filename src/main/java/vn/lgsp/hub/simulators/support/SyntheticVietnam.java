package vn.lgsp.hub.simulators.support;

import java.util.List;
import java.util.Random;

/**
 * Building blocks of synthetic but realistic Vietnamese records for the registry simulators: names with
 * diacritics, provinces with their personal-ID and tax-office codes, wards and streets. Seeded, so every run
 * serves the same people and enterprises.
 */
public final class SyntheticVietnam {

    /** A province: its code in personal IDs (birth province), its tax-office prefix and some of its wards. */
    public record Province(String idCode, String taxPrefix, String adminCode, String name, List<String> wards,
                           List<String> streets) {
    }

    public static final List<String> FAMILY_NAMES = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Vàng", "Giàng", "Lò", "Hà", "Nông");
    public static final List<String> MALE_MIDDLE = List.of("Văn", "Hữu", "Đức", "Minh", "Quốc", "Công", "Mí", "Xuân");
    public static final List<String> FEMALE_MIDDLE = List.of("Thị", "Thu", "Ngọc", "Thanh", "Minh", "Thuỳ", "Kim");
    public static final List<String> MALE_GIVEN = List.of("An", "Bình", "Cường", "Dũng", "Đức", "Hùng", "Khải",
            "Long", "Nam", "Phúc", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Chứ", "Páo", "Sính");
    public static final List<String> FEMALE_GIVEN = List.of("Anh", "Chi", "Dung", "Giang", "Hà", "Hằng", "Hoà",
            "Lan", "Linh", "Mai", "Mỷ", "Nga", "Phương", "Thảo", "Trang", "Yến", "Dợ", "Sùng");
    public static final List<String> ETHNICITIES = List.of("Kinh", "Kinh", "Kinh", "Tày", "Mông", "Dao", "Nùng");

    public static final List<Province> PROVINCES = List.of(
            new Province("002", "51", "02", "tỉnh Hà Giang",
                    List.of("phường Minh Khai", "phường Trần Phú", "phường Nguyễn Trãi", "phường Quang Trung",
                            "xã Phương Thiện", "xã Ngọc Đường", "xã Lũng Cú", "xã Đồng Văn"),
                    List.of("Trần Phú", "Nguyễn Trãi", "Lý Tự Trọng", "Minh Khai", "Nguyễn Thái Học",
                            "19 tháng 5", "Trần Hưng Đạo")),
            new Province("001", "01", "01", "thành phố Hà Nội",
                    List.of("phường Hàng Bạc", "phường Kim Liên", "phường Láng", "phường Cầu Giấy"),
                    List.of("Hàng Bạc", "Đào Duy Anh", "Láng Hạ", "Xuân Thuỷ", "Kim Mã")),
            new Province("008", "50", "08", "tỉnh Tuyên Quang",
                    List.of("phường Phan Thiết", "phường Minh Xuân", "xã Tràng Đà"),
                    List.of("Quang Trung", "Bình Thuận", "Tân Trào")),
            new Province("079", "03", "79", "thành phố Hồ Chí Minh",
                    List.of("phường Bến Nghé", "phường Sài Gòn", "phường Tân Định", "phường Chợ Lớn"),
                    List.of("Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Trần Hưng Đạo", "Pasteur")),
            new Province("048", "04", "48", "thành phố Đà Nẵng",
                    List.of("phường Hải Châu", "phường Thanh Khê", "phường Sơn Trà"),
                    List.of("Bạch Đằng", "Lê Duẩn", "Nguyễn Văn Linh")));

    private SyntheticVietnam() {
    }

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Hà Giang most of the time (the province the hub serves), elsewhere sometimes. */
    public static Province province(Random random) {
        return random.nextInt(10) < 6 ? PROVINCES.get(0) : pick(random, PROVINCES);
    }

    /** A street address in the province: "Số 12 đường Trần Phú, phường Minh Khai, tỉnh Hà Giang". */
    public static String address(Random random, Province p) {
        String ward = pick(random, p.wards());
        if (ward.startsWith("xã")) {
            return "Thôn " + pick(random, List.of("Lũng Táo", "Séo Lủng", "Nà Khương", "Bản Tùy", "Làng Mới"))
                    + ", " + ward + ", " + p.name();
        }
        return "Số " + (1 + random.nextInt(200)) + " đường " + pick(random, p.streets()) + ", " + ward + ", " + p.name();
    }

    /** A ward code of five digits, stable for the ward's name. */
    public static String wardCode(String address) {
        return String.format("%05d", Math.abs(address.split(",")[1].strip().hashCode()) % 100_000);
    }
}
