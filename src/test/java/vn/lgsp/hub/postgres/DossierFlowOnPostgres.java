package vn.lgsp.hub.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The intake-to-delivery flow on PostgreSQL, the production database: the same migrations, idempotency,
 * ordering of status changes and dead-lettering as on the embedded H2. Subclasses say where PostgreSQL runs.
 */
abstract class DossierFlowOnPostgres extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void runsOnPostgres() {
        String product = jdbc.sql("SELECT version()").query(String.class).single();
        assertThat(product).startsWith("PostgreSQL");
    }

    @Test
    void duplicatesAreDeliveredOnceAndStatusChangesApplyInTheOrderTheyHappened() {
        String body = Dossiers.citizen(Dossiers.newRef("PG"));
        var first = hub.postJson("/api/v1/dossiers", LAND_KEY, body, "Idempotency-Key", "pg-1");
        var again = hub.postJson("/api/v1/dossiers", LAND_KEY, body, "Idempotency-Key", "pg-1");
        var sameRef = hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        String code = first.json().get("dossierCode").asText();
        assertThat(again.json().get("dossierCode").asText()).isEqualTo(code);
        assertThat(sameRef.json().get("dossierCode").asText()).isEqualTo(code);

        eventually().until(() -> onestop.receivedLog().get(code) != null);
        assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);

        // Reported out of order: 9 (later) first, then 4 (earlier), then 9 again.
        var later = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY,
                "{\"status\":9,\"at\":\"2030-01-02T10:00:00+07:00\",\"officer\":\"cb-02\"}");
        var earlier = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY,
                "{\"status\":4,\"at\":\"2030-01-01T10:00:00+07:00\",\"officer\":\"cb-01\"}");
        var repeated = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY,
                "{\"status\":9,\"at\":\"2030-01-02T10:00:00+07:00\",\"officer\":\"cb-02\"}");
        assertThat(later.json().get("current").asBoolean()).isTrue();
        assertThat(earlier.json().get("current").asBoolean()).isFalse();
        assertThat(repeated.json().get("duplicate").asBoolean()).isTrue();

        var view = hub.get("/api/v1/dossiers/" + code, LAND_KEY).json();
        assertThat(view.get("status").asInt()).isEqualTo(9);
        assertThat(view.get("statusHistory")).hasSize(2);
        assertThat(view.get("statusHistory").get(0).get("status").asInt()).isEqualTo(4);
    }

    @Test
    void failingDeliveryEndsInTheDeadLetterQueueWithTheReasonOnTheTrail() {
        onestop.injectFaults(new Faults(1.0, 503, null, null, null));
        String code = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("PG")))
                .json().get("dossierCode").asText();

        eventually().until(() -> hub.get("/api/v1/dossiers/" + code, LAND_KEY).body().contains("DEAD_LETTERED"));
        assertThat(hub.get("/api/v1/dossiers/" + code, LAND_KEY).body()).contains("HTTP 503");
    }
}
