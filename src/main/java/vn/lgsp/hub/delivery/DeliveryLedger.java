package vn.lgsp.hub.delivery;

import org.apache.camel.Exchange;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Remembers which events were already applied at which external system, so a message the broker delivers twice
 * (after a crash, or relayed twice by the outbox) has one effect. Delivery routes call {@link #begin} first and
 * {@link #complete} after the external system confirmed. A consumer's ledger row shares its commit with other
 * consumers' work ({@link DeliveryCommit}); the consumer goes on (and its broker transaction commits) only once the
 * row is durable.
 */
@Component("deliveryLedger")
public class DeliveryLedger {

    private final JdbcClient jdbc;
    private final DossierTrail trail;
    private final DeliveryCommit commits;

    public DeliveryLedger(JdbcClient jdbc, DossierTrail trail, DeliveryCommit commits) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.commits = commits;
    }

    /** Copies the event's identity into exchange properties and flags it when it was delivered before. */
    public void begin(Exchange exchange) {
        String eventId = exchange.getMessage().getHeader(MessageHeaders.EVENT_ID, String.class);
        String dossierCode = exchange.getMessage().getHeader(MessageHeaders.DOSSIER_CODE, String.class);
        String target = target(exchange);
        if (eventId == null || dossierCode == null) {
            throw new PermanentDeliveryException("The message has no " + MessageHeaders.EVENT_ID + " or "
                    + MessageHeaders.DOSSIER_CODE + " header");
        }
        exchange.setProperty(MessageHeaders.EVENT_ID, eventId);
        exchange.setProperty(MessageHeaders.DOSSIER_CODE, dossierCode);
        exchange.setProperty(MessageHeaders.EVENT_TYPE,
                exchange.getMessage().getHeader(MessageHeaders.EVENT_TYPE, String.class));
        exchange.setProperty(MessageHeaders.ALREADY_DELIVERED, isDelivered(eventId, target));
    }

    /** Records that the target confirmed the event, with its trail entry, as one unit of a group commit. */
    public void complete(Exchange exchange) {
        String eventId = exchange.getProperty(MessageHeaders.EVENT_ID, String.class);
        String dossierCode = exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class);
        String target = target(exchange);
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String detail = exchange.getProperty(MessageHeaders.EVENT_TYPE, String.class) + " accepted"
                + (status == null ? "" : " with HTTP " + status);
        try {
            commits.run(() -> {
                jdbc.sql("INSERT INTO delivery_ledger (event_id, target, dossier_code, delivered_at) VALUES (?, ?, ?, ?)")
                        .params(eventId, target, dossierCode, DossierTrail.now())
                        .update();
                trail.record(dossierCode, TrailKind.DELIVERED, target, detail);
                return null;
            });
        } catch (DuplicateKeyException alreadyThere) {
            // recorded by an earlier delivery of the same event; rolled back to its savepoint, the others commit
        }
    }

    public boolean isDelivered(String eventId, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM delivery_ledger WHERE event_id = ? AND target = ?")
                .params(eventId, target).query(Integer.class).single() > 0;
    }

    private static String target(Exchange exchange) {
        String target = exchange.getProperty(MessageHeaders.TARGET, String.class);
        if (target == null) {
            throw new IllegalStateException("The route must set the exchange property " + MessageHeaders.TARGET);
        }
        return target;
    }
}
