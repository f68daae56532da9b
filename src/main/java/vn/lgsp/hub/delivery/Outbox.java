package vn.lgsp.hub.delivery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.lgsp.hub.platform.Ids;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private static final String INSERT = "INSERT INTO outbox_message (event_id, destination, group_key, event_type, "
            + "body, created_at) VALUES (?, ?, ?, ?, ?, ?)";

    /** A message to enqueue; its event id is known before it is stored. */
    public record Draft(String eventId, String destination, String groupKey, String eventType, String body) {

        public static Draft of(String destination, String groupKey, String eventType, String body) {
            return new Draft(Ids.random(), destination, groupKey, eventType, body);
        }

        OutboxMessage stored(long id) {
            return new OutboxMessage(id, eventId, destination, groupKey, eventType, body);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final OutboxRelay relay;

    public Outbox(JdbcClient jdbc, JdbcTemplate batches, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.relay = relay;
    }

    /** Enqueues a message; must be called inside the transaction that stores the state it announces. */
    public OutboxMessage enqueue(String destination, String groupKey, String eventType, String body) {
        requireTransaction();
        Draft draft = Draft.of(destination, groupKey, eventType, body);
        var keys = new GeneratedKeyHolder();
        jdbc.sql(INSERT)
                .params(draft.eventId(), destination, groupKey, eventType, body, DossierTrail.now())
                .update(keys, "id");
        var message = draft.stored(keys.getKey().longValue());
        pendingAfterCommit().add(message);
        return message;
    }

    /**
     * Enqueues the messages, in this order, with one JDBC batch (the ids the relay needs come back as the batch's
     * generated keys, on H2 and PostgreSQL); must be called inside the transaction that stores what they announce.
     */
    public List<OutboxMessage> enqueueAll(List<Draft> drafts) {
        requireTransaction();
        if (drafts.isEmpty()) {
            return List.of();
        }
        var keys = new GeneratedKeyHolder();
        var createdAt = DossierTrail.now();
        batches.batchUpdate(connection -> connection.prepareStatement(INSERT, new String[] {"id"}),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement statement, int i) throws SQLException {
                        Draft draft = drafts.get(i);
                        statement.setString(1, draft.eventId());
                        statement.setString(2, draft.destination());
                        statement.setString(3, draft.groupKey());
                        statement.setString(4, draft.eventType());
                        statement.setString(5, draft.body());
                        statement.setObject(6, createdAt);
                    }

                    @Override
                    public int getBatchSize() {
                        return drafts.size();
                    }
                }, keys);
        List<java.util.Map<String, Object>> ids = keys.getKeyList();
        if (ids.size() != drafts.size()) {
            throw new IllegalStateException("The outbox batch gave " + ids.size() + " ids for " + drafts.size()
                    + " messages");
        }
        List<OutboxMessage> messages = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            messages.add(drafts.get(i).stored(((Number) ids.get(i).values().iterator().next()).longValue()));
        }
        pendingAfterCommit().addAll(messages);
        return messages;
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Outbox.enqueue must run inside a transaction");
        }
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
