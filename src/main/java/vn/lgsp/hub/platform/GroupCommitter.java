package vn.lgsp.hub.platform;

import io.micrometer.core.instrument.DistributionSummary;
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
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit, the hub's one implementation of it. A caller hands an item and waits; a committer thread takes
 * every item waiting (at most {@code maxBatch}), writes them in one transaction and commits once; then each caller
 * gets its own result or its own failure. A caller is answered only after the commit that made its item durable,
 * but many callers share one commit (H2's store write, PostgreSQL's WAL flush) instead of paying one each.
 *
 * <p>The {@link Writer} says what a batch is inside its transaction: {@link GroupCommit} runs each request's work
 * under its own savepoint, so a failing one fails alone; the registry audit writes the whole batch under one chain
 * head lock, so the batch stands or falls together. An item whose outcome is a lost lock race (deadlock, lock
 * timeout) is written again alone after the batch. If the transaction cannot start or commit, or the writer throws,
 * every item of the batch fails with that error and nothing of it was acknowledged. Items handed in while no
 * committer runs (not started, or stopped) are committed by their caller, one by one. Nothing here is state: an
 * item waiting in a node that dies was never acknowledged.
 */
public final class GroupCommitter<I, R> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

    /** Writes a batch inside its transaction: one outcome per item, in order; throwing fails the whole batch. */
    @FunctionalInterface
    public interface Writer<I, R> {
        List<Outcome<R>> write(List<I> items);
    }

    /** One item's outcome inside a batch: its result, or the failure it alone had. */
    public record Outcome<R>(R value, RuntimeException failure) {

        public static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        public static <R> Outcome<R> failed(RuntimeException failure) {
            return new Outcome<>(null, failure);
        }
    }

    /** What is measured of each batch (nothing when null): its transaction's time, and how many items it carried. */
    public record Meters(Timer commitTime, DistributionSummary batchSize) {
        public static final Meters NONE = new Meters(null, null);
    }

    private final String name;
    private final TransactionTemplate transaction;
    private final int threads;
    private final int maxBatch;
    private final Meters meters;
    private final Writer<I, R> writer;
    private final BlockingQueue<Pending<I, R>> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param name        names the committer threads ({@code name-0}, ...)
     * @param transaction the transaction each batch is written in
     * @param threads     batches written at a time
     */
    public GroupCommitter(String name, TransactionTemplate transaction, int threads, int maxBatch, Meters meters,
                          Writer<I, R> writer) {
        this.name = name;
        this.transaction = transaction;
        this.threads = threads;
        this.maxBatch = maxBatch;
        this.meters = meters;
        this.writer = writer;
    }

    /** Writes the item with others waiting and returns its result once committed; throws its or its batch's failure. */
    public R submit(I item) {
        Pending<I, R> pending = new Pending<>(item);
        waiting.add(pending);
        if (!running && waiting.remove(pending)) {
            commit(List.of(pending)); // no committer will take it
        }
        try {
            return pending.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Items waiting for a committer (not those being committed). */
    public int waiting() {
        return waiting.size();
    }

    public void start() {
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread committer = new Thread(this::commitLoop, name + "-" + i);
            committer.setDaemon(true);
            committer.start();
            committers.add(committer);
        }
    }

    /** Stops taking items; those already waiting are committed first. */
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

    public boolean isRunning() {
        return running;
    }

    private void commitLoop() {
        List<Pending<I, R>> batch = new ArrayList<>(maxBatch);
        while (running || !waiting.isEmpty()) {
            try {
                Pending<I, R> first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<I, R>> batch) {
        List<I> items = batch.stream().map(Pending::item).toList();
        if (meters.batchSize() != null) {
            meters.batchSize().record(items.size());
        }
        List<Outcome<R>> outcomes;
        try {
            Supplier<List<Outcome<R>>> write = () -> transaction.execute(status -> writer.write(items));
            outcomes = meters.commitTime() == null ? write.get() : meters.commitTime().record(write);
        } catch (RuntimeException | Error failure) {
            batch.forEach(pending -> pending.result.completeExceptionally(failure));
            return;
        }
        List<Pending<I, R>> again = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes.get(i).failure() instanceof PessimisticLockingFailureException) {
                again.add(batch.get(i));
            } else {
                batch.get(i).complete(outcomes.get(i));
            }
        }
        if (!again.isEmpty()) {
            log.debug("{} item(s) lost a lock race in a group commit of {}; writing them alone", again.size(), name);
            again.forEach(this::commitAlone);
        }
    }

    private void commitAlone(Pending<I, R> pending) {
        try {
            pending.complete(transaction.execute(status -> writer.write(List.of(pending.item()))).get(0));
        } catch (RuntimeException | Error e) {
            pending.result.completeExceptionally(e);
        }
    }

    /** One caller's item and the future it waits on. */
    private record Pending<I, R>(I item, CompletableFuture<R> result) {

        Pending(I item) {
            this(item, new CompletableFuture<>());
        }

        void complete(Outcome<R> outcome) {
            if (outcome.failure() != null) {
                result.completeExceptionally(outcome.failure());
            } else {
                result.complete(outcome.value());
            }
        }
    }
}
