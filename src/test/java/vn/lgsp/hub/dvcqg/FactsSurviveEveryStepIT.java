package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.population.SyntheticCitizens;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The province's real flow, end to end on the default run: the one-stop system's own dossier for any procedure is
 * accepted and at DVCQG within seconds; and a dossier walked through every kind of update (the applicant verified
 * from the population registry, a payment, a supplement asked and brought, a reply document, status changes) keeps
 * every fact on the way, at the hub and in DVCQG's copy. The payment comes before the reply on purpose: a reply
 * document once rebuilt the dossier without its online payment.
 */
@TestPropertySource(properties = {
        "hub.systems.docaxis.poll-interval=200",
        "hub.systems.docaxis.max-package-size=2MB"})
class FactsSurviveEveryStepIT extends HubIntegrationTest {

    @Autowired
    DvcqgSimulator portal;
    @Autowired
    DocAxisSimulator axis;
    @Autowired
    PopulationSimulator population;

    @BeforeEach
    void reset() {
        axis.reset();
        population.clearFaults();
    }

    @Test
    void theOnestopSystemsOwnDossierForAnyProcedureIsAtDvcqgWithinSeconds() {
        // A building permit (catalogued, no sector rule), a procedure the catalogue does not know, a land dossier.
        String permit = postAsOnestop("1.009974", "H15.50.05.13");
        String unknown = postAsOnestop("2.999001", "H15.50.05.13");
        String land = postAsOnestop("1.004227", "H15.13");

        for (String code : new String[] {permit, unknown, land}) {
            eventually().atMost(Duration.ofSeconds(10)).until(() -> portal.held(code) != null);
        }
        JsonNode atPortal = portal.held(permit).dossier();
        assertThat(atPortal.get("MaLinhVuc").asText()).isEqualTo("HDXD");
        assertThat(atPortal.get("TenLinhVuc").asText()).isEqualTo("Hoạt động xây dựng");
        assertThat(atPortal.get("TenTTHC").asText()).isEqualTo("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ");
        assertThat(atPortal.has("NgayHenTra")).as("15 working days after receipt").isTrue();
        assertThat(trailHas(unknown, "CATALOGUE_WARNING", "catalogue")).isTrue();
        assertThat(portal.held(unknown).dossier().has("MaLinhVuc")).isFalse();
        assertThat(trailHas(permit, "ROUTED", "onestop")).isTrue();
        assertThat(trailHas(land, "ROUTED", "sector-land")).isTrue();
    }

    @Test
    void theOnestopSystemsOwnDossierWithOnlyAPersonalIdEndsAtDvcqgWithTheVerifiedOwner() {
        SyntheticCitizens.Person kept = citizen(62);
        SyntheticCitizens.Person routed = citizen(63);
        // One the one-stop system keeps (a building permit), one it hands to the land-registration system.
        String keptCode = postAsOnestopByPersonalId("1.009974", "H15.50.05.13", kept.personalId());
        String routedCode = postAsOnestopByPersonalId("1.004227", "H15.13", routed.personalId());

        eventually().until(() -> kept.fullName().equals(atPortal(keptCode).path("ChuHoSo").asText())
                && routed.fullName().equals(atPortal(routedCode).path("ChuHoSo").asText()));
        assertThat(atPortal(keptCode).path("MaCSDL").asText()).isEqualTo("CSDLQG_DAN_CU");
        assertThat(trailHas(keptCode, "APPLICANT_VERIFIED", "population")).isTrue();
        assertThat(onestop.receivedLog().get(keptCode)).as("never sent back to where it came from").isNull();
        assertThat(onestop.receivedLog().get(routedCode)).isNull();
    }

    @Test
    void aDossierWalkedThroughEveryKindOfUpdateLosesNoFact() {
        SyntheticCitizens.Person person = citizen(61);
        var receipt = hub.postJson("/api/v1/dossiers", LAND_KEY, everyFact(Dossiers.newRef("FACTS"),
                person.personalId()));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(202);
        String code = receipt.json().get("dossierCode").asText();

        // 1. The applicant is verified from the population registry after intake: the portal gets the owner.
        eventually().until(() -> person.fullName().equals(atPortal(code).path("ChuHoSo").asText())
                && "CSDLQG_DAN_CU".equals(atPortal(code).path("MaCSDL").asText()));
        assertSubmittedFactsKept(code);

        // 2. A payment through the national payment platform.
        var started = hub.postJson("/api/v1/dossiers/" + code + "/payments", ONESTOP_KEY, """
                {"fees":[{"code":"LP01","amount":8000}],"amount":8000,"payer":"%s",
                 "returnUrl":"https://dvc.example.vn/thanh-toan/ket-qua","gateway":"payment"}
                """.formatted(person.fullName()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        var paid = hub.postJson("/sim/payment/pay/" + started.json().get("transactionId").asText(), null,
                "{\"outcome\":\"PAID\"}");
        assertThat(paid.status()).isEqualTo(200);
        eventually().until(() -> atPortal(code).path("DuocThanhToanTrucTuyen").asInt() == 1);
        assertSubmittedFactsKept(code);

        // 3. The one-stop system asks for a supplement; the land system, which submitted it, reports it brought.
        //    Dated just after receipt, so the reply's status (now) stays the latest.
        OffsetDateTime received = OffsetDateTime.parse(
                hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json().at("/dossier/receivedAt").asText());
        var asked = hub.postJson("/api/v1/dossiers/" + code + "/supplements", ONESTOP_KEY, """
                {"at":"%s","officer":"cb-01","note":"Bổ sung bản sao giấy chứng sinh"}
                """.formatted(received.plusNanos(1_000_000)));
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        var brought = hub.postJson("/api/v1/dossiers/" + code + "/supplements/1/receipt", LAND_KEY, """
                {"at":"%s","documents":[{"code":"TP02","name":"Bản sao giấy chứng sinh","digitized":true}]}
                """.formatted(received.plusNanos(2_000_000)));
        assertThat(brought.status()).as(brought.body()).isEqualTo(202);
        eventually().until(() -> atPortal(code).at("/DanhSachHoSoBoSung/0/TrangThaiBoSung").asInt() == 1);
        assertSubmittedFactsKept(code);
        assertThat(atPortal(code).path("DuocThanhToanTrucTuyen").asInt()).as("kept through the supplement")
                .isEqualTo(1);

        // 4. A reply document from the document-management system.
        axis.changeBehaviour(new DocAxisSimulator.Behaviour(100L, "complete", false, false));
        var request = hub.postJson("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY, documentRequest());
        assertThat(request.status()).as(request.body()).isEqualTo(202);
        eventually().until(() -> atPortal(code).path("DanhSachGiayToKetQua").size() == 1
                && atPortal(code).path("TrangThaiHoSo").asInt() == 9);
        assertSubmittedFactsKept(code);
        assertThat(atPortal(code).path("DuocThanhToanTrucTuyen").asInt()).as("kept through the reply").isEqualTo(1);

        // 5. The result is returned, reported with the officer's title, department and the result's number.
        OffsetDateTime later = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        var status = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY, """
                {"status":10,"at":"%s","officer":"Phạm Thu Trang","officerTitle":"Chuyên viên",
                 "department":"Bộ phận Tiếp nhận và Trả kết quả","resultCode":"125/TLKS-BS",
                 "note":"Đã trả kết quả qua bưu điện"}
                """.formatted(later));
        assertThat(status.status()).as(status.body()).isEqualTo(202);
        eventually().until(() -> portal.held(code).status() == 10
                && "125/TLKS-BS".equals(atPortal(code).path("MaKetQua").asText()));
        assertSubmittedFactsKept(code);

        // Everything the updates added is there too, at the hub ...
        JsonNode hubView = hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json();
        JsonNode dossier = hubView.get("dossier");
        assertThat(dossier.at("/applicant/fullName").asText()).isEqualTo(person.fullName());
        assertThat(dossier.at("/applicant/verification/source").asText()).isEqualTo("CSDLQG_DAN_CU");
        assertThat(dossier.get("onlinePayment").asInt()).isEqualTo(1);
        assertThat(dossier.at("/fees/0/collection").asText()).isEqualTo("ONLINE");
        assertThat(dossier.get("documents").toString()).contains("\"code\":\"KQ\"");
        assertThat(dossier.get("status").asInt()).isEqualTo(10);
        JsonNode last = hubView.get("statusHistory").get(hubView.get("statusHistory").size() - 1);
        assertThat(last.get("officerTitle").asText()).isEqualTo("Chuyên viên");
        assertThat(last.get("department").asText()).isEqualTo("Bộ phận Tiếp nhận và Trả kết quả");
        assertThat(last.get("resultCode").asText()).isEqualTo("125/TLKS-BS");
        // ... and at DVCQG.
        JsonNode atPortal = atPortal(code);
        assertThat(atPortal.get("ChuHoSo").asText()).isEqualTo(person.fullName());
        assertThat(atPortal.get("MaCSDL").asText()).isEqualTo("CSDLQG_DAN_CU");
        assertThat(atPortal.at("/DanhSachLePhi/0/HinhThucThu").asInt()).as("LP01 paid online").isEqualTo(2);
        assertThat(atPortal.get("DanhSachGiayToKetQua").size()).isEqualTo(1);
        assertThat(atPortal.at("/DanhSachHoSoBoSung/0/DanhSachGiayToBoSung/0/MaThanhPhanHoSo").asText())
                .isEqualTo("TP02");
        assertThat(atPortal.get("NgayTra").asText()).isEqualTo(DvcqgMapping.dvcqgDate(later.toString()));
        JsonNode step = portal.held(code).progress().stream()
                .filter(s -> s.path("TrangThai").asInt() == 10).findFirst().orElseThrow();
        assertThat(step.get("ChucDanh").asText()).isEqualTo("Chuyên viên");
        assertThat(step.get("PhongBanXuLy").asText()).isEqualTo("Bộ phận Tiếp nhận và Trả kết quả");
    }

    /** What the submitting system said, at the hub and at the portal, after every step. */
    private void assertSubmittedFactsKept(String code) {
        JsonNode d = hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json().get("dossier");
        assertThat(d.get("receiptNumber").asText()).isEqualTo("BN-0042");
        assertThat(d.get("submittedAt").asText()).startsWith("2026-12-03T21:40:05");
        assertThat(d.get("note").asText()).isEqualTo("Trả kết quả qua bưu điện");
        assertThat(d.get("resultDelivery").asText()).isEqualTo("POST");
        assertThat(d.get("fieldCode").asText()).isEqualTo("HT");
        assertThat(d.at("/documents/0/id").asText()).isEqualTo("f-7d3a91");
        assertThat(d.at("/applicant/phone").asText()).isEqualTo("0912345678");
        assertThat(d.at("/fees/1/kind").asText()).isEqualTo("FEE");

        JsonNode p = atPortal(code);
        assertThat(p.get("SoBienNhan").asText()).isEqualTo("BN-0042");
        assertThat(p.get("NgayNopHoSo").asText()).isEqualTo("20261203214005");
        assertThat(p.get("GhiChu").asText()).isEqualTo("Trả kết quả qua bưu điện");
        assertThat(p.get("HinhThuc").asInt()).isEqualTo(1);
        assertThat(p.get("MaLinhVuc").asText()).isEqualTo("HT");
        assertThat(p.get("TenLinhVuc").asText()).isEqualTo("Hộ tịch");
        assertThat(p.at("/TaiLieuNop/0/TepDinhKemId").asText()).isEqualTo("f-7d3a91");
        assertThat(p.at("/DanhSachLePhi/0/LoaiPhiLePhi").asInt()).isEqualTo(2);
        assertThat(p.at("/DanhSachLePhi/1/LoaiPhiLePhi").asInt()).isEqualTo(1);
        assertThat(p.at("/DanhSachLePhi/1/HinhThucThu").asInt()).isEqualTo(1);
        assertThat(p.get("SoDienThoai").asText()).isEqualTo("0912345678");
    }

    private JsonNode atPortal(String code) {
        DvcqgSimulator.Held held = portal.held(code);
        return held == null ? MissingNode.getInstance() : held.dossier();
    }

    /**
     * The n-th synthetic citizen with a full birth date; from 61 on, so that no other test of the shared context
     * (the registries' tests take 1 to 41) finds this one in the registry cache or its audit.
     */
    private SyntheticCitizens.Person citizen(int n) {
        return population.citizens().sample(population.citizens().size()).stream()
                .filter(p -> !p.yearOnly()).skip(n).findFirst().orElseThrow();
    }

    private String postAsOnestop(String procedure, String agency) {
        return postAsOnestop(procedure, agency,
                "{\"type\":\"CITIZEN\",\"personalId\":\"002190012345\",\"fullName\":\"Nguyễn Thị Hoà\"}");
    }

    /** A dossier of the one-stop system's own, its applicant given by personal ID only. */
    private String postAsOnestopByPersonalId(String procedure, String agency, String personalId) {
        return postAsOnestop(procedure, agency, "{\"type\":\"CITIZEN\",\"personalId\":\"" + personalId + "\"}");
    }

    private String postAsOnestop(String procedure, String agency, String applicant) {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, """
                {"procedureCode":"%s","agencyCode":"%s","sourceRef":"%s","channel":"IN_PERSON","applicant":%s}
                """.formatted(procedure, agency, Dossiers.newRef("HOME"), applicant));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    /** A dossier with every optional fact a submitting system can give; the applicant by personal ID only. */
    private static String everyFact(String ref, String personalId) {
        return """
            {"procedureCode":"1.001193","agencyCode":"H15.50.05.13","sourceRef":"%s",
             "receiptNumber":"BN-0042","submittedAt":"2026-12-03T21:40:05+07:00",
             "applicant":{"type":"CITIZEN","personalId":"%s","phone":"0912345678","email":"nguoi.nop@example.vn"},
             "summary":"Đăng ký khai sinh cho con","channel":"ONLINE","resultDelivery":"POST",
             "note":"Trả kết quả qua bưu điện",
             "documents":[{"code":"TP01","name":"Giấy chứng sinh","url":"https://dvc.example.vn/f/1.pdf",
                           "digitized":true,"id":"f-7d3a91"}],
             "fees":[{"code":"LP01","name":"Lệ phí đăng ký khai sinh","amount":8000},
                     {"code":"P02","name":"Phí cấp bản sao trích lục","amount":3000,"kind":"FEE",
                      "collection":"DIRECT"}]}
            """.formatted(ref, personalId);
    }

    private static String documentRequest() {
        String attachment = Base64.getEncoder().encodeToString("Tờ trình".getBytes(StandardCharsets.UTF_8));
        return """
                {"recipients":[{"organId":"H15.50.05.13","name":"Sở Tư pháp tỉnh Hà Giang"}],
                 "subject":"Xin ý kiến phê duyệt hồ sơ khai sinh","signer":"Trần Thị Mai",
                 "attachments":[{"name":"to-trinh.txt","contentType":"text/plain","base64":"%s"}]}
                """.formatted(attachment);
    }
}
