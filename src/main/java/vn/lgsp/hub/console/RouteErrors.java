package vn.lgsp.hub.console;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The last failure of each route, whichever node saw it: recorded on the route's thread into a small buffer and
 * written to {@code console_route_error} every few seconds (a database outage only delays it).
 */
@Component
public class RouteErrors {

    /** The last failure of a route: when, and the reason (never a payload). */
    public record LastError(OffsetDateTime at, String detail) {
    }

    private static final Logger log = LoggerFactory.getLogger(RouteErrors.class);

    private final JdbcClient jdbc;
    private final Map<String, LastError> pending = new ConcurrentHashMap<>();

    public RouteErrors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String routeId, String detail) {
        pending.put(routeId, new LastError(DossierTrail.now(), ConsoleAudit.cut(detail, 1000)));
    }

    /** The last error of every route that failed, by route id. */
    public Map<String, LastError> all() {
        Map<String, LastError> errors = new HashMap<>();
        jdbc.sql("SELECT route_id, at, detail FROM console_route_error")
                .query(rs -> {
                    errors.put(rs.getString("route_id"),
                            new LastError(rs.getObject("at", OffsetDateTime.class), rs.getString("detail")));
                });
        errors.putAll(pending);
        return errors;
    }

    void flush() {
        for (String routeId : new ArrayList<>(pending.keySet())) {
            LastError error = pending.remove(routeId);
            if (error == null) {
                continue;
            }
            try {
                int updated = jdbc.sql("UPDATE console_route_error SET at = ?, detail = ? WHERE route_id = ? AND at < ?")
                        .params(error.at(), error.detail(), routeId, error.at()).update();
                if (updated == 0) {
                    try {
                        jdbc.sql("INSERT INTO console_route_error (route_id, at, detail) VALUES (?, ?, ?)")
                                .params(routeId, error.at(), error.detail()).update();
                    } catch (DuplicateKeyException newerThere) {
                        // another node recorded a later error of this route
                    }
                }
            } catch (RuntimeException e) {
                pending.putIfAbsent(routeId, error);
                log.debug("Last error of route {} not written yet: {}", routeId, e.toString());
            }
        }
    }
}
