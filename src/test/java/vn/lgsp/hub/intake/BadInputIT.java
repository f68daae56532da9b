package vn.lgsp.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubClient.Answer;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * Each bad request gets its documented problem detail, nothing is stored or delivered, and the hub keeps working.
 */
class BadInputIT extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long dossiersBefore;

    @BeforeEach
    void countDossiers() {
        dossiersBefore = dossierCount();
    }

    @Test
    void malformedJson() {
        Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY, "{\"procedureCode\": ");
        assertProblem(answer, 400, "MALFORMED_REQUEST");
        assertThat(answer.json().get("detail").asText()).contains("line 1");
    }

    @Test
    void invalidPersonalId() {
        Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY,
                Dossiers.citizen(Dossiers.newRef("BAD")).replace("002190012345", "00219001234X"));
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("applicant.personalId");
    }

    @Test
    void enterpriseCodeWithWrongCheckDigit() {
        Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY,
                Dossiers.business(Dossiers.newRef("BAD"), "0100233489"));
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("applicant.enterpriseCode");
    }

    @Test
    void validEnterpriseCodesAreAccepted() {
        for (String code : new String[] {"0100233488", "0314409058", "0100112437", "0312687878", "0100233488-001"}) {
            Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.business(Dossiers.newRef("OK"), code));
            assertThat(answer.status()).as(code).isEqualTo(202);
        }
    }

    @Test
    void unknownFieldIsRejectedNamingIt() {
        String body = Dossiers.citizen(Dossiers.newRef("BAD")).replace("\"summary\"", "\"summmary\"");
        Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("summmary");
    }

    @Test
    void wrongTypeIsRejectedNamingTheField() {
        String body = Dossiers.citizen(Dossiers.newRef("BAD")).replace("\"amount\":8000", "\"amount\":\"8000\"");
        Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo("fees[0].amount");
    }

    @Test
    void duplicateKeyIsRejected() {
        Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY,
                "{\"procedureCode\":\"1.1\",\"procedureCode\":\"1.2\"}");
        assertProblem(answer, 400, "MALFORMED_REQUEST");
        assertThat(answer.json().get("detail").asText()).contains("appears twice");
    }

    @Test
    void missingRequiredFieldsAreAllListed() {
        Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY, "{\"applicant\":{\"type\":\"CITIZEN\"}}");
        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.json().get("errors").toString())
                .contains("procedureCode").contains("agencyCode").contains("sourceRef").contains("channel")
                .contains("applicant.personalId");
    }

    @Test
    void bodyOfElevenMebibytesIsRejected() {
        byte[] body = new byte[11 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        Answer answer = hub.postBytes("/api/v1/dossiers", LAND_KEY, "application/json", body);
        assertProblem(answer, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void missingKeyIsUnauthorised() {
        Answer answer = hub.postJson("/api/v1/dossiers", null, Dossiers.citizen(Dossiers.newRef("BAD")));
        assertProblem(answer, 401, "UNAUTHENTICATED");
        assertThat(answer.json().get("detail").asText()).contains("missing");
    }

    @Test
    void unknownKeyIsUnauthorised() {
        Answer answer = hub.postJson("/api/v1/dossiers", "not-a-key", Dossiers.citizen(Dossiers.newRef("BAD")));
        assertProblem(answer, 401, "UNAUTHENTICATED");
    }

    @Test
    void submittingForAnotherSystemIsForbidden() {
        String body = Dossiers.citizen(Dossiers.newRef("BAD")).replace("\"sourceRef\"", "\"sourceSystem\":\"onestop\",\"sourceRef\"");
        Answer answer = hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        assertProblem(answer, 403, "FORBIDDEN");
    }

    @Test
    void wrongMediaTypeIsRejected() {
        Answer answer = hub.postBytes("/api/v1/dossiers", LAND_KEY, "text/plain",
                Dossiers.citizen(Dossiers.newRef("BAD")).getBytes(StandardCharsets.UTF_8));
        assertProblem(answer, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void idempotencyKeyReusedForAnotherDossierIsRejected() {
        String key = Dossiers.newRef("idem");
        Answer first = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("A")),
                "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(202);
        settle(first.json().get("dossierCode").asText());

        Answer second = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("B")),
                "Idempotency-Key", key);
        assertProblem(second, 422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void statusOutsideOneToTenOrForAnUnknownDossierIsRejected() {
        Answer accepted = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("ST")));
        String code = accepted.json().get("dossierCode").asText();
        settle(code);

        assertProblem(hub.postJson("/api/v1/dossiers/" + code + "/status", LAND_KEY,
                "{\"status\":11,\"at\":\"2026-11-23T10:00:00+07:00\"}"), 400, "VALIDATION_FAILED");
        assertProblem(hub.postJson("/api/v1/dossiers/" + code + "/status", LAND_KEY,
                "{\"status\":4}"), 400, "VALIDATION_FAILED");
        assertProblem(hub.postJson("/api/v1/dossiers/NO-SUCH-CODE/status", LAND_KEY,
                "{\"status\":4,\"at\":\"2026-11-23T10:00:00+07:00\"}"), 404, "DOSSIER_NOT_FOUND");
        assertThat(hub.get("/api/v1/dossiers/" + code, LAND_KEY).json().get("statusHistory")).isEmpty();
    }

    private void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo(code);
        assertThat(answer.json().get("correlationId").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at vn.lgsp");
        assertThat(dossierCount()).as("nothing stored").isEqualTo(dossiersBefore);
        assertThat(onestop.receivedLog().items()).as("nothing delivered").isEmpty();
        assertThat(hub.get("/actuator/health", null).status()).as("hub still healthy").isEqualTo(200);
    }

    /** Lets a dossier the test needs reach the one-stop, then starts counting from there. */
    private void settle(String code) {
        eventually().until(() -> onestop.receivedLog().get(code) != null);
        onestop.clearReceived();
        dossiersBefore = dossierCount();
    }

    private long dossierCount() {
        return jdbc.sql("SELECT COUNT(*) FROM dossier").query(Long.class).single();
    }
}
