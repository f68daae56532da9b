package vn.lgsp.hub.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.console.SystemHealth;
import vn.lgsp.hub.simulators.procedures.ProceduresSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The catalogue refreshed from the national procedure database (its simulator): a change there, refreshed on demand,
 * is reported and used for the next dossier, on every node; a refresh that fails is reported FAILED and changes
 * nothing.
 */
class NationalCatalogueRefreshIT extends HubIntegrationTest {

    /** Only the national list holds it (mappings/catalogue/procedures.csv does not). */
    private static final String NATIONAL_ONLY = "1.004884";

    @Autowired
    ProceduresSimulator national;

    @Autowired
    SystemHealth health;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void theNationalListAsSeededIsInForce() {
        // The scheduled refresh a second after start-up has run, so it cannot take a change a test makes.
        eventually().until(() -> hub.get("/api/v1/admin/catalogue/refreshes", ADMIN_KEY).json().findValuesAsText("trigger")
                .contains("SCHEDULE") && !hub.get("/api/v1/admin/catalogue/refreshes", ADMIN_KEY).body()
                .contains("RUNNING"));
        national.reset();
        assertThat(refreshed().get("state").asText()).isEqualTo("DONE");
    }

    @Test
    void aChangeAtTheNationalDatabaseIsReportedAndFillsTheNextDossier() {
        // Another node on the same database: it did not refresh, yet it must use what this node fetched.
        NationalProcedures otherNode = new NationalProcedures(jdbc, json, new CatalogueProperties(Duration.ofMillis(100)));
        eventually().until(() -> otherNode.current().containsKey(NATIONAL_ONLY));
        JsonNode before = dossier(postAsOnestop(NATIONAL_ONLY));
        assertThat(before.get("fieldName").asText()).isEqualTo("Hộ tịch");
        assertThat(before.get("procedureName").asText()).isEqualTo("Đăng ký lại khai sinh");
        assertThat(OffsetDateTime.parse(before.get("dueAt").asText())).isAtSameInstantAs(
                WorkingDays.after(OffsetDateTime.parse(before.get("receivedAt").asText()), 5));

        hub.putJson("/sim/procedures/control/thutuc/" + NATIONAL_ONLY,
                "{\"TenLinhVuc\":\"Hộ tịch và chứng thực\",\"ThoiHanGiaiQuyet\":3}");
        hub.putJson("/sim/procedures/control/thutuc/1.012345", """
                {"TenTTHC":"Cấp giấy xác nhận tình trạng hôn nhân","MaLinhVuc":"HT","TenLinhVuc":"Hộ tịch",
                 "MucDoDVC":"TOAN_TRINH","ThoiHanGiaiQuyet":3,"DonViThoiHan":"NGAY_LAM_VIEC","PhiLePhi":[]}""");
        hub.delete("/sim/procedures/control/thutuc/2.000635");
        // A procedure the operator's file lists: the file stays in force, the report says so.
        hub.putJson("/sim/procedures/control/thutuc/1.001193", "{\"ThoiHanGiaiQuyet\":2}");

        JsonNode report = refreshed();
        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("DONE");
        assertThat(report.get("trigger").asText()).isEqualTo("ADMIN");
        JsonNode differences = report.get("differences");
        assertThat(differences.get("added").findValuesAsText("code")).containsExactly("1.012345");
        assertThat(differences.get("withdrawn").findValuesAsText("code")).containsExactly("2.000635");
        assertThat(differences.get("changed").findValuesAsText("code")).containsExactlyInAnyOrder(NATIONAL_ONLY, "1.001193");
        JsonNode changed = changedEntry(differences, NATIONAL_ONLY);
        assertThat(changed.get("overriddenByFile").asBoolean()).isFalse();
        assertThat(changed.get("fields").toString()).contains(
                "{\"field\":\"fieldName\",\"from\":\"Hộ tịch\",\"to\":\"Hộ tịch và chứng thực\"}",
                "{\"field\":\"processingDays\",\"from\":5,\"to\":3}");
        assertThat(changedEntry(differences, "1.001193").get("overriddenByFile").asBoolean()).isTrue();
        assertThat(report.get("added").asInt()).isEqualTo(1);
        assertThat(report.get("changed").asInt()).isEqualTo(2);
        assertThat(report.get("withdrawn").asInt()).isEqualTo(1);

        JsonNode after = dossier(postAsOnestop(NATIONAL_ONLY));
        assertThat(after.get("fieldName").asText()).isEqualTo("Hộ tịch và chứng thực");
        assertThat(OffsetDateTime.parse(after.get("dueAt").asText())).isAtSameInstantAs(
                WorkingDays.after(OffsetDateTime.parse(after.get("receivedAt").asText()), 3));
        assertThat(procedure("1.012345").get("source").asText()).isEqualTo("NATIONAL");
        eventually().until(() -> otherNode.current().get(NATIONAL_ONLY).processingDays() == 3
                && otherNode.current().containsKey("1.012345") && !otherNode.current().containsKey("2.000635"));
        assertThat(hub.get("/api/v1/admin/catalogue/procedures/2.000635", ADMIN_KEY).status()).isEqualTo(404);
        JsonNode overridden = procedure("1.001193");
        assertThat(overridden.get("source").asText()).isEqualTo("FILE");
        assertThat(overridden.at("/procedure/processingDays").asInt()).isEqualTo(1);
    }

    @Test
    void aFailedRefreshIsReportedAndThePreviousCatalogueStaysInForce() {
        hub.putJson("/sim/procedures/control/thutuc/" + NATIONAL_ONLY, "{\"ThoiHanGiaiQuyet\":9}");
        hub.putJson("/sim/procedures/faults", "{\"failNext\":1,\"errorStatus\":503}");

        JsonNode report = refreshed();
        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("FAILED");
        assertThat(report.get("failure").asText()).contains("503");
        assertThat(report.has("differences")).as("nothing compared, nothing stored").isFalse();
        assertThat(procedure(NATIONAL_ONLY).at("/procedure/processingDays").asInt()).isEqualTo(5);
        JsonNode dossier = dossier(postAsOnestop(NATIONAL_ONLY));
        assertThat(OffsetDateTime.parse(dossier.get("dueAt").asText())).isAtSameInstantAs(
                WorkingDays.after(OffsetDateTime.parse(dossier.get("receivedAt").asText()), 5));
        eventually().untilAsserted(() -> {
            health.flush();
            var procedures = health.all().stream().filter(s -> s.id().equals("procedures")).findFirst().orElseThrow();
            assertThat(procedures.lastFailure()).contains("503");
        });

        JsonNode next = refreshed();
        assertThat(next.get("state").asText()).as(next.toString()).isEqualTo("DONE");
        assertThat(procedure(NATIONAL_ONLY).at("/procedure/processingDays").asInt()).isEqualTo(9);
    }

    @Test
    void anEmptyNationalListIsTakenForAFaultNotForEveryProcedureWithdrawn() {
        for (JsonNode p : hub.get("/sim/procedures/api/thutuc?soBanGhi=500", null).json().get("DanhSachTTHC")) {
            hub.delete("/sim/procedures/control/thutuc/" + p.get("MaTTHC").asText());
        }

        JsonNode report = refreshed();
        assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("FAILED");
        assertThat(report.get("failure").asText()).contains("no usable procedure");
        assertThat(procedure(NATIONAL_ONLY).get("source").asText()).isEqualTo("NATIONAL");
        eventually().untilAsserted(() -> {
            health.flush();
            var procedures = health.all().stream().filter(s -> s.id().equals("procedures")).findFirst().orElseThrow();
            assertThat(procedures.lastFailure()).contains("no usable procedure");
        });
    }

    /** Refreshes on demand and waits for its report to be DONE or FAILED. */
    private JsonNode refreshed() {
        var started = hub.postJson("/api/v1/admin/catalogue/refresh", ADMIN_KEY, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        eventually().until(() -> !hub.get(location, ADMIN_KEY).json().get("state").asText().equals("RUNNING"));
        return hub.get(location, ADMIN_KEY).json();
    }

    private JsonNode procedure(String code) {
        var answer = hub.get("/api/v1/admin/catalogue/procedures/" + code, ADMIN_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode changedEntry(JsonNode differences, String code) {
        for (JsonNode entry : differences.get("changed")) {
            if (entry.get("code").asText().equals(code)) {
                return entry;
            }
        }
        throw new AssertionError(code + " not among the changed procedures: " + differences);
    }

    private String postAsOnestop(String procedure) {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, """
                {"procedureCode":"%s","agencyCode":"H15.50.05.13","sourceRef":"%s","channel":"IN_PERSON",
                 "applicant":{"type":"CITIZEN","personalId":"002190012345","fullName":"Nguyễn Thị Hoà"}}
                """.formatted(procedure, Dossiers.newRef("NATCAT")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    private JsonNode dossier(String code) {
        eventually().until(() -> hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).status() == 200);
        return hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json().get("dossier");
    }
}
