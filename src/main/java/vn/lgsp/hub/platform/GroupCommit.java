package vn.lgsp.hub.platform;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * <p>A unit is either work of its own ({@link #run(Supplier)}) or an item a {@link BatchWriter} writes together
 * with the other items of the batch it knows how to write ({@link #run(BatchWriter, Object)}: one statement per
 * table for the whole batch instead of several per request). Each unit of its own runs under its own savepoint: a
 * unit that fails rolls back to it and fails alone. A batch writer's items are written together under one
 * savepoint; if that fails (another node inserted the same key meanwhile, a lock race), it is rolled back and each
 * item is written alone under its own savepoint, so it fails alone exactly as a unit of its own would. A unit that
 * lost a lock race (possible now that one transaction holds several requests' locks) runs again alone after the
 * batch. If the transaction cannot start or commit (database away), every unit of the batch fails with that error
 * and nothing of it was acknowledged. Called inside a transaction already, a unit joins that transaction instead.
 */
@Component
public class GroupCommit implements SmartLifecycle {

    /**
     * Writes many requests' items in one go inside the group commit's transaction: one outcome per item, in order.
     * An item whose outcome is a failure must have written nothing; throwing undoes what the call wrote, and each
     * item is then written again alone (a call with one item).
     */
    @FunctionalInterface
    public interface BatchWriter<I, R> {
        List<GroupCommitter.Outcome<R>> write(List<I> items);
    }

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** The writer of units of their own: each is its work, written alone. */
    private static final BatchWriter<Object, Object> ALONE =
            works -> List.of(GroupCommitter.Outcome.of(((Supplier<?>) works.get(0)).get()));

    private final TransactionTemplate joined;
    private final TransactionTemplate savepoint;
    private final GroupCommitter<Unit, Object> committer;

    /** Intake's: settings {@code hub.intake.commit-threads} and {@code commit-batch}, meters {@code lgsp.group.commit*}. */
    @Autowired
    public GroupCommit(PlatformTransactionManager transactions, HubProperties properties, MeterRegistry meters) {
        this("group-commit", "lgsp.group.commit", "Requests", transactions, properties.intake().commitThreads(),
                properties.intake().commitBatch(), meters);
    }

    /**
     * A group commit of its own: committer threads named {@code <name>-<n>}, meters {@code <meter>} (each commit's
     * time) and {@code <meter>.units} (the units each carried, described as {@code units}).
     */
    public GroupCommit(String name, String meter, String units, PlatformTransactionManager transactions, int threads,
                       int batch, MeterRegistry meters) {
        this.joined = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        Timer commitTime = Timer.builder(meter).description("Group commits: one transaction each, from its start to "
                + "its commit").register(meters);
        DistributionSummary batchSize = DistributionSummary.builder(meter + ".units").description(units
                + " whose database work one group commit carried").register(meters);
        this.committer = new GroupCommitter<>(name, new TransactionTemplate(transactions), threads, batch,
                new GroupCommitter.Meters(commitTime, batchSize), this::write);
    }

    /**
     * Runs the work in a transaction shared with other requests and returns its result once that transaction
     * has committed; throws what the work threw, or the database's failure to commit.
     */
    @SuppressWarnings("unchecked") // the unit's result is the one its own work returned
    public <T> T run(Supplier<T> work) {
        return (T) run(ALONE, (Object) work);
    }

    /**
     * Has the writer write the item together with the other items of the batch it knows how to write, and returns
     * the item's result once that transaction has committed; throws the item's failure, or the database's failure
     * to commit.
     */
    @SuppressWarnings("unchecked") // a unit's result is the one its own writer gave it
    public <I, R> R run(BatchWriter<I, R> writer, I item) {
        Unit unit = new Unit((BatchWriter<Object, Object>) writer, item);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return (R) joined.execute(status -> value(unit.writer().write(List.of(item)).get(0)));
        }
        return (R) committer.submit(unit);
    }

    /** One request's unit: the item and the writer that writes it. */
    private record Unit(BatchWriter<Object, Object> writer, Object item) {
    }

    /**
     * The units of each batch writer together under one savepoint, or alone if that fails; units of their own each
     * under its own savepoint. A unit that fails alone rolls back to its savepoint; the others of the batch commit.
     */
    private List<GroupCommitter.Outcome<Object>> write(List<Unit> units) {
        Map<BatchWriter<Object, Object>, List<Integer>> byWriter = new LinkedHashMap<>();
        for (int i = 0; i < units.size(); i++) {
            byWriter.computeIfAbsent(units.get(i).writer(), w -> new ArrayList<>()).add(i);
        }
        @SuppressWarnings("unchecked")
        GroupCommitter.Outcome<Object>[] outcomes = new GroupCommitter.Outcome[units.size()];
        byWriter.forEach((writer, indexes) -> {
            List<Object> items = indexes.stream().map(i -> units.get(i).item()).toList();
            List<GroupCommitter.Outcome<Object>> together = writer == ALONE || items.size() == 1 ? null
                    : together(writer, items);
            for (int k = 0; k < indexes.size(); k++) {
                outcomes[indexes.get(k)] = together != null ? together.get(k) : alone(writer, items.get(k));
            }
        });
        return List.of(outcomes);
    }

    /** The items written in one go under a savepoint; null when that failed and was rolled back. */
    private List<GroupCommitter.Outcome<Object>> together(BatchWriter<Object, Object> writer, List<Object> items) {
        try {
            return savepoint.execute(status -> writer.write(items));
        } catch (RuntimeException failure) {
            log.debug("A batch of {} rolled back ({}); writing each alone", items.size(), failure.toString());
            return null;
        }
    }

    /** The item written alone under its savepoint, which a failure of it rolls back. */
    private GroupCommitter.Outcome<Object> alone(BatchWriter<Object, Object> writer, Object item) {
        try {
            return GroupCommitter.Outcome.of(savepoint.execute(status -> value(writer.write(List.of(item)).get(0))));
        } catch (RuntimeException failure) {
            return GroupCommitter.Outcome.failed(failure);
        }
    }

    private static Object value(GroupCommitter.Outcome<Object> outcome) {
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.value();
    }

    /** Units waiting for a committer (not those being committed). */
    public int waitingUnits() {
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
