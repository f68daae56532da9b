package vn.lgsp.hub.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.errors.Problems;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The audit record of refused calls (table {@code access_refusal}): which system, which service, which request
 * line, the answer (401, 403, 429), why, when and its correlation id; in the shared database, so every node's
 * refusals are in one place.
 *
 * <p>A refusal never waits for the database: it is counted ({@code hub_access_refusals_total{status}}) and put on a
 * bounded queue that one writer thread stores in batches, each batch in its own transaction. So a flood of refused
 * requests is a flood of counter increments, not of writes: at most {@code records-per-second} records per caller
 * are kept each second (the rest sampled out), a full queue drops the record, and both are counted
 * ({@code hub_access_refusals_unrecorded_total{why}}), never blocking the answer. Nor is it a flood of log lines:
 * only the refusals kept for the record are logged one by one (WARN); the writer thread logs, at most once a second,
 * how many were not.
 */
@Component
public class AccessAudit {

    private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);
    private static final String INSERT = "INSERT INTO access_refusal (at, caller_system, service, http_method, path, "
            + "reason, correlation_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 500;
    private static final long SUMMARY_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final MeterRegistry meters;
    private final BlockingQueue<Object[]> queue;
    private final int recordsPerSecond;
    /** Records waiting or being written: what a reader waits for to see every refusal made so far. */
    private final AtomicInteger backlog = new AtomicInteger();
    private final Map<String, AtomicLong> keptThisSecond = new ConcurrentHashMap<>();
    private volatile long second;
    /** Refusals sampled out since the writer last said how many (it logs one line a second at most). */
    private final AtomicLong notLogged = new AtomicLong();
    private final Map<Integer, Counter> refusals = new ConcurrentHashMap<>();
    private final Counter sampledOut;
    private final Counter queueFull;
    private final Counter storeFailed;
    private final Thread writer;
    private volatile boolean running = true;

    @Autowired
    public AccessAudit(JdbcClient jdbc, JdbcTemplate batches, MeterRegistry meters, SecurityProperties security) {
        this(jdbc, batches, meters, security.refusalAudit().queueCapacity(), security.refusalAudit().recordsPerSecond());
    }

    public AccessAudit(JdbcClient jdbc, JdbcTemplate batches, MeterRegistry meters, int queueCapacity,
                       int recordsPerSecond) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.meters = meters;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, queueCapacity));
        this.recordsPerSecond = Math.max(1, recordsPerSecond);
        this.sampledOut = unrecorded("sampled");
        this.queueFull = unrecorded("queue-full");
        this.storeFailed = unrecorded("store-failed");
        meters.gauge("hub.access.refusals.backlog", backlog);
        this.writer = new Thread(this::writeLoop, "access-refusal-audit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    private Counter unrecorded(String why) {
        return Counter.builder("hub.access.refusals.unrecorded").tag("why", why)
                .description("Refusals counted but not stored in access_refusal").register(meters);
    }

    /** A 403: the caller is not granted the service. */
    public void refused(String callerSystem, String service, String method, String path, String reason) {
        refused(403, callerSystem, service, method, path, reason);
    }

    /** Counts a refusal and hands it to the writer; returns at once, whatever the database does. */
    public void refused(int status, String callerSystem, String service, String method, String path, String reason) {
        refusals.computeIfAbsent(status, s -> meters.counter("hub.access.refusals", "status", Integer.toString(s)))
                .increment();
        String caller = clip(callerSystem, 64);
        if (!keep(caller)) {
            sampledOut.increment();
            notLogged.incrementAndGet();
            return;
        }
        String safePath = clip(vn.lgsp.hub.errors.SafeText.printable(path), 300);
        log.warn("Refused ({}) {} {} for system {} (service {}): {}", status, method, safePath, callerSystem, service,
                reason);
        Object[] row = {DossierTrail.now(), caller, clip(service, 64), clip(method, 16), safePath, clip(reason, 500),
                MDC.get(Problems.CORRELATION_ID), status};
        backlog.incrementAndGet();
        if (!queue.offer(row)) {
            backlog.decrementAndGet();
            queueFull.increment();
        }
    }

    /** At most records-per-second records per caller each second; the rest are only counted. */
    private boolean keep(String caller) {
        long now = System.currentTimeMillis() / 1000;
        if (now != second) {
            second = now;
            keptThisSecond.clear();
        }
        return keptThisSecond.computeIfAbsent(caller, c -> new AtomicLong()).incrementAndGet() <= recordsPerSecond;
    }

    private void writeLoop() {
        List<Object[]> batch = new ArrayList<>(BATCH);
        long lastSummary = System.nanoTime();
        while (running || !queue.isEmpty()) {
            try {
                Object[] first = queue.poll(200, TimeUnit.MILLISECONDS);
                long now = System.nanoTime();
                if (now - lastSummary >= SUMMARY_INTERVAL_NANOS) {
                    logNotLogged(now - lastSummary);
                    lastSummary = now;
                }
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store(batch);
            } catch (InterruptedException stopping) {
                running = false;
            } finally {
                backlog.addAndGet(-batch.size());
                batch.clear();
            }
        }
        logNotLogged(System.nanoTime() - lastSummary);
    }

    /** One line for the refusals sampled out since the last one: they are counted, not lost. */
    private void logNotLogged(long sinceNanos) {
        long n = notLogged.getAndSet(0);
        if (n > 0) {
            // Normally a second; longer after a store that kept the writer waiting.
            long seconds = Math.round(sinceNanos / 1e9);
            log.warn("{} refusals not logged individually in the last {} (over {} per caller a second; all are "
                    + "counted in hub_access_refusals_total)", n, seconds <= 1 ? "second" : seconds + " seconds",
                    recordsPerSecond);
        }
    }

    private void store(List<Object[]> batch) {
        try {
            // Auto-commit: one batch, one round trip, no transaction held open around anything else.
            batches.batchUpdate(INSERT, batch);
        } catch (RuntimeException storeAway) {
            storeFailed.increment(batch.size());
            log.error("Could not store {} access refusal audit record(s): {}", batch.size(), storeAway.toString());
        }
    }

    /** Records still waiting for the writer (tests wait for 0 before reading the table). */
    public int backlog() {
        return backlog.get();
    }

    /** Stores what is still queued (up to 5 s) and stops the writer. */
    @PreDestroy
    public void close() throws InterruptedException {
        running = false;
        writer.join(5000);
    }

    /** The latest refusals, newest first, optionally of one system. */
    public List<AccessRefusal> latest(String callerSystem, int limit) {
        String where = callerSystem == null ? "" : " WHERE caller_system = ?";
        var statement = jdbc.sql("SELECT id, at, caller_system, service, http_method, path, reason, correlation_id, "
                + "status FROM access_refusal" + where + " ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 1000)));
        return (callerSystem == null ? statement : statement.param(callerSystem))
                .query((rs, n) -> new AccessRefusal(rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class).toString(), rs.getString("caller_system"),
                        rs.getString("service"), rs.getString("http_method"), rs.getString("path"),
                        rs.getString("reason"), rs.getString("correlation_id"), rs.getInt("status")))
                .list();
    }

    public long count(String callerSystem) {
        return jdbc.sql("SELECT COUNT(*) FROM access_refusal WHERE caller_system = ?").param(callerSystem)
                .query(Long.class).single();
    }

    /** A refused call as the API shows it: who, which service, which request, why, when, and the answer's status. */
    public record AccessRefusal(long id, String at, String callerSystem, String service, String httpMethod, String path,
                          String reason, String correlationId, int status) {
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "-";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
