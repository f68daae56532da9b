package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.sectors.CivilStatusSimulator;
import vn.lgsp.hub.simulators.sectors.LabourSimulator;
import vn.lgsp.hub.simulators.sectors.LandSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * Dossiers the one-stop system posts reach the sector system that handles their procedure at their competent
 * agency, each exactly once, through three adapter styles (REST push, SOAP push, polling); progress each sector
 * system reports in its own codes becomes the hub's status history and reaches the DVCQG sync mapped.
 */
class SectorRoutingIT extends HubIntegrationTest {

    @Autowired
    LandSimulator land;

    @Autowired
    CivilStatusSimulator civil;

    @Autowired
    LabourSimulator labour;

    @Autowired
    DvcqgSimulator portal;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetSectorSimulators() {
        land.clearReceived();
        land.clearFaults();
        civil.clearReceived();
        civil.clearFaults();
    }

    /** A dossier as the one-stop system posts it, for a procedure at a competent agency. */
    static String dossier(String ref, String procedure, String name, String agency, String applicantAddress) {
        return """
            {"procedureCode":"%s","procedureName":"%s","agencyCode":"%s","sourceRef":"%s",
             "applicant":{"type":"CITIZEN","personalId":"002085001234","fullName":"Hoàng Văn Sơn",
                          "address":"%s","phone":"0987654321"},
             "summary":"%s","channel":"ONLINE","dueAt":"2026-12-10T17:00:00+07:00",
             "documents":[{"code":"TP01","name":"Đơn đề nghị","url":"https://dvc.example.vn/f/9.pdf","digitized":true}],
             "fees":[{"code":"LP01","name":"Lệ phí","amount":30000}]}
            """.formatted(procedure, name, agency, ref, applicantAddress, name);
    }

    private String post(String body) {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    @Test
    void mixedStreamLandsAtTheRightSectorSystemsEachExactlyOnce() {
        String hagiang = "Số 8 Nguyễn Trãi, phường Nguyễn Trãi, tỉnh Hà Giang";
        // Location-independent intake: the applicant lives in Hà Nội, the competent agency is in Hà Giang.
        String hanoi = "Số 15 phố Huế, phường Hàng Bài, thành phố Hà Nội";
        List<String> landCodes = new ArrayList<>();
        List<String> civilCodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            landCodes.add(post(dossier(Dossiers.newRef("MIX-L"), "1.004227",
                    "Đăng ký biến động quyền sử dụng đất", "H15.13", i % 2 == 0 ? hagiang : hanoi)));
            civilCodes.add(post(dossier(Dossiers.newRef("MIX-C"), "1.001193", "Đăng ký khai sinh",
                    "H15.50.05.13", hagiang)));
        }
        landCodes.add(post(dossier(Dossiers.newRef("MIX-L"), "2.000889",
                "Cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "H15.50.05.13", hanoi)));
        // Marriage with a foreigner: handled by the civil-status system only at the province's justice department.
        civilCodes.add(post(dossier(Dossiers.newRef("MIX-C"), "1.001022", "Đăng ký kết hôn có yếu tố nước ngoài",
                "H15.14", hagiang)));

        eventually().until(() -> land.receivedLog().items().size() == landCodes.size()
                && civil.receivedLog().items().size() == civilCodes.size());
        assertThat(land.receivedLog().items()).extracting(i -> i.key()).containsExactlyInAnyOrderElementsOf(landCodes);
        assertThat(civil.receivedLog().items()).extracting(i -> i.key())
                .containsExactlyInAnyOrderElementsOf(civilCodes);
        land.receivedLog().items().forEach(i -> assertThat(i.arrivals()).isEqualTo(1));
        civil.receivedLog().items().forEach(i -> assertThat(i.arrivals()).isEqualTo(1));
        // The land system got its own JSON; the civil-status system its SOAP payload.
        JsonNode first = land.receivedLog().get(landCodes.get(1)).body();
        assertThat(first.get("maThuTuc").asText()).isEqualTo("1.004227");
        assertThat(first.get("coQuanGiaiQuyet").asText()).isEqualTo("H15.13");
        assertThat(first.at("/nguoiNopDon/diaChi").asText()).isEqualTo(hanoi);
        assertThat(civil.receivedLog().get(civilCodes.get(0)).body()).contains("<ht:MaTTHC>1.001193</ht:MaTTHC>")
                .contains("Hoàng Văn Sơn");
        for (String code : landCodes) {
            eventually().until(() -> deliveredTo(code, "sector-land"));
            assertThat(trailHas(code, "ROUTED", "sector-land")).isTrue();
        }
        for (String code : civilCodes) {
            eventually().until(() -> deliveredTo(code, "sector-civil"));
        }
        // The one-stop system is where these dossiers came from: they are not sent back to it.
        assertThat(onestop.receivedLog().items()).extracting(i -> i.key())
                .doesNotContainAnyElementsOf(landCodes).doesNotContainAnyElementsOf(civilCodes);
    }

    @Test
    void aProcedureNoSectorSystemHandlesIsProcessedWhereItWasReceivedAndReachesDvcqg() {
        // Marriage with a foreigner is routed only at H15.14*; at a district it stays with the one-stop system.
        String ref = Dossiers.newRef("NOROUTE");
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, dossier(ref, "1.001022",
                "Đăng ký kết hôn có yếu tố nước ngoài", "H15.50.05.13", "Thôn Mè, xã Ngọc Đường, tỉnh Hà Giang"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String code = answer.json().get("dossierCode").asText();
        eventually().atMost(Duration.ofSeconds(10)).until(() -> portal.held(code) != null);
        assertThat(portal.held(code).dossier().get("MaTTHC").asText()).isEqualTo("1.001022");
        assertThat(trailHas(code, "ROUTED", "onestop")).isTrue();
        assertThat(hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).body()).contains("processed where it was received");
        // It came from the one-stop system: it is not sent back there, nor to a sector system.
        eventually().until(() -> deliveredTo(code, "dvcqg"));
        assertThat(onestop.receivedLog().get(code)).isNull();
        assertThat(land.receivedLog().get(code)).isNull();
        assertThat(civil.receivedLog().get(code)).isNull();
    }

    @Test
    void progressFromEverySectorSystemBecomesMappedStatusEventsSyncedToDvcqg() {
        String landCode = post(dossier(Dossiers.newRef("PRG-L"), "1.004221",
                "Cấp đổi Giấy chứng nhận quyền sử dụng đất", "H15.13", "Tổ 3, phường Quang Trung, tỉnh Hà Giang"));
        String civilCode = post(dossier(Dossiers.newRef("PRG-C"), "1.000894", "Đăng ký khai tử",
                "H15.50.05.13", "Thôn Cầu Mè, xã Phương Thiện, tỉnh Hà Giang"));
        eventually().until(() -> land.receivedLog().get(landCode) != null && civil.receivedLog().get(civilCode) != null);
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusMinutes(1).truncatedTo(ChronoUnit.SECONDS);

        // REST push system, its own codes: THAM_DINH -> 4, DA_CAP_GCN -> 9
        assertThat(land.reportProgress(landCode, "THAM_DINH", "Đo đạc hiện trạng thửa đất", base))
                .containsEntry("hubStatus", 202);
        assertThat(land.reportProgress(landCode, "DA_CAP_GCN", "Đã ký Giấy chứng nhận", base.plusMinutes(1)))
                .containsEntry("hubStatus", 202);
        // SOAP push system, statuses 0-4: 1 -> 4, 3 -> 9
        civil.reportProgress(civilCode, "1", "Đang xử lý", base);
        civil.reportProgress(civilCode, "3", "Đã ký trích lục khai tử", base.plusMinutes(1));
        // A code outside the system's table is refused, not guessed.
        Map<String, Object> unknown = land.reportProgress(landCode, "DA_XONG", null, base.plusMinutes(2));
        assertThat(unknown.get("hubStatus")).isEqualTo(422);
        assertThat(unknown.get("hubAnswer").toString()).contains("status.sector-land-to-hub.csv");

        // Polled system: a new dossier and its decision appear in the change feed.
        String labourRef = Dossiers.newRef("LD");
        labour.controlDossier(new LabourSimulator.NewDossier(labourRef, "002181000077", "Vũ Thị Hương"));
        labour.controlStatus(new LabourSimulator.NewStatus(labourRef, "DANG_THAM_DINH", "Thẩm định hồ sơ"));
        labour.controlStatus(new LabourSimulator.NewStatus(labourRef, "DA_CO_QUYET_DINH", "Quyết định số 1234/QĐ"));
        eventually().until(() -> jdbc.sql("SELECT COUNT(*) FROM dossier WHERE source_system = 'sector-labour' "
                + "AND source_ref = ? AND status = 9").param(labourRef).query(Integer.class).single() == 1);
        String labourCode = jdbc.sql("SELECT dossier_code FROM dossier WHERE source_ref = ?").param(labourRef)
                .query(String.class).single();

        assertThat(history(landCode)).containsSubsequence(4, 9);
        assertThat(history(civilCode)).containsSubsequence(4, 9);
        assertThat(history(labourCode)).containsSubsequence(4, 9);
        // A dossier that came from a sector system goes to the one-stop system, as any sector dossier does.
        eventually().until(() -> onestop.receivedLog().get(labourCode) != null);
        for (String code : List.of(landCode, civilCode, labourCode)) {
            eventually().until(() -> portal.held(code) != null && portal.held(code).status() == 9);
            assertThat(portal.held(code).progress()).extracting(s -> s.get("TrangThai").asInt()).contains(4, 9);
        }
        // The one-stop system handed the land and civil dossiers over: it hears their progress, mapped, once each.
        for (String code : List.of(landCode, civilCode)) {
            eventually().until(() -> statusesAtOnestop(code).size() == 2);
            assertThat(statusesAtOnestop(code)).containsExactlyInAnyOrder(4, 9);
        }
        assertThat(onestop.receivedLog().items()).filteredOn(i -> i.body().path("dossierCode").asText().equals(landCode))
                .allSatisfy(i -> assertThat(i.body().get("reportedBy").asText()).isEqualTo("sector-land"))
                .allSatisfy(i -> assertThat(i.arrivals()).isEqualTo(1));
    }


}
