package vn.lgsp.hub.simulators.business;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import vn.lgsp.hub.canonical.validation.Identifiers;
import vn.lgsp.hub.simulators.support.SyntheticVietnam;
import vn.lgsp.hub.simulators.support.SyntheticVietnam.Province;

/**
 * The synthetic enterprises the business-registry simulator serves: codes with the tax office's prefix and a
 * valid check digit, Vietnamese names by legal form, head offices in real wards, representatives with diacritics.
 */
public final class SyntheticEnterprises {

    /** One enterprise as the simulated registry holds it. */
    public record Company(String code, String name, String shortName, int typeId, String typeName,
                          LocalDate founded, long capital, Province province, String headOffice,
                          String representative, String activityCode, String activityName) {
    }

    private record LegalForm(int id, String prefix, String typeName) {
    }

    private static final List<LegalForm> FORMS = List.of(
            new LegalForm(1, "CÔNG TY TNHH", "Công ty trách nhiệm hữu hạn một thành viên"),
            new LegalForm(2, "CÔNG TY TNHH", "Công ty trách nhiệm hữu hạn hai thành viên trở lên"),
            new LegalForm(3, "CÔNG TY CỔ PHẦN", "Công ty cổ phần"),
            new LegalForm(4, "DOANH NGHIỆP TƯ NHÂN", "Doanh nghiệp tư nhân"));
    private static final List<String[]> TRADES = List.of(
            new String[] {"CHÈ SHAN TUYẾT", "0127", "Trồng cây chè"},
            new String[] {"XÂY DỰNG", "4100", "Xây dựng nhà các loại"},
            new String[] {"THƯƠNG MẠI DỊCH VỤ", "4690", "Bán buôn tổng hợp"},
            new String[] {"NÔNG SẢN", "4620", "Bán buôn nông, lâm sản nguyên liệu"},
            new String[] {"DU LỊCH", "7912", "Điều hành tua du lịch"},
            new String[] {"VẬN TẢI", "4933", "Vận tải hàng hóa bằng đường bộ"},
            new String[] {"DƯỢC LIỆU", "0128", "Trồng cây gia vị, cây dược liệu"},
            new String[] {"CÔNG NGHỆ", "6201", "Lập trình máy vi tính"});
    private static final List<String> BRANDS = List.of("CAO NGUYÊN ĐÁ", "SÔNG LÔ", "MINH KHAI", "HOÀNG LONG",
            "PHƯƠNG BẮC", "LŨNG CÚ", "TAM GIÁC MẠCH", "BẮC MÊ", "QUẢN BẠ", "MÃ PÍ LÈNG", "NHO QUẾ", "ĐỒNG VĂN");

    private final Map<String, Company> byCode;

    public SyntheticEnterprises(long seed, int size) {
        Random random = new Random(seed + 1);
        Map<String, Company> companies = new LinkedHashMap<>();
        while (companies.size() < size) {
            Company c = company(random, companies.size());
            companies.putIfAbsent(c.code(), c);
        }
        this.byCode = Collections.unmodifiableMap(companies);
    }

    public Optional<Company> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Company> sample(int limit) {
        return new ArrayList<>(byCode.values()).subList(0, Math.min(limit, byCode.size()));
    }

    public int size() {
        return byCode.size();
    }

    private static Company company(Random random, int n) {
        Province p = SyntheticVietnam.province(random);
        String code;
        do {
            code = p.taxPrefix() + String.format("%07d", random.nextInt(10_000_000));
            code = code + checkDigit(code);
        } while (!Identifiers.isEnterpriseCode(code));
        LegalForm form = SyntheticVietnam.pick(random, FORMS);
        String[] trade = SyntheticVietnam.pick(random, TRADES);
        String brand = BRANDS.get(n % BRANDS.size()) + (n >= BRANDS.size() ? " " + (n / BRANDS.size() + 1) : "");
        boolean female = random.nextBoolean();
        String representative = SyntheticVietnam.pick(random, SyntheticVietnam.FAMILY_NAMES) + " "
                + SyntheticVietnam.pick(random, female ? SyntheticVietnam.FEMALE_MIDDLE : SyntheticVietnam.MALE_MIDDLE)
                + " " + SyntheticVietnam.pick(random, female ? SyntheticVietnam.FEMALE_GIVEN : SyntheticVietnam.MALE_GIVEN);
        return new Company(code, form.prefix() + " " + trade[0] + " " + brand, null, form.id(), form.typeName(),
                LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000)), (1 + random.nextInt(500)) * 100_000_000L,
                p, SyntheticVietnam.address(random, p) + ", Việt Nam", representative, trade[1], trade[2]);
    }

    /** The check digit over nine digits, or 10 when no digit fits (such a prefix is skipped). */
    private static int checkDigit(String nine) {
        int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += weights[i] * (nine.charAt(i) - '0');
        }
        return 10 - (sum % 11);
    }
}
