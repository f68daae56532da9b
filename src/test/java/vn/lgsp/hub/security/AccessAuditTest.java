package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The refusal audit never makes a refusal wait: with the store stuck, refusals return at once, a full queue drops
 * and counts; beyond the per-caller rate records are sampled out and counted, and logged only as a number once a
 * second; everything kept is stored later.
 */
class AccessAuditTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch storeReleased = new CountDownLatch(1);
    private final AtomicInteger stored = new AtomicInteger();
    /** A store that hangs until released, as a database held by someone else. */
    private final JdbcTemplate stuckStore = new JdbcTemplate() {
        @Override
        public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
            try {
                storeReleased.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stored.addAndGet(batchArgs.size());
            return new int[batchArgs.size()];
        }
    };
    private AccessAudit audit;

    @AfterEach
    void stop() throws InterruptedException {
        storeReleased.countDown();
        audit.close();
    }

    @Test
    void aStuckStoreNeverHoldsARefusalAndAFullQueueDropsAndCounts() {
        audit = new AccessAudit(JdbcClient.create(new DriverManagerDataSource()), stuckStore, meters, 5, 1000);
        long start = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            audit.refused(403, "stranger", "kpi", "GET", "/api/v1/kpi/sync", "not granted");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(meters.counter("hub.access.refusals", "status", "403").count()).isEqualTo(50.0);
        double dropped = meters.counter("hub.access.refusals.unrecorded", "why", "queue-full").count();
        // Kept at most: the queue (5) and the writer's stuck batch, its first refusal plus what it drained from a
        // queue the loop refilled meanwhile (1 + 5).
        assertThat(dropped).isGreaterThanOrEqualTo(50.0 - 5 - (1 + 5));

        storeReleased.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.backlog() == 0);
        assertThat(stored.get() + dropped).isEqualTo(50.0);
    }

    @Test
    void beyondTheRatePerCallerRefusalsAreSampledOutAndCounted() {
        storeReleased.countDown();
        audit = new AccessAudit(JdbcClient.create(new DriverManagerDataSource()), stuckStore, meters, 1000, 3);
        for (int i = 0; i < 10; i++) {
            audit.refused(401, "anonymous", "-", "GET", "/api/v1/kpi/sync", "bad key");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> audit.backlog() == 0);
        double sampled = meters.counter("hub.access.refusals.unrecorded", "why", "sampled").count();
        assertThat(sampled).isPositive();
        assertThat(stored.get() + sampled).isEqualTo(10.0);
        assertThat(stored.get()).isBetween(3, 6); // three a second: the ten calls span one second, rarely two
    }

    @Test
    void onlyKeptRefusalsAreLoggedOneByOneAndTheRestInOneLineASecond() {
        storeReleased.countDown();
        Logger logger = (Logger) LoggerFactory.getLogger(AccessAudit.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            audit = new AccessAudit(JdbcClient.create(new DriverManagerDataSource()), stuckStore, meters, 1000, 3);
            for (int i = 0; i < 200; i++) {
                audit.refused(401, "anonymous", "-", "POST", "/api/v1/dossiers", "bad key");
            }
            double sampled = meters.counter("hub.access.refusals.unrecorded", "why", "sampled").count();
            // Within a second the writer says how many were not logged one by one: every refusal is in a line.
            await().atMost(Duration.ofSeconds(5)).until(() -> notLogged(lines) == (long) sampled);
            long oneByOne = lines.list.stream().filter(e -> e.getFormattedMessage().startsWith("Refused (401) POST"))
                    .count();
            assertThat(oneByOne).isBetween(3L, 6L).isEqualTo(200 - (long) sampled);
            assertThat(meters.counter("hub.access.refusals", "status", "401").count()).isEqualTo(200.0);
            assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().contains("not logged individually"))
                    .hasSizeBetween(1, 2) // one a second: the calls span one second, rarely two
                    .allSatisfy(e -> assertThat(e.getFormattedMessage()).contains("in the last second"));
        } finally {
            logger.detachAppender(lines);
        }
    }

    private static long notLogged(ListAppender<ILoggingEvent> lines) {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.contains("refusals not logged individually"))
                .mapToLong(m -> Long.parseLong(m.substring(0, m.indexOf(' ')))).sum();
    }
}
