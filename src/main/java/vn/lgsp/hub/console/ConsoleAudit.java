package vn.lgsp.hub.console;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.trail.DossierTrail;

/** The console's audit log: who stopped or started a route, replayed or discarded a dead letter, and when. */
@Component
public class ConsoleAudit {

    /** One audited action. */
    public record Entry(long id, OffsetDateTime at, String operator, String action, String target, String detail) {
    }

    private final JdbcClient jdbc;

    public ConsoleAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action; call it inside the transaction of the action's database effects, if any. */
    public void record(String operator, String action, String target, String detail) {
        jdbc.sql("INSERT INTO console_audit (at, operator, action, target, detail) VALUES (?, ?, ?, ?, ?)")
                .params(DossierTrail.now(), operator, action, cut(target, 256), cut(detail, 1000))
                .update();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("SELECT id, at, operator, action, target, detail FROM console_audit ORDER BY id DESC LIMIT "
                        + Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("operator"), rs.getString("action"), rs.getString("target"),
                        rs.getString("detail")))
                .list();
    }

    static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
