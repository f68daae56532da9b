package vn.lgsp.hub.audit;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.errors.Problems;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The append-only, hash-chained audit log of every registry lookup and enrichment. An append locks the chain's
 * head row, so appends from several hub nodes are serialised by the database, never by one JVM; each append is
 * its own transaction, so a lookup is audited even when the work around it rolls back.
 */
@Component
public class RegistryAudit {

    private static final String COLUMNS = "seq, at, registry, action, subject, caller_system, officer_id, "
            + "dossier_code, purpose, result, correlation_id, prev_hash, hash";
    private static final int VERIFY_PAGE = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public RegistryAudit(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Appends a record and returns it with its place in the chain. */
    public AuditEntry append(String registry, String action, String subject, AccessPurpose purpose, String result) {
        return tx.execute(status -> {
            var head = jdbc.sql("SELECT last_seq, last_hash FROM registry_audit_head WHERE id = 1 FOR UPDATE")
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
            long seq = (Long) head[0] + 1;
            OffsetDateTime at = OffsetDateTime.now(DossierTrail.ZONE).truncatedTo(ChronoUnit.MILLIS);
            AuditEntry unsealed = new AuditEntry(seq, at, registry, action, subject, purpose.callerSystem(),
                    purpose.officerId(), purpose.dossierCode(), limit(purpose.purpose(), 500), result,
                    MDC.get(Problems.CORRELATION_ID), (String) head[1], null);
            AuditEntry entry = seal(unsealed);
            jdbc.sql("INSERT INTO registry_audit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(entry.seq(), entry.at(), entry.registry(), entry.action(), entry.subject(),
                            entry.callerSystem(), entry.officerId(), entry.dossierCode(), entry.purpose(),
                            entry.result(), entry.correlationId(), entry.prevHash(), entry.hash())
                    .update();
            jdbc.sql("UPDATE registry_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                    .params(seq, entry.hash()).update();
            return entry;
        });
    }

    /** Records about one subject (personal ID or enterprise code), newest first. */
    public List<AuditEntry> about(String subject, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_audit WHERE subject = ? ORDER BY seq DESC LIMIT ?")
                .params(subject, limit).query(RegistryAudit::row).list();
    }

    /** Records of one dossier, newest first. */
    public List<AuditEntry> ofDossier(String dossierCode, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registry_audit WHERE dossier_code = ? ORDER BY seq DESC LIMIT ?")
                .params(dossierCode, limit).query(RegistryAudit::row).list();
    }

    /** The outcome of checking the whole chain. */
    public record Verification(boolean intact, long records, Long firstBrokenSeq, String problem) {
    }

    /**
     * Walks the chain from the first record: every record must follow the one before without a gap, carry the
     * previous hash and hash to its stored value; the head must point at the last record (a cut tail shows).
     */
    public Verification verify() {
        String prev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long after = 0;
        while (true) {
            List<AuditEntry> page = jdbc.sql("SELECT " + COLUMNS + " FROM registry_audit WHERE seq > ? "
                            + "ORDER BY seq LIMIT " + VERIFY_PAGE)
                    .param(after).query(RegistryAudit::row).list();
            for (AuditEntry e : page) {
                if (e.seq() != expectedSeq) {
                    return new Verification(false, expectedSeq - 1, expectedSeq, "record " + expectedSeq + " is missing");
                }
                if (!AuditChain.holds(e, prev)) {
                    return new Verification(false, expectedSeq - 1, e.seq(),
                            "record " + e.seq() + " was altered or its predecessor was");
                }
                prev = e.hash();
                expectedSeq++;
                after = e.seq();
            }
            if (page.size() < VERIFY_PAGE) {
                break;
            }
        }
        var head = jdbc.sql("SELECT last_seq, last_hash FROM registry_audit_head WHERE id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        if ((Long) head[0] != expectedSeq - 1 || !prev.equals(head[1])) {
            return new Verification(false, expectedSeq - 1, expectedSeq,
                    "the chain ends at record " + (expectedSeq - 1) + " but the head names record " + head[0]);
        }
        return new Verification(true, expectedSeq - 1, null, null);
    }

    static AuditEntry seal(AuditEntry e) {
        return new AuditEntry(e.seq(), e.at(), e.registry(), e.action(), e.subject(), e.callerSystem(),
                e.officerId(), e.dossierCode(), e.purpose(), e.result(), e.correlationId(), e.prevHash(),
                AuditChain.hash(e));
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static AuditEntry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class), rs.getString("registry"),
                rs.getString("action"), rs.getString("subject"), rs.getString("caller_system"),
                rs.getString("officer_id"), rs.getString("dossier_code"), rs.getString("purpose"),
                rs.getString("result"), rs.getString("correlation_id"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
