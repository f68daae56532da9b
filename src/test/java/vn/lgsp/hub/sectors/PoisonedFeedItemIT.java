package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import vn.lgsp.hub.console.ConsoleQueues;
import vn.lgsp.hub.simulators.sectors.LabourSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * A change-feed item that always fails no longer blocks its feed: it is dead-lettered with its reason, the items
 * after it are applied, and once its cause is gone an operator's replay applies it.
 */
class PoisonedFeedItemIT extends HubIntegrationTest {

    private static final String DLQ = "lgsp.feed.sector-labour.DLQ";

    @Autowired
    LabourSimulator labour;
    @Autowired
    JmsTemplate jms;
    @Autowired
    JdbcClient db;
    @Autowired
    ConsoleQueues queues;

    @Test
    void aPoisonedItemIsDeadLetteredTheFeedMovesOnAndAReplayAppliesItOnceItsCauseIsGone() {
        String orphanRef = Dossiers.newRef("LD-ORPHAN");
        String nextRef = Dossiers.newRef("LD-NEXT");
        // Progress of a dossier the hub does not hold (yet): the item fails however often it is tried.
        labour.controlStatus(new LabourSimulator.NewStatus(orphanRef, "DANG_THAM_DINH", "Thẩm định hồ sơ"));
        labour.controlDossier(new LabourSimulator.NewDossier(nextRef, "002181000077", "Vũ Thị Hương"));

        eventually().until(() -> dossierOf(nextRef) != null);
        eventually().until(() -> deadLettersAbout(orphanRef).size() == 1);
        Message dead = deadLettersAbout(orphanRef).get(0);
        assertThat(property(dead, "hubDeadLetterReason")).contains("does not hold");
        assertThat(property(dead, "hubDeadLetterRoute")).isEqualTo("changes-apply-from-sector-labour");

        // The cause goes away (the dossier arrives through the feed); the operator replays the item.
        labour.controlDossier(new LabourSimulator.NewDossier(orphanRef, "002181000078", "Vũ Văn Nam"));
        eventually().until(() -> dossierOf(orphanRef) != null);
        assertThat(queues.replay(DLQ, messageId(dead), "operator")).isTrue();

        String orphan = dossierOf(orphanRef);
        eventually().until(() -> statusHistory(orphan).contains(4));
        assertThat(deadLettersAbout(orphanRef)).isEmpty();
    }

    private List<Integer> statusHistory(String code) {
        List<Integer> statuses = new ArrayList<>();
        hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json().get("statusHistory")
                .forEach(s -> statuses.add(s.get("status").asInt()));
        return statuses;
    }

    private String dossierOf(String ref) {
        return db.sql("SELECT dossier_code FROM dossier WHERE source_system = 'sector-labour' AND source_ref = ?")
                .param(ref).query(String.class).optional().orElse(null);
    }

    private List<Message> deadLettersAbout(String ref) {
        return jms.browse(DLQ, (session, browser) -> {
            List<Message> found = new ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message m = (Message) messages.nextElement();
                if (m.getBody(String.class).contains(ref)) {
                    found.add(m);
                }
            }
            return found;
        });
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
