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
import vn.lgsp.hub.adapters.dvcqg.DvcqgClient;
import vn.lgsp.hub.amendments.AmendmentStore;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.delivery.PermanentDeliveryException;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Brings the portal up to the hub's current state of one dossier. A sync event says only "this dossier changed":
 * the consumer reads the dossier's current snapshot, pushes it when the portal holds an older version
 * (TraCuuHoSo, then DongBoHoSoMC with isUpdating = whether the portal has it), then appends the progress steps the
 * portal does not have yet, in the order they happened. Duplicated, shuffled or replayed events therefore change
 * nothing, and a late report of an old status never replaces a newer one at the portal.
 */
@Component("dvcqgSync")
public class DvcqgSync {

    public static final String TARGET = "dvcqg";
    /** Exchange property: the snapshot the up-to-date check read, for the sync step of the same exchange. */
    static final String SNAPSHOT = "hubDvcqgSnapshot";

    private final DossierStore dossiers;
    private final AmendmentStore amendments;
    private final DvcqgSyncStore synced;
    private final DvcqgClient portal;
    private final DvcqgMapping mapping;
    private final DossierTrail trail;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Counter dossierPushes;
    private final Counter stepPushes;
    private final Counter upToDate;
    private final Timer lag;

    public DvcqgSync(DossierStore dossiers, AmendmentStore amendments, DvcqgSyncStore synced, DvcqgClient portal, DvcqgMapping mapping,
                     DossierTrail trail, TransactionTemplate tx, ObjectMapper json, MeterRegistry meters) {
        this.dossiers = dossiers;
        this.amendments = amendments;
        this.synced = synced;
        this.portal = portal;
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

    /** Syncs with the snapshot {@link #isUpToDate(Exchange)} read; a retry of the step reads afresh. */
    public Outcome sync(Exchange exchange) {
        Snapshot snapshot = exchange.getProperty(SNAPSHOT, Snapshot.class);
        exchange.removeProperty(SNAPSHOT);
        String dossierCode = exchange.getMessage().getHeader(MessageHeaders.DOSSIER_CODE, String.class);
        if (dossierCode == null) {
            throw new PermanentDeliveryException("The sync event has no " + MessageHeaders.DOSSIER_CODE + " header");
        }
        return sync(snapshot != null && snapshot.dossierCode().equals(dossierCode) ? snapshot : read(dossierCode));
    }

    private Outcome sync(Snapshot snapshot) {
        String dossierCode = snapshot.dossierCode();
        StoredDossier dossier = snapshot.dossier().orElseThrow(() -> new PermanentDeliveryException(
                "The hub has no dossier " + dossierCode));
        List<DvcqgSyncStore.Step> steps = snapshot.steps();
        List<DvcqgSyncStore.Step> pending = snapshot.pending();
        boolean dossierBehind = snapshot.dossierBehind();
        if (!dossierBehind && pending.isEmpty()) {
            upToDate.increment();
            return new Outcome(dossierCode, false, 0);
        }
        // Looked up whenever anything is pending: the answer says insert or update, and which steps the portal
        // already holds (an earlier attempt whose acknowledgement was lost), so none is appended twice.
        Optional<JsonNode> held = portal.lookup(dossierCode);
        boolean exists = held.isPresent();
        // A portal that lost the dossier lost its progress too: push both again, without waiting for reconciliation.
        boolean pushDossier = dossierBehind || !exists;
        List<DvcqgSyncStore.Step> candidates = exists ? pending : steps;
        if (pushDossier) {
            portal.syncDossier(mapping.dossier(dossierInput(dossier, steps)), exists);
            dossierPushes.increment();
        }
        Set<String> heldSteps = held.flatMap(mapping::heldStepKeys).orElse(Set.of());
        List<DvcqgSyncStore.Step> toSend = candidates.stream()
                .filter(step -> !heldSteps.contains(mapping.stepKey(step.status(), step.at()))).toList();
        if (!toSend.isEmpty()) {
            try {
                portal.updateProgress(mapping.progress(progressInput(dossier, toSend)));
            } catch (RuntimeException progressFailed) {
                // The portal holds the new version even though the steps failed: record that much, as before.
                if (pushDossier) {
                    tx.executeWithoutResult(s -> recordDossierSynced(dossier, exists));
                }
                throw progressFailed;
            }
        }
        // One commit for everything the portal accepted in this exchange (the database commit, not the portal
        // call, is what a sync costs most on one node). A crash before it only repeats the calls: the next
        // attempt's TraCuuHoSo turns the insert into an update and skips the steps the portal already lists.
        if (pushDossier || !candidates.isEmpty()) {
            OffsetDateTime now = OffsetDateTime.now(DossierTrail.ZONE);
            tx.executeWithoutResult(s -> {
                if (pushDossier) {
                    recordDossierSynced(dossier, exists);
                }
                if (!candidates.isEmpty()) {
                    synced.progressSynced(dossierCode, candidates.stream().map(DvcqgSyncStore.Step::id).toList(), now);
                    trail.record(dossierCode, TrailKind.DELIVERED, TARGET, "CapNhatTienDoHoSoMC of " + toSend.size()
                            + " step(s) accepted" + (toSend.size() < candidates.size()
                            ? "; " + (candidates.size() - toSend.size()) + " already at the portal" : ""));
                }
            });
            stepPushes.increment(toSend.size());
            toSend.forEach(step -> lag.record(Duration.between(step.recordedAt(), now)));
        }
        return new Outcome(dossierCode, pushDossier, toSend.size());
    }

    /** What the hub holds of a dossier and what it has synced of it, read before a sync. */
    private record Snapshot(String dossierCode, Optional<StoredDossier> dossier, Optional<Integer> syncedVersion,
                            List<DvcqgSyncStore.Step> steps) {

        boolean dossierBehind() {
            return dossier.isEmpty() || syncedVersion.map(v -> v < dossier.get().version()).orElse(true);
        }

        List<DvcqgSyncStore.Step> pending() {
            return steps.stream().filter(s -> !s.synced()).toList();
        }
    }

    private Snapshot read(String dossierCode) {
        return new Snapshot(dossierCode, dossiers.find(dossierCode), synced.syncedVersion(dossierCode),
                synced.steps(dossierCode));
    }

    /** Records that the portal accepted this version of the dossier (DongBoHoSoMC), with its trail entry. */
    private void recordDossierSynced(StoredDossier dossier, boolean exists) {
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

    private JsonNode progressInput(StoredDossier dossier, List<DvcqgSyncStore.Step> steps) {
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
