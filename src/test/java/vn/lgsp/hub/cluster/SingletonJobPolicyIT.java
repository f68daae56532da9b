package vn.lgsp.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.support.MigratedPostgres;

/**
 * The singleton-job lock on both databases the hub runs on (H2 in PostgreSQL mode, real PostgreSQL): two "nodes"
 * (Camel contexts with the same timer route) never run the job at the same time, both get turns, and a lock
 * held by a node that died is taken over once lockAtMostFor has passed.
 */
class SingletonJobPolicyIT {

    private static MigratedPostgres postgres;
    private static DataSource h2;

    @BeforeAll
    static void databases() {
        postgres = MigratedPostgres.start();
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:singleton;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        h2 = ds;
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static DataSource database(String name) {
        return name.equals("postgres") ? postgres.dataSource() : h2;
    }

    private static LockProvider locks(DataSource ds, String node) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(ds)).withTableName("shedlock")
                .withLockedByValue(node).usingDbTime().build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoNodesNeverRunTheJobAtTheSameTime(String db) throws Exception {
        DataSource ds = database(db);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<AtomicInteger> runs = List.of(new AtomicInteger(), new AtomicInteger());
        List<CamelContext> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            var cluster = new ClusterProperties("node-" + n,
                    new ClusterProperties.Singleton(Duration.ofSeconds(30), Duration.ZERO));
            var policy = new SingletonJobPolicy(locks(ds, "node-" + n), cluster);
            AtomicInteger mine = runs.get(n);
            CamelContext camel = new DefaultCamelContext();
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("timer:job-" + db + "?period=20").routeId("job-" + db).routePolicy(policy)
                            .process(e -> {
                                if (running.incrementAndGet() > 1) {
                                    overlaps.incrementAndGet();
                                }
                                mine.incrementAndGet();
                                long until = System.nanoTime() + 30_000_000L;
                                while (System.nanoTime() < until) {
                                    Thread.onSpinWait();
                                }
                                running.decrementAndGet();
                            });
                }
            });
            nodes.add(camel);
        }
        nodes.forEach(CamelContext::start);
        try {
            // Which node wins each tick is not promised (a node whose timer is behind may win every time): the
            // property is that runs never overlap, over enough runs of both timers competing for the lock.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> runs.get(0).get() + runs.get(1).get() >= 20);
        } finally {
            nodes.forEach(CamelContext::stop);
        }
        assertThat(overlaps).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aLockHeldByADeadNodeIsTakenOverAfterLockAtMostFor(String db) {
        DataSource ds = database(db);
        String job = "takeover-" + db;
        Duration atMost = Duration.ofSeconds(2);
        // node-a takes the lock and "dies": it never unlocks.
        Optional<SimpleLock> held = locks(ds, "node-a").lock(new LockConfiguration(Instant.now(), job, atMost, Duration.ZERO));
        assertThat(held).isPresent();
        LockProvider nodeB = locks(ds, "node-b");
        long start = System.nanoTime();
        assertThat(nodeB.lock(new LockConfiguration(Instant.now(), job, atMost, Duration.ZERO))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> nodeB.lock(new LockConfiguration(Instant.now(), job, atMost, Duration.ZERO)).isPresent());
        Duration takeover = Duration.ofNanos(System.nanoTime() - start);
        assertThat(takeover).isBetween(atMost.minusMillis(500), atMost.plusSeconds(3));
        String holder = new JdbcTemplate(ds).queryForObject("SELECT locked_by FROM shedlock WHERE name = ?",
                String.class, job);
        assertThat(holder).isEqualTo("node-b");
    }
}
