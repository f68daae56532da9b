package vn.lgsp.hub.platform;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the database work of many concurrent requests in one transaction (intake: work that inserts and locks
 * no existing row, so committers running side by side never wait on each other). A request hands its unit of work
 * (its reads and writes, nothing outside the database) and waits; a committer thread takes every unit waiting,
 * runs each under its own savepoint inside one transaction and commits once; then each request gets its own
 * result or its own failure. A request is therefore answered only after the commit that made its work durable,
 * as before, but a thousand requests share a handful of commits instead of paying one each — the commit (H2's
 * store write, PostgreSQL's WAL flush) is what limits durable intake.
 *
 * <p>A unit that fails rolls back to its savepoint and fails alone; a unit that lost a lock race (deadlock, lock
 * timeout: possible now that one transaction holds several requests' locks) runs again alone after the batch. If
 * the transaction cannot start or commit (database away), every unit of the batch fails with that error and
 * nothing of it was acknowledged. Called inside a transaction already, a unit joins that transaction instead.
 * Nothing here is state: a unit waiting in a node that dies was never acknowledged.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;
    private final int threads;
    private final int maxBatch;
    private final BlockingQueue<Unit<?>> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running;
    private final Timer commitTime;
    private final DistributionSummary batchSize;

    public GroupCommit(PlatformTransactionManager transactions, HubProperties properties, MeterRegistry meters) {
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        HubProperties.Intake intake = properties.intake();
        this.threads = intake.commitThreads();
        this.maxBatch = intake.commitBatch();
        this.commitTime = Timer.builder("lgsp.group.commit").description("Group commits: one transaction each, "
                + "from its start to its commit").register(meters);
        this.batchSize = DistributionSummary.builder("lgsp.group.commit.units").description("Requests whose "
                + "database work one group commit carried").register(meters);
    }

    /**
     * Runs the work in a transaction shared with other requests and returns its result once that transaction
     * has committed; throws what the work threw, or the database's failure to commit.
     */
    public <T> T run(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || !running) {
            return batch.execute(status -> work.get());
        }
        Unit<T> unit = new Unit<>(work);
        waiting.add(unit);
        if (!running && waiting.remove(unit)) {
            return batch.execute(status -> work.get()); // stopped meanwhile: no committer will take it
        }
        try {
            return unit.result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** Units waiting for a committer (not those being committed). */
    int waitingUnits() {
        return waiting.size();
    }

    private void commitLoop() {
        List<Unit<?>> units = new ArrayList<>(maxBatch);
        while (running || !waiting.isEmpty()) {
            try {
                Unit<?> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                units.add(first);
                waiting.drainTo(units, maxBatch - 1);
                commit(units);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                units.clear();
            }
        }
    }

    private void commit(List<Unit<?>> units) {
        List<Unit<?>> again = new ArrayList<>();
        batchSize.record(units.size());
        try {
            commitTime.record(() -> batch.executeWithoutResult(status -> units.forEach(unit -> unit.runUnder(savepoint))));
        } catch (RuntimeException | Error failure) {
            units.forEach(unit -> unit.result.completeExceptionally(failure));
            return;
        }
        for (Unit<?> unit : units) {
            if (unit.failure instanceof PessimisticLockingFailureException) {
                again.add(unit);
            } else {
                unit.complete();
            }
        }
        if (!again.isEmpty()) {
            log.debug("{} unit(s) lost a lock race in a group commit; running them alone", again.size());
            again.forEach(unit -> unit.runAlone(batch));
        }
    }

    /** One request's work, its outcome inside the batch, and the future its request waits on. */
    private static final class Unit<T> {
        final Supplier<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        T value;
        RuntimeException failure;

        Unit(Supplier<T> work) {
            this.work = work;
        }

        void runUnder(TransactionTemplate savepoint) {
            try {
                value = savepoint.execute(status -> work.get());
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        void runAlone(TransactionTemplate own) {
            try {
                result.complete(own.execute(status -> work.get()));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }

        void complete() {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread committer = new Thread(this::commitLoop, "group-commit-" + i);
            committer.setDaemon(true);
            committer.start();
            committers.add(committer);
        }
    }

    /** Stops taking units; those already waiting are committed first. */
    @Override
    public void stop() {
        running = false;
        for (Thread committer : committers) {
            try {
                committer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        committers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server (which stops taking requests first); the pool closes later. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
