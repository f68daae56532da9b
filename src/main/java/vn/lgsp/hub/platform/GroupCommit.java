package vn.lgsp.hub.platform;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the database work of many concurrent requests in one transaction (intake: work that inserts and locks
 * no existing row, so committers running side by side never wait on each other). A request hands its unit of work
 * (its reads and writes, nothing outside the database) and waits; it is answered only after the commit that made
 * its work durable, but a thousand requests share a handful of commits instead of paying one each — the commit is
 * what limits durable intake. The batching is {@link GroupCommitter}'s (shared with the registry audit).
 *
 * <p>Each unit runs under its own savepoint: a unit that fails rolls back to it and fails alone; a unit that lost a
 * lock race (possible now that one transaction holds several requests' locks) runs again alone after the batch. If
 * the transaction cannot start or commit (database away), every unit of the batch fails with that error and
 * nothing of it was acknowledged. Called inside a transaction already, a unit joins that transaction instead.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private final TransactionTemplate joined;
    private final TransactionTemplate savepoint;
    private final GroupCommitter<Supplier<?>, Object> committer;

    public GroupCommit(PlatformTransactionManager transactions, HubProperties properties, MeterRegistry meters) {
        this.joined = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        HubProperties.Intake intake = properties.intake();
        Timer commitTime = Timer.builder("lgsp.group.commit").description("Group commits: one transaction each, "
                + "from its start to its commit").register(meters);
        DistributionSummary batchSize = DistributionSummary.builder("lgsp.group.commit.units").description("Requests "
                + "whose database work one group commit carried").register(meters);
        this.committer = new GroupCommitter<>("group-commit", new TransactionTemplate(transactions),
                intake.commitThreads(), intake.commitBatch(), new GroupCommitter.Meters(commitTime, batchSize),
                this::eachUnderItsSavepoint);
    }

    /**
     * Runs the work in a transaction shared with other requests and returns its result once that transaction
     * has committed; throws what the work threw, or the database's failure to commit.
     */
    @SuppressWarnings("unchecked") // the unit's result is the one its own work returned
    public <T> T run(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return joined.execute(status -> work.get());
        }
        return (T) committer.submit(work);
    }

    /** A unit that fails rolls back to its savepoint and fails alone; the others of the batch commit. */
    private List<GroupCommitter.Outcome<Object>> eachUnderItsSavepoint(List<Supplier<?>> units) {
        return units.stream().map(work -> {
            try {
                return GroupCommitter.Outcome.<Object>of(savepoint.execute(status -> work.get()));
            } catch (RuntimeException failure) {
                return GroupCommitter.Outcome.<Object>failed(failure);
            }
        }).toList();
    }

    /** Units waiting for a committer (not those being committed). */
    int waitingUnits() {
        return committer.waiting();
    }

    @Override
    public void start() {
        committer.start();
    }

    /** Stops taking units; those already waiting are committed first. */
    @Override
    public void stop() {
        committer.stop();
    }

    @Override
    public boolean isRunning() {
        return committer.isRunning();
    }

    /** Starts before and stops after the web server (which stops taking requests first); the pool closes later. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
