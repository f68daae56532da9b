package vn.lgsp.hub.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.adapters.dvcqg.DvcqgProperties;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.platform.GroupCommit;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.Ids;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * The batch sync to DVCQG: the decisions and records of routes {@code status-sync-to-dvcqg} (which only queues a
 * dossier for a batch) and {@code dvcqg-sync-batch} (which makes the calls). A batch takes up to
 * {@code hub.systems.dvcqg.batch-size} waiting dossiers (table {@code dvcqg_pending_sync}) and sends, from each one's
 * current snapshot: the dossiers the hub never synced in one DongBoHoSoMC insert — without TraCuuHoSo, since nothing
 * of them can be at the portal —, those the portal holds an older version of in one DongBoHoSoMC update, and every
 * step the portal lacks in one CapNhatTienDoHoSoMC; then records it all in one transaction.
 *
 * <p>Whatever is unusual goes to the per-dossier sync ({@link DvcqgSync}, with its TraCuuHoSo lookup, its retries,
 * patience and dead letters): a batch call that fails (temporary or rejected, for all its dossiers: the answer does
 * not say which part the portal kept), a dossier that cannot be mapped or is not in the hub, and a dossier an
 * earlier batch claimed but never finished (its node died: the portal may hold what it sent). The dossier is handed
 * over through the outbox (event {@value #HANDED_OVER}) and stays with the per-dossier sync, later events included,
 * until that sync succeeds; no batch takes it meanwhile, so the two never send the same dossier at once.
 */
@Component("dvcqgBatch")
public class DvcqgBatchSync {

    /** Event type of a dossier handed from a batch to the per-dossier sync. */
    public static final String HANDED_OVER = "DVCQG_HANDED_OVER";
    /** Exchange property: the dossiers of this batch to insert, to update, and the steps to append. */
    public static final String INSERTS = "hubDvcqgBatchInserts";
    public static final String UPDATES = "hubDvcqgBatchUpdates";
    public static final String STEPS = "hubDvcqgBatchSteps";
    /** Exchange property: the per-dossier sync owns this event's dossier; release it once the portal is up to date. */
    static final String RELEASE = "hubDvcqgRelease";
    private static final String BATCH = "hubDvcqgBatch";
    private static final Logger log = LoggerFactory.getLogger(DvcqgBatchSync.class);

    private final DvcqgPendingSyncs pending;
    private final DvcqgSync sync;
    private final DvcqgMapping mapping;
    private final Outbox outbox;
    private final DossierTrail trail;
    private final GroupCommit commits;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String queue;
    private final int batchSize;
    private final Duration lease;
    private final Counter handedOver;

    public DvcqgBatchSync(DvcqgPendingSyncs pending, DvcqgSync sync, DvcqgMapping mapping, Outbox outbox,
                          DossierTrail trail, GroupCommit commits, TransactionTemplate tx, ObjectMapper json,
                          HubProperties hub, DvcqgProperties config, MeterRegistry meters) {
        this.pending = pending;
        this.sync = sync;
        this.mapping = mapping;
        this.outbox = outbox;
        this.trail = trail;
        this.commits = commits;
        this.tx = tx;
        this.json = json;
        this.queue = hub.queues().dvcqgSync();
        this.batchSize = config.batchSize();
        // Longer than a batch's calls can take (a login and three calls, each within its timeouts).
        this.lease = config.connectTimeout().plus(config.responseTimeout()).multipliedBy(5).plusSeconds(30);
        this.handedOver = meters.counter("hub.dvcqg.sync.batch.handed.over");
    }

    // ---- route status-sync-to-dvcqg --------------------------------------------------------------------------

    /**
     * Queues the event's dossier for a batch and answers true; answers false when the event is to be synced on its
     * own: batches are off, the per-dossier sync owns the dossier, or the event asks for it (a batch's hand-over,
     * reconciliation, which both need TraCuuHoSo).
     */
    public boolean queue(Exchange exchange) {
        String dossierCode = exchange.getMessage().getHeader(MessageHeaders.DOSSIER_CODE, String.class);
        if (batchSize <= 0 || dossierCode == null) {
            return false;
        }
        String event = exchange.getMessage().getHeader(MessageHeaders.EVENT_TYPE, String.class);
        boolean queued;
        if (HANDED_OVER.equals(event) || DvcqgReconciliation.RECONCILE.equals(event)) {
            queued = commits.run(() -> {
                pending.perDossier(dossierCode);
                return false;
            });
        } else {
            queued = commits.run(() -> pending.queue(dossierCode));
        }
        exchange.setProperty(RELEASE, !queued);
        return queued;
    }

    /** After a per-dossier sync that left the portal up to date: the dossier's next events go to batches again. */
    public void release(Exchange exchange) {
        if (exchange.getProperty(RELEASE, false, Boolean.class)) {
            String dossierCode = exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class);
            tx.executeWithoutResult(s -> pending.release(dossierCode));
        }
    }

    // ---- route dvcqg-sync-batch ------------------------------------------------------------------------------

    /**
     * Claims the next batch and plans it from each dossier's current snapshot; sets {@value #INSERTS},
     * {@value #UPDATES} and {@value #STEPS}, and tells the scheduler to run again at once when the batch was full.
     */
    public void claim(Exchange exchange) {
        String token = Ids.random();
        List<DvcqgPendingSyncs.Claimed> rows = batchSize <= 0 ? List.of() : tx.execute(s -> {
            List<DvcqgPendingSyncs.Claimed> claimed = pending.claim(token, batchSize, lease);
            claimed.stream().filter(DvcqgPendingSyncs.Claimed::claimedBefore).forEach(row -> handOver(token,
                    row.dossierCode(), "an earlier batch did not finish (its node stopped); the portal may hold part "
                            + "of it"));
            return claimed;
        });
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, batchSize > 0 && rows.size() >= batchSize);
        Batch batch = new Batch(token);
        rows.stream().filter(row -> !row.claimedBefore()).forEach(row -> batch.items.add(plan(row)));
        exchange.setProperty(BATCH, batch);
        exchange.setProperty(INSERTS, batch.count(Item::insert));
        exchange.setProperty(UPDATES, batch.count(Item::update));
        exchange.setProperty(STEPS, batch.items.stream().filter(Item::ok).mapToInt(i -> i.toSend.size()).sum());
    }

    private Item plan(DvcqgPendingSyncs.Claimed row) {
        Item item = new Item(row);
        try {
            DvcqgSync.Snapshot snapshot = sync.read(row.dossierCode());
            if (snapshot.dossier().isEmpty()) {
                return item.failed("the hub has no such dossier");
            }
            item.dossier = snapshot.dossier().get();
            item.exists = snapshot.syncedVersion().isPresent();
            // Nothing of a dossier the hub never synced is at the portal: all its steps go, after the dossier.
            item.toSend = item.exists ? snapshot.pending() : snapshot.steps();
            if (snapshot.dossierBehind()) {
                item.mapped = mapping.dossier(sync.dossierInput(item.dossier, snapshot.steps()));
            }
            if (!item.toSend.isEmpty()) {
                item.progress = mapping.progress(sync.progressInput(item.dossier, item.toSend));
            }
        } catch (RuntimeException e) {
            item.failed("the batch could not prepare it: " + e.getMessage());
        }
        return item;
    }

    /** DongBoHoSoMC's dossiers for the new ones (isUpdating "False"). */
    public ArrayNode inserts(Exchange exchange) {
        return dossiers(exchange, Item::insert);
    }

    /** DongBoHoSoMC's dossiers for those the portal holds an older version of (isUpdating "True"). */
    public ArrayNode updates(Exchange exchange) {
        return dossiers(exchange, Item::update);
    }

    private ArrayNode dossiers(Exchange exchange, Predicate<Item> which) {
        ArrayNode data = json.createArrayNode();
        batch(exchange).items.stream().filter(which).forEach(i -> {
            data.add(i.mapped);
            i.pushed = true; // unless the call fails
        });
        return data;
    }

    /** The insert call failed: its dossiers go to the per-dossier sync, with the reason. */
    public void insertsFailed(Exchange exchange) {
        failed(exchange, Item::insert, "DongBoHoSoMC (insert)", true);
    }

    /** The update call failed: its dossiers go to the per-dossier sync, with the reason. */
    public void updatesFailed(Exchange exchange) {
        failed(exchange, Item::update, "DongBoHoSoMC (update)", true);
    }

    /** CapNhatTienDoHoSoMC's steps: every dossier's missing steps, each dossier's in the order they happened. */
    public ArrayNode progress(Exchange exchange) {
        ArrayNode data = json.createArrayNode();
        batch(exchange).items.stream().filter(Item::hasSteps).forEach(i -> data.addAll(i.progress));
        return data;
    }

    /** The progress call failed: the dossiers it carried keep what DongBoHoSoMC did; their steps go per dossier. */
    public void progressFailed(Exchange exchange) {
        failed(exchange, Item::hasSteps, "CapNhatTienDoHoSoMC", false);
    }

    private void failed(Exchange exchange, Predicate<Item> which, String call, boolean dossierCall) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        List<Item> items = batch(exchange).items.stream().filter(which).toList();
        log.info("DVCQG batch {} of {} dossier(s) failed ({}); each goes to the per-dossier sync", call, items.size(),
                cause == null ? "?" : cause.getMessage());
        items.forEach(i -> {
            i.pushed &= !dossierCall;
            i.failed("the batch's " + call + " failed: " + (cause == null ? "?" : cause.getMessage()));
        });
    }

    /**
     * Last step: records in one transaction what the portal accepted, removes the synced dossiers from the waiting
     * ones, and hands the others to the per-dossier sync. A crash before it leaves the rows claimed: after the lease
     * the next batch hands them to the per-dossier sync, whose lookup sees what the portal kept.
     */
    public int record(Exchange exchange) {
        Batch batch = batch(exchange);
        exchange.removeProperty(BATCH);
        if (batch.items.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = DossierTrail.now();
        tx.executeWithoutResult(s -> batch.items.forEach(i -> {
            if (i.pushed) {
                sync.recordDossierSynced(i.dossier, i.exists);
            }
            if (i.reason == null) {
                sync.recordStepsSynced(i.row.dossierCode(), i.toSend, i.toSend, now);
                pending.done(batch.token, i.row);
            } else {
                handOver(batch.token, i.row.dossierCode(), i.reason);
            }
        }));
        batch.items.stream().filter(Item::ok).forEach(i -> sync.countSteps(i.toSend, now));
        return batch.items.size();
    }

    /** Inside the batch's transaction: the per-dossier sync takes the dossier, through the outbox. */
    private void handOver(String token, String dossierCode, String reason) {
        if (pending.handOver(token, dossierCode)) {
            outbox.enqueue(queue, dossierCode, HANDED_OVER, dossierCode);
            trail.recordIfDossier(dossierCode, TrailKind.DELIVERY_RETRY, DvcqgSync.TARGET, reason
                    + "; synced on its own instead");
            handedOver.increment();
        }
    }

    private static Batch batch(Exchange exchange) {
        return exchange.getProperty(BATCH, Batch.class);
    }

    /** The dossiers of one batch and what became of each. */
    private static final class Batch {
        private final String token;
        private final List<Item> items = new ArrayList<>();

        private Batch(String token) {
            this.token = token;
        }

        int count(Predicate<Item> which) {
            return (int) items.stream().filter(which).count();
        }
    }

    /** One dossier of a batch: what it sends and whether the portal took it. */
    private static final class Item {
        private final DvcqgPendingSyncs.Claimed row;
        private StoredDossier dossier;
        private boolean exists;
        private JsonNode mapped;
        private ArrayNode progress;
        private List<DvcqgSyncStore.Step> toSend = List.of();
        private boolean pushed;
        private String reason;

        private Item(DvcqgPendingSyncs.Claimed row) {
            this.row = row;
        }

        Item failed(String why) {
            if (reason == null) {
                reason = why;
            }
            return this;
        }

        boolean ok() {
            return reason == null;
        }

        boolean insert() {
            return ok() && mapped != null && !exists;
        }

        boolean update() {
            return ok() && mapped != null && exists;
        }

        boolean hasSteps() {
            return ok() && progress != null && !progress.isEmpty();
        }
    }
}
