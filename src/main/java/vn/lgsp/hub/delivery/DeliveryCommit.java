package vn.lgsp.hub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import vn.lgsp.hub.platform.GroupCommit;
import vn.lgsp.hub.platform.GroupCommitter;
import vn.lgsp.hub.platform.HubProperties;

/**
 * Commits the database work of concurrent delivery consumers in shared transactions: a consumer hands its unit (the
 * ledger row and trail entry of a confirmed delivery, an answer it stores) and continues only after the commit that
 * made the unit durable, but the consumers of every queue share one commit instead of paying one per message and
 * step. It is a {@link GroupCommit} of their own: each unit runs under its own savepoint, so a unit that fails (a
 * duplicate ledger row) rolls back to it and fails alone; one that lost a lock race runs again alone
 * ({@link GroupCommitter}). If the transaction cannot start or commit (database away), every unit of the batch fails
 * with that error, and each consumer's broker transaction rolls back as before. Settings
 * {@code hub.delivery.commit-threads} and {@code commit-batch}; meters {@code lgsp.delivery.commit} and
 * {@code lgsp.delivery.commit.units}.
 *
 * <p>Units must be short database work that locks at most rows of their own message (an insert, the update of one
 * row keyed by the message), never a dossier's row: status changes keep their own transactions.
 *
 * <p>Its own committer beside intake's group commit, not a share of it. The loads differ: intake is hundreds of
 * requests at a time and gains from big batches; the consumers are a few dozen threads, each holding its message
 * until its unit is durable, so every wait adds to every message's time. Queued behind intake's batches (up to
 * {@code hub.intake.commit-batch} requests each) a unit would wait for a whole intake batch, and delivery would slow
 * down exactly when intake is busy; here it waits for a batch of consumers' units only. And intake's batches stay
 * what they promise, work that inserts and locks no existing row. The price: a second transaction commits beside
 * intake's (on H2 the store writes them one after the other), still one commit per batch instead of one per
 * message and step. Called inside a database transaction already, a unit joins it.
 */
@Component
public class DeliveryCommit implements SmartLifecycle {

    private final GroupCommit commits;

    public DeliveryCommit(PlatformTransactionManager transactions, HubProperties properties, MeterRegistry meters) {
        HubProperties.Delivery delivery = properties.delivery();
        this.commits = new GroupCommit("delivery-commit", "lgsp.delivery.commit", "Delivery consumers' units",
                transactions, delivery.commitThreads(), delivery.commitBatch(), meters);
    }

    /**
     * Runs the work in a transaction shared with other consumers and returns its result once that transaction has
     * committed; throws what the work threw, or the database's failure to start or commit.
     */
    public <T> T run(Supplier<T> work) {
        return commits.run(work);
    }

    @Override
    public void start() {
        commits.start();
    }

    /** Stops taking units; those already waiting are committed first. */
    @Override
    public void stop() {
        commits.stop();
    }

    @Override
    public boolean isRunning() {
        return commits.isRunning();
    }

    /** Starts before the routes' consumers and stops after them (they stop first, then their last units commit). */
    @Override
    public int getPhase() {
        return commits.getPhase();
    }
}
