package vn.lgsp.hub.console;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The Camel routes as the console shows and controls them. Counts come from the Camel Micrometer route policy of
 * this node (exchanges and failures since start), times from {@link RouteTimings} (mean, p50, p99 and longest over
 * each route's latest exchanges on this node); the last error of each route and the state an operator wants
 * it in are kept in the database, so every node shows the same last error and applies the same stop or start
 * (each node reconciles its own routes every {@code hub.console.route-control-interval}).
 */
@Component
public class ConsoleRoutes {

    /** One route as the console shows it. */
    public record RouteView(String id, String source, String state, String desiredState, String changedBy,
                            long exchanges, long failures, Double errorRate, Double meanMs, Double p50Ms,
                            Double p99Ms, Double maxMs, OffsetDateTime lastErrorAt, String lastError) {
    }

    public static final String STARTED = "STARTED";
    public static final String STOPPED = "STOPPED";

    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    private static final long STOP_TIMEOUT_SECONDS = 20;

    private final CamelContext camel;
    private final MeterRegistry meters;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ConsoleAudit audit;
    private final RouteErrors errors;
    private final RouteTimings timings;

    public ConsoleRoutes(CamelContext camel, MeterRegistry meters, RouteTimings timings, JdbcClient jdbc,
                         TransactionTemplate tx, ConsoleAudit audit, RouteErrors errors) {
        this.camel = camel;
        this.meters = meters;
        this.timings = timings;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.errors = errors;
    }

    public List<RouteView> all() {
        Map<String, RouteErrors.LastError> lastErrors = errors.all();
        Map<String, String[]> control = desiredStates();
        List<RouteView> routes = new ArrayList<>();
        for (Route route : camel.getRoutes()) {
            String id = route.getRouteId();
            long total = count("camel.exchanges.total", id);
            long failures = count("camel.exchanges.failed", id) + count("camel.exchanges.failures.handled", id);
            RouteTimings.Timing time = timings.of(id);
            RouteErrors.LastError error = lastErrors.get(id);
            String[] wanted = control.get(id);
            routes.add(new RouteView(id, route.getEndpoint().getEndpointBaseUri(), state(id),
                    wanted == null ? STARTED : wanted[0], wanted == null ? null : wanted[1], total, failures,
                    total == 0 ? null : (double) failures / total, time == null ? null : time.meanMs(),
                    time == null ? null : time.p50Ms(), time == null ? null : time.p99Ms(),
                    time == null ? null : time.maxMs(),
                    error == null ? null : error.at(), error == null ? null : error.detail()));
        }
        routes.sort(Comparator.comparing(RouteView::id));
        return routes;
    }

    public String state(String routeId) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        return status == null ? "UNKNOWN" : status.name().toUpperCase();
    }

    /** Stops ({@code STOPPED}) or starts ({@code STARTED}) a route on every node, audited with the operator's name. */
    public void control(String routeId, String desired, String operator) {
        if (camel.getRoute(routeId) == null) {
            throw new HubException(ErrorCode.CONSOLE_TARGET_NOT_FOUND, "No route " + routeId);
        }
        tx.executeWithoutResult(status -> {
            OffsetDateTime now = DossierTrail.now();
            int updated = jdbc.sql("UPDATE console_route_control SET desired_state = ?, changed_by = ?, changed_at = ? "
                            + "WHERE route_id = ?").params(desired, operator, now, routeId).update();
            if (updated == 0) {
                jdbc.sql("INSERT INTO console_route_control (route_id, desired_state, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, ?)").params(routeId, desired, operator, now).update();
            }
            audit.record(operator, STOPPED.equals(desired) ? "ROUTE_STOP" : "ROUTE_START", routeId, null);
        });
        apply(routeId, desired);
    }

    /** Applies the wanted states to this node's routes; run periodically on every node. */
    public void reconcile() {
        desiredStates().forEach((routeId, wanted) -> {
            if (camel.getRoute(routeId) != null) {
                apply(routeId, wanted[0]);
            }
        });
    }

    private void apply(String routeId, String desired) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        try {
            if (STOPPED.equals(desired) && status != null && status.isStoppable()) {
                log.info("Stopping route {} as an operator asked", routeId);
                camel.getRouteController().stopRoute(routeId, STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } else if (STARTED.equals(desired) && status != null && status.isStartable()) {
                log.info("Starting route {} as an operator asked", routeId);
                camel.getRouteController().startRoute(routeId);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Route " + routeId + " could not be " + desired.toLowerCase(), e);
        }
    }

    private Map<String, String[]> desiredStates() {
        Map<String, String[]> wanted = new HashMap<>();
        jdbc.sql("SELECT route_id, desired_state, changed_by FROM console_route_control")
                .query(rs -> {
                    wanted.put(rs.getString("route_id"),
                            new String[] {rs.getString("desired_state"), rs.getString("changed_by")});
                });
        return wanted;
    }

    private long count(String name, String routeId) {
        var counter = meters.find(name).tag("routeId", routeId).counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
