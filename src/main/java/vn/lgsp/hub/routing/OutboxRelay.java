package vn.lgsp.hub.routing;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Sends committed outbox messages to Artemis as persistent messages grouped by dossier, then deletes them from the
 * outbox. One relay thread per node takes what the commits hand it and sends it in batches: one JMS transaction
 * (one journal sync) and one DELETE per batch, in commit order, so the request thread never waits for the broker.
 * What the relay has not sent (queue full, broker down, crash) stays in the outbox and is sent by the sweep.
 */
@Component("outboxRelay")
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;
    private static final int CAPACITY = 20_000;

    private final JdbcClient jdbc;
    private final JmsTemplate jms;
    private final Duration sweepAge;
    private final BlockingQueue<OutboxMessage> committed = new LinkedBlockingQueue<>(CAPACITY);
    private volatile Thread worker;

    public OutboxRelay(JdbcClient jdbc, ConnectionFactory connectionFactory, HubProperties properties) {
        this.jdbc = jdbc;
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.sweepAge = properties.outbox().sweepAge();
    }

    /** Hands committed messages to the relay thread; when it is saturated they wait in the outbox for the sweep. */
    void submit(List<OutboxMessage> messages) {
        for (OutboxMessage m : messages) {
            if (!committed.offer(m)) {
                log.warn("Outbox relay saturated; message left for the sweep");
                return;
            }
        }
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

    /** Sends the messages in one JMS transaction, then removes them from the outbox. */
    void send(List<OutboxMessage> messages) {
        jms.execute(session -> {
            MessageProducer producer = session.createProducer(null);
            try {
                for (OutboxMessage m : messages) {
                    TextMessage message = session.createTextMessage(m.body());
                    withHeaders(message, m);
                    producer.send(session.createQueue(m.destination()), message);
                }
                session.commit();
            } catch (JMSException | RuntimeException e) {
                session.rollback();
                throw e;
            } finally {
                producer.close();
            }
            return null;
        }, true);
        jdbc.sql("DELETE FROM outbox_message WHERE id IN (:ids)")
                .param("ids", messages.stream().map(OutboxMessage::id).toList())
                .update();
    }

    /** Relays messages older than the sweep age; returns how many were sent. Called by route outbox-relay-sweep. */
    public int sweep() {
        List<OutboxMessage> stale = jdbc.sql("SELECT id, event_id, destination, group_key, event_type, body "
                        + "FROM outbox_message WHERE created_at < ? ORDER BY id LIMIT " + BATCH)
                .param(DossierTrail.now().minus(sweepAge))
                .query((rs, n) -> new OutboxMessage(rs.getLong("id"), rs.getString("event_id"),
                        rs.getString("destination"), rs.getString("group_key"), rs.getString("event_type"),
                        rs.getString("body")))
                .list();
        if (!stale.isEmpty()) {
            log.info("Outbox sweep relaying {} message(s) left behind", stale.size());
            send(stale);
        }
        return stale.size();
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
