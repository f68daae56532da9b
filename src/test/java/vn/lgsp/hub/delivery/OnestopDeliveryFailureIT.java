package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The one-stop system failing for a while (longer than the old budget of hub.delivery.max-redeliveries = 4
 * retries), for longer than its patience (8 s in tests), or refusing a dossier.
 */
class OnestopDeliveryFailureIT extends HubIntegrationTest {

    private static final String DLQ = "lgsp.onestop.dossier.DLQ";

    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcClient db;

    @Test
    void failingForAWhileIsRetriedUntilDelivered() {
        onestop.injectFaults(new Faults(null, 503, null, null, 12));

        String code = submit("RETRY");

        eventually().until(() -> onestop.receivedLog().get(code) != null);
        var trail = hub.get("/api/v1/dossiers/" + code, LAND_KEY).json().get("trail");
        List<String> kinds = new ArrayList<>();
        trail.forEach(e -> kinds.add(e.get("kind").asText()));
        eventually().until(() -> deliveredTo(code, "onestop"));
        assertThat(Collections.frequency(kinds, "DELIVERY_RETRY")).isEqualTo(12);
        assertThat(trail.toString()).contains("HTTP 503");
        assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);
        assertThat(deadLetterOf(code)).isNull();
        assertThat(db.sql("SELECT COUNT(*) FROM delivery_wait WHERE dossier_code = ?").param(code)
                .query(Integer.class).single()).as("the patience clock is dropped once delivered").isZero();
    }

    @Test
    void failingLongerThanThePatienceEndsInTheDeadLetterQueueWithThatReason() throws Exception {
        onestop.injectFaults(new Faults(1.0, 500, null, null, null));

        long start = System.nanoTime();
        String code = submit("DOWN");

        eventually().until(() -> deadLetterOf(code) != null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
        Message dead = deadLetterOf(code);
        assertThat(dead.getStringProperty("hubDeadLetterReason"))
                .contains("still failing after the patience of onestop (PT8S)").contains("HTTP 500");
        assertThat(dead.getIntProperty("hubDeadLetterAttempts")).isGreaterThan(5);
        assertThat(dead.getBody(String.class)).contains("\"dossierCode\":\"" + code + "\"");
        var trail = hub.get("/api/v1/dossiers/" + code, LAND_KEY).body();
        assertThat(trail).contains("DEAD_LETTERED").contains("patience of onestop");
        assertThat(deliveredTo(code, "onestop")).isFalse();
        assertThat(onestop.receivedLog().get(code)).isNull();
    }

    @Test
    void aRefusedDossierGoesToTheDeadLetterQueueAtOnce() throws Exception {
        onestop.injectFaults(new Faults(1.0, 422, null, null, null));

        String code = submit("REFUSED");

        eventually().until(() -> deadLetterOf(code) != null);
        Message dead = deadLetterOf(code);
        assertThat(dead.getStringProperty("hubDeadLetterReason")).contains("HTTP 422");
        assertThat(dead.getIntProperty("hubDeadLetterAttempts")).isEqualTo(1);
        assertThat(hub.get("/api/v1/dossiers/" + code, LAND_KEY).body()).doesNotContain("DELIVERY_RETRY");
    }

    private String submit(String prefix) {
        var answer = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef(prefix)));
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    private Message deadLetterOf(String code) {
        return jms.browse(DLQ, (session, browser) -> {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message m = (Message) messages.nextElement();
                if (code.equals(m.getStringProperty("hubDossierCode"))) {
                    return m;
                }
            }
            return null;
        });
    }
}
