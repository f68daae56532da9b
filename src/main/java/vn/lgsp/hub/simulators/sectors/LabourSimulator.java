package vn.lgsp.hub.simulators.sectors;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.simulators.support.SimulatorController;
import vn.lgsp.hub.simulators.support.SimulatorProperties;

/**
 * Simulator of the labour, invalids and social affairs system (phần mềm LĐTBXH), which offers only a change feed:
 * {@code GET /sim/sector-labour/api/changes?since=<seq>&limit=<n>} lists changes with a sequence number greater
 * than {@code since}: new dossiers ({@code loai=HO_SO_MOI}) and status changes ({@code loai=CAP_NHAT_TRANG_THAI},
 * codes CHO_TIEP_NHAN, DA_TIEP_NHAN, DANG_THAM_DINH, CHO_BO_SUNG, DA_CO_QUYET_DINH, DA_TRA_KET_QUA, TU_CHOI).
 * The feed starts with {@code hub.simulators.sectors.labour-feed-size} generated dossiers (each: new, received,
 * under review), the same on every start, so a restarted hub meets the same feed; {@code POST control/dossiers}
 * and {@code POST control/status} append more. Every poll is logged under {@code received} (key: since).
 */
@RestController
@RequestMapping("/sim/sector-labour")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class LabourSimulator extends SimulatorController<Map<String, Object>> {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
    private static final String[] GIVEN = {"Văn Hùng", "Thị Lan", "Minh Tuấn", "Thị Hương", "Đức Thắng", "Thu Trang"};
    private static final OffsetDateTime START = OffsetDateTime.of(2026, 11, 2, 8, 0, 0, 0, ZoneOffset.ofHours(7));

    private final List<Map<String, Object>> feed = new ArrayList<>();

    public LabourSimulator(SimulatorProperties simulators) {
        int feedSize = simulators.sectors().labourFeedSize();
        for (int i = 1; i <= feedSize; i++) {
            String ref = "LD-2026-%05d".formatted(i);
            addDossier(ref, "002%d%02d%06d".formatted(i % 2, 80 + i % 20, i), FAMILY[i % FAMILY.length] + " "
                    + GIVEN[i % GIVEN.length], START.plusMinutes(i));
            addStatus(ref, "DA_TIEP_NHAN", START.plusMinutes(i).plusSeconds(20), "Tiếp nhận hồ sơ");
            addStatus(ref, "DANG_THAM_DINH", START.plusMinutes(i).plusSeconds(40), "Thẩm định hồ sơ");
        }
    }

    /** A new dossier of the feed. */
    public record NewDossier(String maHoSo, String soDinhDanh, String hoTen) {
    }

    /** A status change of the feed. */
    public record NewStatus(String maHoSo, String trangThai, String ghiChu) {
    }

    @PostMapping("/control/dossiers")
    public Map<String, Object> controlDossier(@RequestBody NewDossier d) {
        return addDossier(d.maHoSo(), d.soDinhDanh(), d.hoTen(), OffsetDateTime.now(ZoneOffset.ofHours(7)));
    }

    @PostMapping("/control/status")
    public Map<String, Object> controlStatus(@RequestBody NewStatus s) {
        return addStatus(s.maHoSo(), s.trangThai(), OffsetDateTime.now(ZoneOffset.ofHours(7)), s.ghiChu());
    }

    @GetMapping("/api/changes")
    public ResponseEntity<Map<String, Object>> changes(@RequestParam(defaultValue = "0") long since,
                                                       @RequestParam(defaultValue = "50") int limit) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("maLoi", "LOI_GIA_LAP"));
        }
        received.arrive(Long.toString(since), Map.of("since", since));
        List<Map<String, Object>> page;
        synchronized (feed) {
            page = feed.stream().filter(c -> (long) c.get("soThuTu") > since).limit(Math.max(1, limit)).toList();
        }
        return ResponseEntity.ok(Map.of("thayDoi", page, "soLuong", page.size()));
    }

    public synchronized Map<String, Object> addDossier(String ref, String personalId, String name, OffsetDateTime at) {
        Map<String, Object> hoSo = new LinkedHashMap<>();
        hoSo.put("maHoSo", ref);
        hoSo.put("maThuTuc", "1.001978");
        hoSo.put("tenThuTuc", "Giải quyết hưởng trợ cấp thất nghiệp");
        hoSo.put("maCoQuan", "H15.22");
        hoSo.put("soDinhDanh", personalId);
        hoSo.put("hoTen", name);
        hoSo.put("diaChi", "Tổ 5, phường Nguyễn Trãi, thành phố Hà Giang, tỉnh Hà Giang");
        hoSo.put("soDienThoai", "0912000111");
        hoSo.put("ngayNop", at.toString());
        hoSo.put("hanTra", at.plusDays(20).toString());
        return append(Map.of("loai", "HO_SO_MOI", "maHoSo", ref, "thoiDiem", at.toString(), "hoSo", hoSo));
    }

    public synchronized Map<String, Object> addStatus(String ref, String status, OffsetDateTime at, String note) {
        return append(Map.of("loai", "CAP_NHAT_TRANG_THAI", "maHoSo", ref, "trangThai", status,
                "thoiDiem", at.toString(), "ghiChu", note == null ? "" : note));
    }

    private Map<String, Object> append(Map<String, Object> change) {
        Map<String, Object> withSeq = new LinkedHashMap<>(change);
        synchronized (feed) {
            withSeq.put("soThuTu", (long) feed.size() + 1);
            feed.add(withSeq);
        }
        return withSeq;
    }

    /** How many changes the feed holds. */
    public int feedSize() {
        synchronized (feed) {
            return feed.size();
        }
    }
}
