package vn.lgsp.hub.simulators.procedures;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.simulators.support.SimulatorController;

/**
 * Simulator of the national procedure database (Cơ sở dữ liệu quốc gia về thủ tục hành chính), in a shape modelled
 * for the hub (no published specification of its list service was at hand; see the mapping's header):
 * {@code GET /sim/procedures/api/thutuc?trang=<page from 1>&soBanGhi=<per page>} pages the procedures in force,
 * {@code GET /sim/procedures/api/thutuc/<MaTTHC>} answers one (a withdrawn one with {@code TrangThai DA_BAI_BO}).
 * It holds state: {@code PUT control/thutuc/<MaTTHC>} adds a procedure or changes the fields given,
 * {@code DELETE control/thutuc/<MaTTHC>} withdraws it (it leaves the list), {@code POST control/reset} returns to the
 * seed. The seed holds the procedures of mappings/catalogue/procedures.csv as the file says them and a few the file
 * does not list. Every page read is logged under {@code received} (key: page number); faults apply to every call.
 */
@RestController
@RequestMapping("/sim/procedures")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class ProceduresSimulator extends SimulatorController<Map<String, Object>> {

    public static final String IN_FORCE = "DANG_HIEU_LUC";
    public static final String WITHDRAWN = "DA_BAI_BO";

    private final Map<String, Map<String, Object>> procedures = new TreeMap<>();

    public ProceduresSimulator() {
        reset();
    }

    @GetMapping("/api/thutuc")
    public ResponseEntity<Map<String, Object>> list(@RequestParam(defaultValue = "1") int trang,
                                                    @RequestParam(defaultValue = "50") int soBanGhi) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("MaLoi", "LOI_GIA_LAP", "ThongBao", "Lỗi giả lập"));
        }
        if (trang < 1 || soBanGhi < 1 || soBanGhi > 500) {
            return ResponseEntity.badRequest().body(Map.of("MaLoi", "THAM_SO_KHONG_HOP_LE",
                    "ThongBao", "trang từ 1, soBanGhi 1-500"));
        }
        received.arrive(Integer.toString(trang), Map.of("trang", trang, "soBanGhi", soBanGhi));
        List<Map<String, Object>> inForce;
        synchronized (procedures) {
            inForce = procedures.values().stream().filter(p -> IN_FORCE.equals(p.get("TrangThai")))
                    .<Map<String, Object>>map(LinkedHashMap::new).toList();
        }
        int pages = Math.max(1, (inForce.size() + soBanGhi - 1) / soBanGhi);
        List<Map<String, Object>> page = inForce.stream().skip((long) (trang - 1) * soBanGhi).limit(soBanGhi).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("MaLoi", "0");
        answer.put("TongSoBanGhi", inForce.size());
        answer.put("Trang", trang);
        answer.put("SoBanGhi", soBanGhi);
        answer.put("TongSoTrang", pages);
        answer.put("DanhSachTTHC", page);
        return ResponseEntity.ok(answer);
    }

    @GetMapping("/api/thutuc/{code}")
    public ResponseEntity<Map<String, Object>> one(@PathVariable String code) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("MaLoi", "LOI_GIA_LAP", "ThongBao", "Lỗi giả lập"));
        }
        synchronized (procedures) {
            Map<String, Object> p = procedures.get(code);
            return p == null
                    ? ResponseEntity.status(404).body(Map.of("MaLoi", "KHONG_TIM_THAY", "ThongBao", "Không có thủ tục"))
                    : ResponseEntity.ok(Map.of("MaLoi", "0", "TTHC", new LinkedHashMap<>(p)));
        }
    }

    /** Adds a procedure (all fields given) or changes the fields given of one; a withdrawn one comes back in force. */
    @PutMapping("/control/thutuc/{code}")
    public Map<String, Object> put(@PathVariable String code, @RequestBody Map<String, Object> fields) {
        synchronized (procedures) {
            Map<String, Object> p = procedures.computeIfAbsent(code, c -> new LinkedHashMap<>(Map.of("MaTTHC", c)));
            p.putAll(fields);
            p.put("MaTTHC", code);
            p.put("TrangThai", IN_FORCE);
            p.put("NgayCapNhat", OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0).toString());
            return new LinkedHashMap<>(p);
        }
    }

    /** Withdraws a procedure (bãi bỏ): it leaves the list and answers DA_BAI_BO. */
    @DeleteMapping("/control/thutuc/{code}")
    public ResponseEntity<Map<String, Object>> withdraw(@PathVariable String code) {
        synchronized (procedures) {
            Map<String, Object> p = procedures.get(code);
            if (p == null) {
                return ResponseEntity.notFound().build();
            }
            p.put("TrangThai", WITHDRAWN);
            p.put("NgayCapNhat", OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0).toString());
            return ResponseEntity.ok(new LinkedHashMap<>(p));
        }
    }

    /** Back to the seed, no faults, nothing received. */
    @PostMapping("/control/reset")
    public ResponseEntity<Void> resetAll() {
        reset();
        return ResponseEntity.noContent().build();
    }

    public void reset() {
        faults.reset();
        received.clear();
        synchronized (procedures) {
            procedures.clear();
            // The procedures of mappings/catalogue/procedures.csv, as the file says them.
            seed("1.001193", "Đăng ký khai sinh", "HT", "Hộ tịch", "Cấp Xã", "TOAN_TRINH", 1,
                    fee("LP01", "Lệ phí đăng ký khai sinh", 8000, 2));
            seed("1.000894", "Đăng ký khai tử", "HT", "Hộ tịch", "Cấp Xã", "TOAN_TRINH", 1,
                    fee("LP01", "Lệ phí đăng ký khai tử", 8000, 2));
            seed("1.000656", "Đăng ký kết hôn", "HT", "Hộ tịch", "Cấp Xã", "MOT_PHAN", 5);
            seed("1.001022", "Đăng ký kết hôn có yếu tố nước ngoài", "HT", "Hộ tịch", "Cấp Huyện", "MOT_PHAN", 10,
                    fee("LP01", "Lệ phí đăng ký kết hôn có yếu tố nước ngoài", 1000000, 2));
            seed("1.004227", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "DD",
                    "Đất đai", "Cấp Huyện", "MOT_PHAN", 10, fee("LP01", "Lệ phí cấp giấy chứng nhận", 30000, 2));
            seed("1.004221", "Cấp đổi Giấy chứng nhận quyền sử dụng đất", "DD", "Đất đai", "Cấp Huyện", "MOT_PHAN", 7,
                    fee("LP01", "Lệ phí cấp đổi giấy chứng nhận", 30000, 2));
            seed("2.000889", "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "DD", "Đất đai", "Cấp Huyện",
                    "MOT_PHAN", 20, fee("LP01", "Lệ phí cấp giấy chứng nhận", 100000, 2),
                    fee("P01", "Phí thẩm định hồ sơ cấp giấy chứng nhận", 500000, 1));
            seed("1.001978", "Giải quyết hưởng trợ cấp thất nghiệp", "VL", "Việc làm", "Cấp Tỉnh", "MOT_PHAN", 20);
            seed("2.001610", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "DKKD",
                    "Thành lập và hoạt động của doanh nghiệp", "Cấp Tỉnh", "TOAN_TRINH", 3,
                    fee("LP01", "Lệ phí đăng ký doanh nghiệp", 50000, 2));
            // Procedures the file does not list: the national list fills them.
            seed("1.004884", "Đăng ký lại khai sinh", "HT", "Hộ tịch", "Cấp Xã", "MOT_PHAN", 5,
                    fee("LP01", "Lệ phí đăng ký lại khai sinh", 5000, 2));
            seed("2.000635", "Cấp bản sao Trích lục hộ tịch", "HT", "Hộ tịch", "Cấp Xã", "TOAN_TRINH", 0,
                    fee("P01", "Phí cấp bản sao trích lục (mỗi bản)", 8000, 1));
            seed("1.001612", "Đăng ký thành lập hợp tác xã", "HTX", "Thành lập và hoạt động của hợp tác xã",
                    "Cấp Huyện", "MOT_PHAN", 3, fee("LP01", "Lệ phí đăng ký hợp tác xã", 100000, 2));
            seed("1.008004", "Cấp giấy phép khai thác tài nguyên nước mặt", "TNN", "Tài nguyên nước", "Cấp Tỉnh",
                    "KHONG_TRUC_TUYEN", 25, fee("P01", "Phí thẩm định đề án khai thác nước mặt", 600000, 1));
        }
    }

    @SafeVarargs
    private void seed(String code, String name, String fieldCode, String fieldName, String level, String onlineLevel,
                      int days, Map<String, Object>... fees) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MaTTHC", code);
        p.put("TenTTHC", name);
        p.put("MaLinhVuc", fieldCode);
        p.put("TenLinhVuc", fieldName);
        p.put("CapThucHien", List.of(level));
        p.put("MucDoDVC", onlineLevel);
        p.put("ThoiHanGiaiQuyet", days);
        p.put("DonViThoiHan", "NGAY_LAM_VIEC");
        p.put("PhiLePhi", new ArrayList<>(List.of(fees)));
        p.put("TrangThai", IN_FORCE);
        p.put("NgayCapNhat", "2026-11-01T08:00:00+07:00");
        procedures.put(code, p);
    }

    private static Map<String, Object> fee(String code, String name, long amount, int kind) {
        Map<String, Object> fee = new LinkedHashMap<>();
        fee.put("MaPhiLePhi", code);
        fee.put("TenPhiLePhi", name);
        fee.put("MucPhi", amount);
        fee.put("LoaiPhiLePhi", kind);
        return fee;
    }
}
