package vn.lgsp.hub.delivery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.lgsp.hub.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Transactional outbox. A message enqueued here is stored with the state change that caused it, in the same
 * database transaction; once that commits, the relay sends it to Artemis. If the hub dies in between, the
 * relay's sweep sends it later. Hence: what the hub acknowledged is never lost, though a message may reach the
 * broker twice, which consumers absorb through the delivery ledger.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    /** Enqueues a message; must be called inside the transaction that stores the state it announces. */
    public OutboxMessage enqueue(String destination, String groupKey, String eventType, String body) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Outbox.enqueue must run inside a transaction");
        }
        String eventId = Ids.random();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO outbox_message (event_id, destination, group_key, event_type, body, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(eventId, destination, groupKey, eventType, body, DossierTrail.now())
                .update(keys, "id");
        var message = new OutboxMessage(keys.getKey().longValue(), eventId, destination, groupKey, eventType, body);
        pendingAfterCommit().add(message);
        return message;
    }

    @SuppressWarnings("unchecked")
    private List<OutboxMessage> pendingAfterCommit() {
        Object key = Outbox.class;
        var pending = (List<OutboxMessage>) TransactionSynchronizationManager.getResource(key);
        if (pending == null) {
            List<OutboxMessage> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(key, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(key);
                    if (status == STATUS_COMMITTED) {
                        relay.submit(created);
                    }
                }
            });
            pending = created;
        }
        return pending;
    }
}
