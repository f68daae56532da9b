package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.simulators.sectors.CivilStatusSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The SOAP sector system (civil status) under the same classification as every flow: busy (a SOAP server fault
 * on HTTP 503) is waited out, a client fault is a rejection.
 */
class SectorCivilDeliveryFailureIT extends HubIntegrationTest {

    @Autowired
    CivilStatusSimulator civil;

    @AfterEach
    void civilBack() {
        civil.clearFaults();
    }

    @Test
    void busyForLongerThanTheOldRetryBudgetIsWaitedOutAndDeliveredOnce() {
        civil.injectFaults(new Faults(null, 503, null, null, 8));

        String code = submitCivilDossier("CIVIL-BUSY");

        eventually().until(() -> deliveredTo(code, "sector-civil"));
        assertThat(civil.receivedLog().get(code).arrivals()).isEqualTo(1);
        var trail = hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).body();
        assertThat(trail.split("DELIVERY_RETRY", -1)).hasSize(9); // 8 retries
        assertThat(trail).doesNotContain("DEAD_LETTERED");
    }

    @Test
    void aClientFaultIsDeadLetteredAtOnce() {
        civil.injectFaults(new Faults(null, 400, null, null, 1));

        String code = submitCivilDossier("CIVIL-REFUSED");

        eventually().until(() -> trailHas(code, "DEAD_LETTERED", "sector-civil"));
        var trail = hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).body();
        assertThat(trail).contains("after 1 attempt(s)").doesNotContain("DELIVERY_RETRY");
        assertThat(civil.receivedLog().get(code)).isNull();
    }

    /** A death registration the one-stop system posts: the routing table gives it to the civil-status system. */
    private String submitCivilDossier(String prefix) {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY,
                Dossiers.citizen(Dossiers.newRef(prefix), "1.000894"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }
}
