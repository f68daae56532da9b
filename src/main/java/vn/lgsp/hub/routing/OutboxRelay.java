package vn.lgsp.hub.routing;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Sends outbox messages to Artemis as persistent messages grouped by dossier, then deletes them from the outbox.
 * Runs right after each commit and, as a sweep, for messages left behind by a crash or a broker outage.
 */
@Component("outboxRelay")
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SWEEP_BATCH = 500;

    private final JdbcClient jdbc;
    private final JmsTemplate jms;
    private final Duration sweepAge;

    public OutboxRelay(JdbcClient jdbc, JmsTemplate jms, HubProperties properties) {
        this.jdbc = jdbc;
        this.jms = jms;
        this.sweepAge = properties.outbox().sweepAge();
    }

    /** Sends and removes the messages; on failure leaves them for the sweep and logs why. */
    void dispatchQuietly(List<OutboxMessage> messages) {
        try {
            dispatch(messages);
        } catch (RuntimeException e) {
            log.warn("Outbox relay deferred {} message(s) to the sweep: {}", messages.size(), e.toString());
        }
    }

    void dispatch(List<OutboxMessage> messages) {
        for (OutboxMessage m : messages) {
            jms.convertAndSend(m.destination(), m.body(), message -> withHeaders(message, m));
            jdbc.sql("DELETE FROM outbox_message WHERE id = ?").param(m.id()).update();
        }
    }

    /** Relays messages older than the sweep age; returns how many were sent. Called by route outbox-sweep. */
    public int sweep() {
        List<OutboxMessage> stale = jdbc.sql("SELECT id, event_id, destination, group_key, event_type, body "
                        + "FROM outbox_message WHERE created_at < ? ORDER BY id LIMIT " + SWEEP_BATCH)
                .param(DossierTrail.now().minus(sweepAge))
                .query((rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("event_id"),
                        rs.getString("destination"), rs.getString("group_key"), rs.getString("event_type"),
                        rs.getString("body")))
                .list();
        if (!stale.isEmpty()) {
            log.info("Outbox sweep relaying {} message(s) left behind", stale.size());
            dispatch(stale);
        }
        return stale.size();
    }

    /** Messages not yet relayed to the broker. */
    public long backlog() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single();
    }

    private static Message withHeaders(Message message, OutboxMessage m) throws JMSException {
        message.setStringProperty(MessageHeaders.EVENT_ID, m.eventId());
        message.setStringProperty(MessageHeaders.EVENT_TYPE, m.eventType());
        message.setStringProperty(MessageHeaders.DOSSIER_CODE, m.groupKey());
        message.setStringProperty(MessageHeaders.GROUP_ID, m.groupKey());
        return message;
    }
}
