package vn.lgsp.hub.amendments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.sectors.CivilStatusSimulator;
import vn.lgsp.hub.simulators.sectors.LandSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.simulators.support.ReceivedLog;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The dossier's life after intake over REST: supplements, corrections, withdrawals and cancellations become new
 * versions of the dossier, visible at DVCQG (the simulator's copy: TrangThaiHoSo, DanhSachHoSoBoSung) and at the
 * system that holds the dossier, never sent back to the system that reported them; the same amendment twice is
 * one, and an older one arriving late does not undo a newer one.
 */
class AmendmentsIT extends HubIntegrationTest {

    /** A moment safely after every test dossier's intake; amendments are dated minutes after it. */
    private static final OffsetDateTime BASE = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(1)
            .truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    LandSimulator land;

    @Autowired
    CivilStatusSimulator civil;

    @Autowired
    DvcqgSimulator portal;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetSimulators() {
        land.clearReceived();
        land.clearFaults();
        civil.clearReceived();
        civil.clearFaults();
        portal.reset();
    }

    /** A dossier the one-stop system posts for a land procedure: the hub routes it to the land system. */
    private String landDossierFromOnestop() {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef("AMD-L"), "1.004227"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String code = answer.json().get("dossierCode").asText();
        eventually().until(() -> land.receivedLog().get(code) != null && portal.held(code) != null);
        return code;
    }

    /** A dossier the land system posts itself: the one-stop system holds it. */
    private String dossierFromLand() {
        var answer = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("AMD-S")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String code = answer.json().get("dossierCode").asText();
        eventually().until(() -> deliveredTo(code, "onestop") && portal.held(code) != null);
        return code;
    }

    private static String at(int minute) {
        return BASE.plusMinutes(minute).toString();
    }

    private JsonNode amend(String code, String path, String key, String body) {
        var answer = hub.postJson("/api/v1/dossiers/" + code + path, key, body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json();
    }

    private static List<JsonNode> amendmentsOf(ReceivedLog<Object> log, String code, String codeField) {
        return log.items().stream().map(i -> (JsonNode) i.body())
                .filter(b -> code.equals(b.path(codeField).asText())).toList();
    }

    private JsonNode atDvcqg(String code) {
        return portal.held(code).dossier();
    }

    @Test
    void aSupplementRequestedAndReceivedIsAtDvcqgAndAtTheSystemThatHoldsTheDossier() {
        String code = landDossierFromOnestop();

        JsonNode requested = amend(code, "/supplements", ONESTOP_KEY, """
            {"at":"%s","officer":"Phạm Đức Anh","note":"Bổ sung bản trích đo địa chính thửa đất",
             "dueAt":"2026-12-20T17:00:00+07:00",
             "documents":[{"code":"TP05","name":"Bản trích đo địa chính","digitized":false}]}
            """.formatted(at(1)));
        assertThat(requested.get("supplementNo").asInt()).isEqualTo(1);
        assertThat(requested.get("currentStatus").asInt()).isEqualTo(5);

        // The land system holds the dossier: it gets the request in its own JSON.
        eventually().until(() -> amendmentsOf(land.amendmentLog(), code, "maHoSo").size() == 1);
        JsonNode atLand = amendmentsOf(land.amendmentLog(), code, "maHoSo").get(0);
        assertThat(atLand.get("loaiCapNhat").asText()).isEqualTo("YEU_CAU_BO_SUNG");
        assertThat(atLand.get("lanBoSung").asInt()).isEqualTo(1);
        assertThat(atLand.at("/giayTo/0/tenGiayTo").asText()).isEqualTo("Bản trích đo địa chính");
        // DVCQG: status 5 and the supplement, awaited.
        eventually().until(() -> atDvcqg(code).path("DanhSachHoSoBoSung").size() == 1
                && atDvcqg(code).path("TrangThaiHoSo").asInt() == 5);
        JsonNode item = atDvcqg(code).path("DanhSachHoSoBoSung").get(0);
        assertThat(item.get("HoSoBoSungId").asInt()).isEqualTo(1);
        assertThat(item.get("NoiDungBoSung").asText()).isEqualTo("Bổ sung bản trích đo địa chính thửa đất");
        assertThat(item.get("NguoiYeuCauBoSung").asText()).isEqualTo("Phạm Đức Anh");
        assertThat(item.get("TrangThaiBoSung").asInt()).isZero();
        assertThat(item.get("NgayHenTraMoi").asText()).isEqualTo("20261220170000");
        assertThat(item.get("NgayHenTraTruoc").asText()).isEqualTo("20261201170000");
        assertThat(atDvcqg(code).get("NgayHenTra").asText()).isEqualTo("20261220170000");

        // The applicant brings the document to the land office: the land system reports the receipt.
        JsonNode received = amend(code, "/supplements/1/receipt", LAND_KEY, """
            {"at":"%s","officer":"Lê Thu Trang","note":"Đã nhận bản trích đo",
             "documents":[{"code":"TP05","name":"Bản trích đo địa chính","url":"https://dat.example.vn/f/5.pdf",
                           "digitized":true}]}
            """.formatted(at(2)));
        assertThat(received.get("currentStatus").asInt()).isEqualTo(4);

        // It reached the one-stop system (the dossier's source), not the land system that reported it.
        eventually().until(() -> amendmentsOf(onestop.amendmentLog(), code, "dossierCode").size() == 1);
        JsonNode atOnestop = amendmentsOf(onestop.amendmentLog(), code, "dossierCode").get(0);
        assertThat(atOnestop.get("kind").asText()).isEqualTo("SUPPLEMENT_RECEIVED");
        assertThat(atOnestop.get("supplementNo").asInt()).isEqualTo(1);
        assertThat(atOnestop.at("/documents/0/url").asText()).isEqualTo("https://dat.example.vn/f/5.pdf");
        eventually().until(() -> atDvcqg(code).path("TrangThaiHoSo").asInt() == 4
                && atDvcqg(code).at("/DanhSachHoSoBoSung/0/TrangThaiBoSung").asInt() == 1);
        item = atDvcqg(code).path("DanhSachHoSoBoSung").get(0);
        assertThat(item.get("NguoiTiepNhanBoSung").asText()).isEqualTo("Lê Thu Trang");
        assertThat(item.get("NgayTiepNhanBoSung").asText()).isEqualTo(BASE.plusMinutes(2)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
        assertThat(item.at("/DanhSachGiayToBoSung/0/DuongDanTaiTepTin").asText())
                .isEqualTo("https://dat.example.vn/f/5.pdf");
        assertThat(amendmentsOf(land.amendmentLog(), code, "maHoSo")).hasSize(1);
        // Both are steps of the dossier's progress at the portal, in order.
        eventually().until(() -> portal.held(code).progress().stream()
                .map(s -> s.path("TrangThai").asInt()).toList().containsAll(List.of(5, 4)));
    }

    @Test
    void aWithdrawalReachesDvcqgAndTheOnestopSystemButNotTheSystemThatReportedIt() {
        String code = dossierFromLand();

        JsonNode withdrawn = amend(code, "/withdrawal", LAND_KEY, """
            {"at":"%s","officer":"Cán bộ sector-land","note":"Công dân xin rút hồ sơ để bổ sung giấy tờ sau"}
            """.formatted(at(3)));
        assertThat(withdrawn.get("currentStatus").asInt()).isEqualTo(7);

        eventually().until(() -> amendmentsOf(onestop.amendmentLog(), code, "dossierCode").size() == 1);
        JsonNode atOnestop = amendmentsOf(onestop.amendmentLog(), code, "dossierCode").get(0);
        assertThat(atOnestop.get("kind").asText()).isEqualTo("WITHDRAWAL");
        assertThat(atOnestop.get("status").asInt()).isEqualTo(7);
        assertThat(atOnestop.get("reportedBy").asText()).isEqualTo("sector-land");
        eventually().until(() -> atDvcqg(code).path("TrangThaiHoSo").asInt() == 7);
        assertThat(amendmentsOf(land.amendmentLog(), code, "maHoSo")).isEmpty();
        assertThat(trailHas(code, "AMENDED", "sector-land")).isTrue();

        // Nothing happens to a withdrawn dossier after the withdrawal; what happened before may still arrive.
        var after = hub.postJson("/api/v1/dossiers/" + code + "/corrections", LAND_KEY, """
            {"at":"%s","changes":{"summary":"Đăng ký khai sinh (sửa)"}}
            """.formatted(at(4)));
        assertThat(after.status()).isEqualTo(409);
        assertThat(after.json().get("code").asText()).isEqualTo("AMENDMENT_CONFLICT");
        JsonNode before = amend(code, "/corrections", LAND_KEY, """
            {"at":"%s","changes":{"applicant.phone":"0987000444"}}
            """.formatted(at(2)));
        assertThat(before.get("currentStatus").asInt()).isEqualTo(7);
        JsonNode listed = hub.get("/api/v1/dossiers/" + code + "/amendments", LAND_KEY).json();
        assertThat(listed).extracting(a -> a.get("kind").asText()).containsExactly("CORRECTION", "WITHDRAWAL");
    }

    @Test
    void aCancellationReachesTheCivilStatusSystemOverItsSoapService() {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef("AMD-C"), "1.001193"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        String code = answer.json().get("dossierCode").asText();
        eventually().until(() -> civil.receivedLog().get(code) != null && portal.held(code) != null);

        amend(code, "/cancellation", ONESTOP_KEY, """
            {"at":"%s","officer":"Phạm Đức Anh","note":"Công dân huỷ yêu cầu đăng ký"}
            """.formatted(at(9)));

        eventually().until(() -> civil.amendmentLog().items().size() == 1);
        assertThat(civil.amendmentLog().items().get(0).body().toString())
                .contains("<ht:MaHoSo>" + code + "</ht:MaHoSo>").contains("<ht:LoaiCapNhat>HUY_HO_SO</ht:LoaiCapNhat>")
                .contains("Công dân huỷ yêu cầu đăng ký");
        eventually().until(() -> portal.held(code).status() == 7);
        eventually().until(() -> deliveredTo(code, "sector-civil") && trailHas(code, "AMENDED", "onestop"));
        assertThat(amendmentsOf(onestop.amendmentLog(), code, "dossierCode")).isEmpty();
    }

    @Test
    void aHolderThatFailsGetsTheAmendmentOnceAfterRetries() {
        String code = landDossierFromOnestop();
        land.injectFaults(new Faults(null, 503, null, null, 2));

        amend(code, "/withdrawal", ONESTOP_KEY, """
            {"at":"%s","note":"Công dân xin rút hồ sơ"}
            """.formatted(at(1)));

        eventually().until(() -> amendmentsOf(land.amendmentLog(), code, "maHoSo").size() == 1
                && trailHas(code, "DELIVERY_RETRY", "sector-land"));
        assertThat(amendmentsOf(land.amendmentLog(), code, "maHoSo").get(0).get("loaiCapNhat").asText())
                .isEqualTo("RUT_HO_SO");
        assertThat(land.amendmentLog().items()).allSatisfy(i -> assertThat(i.arrivals()).isEqualTo(1));
        eventually().until(() -> hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).body()
                .contains("DOSSIER_AMENDED accepted"));
    }

    @Test
    void theSameAmendmentTwiceIsOneVersionDeliveredOnce() {
        String code = landDossierFromOnestop();
        String body = """
            {"at":"%s","officer":"Phạm Đức Anh","note":"Bổ sung hợp đồng chuyển nhượng"}
            """.formatted(at(4));

        JsonNode first = amend(code, "/supplements", ONESTOP_KEY, body);
        int version = hub.get("/api/v1/dossiers/" + code, ONESTOP_KEY).json().get("version").asInt();
        JsonNode second = amend(code, "/supplements", ONESTOP_KEY, body);

        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(second.get("amendmentId").asText()).isEqualTo(first.get("amendmentId").asText());
        assertThat(second.get("supplementNo").asInt()).isEqualTo(1);
        assertThat(hub.get("/api/v1/dossiers/" + code, ONESTOP_KEY).json().get("version").asInt()).isEqualTo(version);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dossier_amendment WHERE dossier_code = ?").param(code)
                .query(Integer.class).single()).isEqualTo(1);
        eventually().until(() -> deliveredTo(code, "sector-land")
                && atDvcqg(code).path("DanhSachHoSoBoSung").size() == 1);
        eventually().until(() -> !amendmentsOf(land.amendmentLog(), code, "maHoSo").isEmpty());
        assertThat(land.amendmentLog().items()).filteredOn(i -> code.equals(((JsonNode) i.body()).path("maHoSo").asText()))
                .singleElement().satisfies(i -> assertThat(i.arrivals()).isEqualTo(1));
        assertThat(atDvcqg(code).path("DanhSachHoSoBoSung")).hasSize(1);
    }

    @Test
    void anOlderCorrectionArrivingLateDoesNotUndoANewerOne() {
        String code = landDossierFromOnestop();

        amend(code, "/corrections", ONESTOP_KEY, """
            {"at":"%s","officer":"Lê Thu Trang","note":"Sai số điện thoại",
             "changes":{"applicant.phone":"0987000222"}}
            """.formatted(at(6)));
        // Reported later, happened earlier: its phone number is outdated, its e-mail address is not.
        amend(code, "/corrections", ONESTOP_KEY, """
            {"at":"%s","officer":"Lê Thu Trang","note":"Bổ sung liên hệ",
             "changes":{"applicant.phone":"0987000111","applicant.email":"hoa.nguyen@example.vn"}}
            """.formatted(at(5)));

        JsonNode applicant = hub.get("/api/v1/dossiers/" + code, ONESTOP_KEY).json().at("/dossier/applicant");
        assertThat(applicant.get("phone").asText()).isEqualTo("0987000222");
        assertThat(applicant.get("email").asText()).isEqualTo("hoa.nguyen@example.vn");
        eventually().until(() -> "hoa.nguyen@example.vn".equals(atDvcqg(code).path("Email").asText()));
        assertThat(atDvcqg(code).get("SoDienThoai").asText()).isEqualTo("0987000222");
        eventually().until(() -> amendmentsOf(land.amendmentLog(), code, "maHoSo").size() == 2);
        assertThat(amendmentsOf(land.amendmentLog(), code, "maHoSo"))
                .extracting(a -> a.get("loaiCapNhat").asText()).containsOnly("DINH_CHINH");

        // A withdrawal dated before a newer status is kept in history; the newer status stays current.
        var status = hub.postJson("/api/v1/dossiers/" + code + "/status", LAND_KEY, """
            {"status":4,"at":"%s","note":"Thẩm định hồ sơ"}
            """.formatted(at(8)));
        assertThat(status.status()).isEqualTo(202);
        JsonNode late = amend(code, "/withdrawal", ONESTOP_KEY, """
            {"at":"%s","note":"Công dân xin rút hồ sơ"}
            """.formatted(at(7)));
        assertThat(late.get("currentStatus").asInt()).isEqualTo(4);
        eventually().until(() -> portal.held(code).progress().stream().anyMatch(s -> s.path("TrangThai").asInt() == 7));
        assertThat(atDvcqg(code).get("TrangThaiHoSo").asInt()).isEqualTo(4);
    }

    @Test
    void badAmendmentsAreRefusedWithProblemDetailsAndChangeNothing() {
        String code = landDossierFromOnestop();

        var unknownField = hub.postJson("/api/v1/dossiers/" + code + "/corrections", ONESTOP_KEY, """
            {"at":"%s","changes":{"applicant.personalId":"002190099999"}}
            """.formatted(at(1)));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(unknownField.json().at("/errors/0/field").asText()).isEqualTo("changes.applicant.personalId");

        var invalidValue = hub.postJson("/api/v1/dossiers/" + code + "/corrections", ONESTOP_KEY, """
            {"at":"%s","changes":{"applicant.email":"not an address"}}
            """.formatted(at(1)));
        assertThat(invalidValue.status()).isEqualTo(400);
        assertThat(invalidValue.json().at("/errors/0/field").asText()).isEqualTo("applicant.email");

        var noTime = hub.postJson("/api/v1/dossiers/" + code + "/withdrawal", ONESTOP_KEY, "{\"note\":\"rút\"}");
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(noTime.json().at("/errors/0/field").asText()).isEqualTo("at");

        var noSuchSupplement = hub.postJson("/api/v1/dossiers/" + code + "/supplements/3/receipt", LAND_KEY, """
            {"at":"%s"}
            """.formatted(at(1)));
        assertThat(noSuchSupplement.status()).isEqualTo(404);
        assertThat(noSuchSupplement.json().get("code").asText()).isEqualTo("SUPPLEMENT_NOT_FOUND");

        var notItsDossier = hub.postJson("/api/v1/dossiers/" + code + "/withdrawal", CIVIL_KEY, """
            {"at":"%s"}
            """.formatted(at(1)));
        assertThat(notItsDossier.status()).isEqualTo(403);

        var noDossier = hub.postJson("/api/v1/dossiers/H15.13-991231-9999/withdrawal", ONESTOP_KEY, """
            {"at":"%s"}
            """.formatted(at(1)));
        assertThat(noDossier.status()).isEqualTo(404);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM dossier_amendment WHERE dossier_code = ?").param(code)
                .query(Integer.class).single()).isZero();
        assertThat(hub.get("/api/v1/dossiers/" + code, ONESTOP_KEY).json().get("status").asInt()).isEqualTo(1);
    }
}
