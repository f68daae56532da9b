package vn.lgsp.hub.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.ExternalCalls;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Health of each external system ({@code hub.systems.*}) as the hub experiences it. Calls made through Camel
 * endpoints are recorded by {@link CamelCallRecorder}, calls of the portal's own client through
 * {@link ExternalCalls} (outcome and latency), buffered briefly and merged into {@code console_system_health}; the
 * dossiers' trail (deliveries, retries, dead letters, documents, payment requests) adds what other Java clients
 * (the document axis, the payment gateways) did. Both live in the database,
 * so every node shows the same.
 */
@Component
public class SystemHealth implements ExternalCalls {

    /** Health states; DOWN is the "open circuit": several failures in a row and no success since. */
    public enum State { UP, DEGRADED, DOWN, UNKNOWN }

    /** One system as the console shows it. */
    public record SystemView(String id, String baseUrl, State state, OffsetDateTime lastSuccessAt,
                             OffsetDateTime lastFailureAt, String lastFailure, Long lastLatencyMs,
                             int consecutiveFailures, long calls, long failures) {
    }

    private static final Logger log = LoggerFactory.getLogger(SystemHealth.class);
    private static final List<String> SUCCESS_KINDS = List.of("DELIVERED", "DOCUMENT_SENT", "DOCUMENT_RECEIVED",
            "DOCUMENT_STATUS", "PAYMENT_REQUESTED");
    private static final List<String> FAILURE_KINDS = List.of("DELIVERY_RETRY", "DEAD_LETTERED");
    /** How far back the trail is read for systems without recorded calls. */
    private static final Duration TRAIL_LOOKBACK = Duration.ofDays(7);
    /** A failure this recent, even after a success, makes a system DEGRADED. */
    private static final Duration RECENT = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final HubProperties hub;
    private final int downAfter;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public SystemHealth(JdbcClient jdbc, HubProperties hub, ConsoleProperties console) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.downAfter = console.systemDownAfterFailures();
    }

    /** Calls not yet written to the database, per system (a buffer only; flushed every few seconds). */
    private static final class Pending {
        OffsetDateTime lastSuccessAt;
        OffsetDateTime lastFailureAt;
        String lastFailure;
        long lastLatencyMs = -1;
        int failuresSinceSuccess;
        boolean succeeded;
        long calls;
        long failures;
    }

    /** Records one call's outcome; cheap, called on the caller's thread. */
    @Override
    public void record(String systemId, boolean ok, long latencyMs, String failure) {
        OffsetDateTime now = DossierTrail.now();
        pending.compute(systemId, (id, p) -> {
            Pending s = p == null ? new Pending() : p;
            s.calls++;
            s.lastLatencyMs = latencyMs;
            if (ok) {
                s.lastSuccessAt = now;
                s.succeeded = true;
                s.failuresSinceSuccess = 0;
            } else {
                s.failures++;
                s.lastFailureAt = now;
                s.lastFailure = ConsoleAudit.cut(failure, 1000);
                s.failuresSinceSuccess++;
            }
            return s;
        });
    }

    /** The system whose base URL the endpoint URI starts with (the longest match), or null. */
    public String systemOf(String endpointUri) {
        String uri = endpointUri.startsWith("cxf://") ? endpointUri.substring(6) : endpointUri;
        String best = null;
        int bestLength = 0;
        for (var e : hub.systems().entrySet()) {
            String base = e.getValue().baseUrl();
            if (base != null && !base.isBlank()) {
                String prefix = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
                if (uri.startsWith(prefix) && prefix.length() > bestLength) {
                    best = e.getKey();
                    bestLength = prefix.length();
                }
            }
        }
        return best;
    }

    /** Writes buffered calls to the database; a failed write keeps them for the next flush. */
    public void flush() {
        for (String id : new ArrayList<>(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p == null) {
                continue;
            }
            try {
                merge(id, p);
            } catch (RuntimeException e) {
                pending.merge(id, p, (newer, older) -> newer);
                log.debug("System health of {} not written yet: {}", id, e.toString());
            }
        }
    }

    private void merge(String id, Pending p) {
        OffsetDateTime now = DossierTrail.now();
        Long latency = p.lastLatencyMs < 0 ? null : p.lastLatencyMs;
        // Only what this batch saw is written; consecutive failures restart at a success in the batch.
        StringBuilder set = new StringBuilder("calls = calls + ?, failures = failures + ?, updated_at = ?");
        List<Object> params = new ArrayList<>(List.of(p.calls, p.failures, now));
        set.append(p.succeeded ? ", consecutive_failures = ?" : ", consecutive_failures = consecutive_failures + ?");
        params.add(p.failuresSinceSuccess);
        if (p.lastSuccessAt != null) {
            set.append(", last_success_at = ?");
            params.add(p.lastSuccessAt);
        }
        if (p.lastFailureAt != null) {
            set.append(", last_failure_at = ?, last_failure = ?");
            params.add(p.lastFailureAt);
            params.add(p.lastFailure);
        }
        if (latency != null) {
            set.append(", last_latency_ms = ?");
            params.add(latency);
        }
        params.add(id);
        int updated = jdbc.sql("UPDATE console_system_health SET " + set + " WHERE system_id = ?")
                .params(params).update();
        if (updated == 0) {
            try {
                jdbc.sql("INSERT INTO console_system_health (system_id, last_success_at, last_failure_at, last_failure, "
                                + "last_latency_ms, consecutive_failures, calls, failures, updated_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(id, p.lastSuccessAt, p.lastFailureAt, p.lastFailure, latency, p.failuresSinceSuccess,
                                p.calls, p.failures, now)
                        .update();
            } catch (DuplicateKeyException concurrent) {
                merge(id, p);
            }
        }
    }

    /** Every configured external system with its health, by id. */
    public List<SystemView> all() {
        Map<String, SystemView> recorded = new HashMap<>();
        jdbc.sql("SELECT system_id, last_success_at, last_failure_at, last_failure, last_latency_ms, "
                        + "consecutive_failures, calls, failures FROM console_system_health")
                .query(rs -> {
                    String id = rs.getString("system_id");
                    long latency = rs.getLong("last_latency_ms");
                    recorded.put(id, new SystemView(id, null, State.UNKNOWN,
                            rs.getObject("last_success_at", OffsetDateTime.class),
                            rs.getObject("last_failure_at", OffsetDateTime.class), rs.getString("last_failure"),
                            rs.wasNull() ? null : latency, rs.getInt("consecutive_failures"), rs.getLong("calls"),
                            rs.getLong("failures")));
                });
        Map<String, OffsetDateTime> trailSuccess = latestInTrail(SUCCESS_KINDS);
        Map<String, OffsetDateTime> trailFailure = latestInTrail(FAILURE_KINDS);
        OffsetDateTime now = DossierTrail.now();
        List<SystemView> systems = new ArrayList<>();
        for (var e : new TreeMap<>(hub.systems()).entrySet()) {
            String id = e.getKey();
            SystemView r = recorded.get(id);
            OffsetDateTime success = latest(r == null ? null : r.lastSuccessAt(), trailSuccess.get(id));
            OffsetDateTime failure = latest(r == null ? null : r.lastFailureAt(), trailFailure.get(id));
            int consecutive = r == null ? 0 : r.consecutiveFailures();
            systems.add(new SystemView(id, e.getValue().baseUrl(), state(success, failure, consecutive, now),
                    success, failure, r == null ? null : r.lastFailure(), r == null ? null : r.lastLatencyMs(),
                    consecutive, r == null ? 0 : r.calls(), r == null ? 0 : r.failures()));
        }
        return systems;
    }

    State state(OffsetDateTime success, OffsetDateTime failure, int consecutiveFailures, OffsetDateTime now) {
        if (success == null && failure == null) {
            return State.UNKNOWN;
        }
        boolean failingNow = failure != null && (success == null || failure.isAfter(success));
        if (failingNow && consecutiveFailures >= downAfter) {
            return State.DOWN;
        }
        if (failingNow || failure != null && failure.isAfter(now.minus(RECENT))) {
            return State.DEGRADED;
        }
        return State.UP;
    }

    private Map<String, OffsetDateTime> latestInTrail(List<String> kinds) {
        Map<String, OffsetDateTime> latest = new HashMap<>();
        OffsetDateTime since = DossierTrail.now().minus(TRAIL_LOOKBACK);
        for (String kind : kinds) {
            jdbc.sql("SELECT system_id, MAX(at) AS latest FROM dossier_event WHERE kind = ? AND at >= ? "
                            + "AND system_id IS NOT NULL GROUP BY system_id")
                    .params(kind, since)
                    .query(rs -> {
                        latest.merge(rs.getString("system_id"), rs.getObject("latest", OffsetDateTime.class),
                                SystemHealth::latest);
                    });
        }
        return latest;
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
