package vn.lgsp.hub.audit;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.errors.Problems;
import vn.lgsp.hub.platform.GroupCommitter;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The append-only, keyed-hash-chained audit log of every registry lookup and enrichment. An append locks the chain's
 * head row, so appends from several hub nodes are serialised by the database, never by one JVM; appends run in
 * their own transaction, so a lookup is audited even when the work around it rolls back.
 *
 * <p>Group commit ({@link GroupCommitter}, one committer thread per node): appends that arrive while a group is
 * being written are written together next, in one transaction (one head lock, one multi-row insert, one commit).
 * {@link #append} returns only after its record is committed, so no lookup is answered without a durable audit
 * record; if the transaction fails, every append of the group throws and no record of the group exists. Under load
 * this replaces one commit (and one file sync) per lookup, and a pool connection per waiting lookup, with one per
 * group.
 *
 * <p>Each record is sealed with HMAC-SHA256 under the current key of {@link AuditChainKeys} (its id stored with the
 * record), so the chain cannot be rebuilt by someone who holds the database but not the configuration.
 */
@Component
public class RegistryAudit implements DisposableBean {

    private static final String COLUMNS = "seq, at, registry, action, subject, caller_system, officer_id, "
            + "dossier_code, purpose, result, correlation_id, prev_hash, hash, key_id";
    private static final int VERIFY_PAGE = 1000;
    /** Records per group commit: bounds the statement (14 parameters a record; PostgreSQL allows 65,535). */
    private static final int MAX_GROUP = 256;

    private final JdbcClient jdbc;
    private final AuditChainKeys keys;
    private final GroupCommitter<Pending, AuditEntry> commits;

    public RegistryAudit(JdbcClient jdbc, PlatformTransactionManager transactions, AuditChainKeys keys) {
        keys.check();
        this.keys = keys;
        this.jdbc = jdbc;
        // A new transaction: an append made outside the committer (none running) still stands alone.
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // One writer per node: the head lock would make a second one wait anyway.
        this.commits = new GroupCommitter<>("registry-audit-commit", tx, 1, MAX_GROUP, GroupCommitter.Meters.NONE,
                group -> write(group).stream().map(GroupCommitter.Outcome::of).toList());
        commits.start();
    }

    /** An append waiting for its group's commit; the context of the caller is taken when it arrives. */
    private record Pending(String registry, String action, String subject, AccessPurpose purpose, String result,
                           String correlationId) {
    }

    /** Appends a record and returns it with its place in the chain, once it is committed. */
    public AuditEntry append(String registry, String action, String subject, AccessPurpose purpose, String result) {
        return commits.submit(new Pending(registry, action, subject, purpose, result,
                MDC.get(Problems.CORRELATION_ID)));
    }

    /** Appends already waiting are written before the committer stops. */
    @Override
    public void destroy() {
        commits.stop();
    }

    private List<AuditEntry> write(List<Pending> group) {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM registry_audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (Long) head[0];
        String prev = (String) head[1];
        OffsetDateTime at = OffsetDateTime.now(DossierTrail.ZONE).truncatedTo(ChronoUnit.MILLIS);
        List<AuditEntry> entries = new ArrayList<>(group.size());
        List<Object> params = new ArrayList<>(group.size() * 14);
        StringBuilder insert = new StringBuilder("INSERT INTO registry_audit (" + COLUMNS + ") VALUES ");
        for (Pending p : group) {
            AuditEntry entry = seal(new AuditEntry(++seq, at, p.registry(), p.action(), p.subject(),
                    p.purpose().callerSystem(), p.purpose().officerId(), p.purpose().dossierCode(),
                    limit(p.purpose().purpose(), 500), p.result(), p.correlationId(), prev, null, keys.current()));
            prev = entry.hash();
            entries.add(entry);
            params.addAll(Arrays.asList(entry.seq(), entry.at(), entry.registry(), entry.action(),
                    entry.subject(), entry.callerSystem(), entry.officerId(), entry.dossierCode(), entry.purpose(),
                    entry.result(), entry.correlationId(), entry.prevHash(), entry.hash(), entry.keyId()));
            insert.append(entries.size() == 1 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        // One multi-row INSERT (portable to H2 and PostgreSQL) rather than a statement per record.
        jdbc.sql(insert.toString()).params(params).update();
        jdbc.sql("UPDATE registry_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(seq, prev).update();
        return entries;
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

    /**
     * The outcome of checking the whole chain: the records that hold, and the first broken link (its seq and why),
     * or none.
     */
    public record Verification(boolean intact, long records, Long firstBrokenSeq, String problem) {
    }

    /**
     * Walks the chain from the first record: every record must follow the one before without a gap, carry the
     * previous hash and its seal must hold under the key its key id names; the head must point at the last record
     * (a cut tail shows). A record sealed the legacy way (unkeyed SHA-256) holds only up to the last record written
     * before the chain was keyed ({@code hub.audit.chain-keys.legacy-until-seq}, else the database's note of it
     * made by the migration) and never after a keyed record.
     */
    public Verification verify() {
        long legacyUntil = keys.legacyUntilSeq() != null ? keys.legacyUntilSeq()
                : jdbc.sql("SELECT legacy_until_seq FROM registry_audit_head WHERE id = 1")
                        .query(Long.class).optional().orElse(0L);
        boolean keyedSeen = false;
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
                String broken = brokenLink(e, prev, legacyUntil, keyedSeen);
                if (broken != null) {
                    return new Verification(false, expectedSeq - 1, e.seq(), "record " + e.seq() + " " + broken);
                }
                keyedSeen |= !AuditChain.LEGACY_KEY_ID.equals(e.keyId());
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

    /** Why the record does not hold after {@code prev}, or null when it does. */
    private String brokenLink(AuditEntry e, String prev, long legacyUntil, boolean keyedSeen) {
        if (AuditChain.LEGACY_KEY_ID.equals(e.keyId())) {
            if (keyedSeen || e.seq() > legacyUntil) {
                return "is sealed the legacy (unkeyed) way after the chain was keyed";
            }
            return AuditChain.holds(e, prev) ? null : "was altered or its predecessor was";
        }
        byte[] key = keys.key(e.keyId());
        if (key == null) {
            return "names the key id '" + e.keyId() + "', which is not configured";
        }
        return AuditChain.holds(e, prev, key) ? null : "was altered or its predecessor was";
    }

    private AuditEntry seal(AuditEntry e) {
        return e.withHash(keys.current(), AuditChain.mac(e, keys.current(), keys.key(keys.current())));
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static AuditEntry row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class), rs.getString("registry"),
                rs.getString("action"), rs.getString("subject"), rs.getString("caller_system"),
                rs.getString("officer_id"), rs.getString("dossier_code"), rs.getString("purpose"),
                rs.getString("result"), rs.getString("correlation_id"), rs.getString("prev_hash"),
                rs.getString("hash"), rs.getString("key_id"));
    }
}
