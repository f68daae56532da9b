package vn.lgsp.hub.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.amendments.AmendmentStore;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.delivery.PermanentDeliveryException;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Brings the portal up to the hub's current state of one dossier: the decisions and records of routes
 * {@code status-sync-to-dvcqg} and {@code dvcqg-sync-dossier}, which make the calls. A sync event says only "this
 * dossier changed": the consumer reads the dossier's current snapshot, pushes it when the portal holds an older
 * version (TraCuuHoSo, then DongBoHoSoMC with isUpdating = whether the portal has it), then appends the progress
 * steps the portal does not have yet, in the order they happened. Duplicated, shuffled or replayed events therefore change
 * nothing, and a late report of an old status never replaces a newer one at the portal.
 */
@Component("dvcqgSync")
public class DvcqgSync {

    public static final String TARGET = "dvcqg";
    /** Exchange property: the snapshot the up-to-date check read, for the sync steps of the same exchange. */
    static final String SNAPSHOT = "hubDvcqgSnapshot";
    /** Exchange property: the portal lacks the dossier's current version or some of its steps. */
    public static final String BEHIND = "hubDvcqgBehind";
    /** Exchange property: DongBoHoSoMC is due (the portal holds an older version, or none). */
    public static final String PUSH_DOSSIER = "hubDvcqgPushDossier";
    /** Exchange property: the portal holds the dossier (DongBoHoSoMC updates rather than inserts). */
    public static final String PORTAL_HAS_IT = "hubDvcqgPortalHasIt";
    /** Exchange property: how many progress steps CapNhatTienDoHoSoMC is to append. */
    public static final String STEPS_TO_SEND = "hubDvcqgStepsToSend";
    private static final String PLAN = "hubDvcqgPlan";

    private final DossierStore dossiers;
    private final AmendmentStore amendments;
    private final DvcqgSyncStore synced;
    private final DvcqgMapping mapping;
    private final DossierTrail trail;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Counter dossierPushes;
    private final Counter stepPushes;
    private final Counter upToDate;
    private final Timer lag;

    public DvcqgSync(DossierStore dossiers, AmendmentStore amendments, DvcqgSyncStore synced, DvcqgMapping mapping,
                     DossierTrail trail, TransactionTemplate tx, ObjectMapper json, MeterRegistry meters) {
        this.dossiers = dossiers;
        this.amendments = amendments;
        this.synced = synced;
        this.mapping = mapping;
        this.trail = trail;
        this.tx = tx;
        this.json = json;
        this.dossierPushes = meters.counter("hub.dvcqg.sync.dossiers.pushed");
        this.stepPushes = meters.counter("hub.dvcqg.sync.steps.pushed");
        this.upToDate = meters.counter("hub.dvcqg.sync.events.already.synced");
        this.lag = Timer.builder("hub.dvcqg.sync.lag")
                .description("From a status change's intake to the portal's acknowledgement of it")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** What one sync did, for the log and the tests. */
    public record Outcome(String dossierCode, boolean dossierPushed, int stepsPushed) {
    }

    /**
     * Whether the portal already holds this dossier's current version and every progress step, so the event can be
     * acknowledged without calling the portal (a duplicate, or an event an earlier sync already covered). Keeps what
     * it read for {@link #sync(Exchange)}: a sync exchange reads the dossier and its sync state once, not twice.
     */
    public boolean isUpToDate(Exchange exchange) {
        String dossierCode = exchange.getMessage().getHeader(MessageHeaders.DOSSIER_CODE, String.class);
        if (dossierCode == null) {
            return false;
        }
        Snapshot snapshot = read(dossierCode);
        exchange.setProperty(SNAPSHOT, snapshot);
        return isUpToDate(snapshot);
    }

    private boolean isUpToDate(Snapshot snapshot) {
        boolean upToDate = snapshot.dossier().isPresent() && !snapshot.dossierBehind() && snapshot.pending().isEmpty();
        if (upToDate) {
            this.upToDate.increment();
        }
        return upToDate;
    }

    /**
     * First step of route {@code dvcqg-sync-dossier}: what the portal lacks, from the snapshot
     * {@link #isUpToDate(Exchange)} read (a retry of the route reads afresh). Sets {@value #BEHIND} and, when the
     * portal lacks anything, the body to the dossier code for TraCuuHoSo.
     */
    public void plan(Exchange exchange) {
        Snapshot snapshot = exchange.getProperty(SNAPSHOT, Snapshot.class);
        exchange.removeProperty(SNAPSHOT);
        exchange.removeProperty(PLAN);
        String dossierCode = exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class);
        if (dossierCode == null) {
            throw new PermanentDeliveryException("The sync event has no " + MessageHeaders.DOSSIER_CODE + " header");
        }
        if (snapshot == null || !snapshot.dossierCode().equals(dossierCode)) {
            snapshot = read(dossierCode);
        }
        StoredDossier dossier = snapshot.dossier().orElseThrow(() -> new PermanentDeliveryException(
                "The hub has no dossier " + dossierCode));
        boolean behind = snapshot.dossierBehind() || !snapshot.pending().isEmpty();
        if (!behind) {
            upToDate.increment();
        } else {
            exchange.setProperty(PLAN, new Plan(snapshot, dossier));
            exchange.getMessage().setBody(dossierCode);
        }
        exchange.setProperty(BEHIND, behind);
    }

    /**
     * After TraCuuHoSo (the body: the portal's record, or null): whether to push the dossier (insert or update) and
     * which progress steps the portal does not list yet (an earlier attempt whose acknowledgement was lost), so none
     * is appended twice. Sets {@value #PUSH_DOSSIER}, {@value #PORTAL_HAS_IT}, {@value #STEPS_TO_SEND} and, when the
     * dossier is pushed, the body to the mapped dossier for DongBoHoSoMC.
     */
    public void lookedUp(Exchange exchange) {
        Plan plan = exchange.getProperty(PLAN, Plan.class);
        JsonNode held = exchange.getMessage().getBody(JsonNode.class);
        plan.exists = held != null;
        // A portal that lost the dossier lost its progress too: push both again, without waiting for reconciliation.
        plan.pushDossier = plan.snapshot.dossierBehind() || !plan.exists;
        plan.candidates = plan.exists ? plan.snapshot.pending() : plan.snapshot.steps();
        Set<String> heldSteps = held == null ? Set.of() : mapping.heldStepKeys(held).orElse(Set.of());
        plan.toSend = plan.candidates.stream()
                .filter(step -> !heldSteps.contains(mapping.stepKey(step.status(), step.at()))).toList();
        exchange.setProperty(PORTAL_HAS_IT, plan.exists);
        exchange.setProperty(PUSH_DOSSIER, plan.pushDossier);
        exchange.setProperty(STEPS_TO_SEND, plan.toSend.size());
        exchange.getMessage().setBody(plan.pushDossier
                ? mapping.dossier(dossierInput(plan.dossier, plan.snapshot.steps())) : null);
    }

    /** The body for CapNhatTienDoHoSoMC: the steps the portal lacks, mapped, in the order they happened. */
    public ArrayNode progress(Exchange exchange) {
        Plan plan = exchange.getProperty(PLAN, Plan.class);
        return mapping.progress(progressInput(plan.dossier, plan.toSend));
    }

    /** CapNhatTienDoHoSoMC failed: the portal holds the new version all the same; record that much, as before. */
    public void progressFailed(Exchange exchange) throws Exception {
        Plan plan = exchange.getProperty(PLAN, Plan.class);
        if (plan.pushDossier) {
            tx.executeWithoutResult(s -> recordDossierSynced(plan.dossier, plan.exists));
        }
        throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    /**
     * Last step: records everything the portal accepted in this exchange in one commit (the database commit, not
     * the portal call, is what a sync costs most on one node). A crash before it only repeats the calls: the next
     * attempt's TraCuuHoSo turns the insert into an update and skips the steps the portal already lists.
     */
    public Outcome recordSynced(Exchange exchange) {
        Plan plan = exchange.getProperty(PLAN, Plan.class);
        exchange.removeProperty(PLAN);
        String dossierCode = plan.snapshot.dossierCode();
        List<DvcqgSyncStore.Step> candidates = plan.candidates;
        List<DvcqgSyncStore.Step> toSend = plan.toSend;
        if (plan.pushDossier || !candidates.isEmpty()) {
            OffsetDateTime now = OffsetDateTime.now(DossierTrail.ZONE);
            tx.executeWithoutResult(s -> {
                if (plan.pushDossier) {
                    recordDossierSynced(plan.dossier, plan.exists);
                }
                recordStepsSynced(dossierCode, candidates, toSend, now);
            });
            countSteps(toSend, now);
        }
        return new Outcome(dossierCode, plan.pushDossier, toSend.size());
    }

    /** Records the steps the portal holds now: those it accepted ({@code toSend}) and those it listed already. */
    void recordStepsSynced(String dossierCode, List<DvcqgSyncStore.Step> candidates, List<DvcqgSyncStore.Step> toSend,
                           OffsetDateTime now) {
        if (!candidates.isEmpty()) {
            synced.progressSynced(dossierCode, candidates.stream().map(DvcqgSyncStore.Step::id).toList(), now);
            trail.record(dossierCode, TrailKind.DELIVERED, TARGET, "CapNhatTienDoHoSoMC of " + toSend.size()
                    + " step(s) accepted" + (toSend.size() < candidates.size()
                    ? "; " + (candidates.size() - toSend.size()) + " already at the portal" : ""));
        }
    }

    /** Counts steps the portal accepted, and their lag from intake, once their record committed. */
    void countSteps(List<DvcqgSyncStore.Step> accepted, OffsetDateTime now) {
        stepPushes.increment(accepted.size());
        accepted.forEach(step -> lag.record(Duration.between(step.recordedAt(), now)));
    }

    /** What one exchange learnt and decided on its way through route {@code dvcqg-sync-dossier}. */
    static final class Plan {
        private final Snapshot snapshot;
        private final StoredDossier dossier;
        private boolean exists;
        private boolean pushDossier;
        private List<DvcqgSyncStore.Step> candidates = List.of();
        private List<DvcqgSyncStore.Step> toSend = List.of();

        private Plan(Snapshot snapshot, StoredDossier dossier) {
            this.snapshot = snapshot;
            this.dossier = dossier;
        }
    }

    /** What the hub holds of a dossier and what it has synced of it, read before a sync. */
    record Snapshot(String dossierCode, Optional<StoredDossier> dossier, Optional<Integer> syncedVersion,
                            List<DvcqgSyncStore.Step> steps) {

        boolean dossierBehind() {
            return dossier.isEmpty() || syncedVersion.map(v -> v < dossier.get().version()).orElse(true);
        }

        List<DvcqgSyncStore.Step> pending() {
            return steps.stream().filter(s -> !s.synced()).toList();
        }
    }

    Snapshot read(String dossierCode) {
        return new Snapshot(dossierCode, dossiers.find(dossierCode), synced.syncedVersion(dossierCode),
                synced.steps(dossierCode));
    }

    /** Records that the portal accepted this version of the dossier (DongBoHoSoMC), with its trail entry. */
    void recordDossierSynced(StoredDossier dossier, boolean exists) {
        dossierPushes.increment();
        synced.dossierSynced(dossier.dossierCode(), dossier.version(), dossier.status(),
                OffsetDateTime.now(DossierTrail.ZONE));
        trail.record(dossier.dossierCode(), TrailKind.DELIVERED, TARGET, "DongBoHoSoMC (" + (exists ? "update" : "insert")
                + ") of version " + dossier.version() + ", status " + dossier.status() + " accepted");
    }

    /**
     * Input of the dossier mapping: the canonical dossier as stored, with its status history by time and its
     * supplements (DanhSachHoSoBoSung) by number.
     */
    public JsonNode dossierInput(StoredDossier dossier, List<DvcqgSyncStore.Step> steps) {
        ObjectNode input = json.createObjectNode();
        input.set("dossier", readTree(dossier.payload()));
        ArrayNode history = input.putArray("history");
        steps.forEach(s -> putIfPresent(history.addObject().put("status", s.status()).put("at", s.at().toString()),
                "resultCode", s.change().resultCode()));
        input.set("supplements", json.valueToTree(amendments.supplements(dossier.dossierCode())));
        return input;
    }

    JsonNode progressInput(StoredDossier dossier, List<DvcqgSyncStore.Step> steps) {
        JsonNode canonical = readTree(dossier.payload());
        ObjectNode input = json.createObjectNode().put("dossierCode", dossier.dossierCode())
                .put("agencyCode", canonical.path("agencyCode").asText());
        if (canonical.hasNonNull("dueAt")) {
            input.put("dueAt", canonical.get("dueAt").asText());
        }
        ArrayNode list = input.putArray("steps");
        for (DvcqgSyncStore.Step s : steps) {
            ObjectNode step = list.addObject().put("status", s.status()).put("at", s.at().toString());
            putIfPresent(step, "note", s.change().note());
            putIfPresent(step, "officer", s.change().officer());
            putIfPresent(step, "officerTitle", s.change().officerTitle());
            putIfPresent(step, "department", s.change().department());
        }
        return input;
    }

    private static ObjectNode putIfPresent(ObjectNode node, String field, String value) {
        return value == null ? node : node.put(field, value);
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored dossier is not JSON", e);
        }
    }
}
