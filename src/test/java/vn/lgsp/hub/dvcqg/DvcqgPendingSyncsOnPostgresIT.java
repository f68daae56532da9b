package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.support.SqlOnPostgresTest;

/**
 * The table of dossiers waiting for a DVCQG batch on real PostgreSQL: two nodes claiming at the same moment never
 * take the same dossiers, an event during a batch keeps its dossier waiting, a hand-over keeps it from the batches
 * until released, a batch that never finished is claimed again after its lease as "claimed before".
 */
class DvcqgPendingSyncsOnPostgresIT extends SqlOnPostgresTest {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private DvcqgPendingSyncs pending;
    private TransactionTemplate tx;
    private JdbcClient db;

    @BeforeEach
    void emptyTable() {
        DataSource dataSource = postgres.dataSource();
        db = JdbcClient.create(dataSource);
        pending = new DvcqgPendingSyncs(db);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        db.sql("DELETE FROM dvcqg_pending_sync").update();
    }

    @Test
    void twoNodesClaimingAtOnceTakeDifferentDossiers() throws Exception {
        List.of("A", "B", "C", "D").forEach(pending::queue);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<DvcqgPendingSyncs.Claimed>> first = CompletableFuture.supplyAsync(() -> tx.execute(s -> {
            List<DvcqgPendingSyncs.Claimed> rows = pending.claim("node-1", 2, LEASE);
            firstClaimed.countDown();
            await(secondDone); // holds its locks while the other node claims
            return rows;
        }));
        assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
        List<DvcqgPendingSyncs.Claimed> second = tx.execute(s -> pending.claim("node-2", 10, LEASE));
        secondDone.countDown();

        List<String> firstCodes = codes(first.get(30, TimeUnit.SECONDS));
        assertThat(firstCodes).hasSize(2);
        assertThat(codes(second)).hasSize(2).doesNotContainAnyElementsOf(firstCodes);
        assertThat(claim("node-3")).isEmpty(); // all leased
    }

    @Test
    void anEventDuringTheBatchKeepsTheDossierWaitingAndASyncedOneIsRemoved() {
        pending.queue("A");
        pending.queue("A"); // a second event before any batch: one row
        pending.queue("B");
        List<DvcqgPendingSyncs.Claimed> rows = tx.execute(s -> pending.claim("t", 10, LEASE));
        assertThat(rows).extracting(DvcqgPendingSyncs.Claimed::dossierCode, DvcqgPendingSyncs.Claimed::generation)
                .containsExactlyInAnyOrder(tuple("A", 2L), tuple("B", 1L));
        assertThat(rows).noneMatch(DvcqgPendingSyncs.Claimed::claimedBefore);
        assertThat(pending.queue("B")).isTrue(); // a status change while the batch runs

        rows.forEach(row -> pending.done("t", row));

        List<DvcqgPendingSyncs.Claimed> next = tx.execute(s -> pending.claim("t2", 10, LEASE));
        assertThat(codes(next)).containsExactly("B");
        assertThat(next.get(0).claimedBefore()).isFalse(); // everything the first batch sent was recorded
    }

    @Test
    void aHandedOverDossierStaysWithThePerDossierSyncUntilReleased() {
        pending.queue("A");
        List<DvcqgPendingSyncs.Claimed> rows = tx.execute(s -> pending.claim("t", 10, LEASE));
        assertThat(pending.handOver("t", "A")).isTrue();
        assertThat(pending.handOver("other", "A")).isFalse();

        assertThat(pending.queue("A")).isFalse(); // its later events are synced on their own
        assertThat(claim("t2")).isEmpty();
        pending.done("t", rows.get(0)); // the batch no longer holds it: nothing changes
        assertThat(pending.queue("A")).isFalse();

        pending.release("A");
        assertThat(pending.queue("A")).isTrue();
        pending.perDossier("A"); // reconciliation takes a waiting dossier
        assertThat(pending.queue("A")).isFalse();
        pending.perDossier("Z"); // and one that was not waiting
        assertThat(pending.queue("Z")).isFalse();
        assertThat(pending.waiting()).isZero();
    }

    @Test
    void aBatchThatNeverFinishedIsClaimedAgainAfterItsLeaseAsClaimedBefore() {
        pending.queue("A");
        tx.execute(s -> pending.claim("dead-node", 10, Duration.ofMillis(-1))); // its lease is over already

        List<DvcqgPendingSyncs.Claimed> again = tx.execute(s -> pending.claim("t", 10, LEASE));
        assertThat(codes(again)).containsExactly("A");
        assertThat(again.get(0).claimedBefore()).isTrue();
    }

    private List<DvcqgPendingSyncs.Claimed> claim(String token) {
        return tx.execute(s -> pending.claim(token, 10, LEASE));
    }

    private static List<String> codes(List<DvcqgPendingSyncs.Claimed> rows) {
        return rows.stream().map(DvcqgPendingSyncs.Claimed::dossierCode).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
