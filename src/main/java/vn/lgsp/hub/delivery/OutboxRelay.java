package vn.lgsp.hub.delivery;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Sends committed outbox messages to Artemis as persistent messages grouped by dossier, then deletes them from the
 * outbox. One relay thread per node takes what the commits hand it and sends it in batches: one JMS transaction
 * (one journal sync) and one DELETE per batch, in commit order, so the request thread never waits for the broker.
 * What the relay has not sent (queue full, broker down, crash) stays in the outbox and is sent by the sweep.
 * Several nodes: rows are claimed with {@code FOR UPDATE SKIP LOCKED} before they are sent, so a relay and
 * another node's sweep never send the same rows; a row sent just before a crash (its DELETE lost) is sent again
 * and dropped by Artemis' duplicate detection, or else absorbed by the consumers' delivery ledger.
 */
@Component("outboxRelay")
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final int CAPACITY = 20_000;
    /** Bodies waiting for the relay thread, at most: a burst of large dossiers waits in the outbox, not the heap. */
    private static final long MAX_PENDING_CHARS = 16L * 1024 * 1024;
    /** Artemis' duplicate-detection property ({@code Message.HDR_DUPLICATE_DETECTION_ID}). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final JdbcClient jdbc;
    private final ConnectionFactory connections;
    private final TransactionTemplate tx;
    private final Duration sweepAge;
    private final long maxPendingChars;
    private final BlockingQueue<OutboxMessage> committed = new LinkedBlockingQueue<>(CAPACITY);
    private final java.util.concurrent.atomic.AtomicLong pendingChars = new java.util.concurrent.atomic.AtomicLong();
    private volatile Thread worker;

    @Autowired
    public OutboxRelay(JdbcClient jdbc, ConnectionFactory connectionFactory, HubProperties properties,
                       TransactionTemplate tx) {
        this(jdbc, connectionFactory, properties, tx, MAX_PENDING_CHARS);
    }

    /** With another bound on the bodies waiting for the relay thread (tests). */
    OutboxRelay(JdbcClient jdbc, ConnectionFactory connectionFactory, HubProperties properties,
                TransactionTemplate tx, long maxPendingChars) {
        this.maxPendingChars = maxPendingChars;
        this.jdbc = jdbc;
        this.tx = tx;
        this.connections = connectionFactory;
        this.sweepAge = properties.outbox().sweepAge();
    }

    /**
     * Hands committed messages to the relay thread; when it is saturated (by count or by the size of the bodies
     * waiting) they wait in the outbox for the sweep.
     */
    void submit(List<OutboxMessage> messages) {
        for (OutboxMessage m : messages) {
            if (pendingChars.get() + m.body().length() > maxPendingChars || !committed.offer(m)) {
                log.warn("Outbox relay saturated; message left for the sweep");
                return;
            }
            pendingChars.addAndGet(m.body().length());
        }
    }

    /** Messages handed to the relay thread and not yet taken by it. */
    public int waiting() {
        return committed.size();
    }

    /** Characters of the bodies handed to the relay thread and not yet taken by it. */
    long pendingChars() {
        return pendingChars.get();
    }

    private void relayLoop() {
        List<OutboxMessage> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                OutboxMessage first = committed.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                committed.drainTo(batch, BATCH - 1);
                pendingChars.addAndGet(-batch.stream().mapToLong(m -> m.body().length()).sum());
                send(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Outbox relay deferred {} message(s) to the sweep: {}", batch.size(), e.toString());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Sends the messages this node can claim, then removes them from the outbox, all inside one database
     * transaction that holds the rows' locks: {@code FOR UPDATE SKIP LOCKED} leaves rows another node's relay or
     * sweep is sending to that node, so two nodes do not send the same rows (H2 and PostgreSQL both support it).
     */
    void send(List<OutboxMessage> messages) {
        tx.executeWithoutResult(status -> {
            List<Long> claimed = jdbc.sql("SELECT id FROM outbox_message WHERE id IN (:ids) ORDER BY id "
                            + "FOR UPDATE SKIP LOCKED")
                    .param("ids", messages.stream().map(OutboxMessage::id).toList())
                    .query(Long.class).list();
            Set<Long> mine = Set.copyOf(claimed);
            sendClaimed(messages.stream().filter(m -> mine.contains(m.id())).toList());
        });
    }

    /**
     * Relays messages older than the sweep age; returns how many were sent. Called by route outbox-relay-sweep.
     * A backlog (a crash with thousands stored but unsent, a hand-off that was full) is drained in one run, batch
     * after batch, each batch claimed, sent and deleted in its own transaction (so memory holds one batch); the run
     * ends when a batch comes back short: the backlog is gone, or the rest is claimed by another node.
     * (The singleton lock of the route is kept alive while the run lasts.)
     */
    public int sweep() {
        int sent = 0;
        int batch;
        do {
            batch = sweepBatch();
            sent += batch;
        } while (batch == BATCH && isRunning()); // a node shutting down leaves the rest to the next sweep
        if (sent > 0) {
            log.info("Outbox sweep relayed {} message(s) left behind", sent);
        }
        return sent;
    }

    private int sweepBatch() {
        Integer sent = tx.execute(status -> {
            List<OutboxMessage> stale = jdbc.sql("SELECT id, event_id, destination, group_key, event_type, body "
                            + "FROM outbox_message WHERE created_at < ? ORDER BY id LIMIT " + BATCH
                            + " FOR UPDATE SKIP LOCKED")
                    .param(DossierTrail.now().minus(sweepAge))
                    .query((rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("event_id"),
                            rs.getString("destination"), rs.getString("group_key"), rs.getString("event_type"),
                            rs.getString("body")))
                    .list();
            sendClaimed(stale);
            return stale.size();
        });
        return sent == null ? 0 : sent;
    }

    /** Sends rows locked by the current database transaction to the broker and deletes them in it. */
    private void sendClaimed(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try {
            sendAll(true, messages);
        } catch (RuntimeException e) {
            // The batch was rolled back: a broker failover in the middle, or a message of it reached the broker
            // before (sent, then the node died before its DELETE) and Artemis' duplicate detection refused the
            // whole transaction. One by one without a transaction, a duplicate is dropped silently by the broker
            // and the others are stored; each send waits for the broker's durable acknowledgement.
            log.info("Outbox batch of {} rolled back by the broker ({}); sending one by one", messages.size(),
                    e.getMessage());
            sendAll(false, messages);
        }
        jdbc.sql("DELETE FROM outbox_message WHERE id IN (:ids)")
                .param("ids", messages.stream().map(OutboxMessage::id).toList())
                .update();
    }

    /**
     * Sends in one broker transaction (one commit for the batch) or one by one. The session is taken from the
     * connection factory, not through a JmsTemplate: inside the database transaction a JmsTemplate binds its
     * session to the transaction's synchronisation and hands that same transacted session to every later
     * template, so the one-by-one sends after a refused batch would be refused again, sweep after sweep.
     */
    private void sendAll(boolean transacted, List<OutboxMessage> messages) {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(transacted,
                     transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(null)) {
            try {
                for (OutboxMessage m : messages) {
                    producer.send(session.createQueue(m.destination()), message(session, m));
                }
                if (transacted) {
                    session.commit();
                }
            } catch (JMSException | RuntimeException e) {
                if (transacted) {
                    try {
                        session.rollback();
                    } catch (JMSException rollback) {
                        e.addSuppressed(rollback);
                    }
                }
                throw e;
            }
        } catch (JMSException e) {
            throw JmsUtils.convertJmsAccessException(e);
        }
    }

    /** The broker message of an outbox row, as the relay sends it (tests send it the same way). */
    static Message message(Session session, OutboxMessage m) throws JMSException {
        TextMessage message = session.createTextMessage(m.body());
        withHeaders(message, m);
        // Artemis drops a second message with the same id on the same address (its id cache is persistent and
        // replicated to the backup): a send repeated after a crash or a failover is stored once.
        message.setStringProperty(DUPLICATE_ID, m.eventId());
        return message;
    }

    private static void withHeaders(Message message, OutboxMessage m) throws JMSException {
        message.setStringProperty(MessageHeaders.EVENT_ID, m.eventId());
        message.setStringProperty(MessageHeaders.EVENT_TYPE, m.eventType());
        message.setStringProperty(MessageHeaders.DOSSIER_CODE, m.groupKey());
        message.setStringProperty(MessageHeaders.GROUP_ID, m.groupKey());
    }

    @Override
    public void start() {
        worker = new Thread(this::relayLoop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        Thread w = worker;
        if (w != null) {
            w.interrupt();
            try {
                w.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
