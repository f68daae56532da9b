package vn.lgsp.hub.console;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The console's periodic work on every node: write buffered system-health figures and route errors to the
 * database, and apply the route states operators asked for to this node's routes.
 */
@Component
public class ConsoleJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsoleJobs.class);

    private final SystemHealth systems;
    private final ConsoleRoutes routes;
    private final ConsoleProperties properties;
    private final ConsoleMetrics metrics;
    private final RouteErrors routeErrors;
    private volatile ScheduledExecutorService scheduler;

    public ConsoleJobs(SystemHealth systems, ConsoleRoutes routes, ConsoleProperties properties,
                       ConsoleMetrics metrics, RouteErrors routeErrors) {
        this.systems = systems;
        this.routes = routes;
        this.properties = properties;
        this.metrics = metrics;
        this.routeErrors = routeErrors;
    }

    @Override
    public void start() {
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "console-jobs");
            t.setDaemon(true);
            return t;
        });
        long flush = properties.healthFlushInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> safely("flush", () -> {
            systems.flush();
            routeErrors.flush();
        }), flush, flush, TimeUnit.MILLISECONDS);
        long control = properties.routeControlInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> safely("route control", routes::reconcile), control, control,
                TimeUnit.MILLISECONDS);
        long gauges = properties.gaugeRefresh().toMillis();
        scheduler.scheduleWithFixedDelay(() -> safely("gauges", metrics::refresh), 0, gauges, TimeUnit.MILLISECONDS);
        // The indicators read every dossier of the KPI window: refreshed less often.
        scheduler.scheduleWithFixedDelay(() -> safely("indicator gauges", metrics::refreshIndicators), 0,
                gauges * 6, TimeUnit.MILLISECONDS);
    }

    private static void safely(String what, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            log.warn("Console {} failed; next run will try again: {}", what, e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService s = scheduler;
        if (s != null) {
            s.shutdownNow();
            safely("final flush", () -> {
                systems.flush();
                routeErrors.flush();
            });
        }
        scheduler = null;
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** Stops before Camel and the database go away, so the final flush still reaches the database. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
