package vn.lgsp.hub.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.errors.Problems;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The audit record of every refused call (table {@code access_refusal}): which system, which service, which
 * request line, why, when and its correlation id. Written in its own transaction, so it stays when the refused
 * work rolls back; in the shared database, so every node's refusals are in one place.
 */
@Component
public class AccessAudit {

    private static final Logger log = LoggerFactory.getLogger(AccessAudit.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public AccessAudit(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records a refusal; never fails the refusal itself (the caller still gets its 403 if the store is away). */
    public void refused(String callerSystem, String service, String method, String path, String reason) {
        String safePath = clip(vn.lgsp.hub.errors.SafeText.printable(path), 300);
        log.warn("Refused {} {} for system {} (service {}): {}", method, safePath, callerSystem, service, reason);
        try {
            tx.executeWithoutResult(status -> jdbc.sql("INSERT INTO access_refusal (at, caller_system, service, "
                            + "http_method, path, reason, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(DossierTrail.now(), clip(callerSystem, 64), clip(service, 64), clip(method, 16), safePath,
                            clip(reason, 500), MDC.get(Problems.CORRELATION_ID))
                    .update());
        } catch (RuntimeException storeAway) {
            log.error("Could not store the access refusal audit record: {}", storeAway.toString());
        }
    }

    /** The latest refusals, newest first, optionally of one system. */
    public List<Map<String, Object>> latest(String callerSystem, int limit) {
        String where = callerSystem == null ? "" : " WHERE caller_system = ?";
        var statement = jdbc.sql("SELECT id, at, caller_system, service, http_method, path, reason, correlation_id "
                + "FROM access_refusal" + where + " ORDER BY id DESC LIMIT " + Math.max(1, Math.min(limit, 1000)));
        return (callerSystem == null ? statement : statement.param(callerSystem)).query().listOfRows().stream()
                .map(AccessAudit::lowerCaseKeys).toList();
    }

    public long count(String callerSystem) {
        return jdbc.sql("SELECT COUNT(*) FROM access_refusal WHERE caller_system = ?").param(callerSystem)
                .query(Long.class).single();
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        var out = new java.util.LinkedHashMap<String, Object>();
        row.forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), v instanceof OffsetDateTime t ? t.toString() : v));
        return out;
    }

    private static String clip(String s, int max) {
        if (s == null) {
            return "-";
        }
        return s.length() <= max ? s : s.substring(0, max);
    }
}
