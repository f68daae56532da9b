package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.platform.GroupCommitter;
import vn.lgsp.hub.platform.Ids;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The delivery consumers' database work shares commits: consumers of a transacted queue (each in the broker's
 * transaction) that confirm deliveries together have their ledger rows committed by one transaction, each going on
 * only after it; a duplicate ledger row fails only its own unit. A unit held on purpose occupies the only committer,
 * so the next units queue up together (seen as their threads waiting in the committer).
 */
class DeliveryCommitIT extends HubIntegrationTest {

    @Autowired
    DeliveryCommit commits;
    @Autowired
    DeliveryLedger ledger;
    @Autowired
    JdbcClient db;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CamelContext camel;

    private static final String CONFIRMATION = "test-confirmation";

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ExecutorService confirmations = Executors.newFixedThreadPool(3, work -> new Thread(work, CONFIRMATION));
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseTheCommitter() {
        release.countDown();
        threads.shutdownNow();
        confirmations.shutdownNow();
    }

    @Test
    void consumersConfirmingTogetherShareOneCommitAndEachGoesOnOnlyAfterIt() throws Exception {
        holdTheCommitter();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            var answer = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("BATCH")));
            assertThat(answer.status()).isEqualTo(202);
            codes.add(answer.json().get("dossierCode").asText());
        }

        // The four one-stop consumers delivered and now wait with their ledger rows; nothing of them is recorded.
        eventually().until(() -> waitingForACommit("JmsConsumer[lgsp.onestop.dossier]") == 4);
        assertThat(codes.stream().filter(code -> onestop.receivedLog().get(code) != null)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(ledgerRows(codes)).isZero();

        release.countDown();
        eventually().until(() -> ledgerRows(codes) == 8);
        assertThat(meters.get("lgsp.delivery.commit.units").summary().max())
                .as("one commit carried the four units that waited").isGreaterThanOrEqualTo(4);
        for (String code : codes) {
            assertThat(onestop.receivedLog().get(code).arrivals()).isEqualTo(1);
            assertThat(deliveredTo(code, "onestop")).isTrue();
        }
    }

    @Test
    void aDuplicateLedgerRowFailsOnlyItsOwnUnitAndTheOthersOfItsCommitStand() throws Exception {
        String first = "LEDGER-" + Ids.random();
        String second = "LEDGER-" + Ids.random();
        String event = Ids.random();
        String other = Ids.random();
        holdTheCommitter();

        List<Future<?>> confirmed = new ArrayList<>();
        confirmed.add(confirmations.submit(() -> ledger.complete(confirmation(event, first))));
        confirmed.add(confirmations.submit(() -> ledger.complete(confirmation(event, first)))); // the same again
        confirmed.add(confirmations.submit(() -> ledger.complete(confirmation(other, second))));
        eventually().until(() -> waitingForACommit(CONFIRMATION) == 3);
        release.countDown();
        for (Future<?> done : confirmed) {
            done.get(30, TimeUnit.SECONDS); // none of them throws
        }

        assertThat(ledger.isDelivered(event, "test-target")).isTrue();
        assertThat(ledger.isDelivered(other, "test-target")).isTrue();
        assertThat(trailEntries(first)).as("the duplicate's trail entry rolled back with it").isEqualTo(1);
        assertThat(trailEntries(second)).isEqualTo(1);
    }

    @Test
    void insideADatabaseTransactionAUnitJoinsIt() {
        String code = "LEDGER-" + Ids.random();
        String event = Ids.random();
        tx.executeWithoutResult(status -> {
            ledger.complete(confirmation(event, code));
            status.setRollbackOnly();
        });
        assertThat(ledger.isDelivered(event, "test-target")).isFalse();
    }

    /** Occupies the only committer with a unit that waits for the latch, so the next units queue up together. */
    private void holdTheCommitter() {
        CountDownLatch holding = new CountDownLatch(1);
        threads.submit(() -> commits.run(() -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        eventually().until(() -> holding.getCount() == 0);
    }

    /** Threads of this name waiting for the commit of their unit. */
    private static long waitingForACommit(String threadName) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().contains(threadName))
                .filter(thread -> Arrays.stream(thread.getValue()).anyMatch(frame -> frame.getMethodName().equals("submit")
                        && frame.getClassName().equals(GroupCommitter.class.getName())))
                .count();
    }

    /** An exchange as a delivery route has it when the target confirmed: after begin, before complete. */
    private Exchange confirmation(String eventId, String dossierCode) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(MessageHeaders.TARGET, "test-target");
        exchange.setProperty(MessageHeaders.EVENT_ID, eventId);
        exchange.setProperty(MessageHeaders.DOSSIER_CODE, dossierCode);
        exchange.setProperty(MessageHeaders.EVENT_TYPE, "TEST");
        return exchange;
    }

    private long ledgerRows(List<String> codes) {
        return codes.stream().mapToLong(code -> db.sql("SELECT COUNT(*) FROM delivery_ledger WHERE dossier_code = ? "
                + "AND target = 'onestop'").param(code).query(Long.class).single()).sum();
    }

    private long trailEntries(String code) {
        return db.sql("SELECT COUNT(*) FROM dossier_event WHERE dossier_code = ? AND kind = 'DELIVERED' "
                + "AND system_id = 'test-target'").param(code).query(Long.class).single();
    }
}
