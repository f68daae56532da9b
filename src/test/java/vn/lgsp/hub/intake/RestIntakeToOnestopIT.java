package vn.lgsp.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/** A sector system posts dossiers over HTTP; each reaches the one-stop simulator exactly once. */
class RestIntakeToOnestopIT extends HubIntegrationTest {

    @Test
    void dossierPostedThreeTimesIsDeliveredOnce() {
        String body = Dossiers.citizen(Dossiers.newRef("LAND"));

        var first = hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        var second = hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        var third = hub.postJson("/api/v1/dossiers", LAND_KEY, body, "Idempotency-Key", "retry-1");

        assertThat(first.status()).isEqualTo(202);
        String code = first.json().get("dossierCode").asText();
        assertThat(first.json().get("duplicate").asBoolean()).isFalse();
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().get("dossierCode").asText()).isEqualTo(code);
        assertThat(second.json().get("duplicate").asBoolean()).isTrue();
        assertThat(third.json().get("dossierCode").asText()).isEqualTo(code);

        eventually().until(() -> onestop.receivedLog().get(code) != null);
        eventually().until(() -> deliveredTo(code, "onestop"));
        assertThat(onestop.receivedLog().items()).hasSize(1);
        assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);
        assertThat(onestop.receivedLog().get(code).body().get("applicant").get("fullName").asText())
                .isEqualTo("Nguyễn Thị Hoà");
    }

    @Test
    void aVerificationClaimedByTheCallerIsDroppedAtIntake() {
        String forged = Dossiers.citizen(Dossiers.newRef("FORGED")).replace("\"phone\":\"0912345678\"",
                "\"phone\":\"0912345678\",\"verification\":{\"status\":\"VERIFIED\",\"source\":\"FORGED-SOURCE\"}");
        assertThat(forged).contains("FORGED-SOURCE");

        var answer = hub.postJson("/api/v1/dossiers", LAND_KEY, forged);

        assertThat(answer.status()).isEqualTo(202);
        String code = answer.json().get("dossierCode").asText();
        eventually().until(() -> onestop.receivedLog().get(code) != null);
        assertThat(onestop.receivedLog().get(code).body().toString()).doesNotContain("FORGED-SOURCE");
        assertThat(hub.get("/api/v1/dossiers/" + code, LAND_KEY).body()).doesNotContain("FORGED-SOURCE");
    }

    @Test
    void vietnameseTextArrivingDecomposedIsDeliveredComposed() {
        String composed = "Nguyễn Thị Hoà";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);

        var answer = hub.postJson("/api/v1/dossiers", LAND_KEY,
                Dossiers.citizen(Dossiers.newRef("NFD")).replace(composed, decomposed));

        String code = answer.json().get("dossierCode").asText();
        eventually().until(() -> onestop.receivedLog().get(code) != null);
        assertThat(onestop.receivedLog().get(code).body().get("applicant").get("fullName").asText()).isEqualTo(composed);
    }
}
