package vn.lgsp.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import vn.lgsp.hub.support.MigratedPostgres;

/**
 * The group commit on H2 and on PostgreSQL: requests waiting together share one transaction, each is answered only
 * after the commit that stored its work, a failing request fails alone, a request that lost a lock race runs again.
 * One committer thread, so a unit held on purpose makes the next ones wait together (a batch made on demand).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitIT {

    private MigratedPostgres postgres;
    private final ExecutorService requests = Executors.newFixedThreadPool(64);
    private final List<GroupCommit> started = new ArrayList<>();

    @BeforeAll
    void startPostgres() {
        postgres = MigratedPostgres.start();
    }

    @AfterAll
    void stopPostgres() throws Exception {
        requests.shutdownNow();
        postgres.close();
    }

    @AfterEach
    void stopCommitters() {
        started.forEach(GroupCommit::stop);
        started.clear();
    }

    Stream<DataSource> databases() {
        var h2 = new DriverManagerDataSource("jdbc:h2:mem:group-commit-" + System.nanoTime()
                + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        return Stream.of(h2, postgres.dataSource());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void requestsWaitingTogetherShareOneCommitAndEachIsAnsweredAfterIt(DataSource db) throws Exception {
        JdbcClient jdbc = probeTable(db);
        GroupCommit commits = groupCommit(db);
        CountDownLatch release = holdTheCommitter(commits, jdbc);
        Set<Object> transactions = ConcurrentHashMap.newKeySet();
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int id = i;
            answers.add(requests.submit(() -> {
                AtomicBoolean committed = new AtomicBoolean();
                commits.run(() -> {
                    transactions.add(TransactionSynchronizationManager.getResource(db));
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            committed.set(true);
                        }
                    });
                    return insert(jdbc, id);
                });
                // Answered: the commit has happened, and another connection sees the row.
                return committed.get() && count(jdbc, "id = " + id) == 1;
            }));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> commits.waitingUnits() == 50);
        release.countDown();
        for (Future<Boolean> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(transactions).hasSize(1);
        assertThat(count(jdbc, "id < 1000")).isEqualTo(50);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailingRequestFailsAloneAndTheOthersOfItsBatchCommit(DataSource db) throws Exception {
        JdbcClient jdbc = probeTable(db);
        GroupCommit commits = groupCommit(db);
        insert(jdbc, 7);
        CountDownLatch release = holdTheCommitter(commits, jdbc);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            int id = i;
            answers.add(requests.submit(() -> commits.run(() -> {
                insert(jdbc, 100 + id); // the failing request's own first write must be rolled back with it
                return insert(jdbc, id);
            })));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> commits.waitingUnits() == 10);
        release.countDown();
        for (int i = 1; i <= 10; i++) {
            Future<Integer> answer = answers.get(i - 1);
            if (i == 7) {
                assertThatThrownBy(() -> answer.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(DuplicateKeyException.class);
            } else {
                assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
        assertThat(count(jdbc, "id BETWEEN 101 AND 110")).isEqualTo(9);
        assertThat(count(jdbc, "id = 107")).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRequestThatLostALockRaceRunsAgainInATransactionOfItsOwn(DataSource db) throws Exception {
        JdbcClient jdbc = probeTable(db);
        GroupCommit commits = groupCommit(db);
        AtomicInteger attempts = new AtomicInteger();
        int stored = commits.run(() -> {
            insert(jdbc, 200 + attempts.get());
            if (attempts.incrementAndGet() == 1) {
                throw new CannotAcquireLockException("lock timeout");
            }
            return 201;
        });
        assertThat(stored).isEqualTo(201);
        assertThat(attempts).hasValue(2);
        assertThat(count(jdbc, "id = 200")).isZero();
        assertThat(count(jdbc, "id = 201")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void calledInsideATransactionTheWorkJoinsIt(DataSource db) {
        JdbcClient jdbc = probeTable(db);
        GroupCommit commits = groupCommit(db);
        new TransactionTemplate(new JdbcTransactionManager(db)).executeWithoutResult(status -> {
            commits.run(() -> insert(jdbc, 300));
            status.setRollbackOnly();
        });
        assertThat(count(jdbc, "id = 300")).isZero();
    }

    @Test
    void whenTheDatabaseIsAwayEveryWaitingRequestFailsWithItsError() throws Exception {
        GroupCommit commits = groupCommit(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none"));
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(requests.submit(() -> commits.run(() -> 1)));
        }
        for (Future<Integer> answer : answers) {
            assertThatThrownBy(() -> answer.get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(CannotCreateTransactionException.class);
        }
        assertThat(commits.waitingUnits()).isZero();
    }

    private GroupCommit groupCommit(DataSource db) {
        var properties = new HubProperties(null, null, null, new HubProperties.Intake(DataSize.ofMegabytes(1), 1, 256),
                null, null, null, null, null, null);
        GroupCommit commits = new GroupCommit(new JdbcTransactionManager(db), properties, new SimpleMeterRegistry());
        commits.start();
        started.add(commits);
        return commits;
    }

    /** Occupies the only committer with a unit that waits for the latch, so the next units queue up together. */
    private CountDownLatch holdTheCommitter(GroupCommit commits, JdbcClient jdbc) {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        requests.submit(() -> commits.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return insert(jdbc, 5000);
        }));
        await().atMost(Duration.ofSeconds(20)).until(() -> holding.getCount() == 0);
        return release;
    }

    private static JdbcClient probeTable(DataSource db) {
        JdbcClient jdbc = JdbcClient.create(db);
        jdbc.sql("DROP TABLE IF EXISTS group_commit_probe").update();
        jdbc.sql("CREATE TABLE group_commit_probe (id INTEGER PRIMARY KEY)").update();
        return jdbc;
    }

    private static int insert(JdbcClient jdbc, int id) {
        jdbc.sql("INSERT INTO group_commit_probe (id) VALUES (?)").param(id).update();
        return id;
    }

    private static long count(JdbcClient jdbc, String where) {
        return jdbc.sql("SELECT COUNT(*) FROM group_commit_probe WHERE " + where).query(Long.class).single();
    }
}
