package vn.lgsp.hub.dvcqg;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Enumeration;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Sync figures (indicator 1.4 and the backlog), for {@code GET /api/v1/kpi/sync} and as Prometheus gauges over
 * the last {@code hub.kpi.window} (gauges are recomputed at most every 10 seconds, whatever the scrape rate).
 */
@Component
public class DvcqgSyncFigures {

    private static final Duration GAUGE_CACHE = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final JmsTemplate jms;
    private final String queue;
    private final Duration window;
    private volatile SyncKpi cached;
    private volatile long cachedAt;

    @Autowired
    public DvcqgSyncFigures(JdbcClient jdbc, JmsTemplate jms, HubProperties hub, MeterRegistry meters) {
        this(jdbc, jms, hub, meters, hub.kpi().window());
    }

    DvcqgSyncFigures(JdbcClient jdbc, JmsTemplate jms, HubProperties hub, MeterRegistry meters, Duration window) {
        this.jdbc = jdbc;
        this.jms = jms;
        this.queue = hub.queues().dvcqgSync();
        this.window = window;
        gauge(meters, "hub.dvcqg.sync.received", "Dossiers received in the KPI window", k -> k.received());
        gauge(meters, "hub.dvcqg.sync.synced", "Dossiers of the KPI window the portal holds", k -> k.synced());
        gauge(meters, "hub.dvcqg.sync.rate", "Indicator 1.4 over the KPI window",
                k -> k.syncRate() == null ? Double.NaN : k.syncRate());
        gauge(meters, "hub.dvcqg.sync.pending.events", "Sync events not yet consumed", k -> k.pendingEvents());
        gauge(meters, "hub.dvcqg.sync.oldest.pending.age.seconds", "Age of the oldest change not yet at the portal",
                k -> k.oldestPendingAgeSeconds());
    }

    public SyncKpi of(OffsetDateTime from, OffsetDateTime to) {
        long received = count("SELECT COUNT(*) FROM dossier WHERE received_at >= ? AND received_at < ?", from, to);
        long synced = count("SELECT COUNT(*) FROM dossier d JOIN dvcqg_sync_state s ON s.dossier_code = d.dossier_code "
                + "WHERE d.received_at >= ? AND d.received_at < ?", from, to);
        long upToDate = count("SELECT COUNT(*) FROM dossier d JOIN dvcqg_sync_state s ON s.dossier_code = d.dossier_code "
                + "WHERE d.received_at >= ? AND d.received_at < ? AND s.synced_version >= d.version AND NOT EXISTS ("
                + "SELECT 1 FROM dossier_status_change c LEFT JOIN dvcqg_progress_synced p ON p.status_change_id = c.id "
                + "WHERE c.dossier_code = d.dossier_code AND p.status_change_id IS NULL)", from, to);
        Double rate = received == 0 ? null : (double) synced / received;
        return new SyncKpi(from, to, received, synced, upToDate, rate, pendingEvents(), oldestPendingAgeSeconds());
    }

    private long pendingEvents() {
        long inOutbox = jdbc.sql("SELECT COUNT(*) FROM outbox_message WHERE destination = ?").param(queue)
                .query(Long.class).single();
        Integer inQueue = jms.browse(queue, (session, browser) -> {
            int n = 0;
            Enumeration<?> messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                messages.nextElement();
                n++;
            }
            return n;
        });
        // A dossier waiting for a batch stands for the events it absorbed (at least one).
        long waitingForBatch = jdbc.sql("SELECT COUNT(*) FROM dvcqg_pending_sync WHERE claimable_at IS NOT NULL")
                .query(Long.class).single();
        return inOutbox + (inQueue == null ? 0 : inQueue) + waitingForBatch;
    }

    /** The oldest intake or status change the portal does not have yet, by when the hub recorded it. */
    private long oldestPendingAgeSeconds() {
        OffsetDateTime oldestChange = jdbc.sql("SELECT MIN(c.recorded_at) FROM dossier_status_change c "
                        + "LEFT JOIN dvcqg_progress_synced p ON p.status_change_id = c.id WHERE p.status_change_id IS NULL")
                .query(OffsetDateTime.class).optional().orElse(null);
        OffsetDateTime oldestDossier = jdbc.sql("SELECT MIN(e.at) FROM dossier_event e WHERE e.kind = 'RECEIVED' "
                        + "AND NOT EXISTS (SELECT 1 FROM dvcqg_sync_state s WHERE s.dossier_code = e.dossier_code)")
                .query(OffsetDateTime.class).optional().orElse(null);
        OffsetDateTime oldest = oldestChange == null ? oldestDossier
                : oldestDossier == null || oldestChange.isBefore(oldestDossier) ? oldestChange : oldestDossier;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, OffsetDateTime.now(DossierTrail.ZONE)).toSeconds());
    }

    private long count(String sql, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql(sql).params(from, to).query(Long.class).single();
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<SyncKpi> value) {
        Gauge.builder(name, this, f -> value.applyAsDouble(f.recent())).description(description).register(meters);
    }

    private SyncKpi recent() {
        long now = System.currentTimeMillis();
        if (cached == null || now - cachedAt > GAUGE_CACHE.toMillis()) {
            OffsetDateTime to = OffsetDateTime.now(DossierTrail.ZONE);
            cached = of(to.minus(window), to);
            cachedAt = now;
        }
        return cached;
    }
}
