package vn.lgsp.hub.simulators.sectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.simulators.support.SimulatorProperties;

/**
 * Simulator of the land-registration system (phần mềm đăng ký đất đai), REST/JSON push: receives dossiers in its
 * own JSON ({@code POST /sim/sector-land/api/v1/ho-so}, fields maHoSo, maThuTuc, coQuanGiaiQuyet, nguoiNopDon,
 * thuaDat...), idempotent by {@code X-Ma-Giao-Dich}; 400 without maHoSo. Statuses: TIEP_NHAN, THAM_DINH,
 * BO_SUNG, NGHIA_VU_TAI_CHINH, TRINH_KY, DA_CAP_GCN, TRA_KET_QUA, TU_CHOI. Updates after intake (loaiCapNhat
 * YEU_CAU_BO_SUNG, NHAN_BO_SUNG, DINH_CHINH, RUT_HO_SO, HUY_HO_SO) arrive at
 * {@code POST /sim/sector-land/api/v1/ho-so/{maHoSo}/cap-nhat}, shown at {@code GET /sim/sector-land/amendments}.
 */
@RestController
@RequestMapping("/sim/sector-land")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class LandSimulator extends SectorSimulator<JsonNode> {

    public LandSimulator(SimulatorProperties simulators) {
        super("sector-land", simulators.sectors().hubUrl(), simulators.sectors().sectorLandKey());
    }

    @PostMapping("/api/v1/ho-so")
    public ResponseEntity<Map<String, Object>> receive(
            @RequestHeader(name = "X-Ma-Giao-Dich", required = false) String transactionId,
            @RequestBody JsonNode hoSo) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("maLoi", "LOI_GIA_LAP"));
        }
        String code = hoSo.path("maHoSo").asText(null);
        if (code == null || transactionId == null) {
            return ResponseEntity.badRequest().body(Map.of("maLoi", "THIEU_MA_HO_SO"));
        }
        boolean first = received.arrive(code, hoSo);
        return ResponseEntity.status(first ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("maHoSo", code, "trangThai", "TIEP_NHAN", "daLuu", first));
    }

    /** Updates of a dossier it holds, in its own JSON; idempotent by X-Ma-Giao-Dich. */
    @PostMapping("/api/v1/ho-so/{maHoSo}/cap-nhat")
    public ResponseEntity<Map<String, Object>> receiveUpdate(@PathVariable String maHoSo,
            @RequestHeader(name = "X-Ma-Giao-Dich", required = false) String transactionId,
            @RequestBody JsonNode capNhat) {
        return receiveAmendment(transactionId, capNhat, Map.of("maLoi", "THIEU_MA_GIAO_DICH"),
                Map.of("maHoSo", maHoSo, "loaiCapNhat", capNhat.path("loaiCapNhat").asText()));
    }
}
