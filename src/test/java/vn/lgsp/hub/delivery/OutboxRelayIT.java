package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.support.HubIntegrationTest;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The outbox relay on the real database and broker: the hand-off to the relay thread is bounded by the size of the
 * bodies waiting, and what does not fit is sent by the sweep; the sweep drains a backlog in one run, also one
 * holding messages the broker already stored, and two sweeps meeting split the rows between them. Each test sends
 * to a queue of its own and checks that every message is on it exactly once.
 */
class OutboxRelayIT extends HubIntegrationTest {

    private static final String SWEEP_ROUTE = "outbox-relay-sweep";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    HubProperties properties;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    OutboxRelay relay;

    @Autowired
    CamelContext camel;

    @Test
    void bodiesBeyondTheSizeBoundWaitInTheOutboxAndTheSweepSendsThemOnce() {
        // 20 bodies of 1,000 characters, a bound of 10,500: the relay thread may hold 10 of them. The count bound
        // (20,000) is far away, so only the size bound can refuse the others.
        String queue = queue("size-bound");
        List<OutboxMessage> messages = tx.execute(status -> {
            List<OutboxMessage> stored = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                stored.add(store(queue, "x".repeat(1000), DossierTrail.now()));
            }
            return stored;
        });
        // Not started: nothing takes from the hand-off until the assertions on it are made.
        var bounded = new OutboxRelay(jdbc, connectionFactory, properties, tx, 10_500);
        try {
            bounded.submit(messages);
            assertThat(bounded.waiting()).isEqualTo(10);
            assertThat(bounded.pendingChars()).isEqualTo(10_000);

            bounded.start();
            // The relay thread sends the 10 it holds; the hub's sweep (every 500 ms, rows older than 1 s) the rest.
            eventually().until(() -> unsent(queue) == 0);
            eventually().until(() -> bounded.pendingChars() == 0 && bounded.waiting() == 0);
        } finally {
            bounded.stop();
        }
        assertThat(received(queue)).containsExactlyInAnyOrderElementsOf(
                messages.stream().map(OutboxMessage::eventId).toList());
    }

    @Test
    void oneSweepDrainsABacklogOfThousandsEachMessageOnce() throws Exception {
        int backlog = 5_000;
        String queue = queue("backlog");
        List<String> eventIds = withoutTheSweepRoute(() -> {
            List<String> stored = storeBacklog(queue, backlog);
            long start = System.nanoTime();
            int sent = relay.sweep();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            // One run, not one batch of 500: at the old 500 per 5 s tick this backlog took 50 s.
            assertThat(unsent(queue)).isZero();
            assertThat(sent).isEqualTo(backlog);
            assertThat(took).isLessThan(Duration.ofSeconds(20));
            return stored;
        });
        assertThat(received(queue)).containsExactlyInAnyOrderElementsOf(eventIds);
    }

    @Test
    void twoNodesSweepingTheSameBacklogAtOnceSendEachRowOnce() throws Exception {
        // The singleton lock keeps two sweeps apart; should two runs ever meet, the claims still split the rows.
        int backlog = 3_000;
        String queue = queue("two-sweeps");
        var otherNode = new OutboxRelay(jdbc, connectionFactory, properties, tx);
        otherNode.start();
        try {
            List<String> eventIds = withoutTheSweepRoute(() -> {
                List<String> stored = storeBacklog(queue, backlog);
                var start = new CountDownLatch(1);
                var mine = CompletableFuture.supplyAsync(() -> awaitThen(start, relay::sweep));
                var theirs = CompletableFuture.supplyAsync(() -> awaitThen(start, otherNode::sweep));
                start.countDown();

                assertThat(mine.get(60, TimeUnit.SECONDS) + theirs.get(60, TimeUnit.SECONDS))
                        .as("rows sent, counted by the sweeps that claimed them").isEqualTo(backlog);
                assertThat(unsent(queue)).isZero();
                return stored;
            });
            assertThat(received(queue)).containsExactlyInAnyOrderElementsOf(eventIds);
        } finally {
            otherNode.stop();
        }
    }

    @Test
    void aBacklogHoldingMessagesTheBrokerAlreadyStoredIsSentOnceAndDrained() throws Exception {
        // A node died after the broker stored a batch and before its DELETE committed: after the restart the sweep
        // sends rows the broker already holds. Artemis refuses the batch's transaction for the duplicates; the
        // one-by-one sends that follow store the others, the duplicates are dropped, and the rows are deleted.
        String queue = queue("sent-before-crash");
        List<String> eventIds = withoutTheSweepRoute(() -> {
            List<String> stored = storeBacklog(queue, 300);
            List<String> alreadyStored = List.of(stored.get(0), stored.get(150), stored.get(299));
            sendAsTheRelayDid(queue, alreadyStored);

            assertThat(relay.sweep()).isEqualTo(300);
            assertThat(unsent(queue)).isZero();
            assertThat(relay.sweep()).as("nothing left for a second sweep").isZero();
            return stored;
        });
        assertThat(received(queue)).containsExactlyInAnyOrderElementsOf(eventIds);
    }

    /** Sends the backlog rows' messages to the broker as the relay builds them, leaving the rows in the outbox. */
    private void sendAsTheRelayDid(String queue, List<String> eventIds) {
        var jms = new JmsTemplate(connectionFactory);
        for (String eventId : eventIds) {
            jms.send(queue, session -> OutboxRelay.message(session, backlogRow(queue, eventId)));
        }
    }

    private static int awaitThen(CountDownLatch start, IntSupplier sweep) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return sweep.getAsInt();
    }

    /**
     * Runs the work while the hub's own sweep route is stopped, so that only the test's calls sweep; first waits
     * for the outbox to be empty, so that what a sweep returns counts the test's rows only.
     */
    private <T> T withoutTheSweepRoute(Callable<T> work) throws Exception {
        eventually().until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single() == 0);
        camel.getRouteController().stopRoute(SWEEP_ROUTE);
        try {
            return work.call();
        } finally {
            camel.getRouteController().startRoute(SWEEP_ROUTE);
        }
    }

    /** Rows stored but never handed to a relay thread (as after a crash), old enough for the sweep; their ids. */
    private List<String> storeBacklog(String queue, int rows) {
        OffsetDateTime longAgo = DossierTrail.now().minusHours(1);
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            eventIds.add(UUID.randomUUID().toString());
        }
        tx.executeWithoutResult(status -> jdbcTemplate.batchUpdate("INSERT INTO outbox_message "
                + "(event_id, destination, group_key, event_type, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                eventIds, 1_000, (statement, eventId) -> {
                    OutboxMessage row = backlogRow(queue, eventId);
                    statement.setString(1, row.eventId());
                    statement.setString(2, row.destination());
                    statement.setString(3, row.groupKey());
                    statement.setString(4, row.eventType());
                    statement.setString(5, row.body());
                    statement.setObject(6, longAgo);
                }));
        assertThat(unsent(queue)).isEqualTo(rows);
        return eventIds;
    }

    /** A backlog row's content (its id is the database's). */
    private static OutboxMessage backlogRow(String queue, String eventId) {
        return new OutboxMessage(0, eventId, queue, "BACKLOG-" + eventId.substring(0, 8), "test",
                "{\"n\":\"" + eventId + "\"}");
    }

    private static String queue(String purpose) {
        return "lgsp.test.outbox." + purpose + "." + UUID.randomUUID();
    }

    /** Stores an outbox row as {@link Outbox#enqueue} does, without handing it to the hub's relay. */
    private OutboxMessage store(String queue, String body, OffsetDateTime createdAt) {
        String eventId = UUID.randomUUID().toString();
        String groupKey = "SIZE-" + eventId.substring(0, 8);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO outbox_message (event_id, destination, group_key, event_type, body, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(eventId, queue, groupKey, "test", body, createdAt)
                .update(keys, "id");
        return new OutboxMessage(keys.getKey().longValue(), eventId, queue, groupKey, "test", body);
    }

    private long unsent(String queue) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE destination = ?").param(queue)
                .query(Long.class).single();
    }

    /**
     * The event ids of every message on the queue, taking them off it. Called once the outbox holds none of the
     * queue's rows: a row is deleted in the transaction that sent it, after the broker stored the send.
     */
    private List<String> received(String queue) {
        var jms = new JmsTemplate(connectionFactory);
        return jms.execute(session -> {
            List<String> ids = new ArrayList<>();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue))) {
                for (Message m = consumer.receive(5_000); m != null; m = consumer.receive(1_000)) {
                    ids.add(m.getStringProperty(MessageHeaders.EVENT_ID));
                }
            }
            return ids;
        }, true);
    }
}
