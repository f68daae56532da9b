package vn.lgsp.hub.dvcqg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.adapters.dvcqg.DvcqgProperties;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Proves the sync: compares every dossier received in a period with what the portal holds (TraCuuHoSo) — the
 * whole dossier as the hub would send it now, and every progress step — and re-pushes each divergence by
 * forgetting what the hub believed synced and queueing a sync event through the outbox. The report is stored.
 * Each TraCuuHoSo goes through route {@code dvcqg-lookup}, the same call the sync makes.
 */
@Component("dvcqgReconciliation")
public class DvcqgReconciliation {

    public static final String RECONCILE = "RECONCILE";
    private static final Logger log = LoggerFactory.getLogger(DvcqgReconciliation.class);
    private static final String LOOKUP = "direct:dvcqg-lookup";
    private static final int PAGE = 500;
    private static final int LISTED = 200;

    private final JdbcClient jdbc;
    private final DossierStore dossiers;
    private final DvcqgSyncStore synced;
    private final DvcqgSync sync;
    private final ProducerTemplate camel;
    private final DvcqgMapping mapping;
    private final Outbox outbox;
    private final DossierTrail trail;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final String queue;
    private final DvcqgProperties.Reconcile schedule;
    // One run at a time: a reconciliation reads the whole period and must not race another.
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "dvcqg-reconcile");
        t.setDaemon(true);
        return t;
    });

    public DvcqgReconciliation(JdbcClient jdbc, DossierStore dossiers, DvcqgSyncStore synced, DvcqgSync sync,
                               ProducerTemplate camel, DvcqgMapping mapping, Outbox outbox, DossierTrail trail,
                               TransactionTemplate tx, ObjectMapper json, HubProperties hub, DvcqgProperties config) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.synced = synced;
        this.sync = sync;
        this.camel = camel;
        this.mapping = mapping;
        this.outbox = outbox;
        this.trail = trail;
        this.tx = tx;
        this.json = json;
        this.queue = hub.queues().dvcqgSync();
        this.schedule = config.reconcile();
    }

    /** Starts a run in the background; the report is RUNNING until it ends. */
    public ReconciliationReport start(OffsetDateTime from, OffsetDateTime to, String trigger) {
        long id = create(from, to, trigger);
        runner.submit(() -> execute(id, from, to));
        return find(id).orElseThrow();
    }

    /** The scheduled run: the configured look-back period ending now. Called by route dossiers-reconcile-with-dvcqg. */
    public ReconciliationReport runScheduled() {
        OffsetDateTime to = OffsetDateTime.now(DossierTrail.ZONE);
        OffsetDateTime from = to.minus(schedule.lookback());
        long id = create(from, to, "SCHEDULE");
        try {
            runner.submit(() -> execute(id, from, to)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Reconciliation " + id + " failed", e.getCause());
        }
        return find(id).orElseThrow();
    }

    public Optional<ReconciliationReport> find(long id) {
        return jdbc.sql("SELECT * FROM dvcqg_reconciliation WHERE id = ?").param(id)
                .query((rs, n) -> {
                    JsonNode detail = readDetail(rs.getString("detail"));
                    return new ReconciliationReport(rs.getLong("id"),
                            rs.getObject("period_from", OffsetDateTime.class),
                            rs.getObject("period_to", OffsetDateTime.class), rs.getString("trigger_source"),
                            rs.getString("state"), rs.getObject("started_at", OffsetDateTime.class),
                            rs.getObject("finished_at", OffsetDateTime.class), rs.getInt("checked"),
                            rs.getInt("matching"), rs.getInt("repushed"), rs.getInt("still_failing"),
                            texts(detail.path("repushed")), texts(detail.path("failing")));
                }).optional();
    }

    private long create(OffsetDateTime from, OffsetDateTime to, String trigger) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO dvcqg_reconciliation (period_from, period_to, trigger_source, state, started_at, checked, "
                        + "matching, repushed, still_failing) VALUES (?, ?, ?, 'RUNNING', ?, 0, 0, 0, 0)")
                .params(from, to, trigger, OffsetDateTime.now(DossierTrail.ZONE)).update(key, "id");
        return key.getKey().longValue();
    }

    private void execute(long id, OffsetDateTime from, OffsetDateTime to) {
        int checked = 0;
        int matching = 0;
        List<String> repushed = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        String state = "DONE";
        try {
            String after = "";
            while (true) {
                List<String> page = jdbc.sql("SELECT dossier_code FROM dossier WHERE received_at >= ? AND received_at < ? "
                                + "AND dossier_code > ? ORDER BY dossier_code LIMIT " + PAGE)
                        .params(from, to, after).query(String.class).list();
                for (String code : page) {
                    checked++;
                    try {
                        if (compareAndRepair(code)) {
                            matching++;
                        } else {
                            repushed.add(code);
                        }
                    } catch (RuntimeException e) {
                        failing.add(code + ": " + e.getMessage());
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1);
            }
        } catch (RuntimeException e) {
            log.error("Reconciliation {} failed", id, e);
            state = "FAILED";
        }
        ObjectNode detail = json.createObjectNode();
        repushed.stream().limit(LISTED).forEach(detail.putArray("repushed")::add);
        failing.stream().limit(LISTED).forEach(detail.putArray("failing")::add);
        jdbc.sql("UPDATE dvcqg_reconciliation SET state = ?, finished_at = ?, checked = ?, matching = ?, repushed = ?, "
                        + "still_failing = ?, detail = ? WHERE id = ?")
                .params(state, OffsetDateTime.now(DossierTrail.ZONE), checked, matching, repushed.size(),
                        failing.size(), detail.toString(), id)
                .update();
        log.info("Reconciliation {} {}: checked {}, matching {}, re-pushed {}, still failing {}", id, state, checked,
                matching, repushed.size(), failing.size());
    }

    /** True when the portal matches the hub; otherwise queues the dossier for sync again and returns false. */
    private boolean compareAndRepair(String code) {
        StoredDossier dossier = dossiers.find(code).orElseThrow();
        List<DvcqgSyncStore.Step> steps = synced.steps(code);
        Optional<JsonNode> held = lookup(code);
        JsonNode expected = normalised(mapping.dossier(sync.dossierInput(dossier, steps)));
        List<Long> missingSteps = new ArrayList<>();
        boolean dossierMatches = false;
        if (held.isPresent()) {
            ObjectNode actual = held.get().deepCopy();
            actual.remove("QuaTrinhXuLy");
            dossierMatches = expected.equals(normalised(actual));
            // A portal that lists no progress is trusted for it; one that lists progress must hold every step.
            mapping.heldStepKeys(held.get()).ifPresent(heldSteps -> steps.stream()
                    .filter(step -> !heldSteps.contains(mapping.stepKey(step.status(), step.at())))
                    .forEach(step -> missingSteps.add(step.id())));
        } else {
            steps.forEach(step -> missingSteps.add(step.id()));
        }
        if (dossierMatches && missingSteps.isEmpty()) {
            return true;
        }
        boolean dossierDiverges = !dossierMatches;
        tx.executeWithoutResult(s -> {
            if (dossierDiverges) {
                synced.forgetDossier(code);
            }
            synced.forgetSteps(missingSteps);
            outbox.enqueue(queue, code, RECONCILE, code);
            trail.record(code, TrailKind.DELIVERY_RETRY, DvcqgSync.TARGET, "reconciliation found the portal "
                    + (held.isEmpty() ? "without the dossier" : (dossierDiverges ? "with a different dossier" : "")
                    + (missingSteps.isEmpty() ? "" : " missing " + missingSteps.size() + " progress step(s)"))
                    + "; queued for sync again");
        });
        return false;
    }

    /** TraCuuHoSo through route {@code dvcqg-lookup}: the portal's record of the dossier, if it holds one. */
    private Optional<JsonNode> lookup(String code) {
        Exchange done = camel.send(LOOKUP, e -> e.getMessage().setBody(code));
        Exception failure = done.getException();
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (failure != null) {
            throw new IllegalStateException(failure.getMessage(), failure);
        }
        return Optional.ofNullable(done.getMessage().getBody(JsonNode.class));
    }

    private JsonNode normalised(JsonNode node) {
        try {
            return json.readTree(json.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readDetail(String text) {
        try {
            return text == null ? json.createObjectNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
