package vn.lgsp.hub.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file database's chunks bounded. With {@code WRITE_DELAY=0} (a commit is on disk before the
 * hub answers) H2 writes one MVStore chunk per commit and runs no background writer, so nothing of H2's own
 * compacts: the chunks, their metadata in the heap and the file grow for as long as commits come. Every
 * {@code hub.h2.housekeeping-interval} this rewrites the live pages of mostly dead chunks into a new one and
 * commits it, so the old chunks are freed, as H2's background writer would with a write delay.
 *
 * <p>Gauge {@code lgsp_h2_chunks}: the chunks of the store. Does nothing on PostgreSQL or an in-memory H2.
 */
@Component
@ConditionalOnExpression("'${spring.datasource.url:}'.startsWith('jdbc:h2:file:')")
public class H2Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    /** Compact when live data fills less than this share (%) of the chunks H2 may rewrite. */
    static final int FILL_RATE_THRESHOLD = 80;
    /** Bytes of live pages rewritten per run at most: a short hold of the store lock, ahead of any load. */
    static final int REWRITE_BYTES = 2 * 1024 * 1024;

    private final DataSource dataSource;
    private final Duration interval;
    private final MeterRegistry meters;
    private volatile MVStore store;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;
    private boolean failing;

    @Autowired
    public H2Housekeeping(DataSource dataSource, HubProperties hub, MeterRegistry meters) {
        this(dataSource, hub.h2().housekeepingInterval(), meters);
    }

    H2Housekeeping(DataSource dataSource, Duration interval, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.interval = interval;
        this.meters = meters;
    }

    @Override
    public void start() {
        running = true;
        store = fileStore(dataSource);
        if (store == null) {
            log.debug("The datasource is no embedded H2 file database; H2 housekeeping stays off");
            return;
        }
        Gauge.builder("lgsp.h2.chunks", this, H2Housekeeping::chunks)
                .description("Chunks of the embedded H2 file store (bounded by H2 housekeeping)").register(meters);
        if (interval.isZero() || interval.isNegative()) {
            log.info("H2 housekeeping is off (hub.h2.housekeeping-interval {})", interval);
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::compact, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        log.debug("H2 housekeeping compacts the database file every {}", interval);
    }

    /** One run: rewrite and commit if the rewritable chunks are mostly dead. Never throws (the schedule would end). */
    void compact() {
        try {
            MVStore current = store;
            if (current == null || current.isClosed()) {
                return;
            }
            // Rewritable: chunks older than H2's RETENTION_TIME (45 s). Target 100: H2 skips chunks fuller than the
            // target, and the small chunks full of live rows (appended ones) are what piles up; emptiest, oldest first.
            String fillRate = info(current).get("info.CHUNKS_FILL_RATE_RW");
            if (fillRate != null && Integer.parseInt(fillRate) < FILL_RATE_THRESHOLD
                    && current.compact(100, REWRITE_BYTES)) {
                // The rewritten pages are only in memory until a commit writes them; without load none would come.
                // -1 (a commit of the hub's is running): that commit writes them.
                current.tryCommit();
            }
            failing = false;
        } catch (RuntimeException e) {
            // The store's message names the file and chunk, never data; once per streak, then quietly.
            if (!failing) {
                log.warn("H2 housekeeping failed, trying again every {}: {}", interval, e.toString());
            } else {
                log.debug("H2 housekeeping failed again", e);
            }
            failing = true;
        }
    }

    /** Chunks of the store now (NaN when it is closed). */
    double chunks() {
        MVStore current = store;
        if (current == null || current.isClosed()) {
            return Double.NaN;
        }
        String count = info(current).get("info.CHUNK_COUNT");
        return count == null ? Double.NaN : Double.parseDouble(count);
    }

    /** H2's figures of the file store (those of INFORMATION_SCHEMA.SETTINGS), the only public way to the counts. */
    private static Map<String, String> info(MVStore store) {
        Map<String, String> info = new HashMap<>();
        FileStore<?> file = store.getFileStore();
        if (file != null) {
            file.populateInfo(info::put);
        }
        return info;
    }

    /** The MVStore behind the datasource when it is an embedded H2 database kept in a file, otherwise null. */
    static MVStore fileStore(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                    || !session.getDatabase().isPersistent() || session.getDatabase().getStore() == null) {
                return null; // another database, H2 over TCP, or H2 in memory
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? null : store;
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not reach the H2 store for housekeeping, it stays off: {}", e.toString());
            return null;
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            // Not shutdownNow: an interrupt while H2 writes closes its file channel and breaks the database.
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        store = null;
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
