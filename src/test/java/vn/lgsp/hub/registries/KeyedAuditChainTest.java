package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.lgsp.hub.audit.AccessPurpose;
import vn.lgsp.hub.audit.AuditChain;
import vn.lgsp.hub.audit.AuditChainKeys;
import vn.lgsp.hub.audit.AuditEntry;
import vn.lgsp.hub.audit.RegistryAudit;

/**
 * The registry audit chain is sealed with a key the database does not hold: whoever can write the table can
 * change a record and recompute every hash after it, and verification still names the first record changed.
 * Keys rotate by id; records from before the chain was keyed verify the old way, and only those.
 */
class KeyedAuditChainTest {

    private static final String KEY_1 = "demo-audit-chain-key-for-the-tests-1";
    private static final String KEY_2 = "demo-audit-chain-key-for-the-tests-2";

    private HikariDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeEach
    void database() throws Exception {
        dataSource = RegistryTestSupport.auditDatabase();
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void recordsAreSealedWithTheCurrentKeyAndVerify() {
        migrate(null);
        RegistryAudit audit = audit("k1", Map.of("k1", KEY_1));
        AuditEntry first = lookup(audit, "001203012345");
        lookup(audit, "001203012346");

        assertThat(first.keyId()).isEqualTo("k1");
        assertThat(first.hash()).matches("[0-9a-f]{64}").isNotEqualTo(AuditChain.hash(first));
        assertThat(jdbc.sql("SELECT key_id FROM registry_audit ORDER BY seq").query(String.class).list())
                .containsExactly("k1", "k1");
        assertThat(audit.verify()).isEqualTo(new RegistryAudit.Verification(true, 2, null, null));
    }

    @Test
    void aChainRebuiltWithoutTheKeyIsCaughtAtTheFirstChangedRecord() {
        migrate(null);
        RegistryAudit audit = audit("k1", Map.of("k1", KEY_1));
        for (int i = 0; i < 5; i++) {
            lookup(audit, "00120301234" + i);
        }
        // Someone with database access hides who read record 3 and re-seals 3..5 and the head as well as they can:
        // with the unkeyed hash under the record's own key id, or relabelled as a legacy record.
        rebuildFrom(3, "someone-else", false);
        RegistryAudit.Verification resealed = audit.verify();
        assertThat(resealed.intact()).isFalse();
        assertThat(resealed.firstBrokenSeq()).isEqualTo(3);
        assertThat(resealed.records()).isEqualTo(2);
        assertThat(resealed.problem()).isEqualTo("record 3 was altered or its predecessor was");

        rebuildFrom(3, "someone-else", true);
        RegistryAudit.Verification relabelled = audit.verify();
        assertThat(relabelled.firstBrokenSeq()).isEqualTo(3);
        assertThat(relabelled.problem()).contains("legacy (unkeyed) way after the chain was keyed");
    }

    @Test
    void keysRotateByIdAndOldRecordsVerifyWithTheKeyTheyName() {
        migrate(null);
        lookup(audit("k1", Map.of("k1", KEY_1)), "001203012345");
        RegistryAudit rotated = audit("k2", Map.of("k1", KEY_1, "k2", KEY_2));
        lookup(rotated, "001203012346");

        assertThat(jdbc.sql("SELECT key_id FROM registry_audit ORDER BY seq").query(String.class).list())
                .containsExactly("k1", "k2");
        assertThat(rotated.verify().intact()).isTrue();
        // The retired key dropped while its records are kept: its records can no longer be vouched for.
        RegistryAudit.Verification withoutOldKey = audit("k2", Map.of("k2", KEY_2)).verify();
        assertThat(withoutOldKey.firstBrokenSeq()).isEqualTo(1);
        assertThat(withoutOldKey.problem()).contains("names the key id 'k1', which is not configured");
        // Another key under the same id is not the key.
        assertThat(audit("k2", Map.of("k1", KEY_2, "k2", KEY_2)).verify().firstBrokenSeq()).isEqualTo(1);
    }

    @Test
    void recordsFromBeforeTheKeyVerifyTheLegacyWayAndOnlyThose() {
        migrate("13");
        appendLegacy(1, AuditChain.GENESIS);
        appendLegacy(2, jdbc.sql("SELECT hash FROM registry_audit WHERE seq = 1").query(String.class).single());
        migrate(null);
        RegistryAudit audit = audit("k1", Map.of("k1", KEY_1));
        lookup(audit, "001203012399");

        assertThat(jdbc.sql("SELECT key_id FROM registry_audit ORDER BY seq").query(String.class).list())
                .containsExactly(AuditChain.LEGACY_KEY_ID, AuditChain.LEGACY_KEY_ID, "k1");
        assertThat(audit.verify()).isEqualTo(new RegistryAudit.Verification(true, 3, null, null));

        // The legacy records are anchored by the first keyed one: rebuilding them breaks it.
        rebuildFrom(2, "someone-else", true);
        jdbc.sql("UPDATE registry_audit SET prev_hash = (SELECT hash FROM registry_audit WHERE seq = 2) WHERE seq = 3")
                .update();
        assertThat(audit.verify().firstBrokenSeq()).isEqualTo(3);
        // Widening the legacy range in the database is refused when the boundary is pinned in configuration.
        jdbc.sql("UPDATE registry_audit_head SET legacy_until_seq = 3").update();
        rebuildFrom(2, "someone-else", true);
        assertThat(audit.verify().intact()).isTrue(); // unpinned: the database's own note is all there is
        RegistryAudit pinned = new RegistryAudit(jdbc, new DataSourceTransactionManager(dataSource),
                new AuditChainKeys("k1", Map.of("k1", KEY_1), 2L));
        assertThat(pinned.verify().firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void aMissingOrShortKeyIsRefusedAtStart() {
        migrate(null);
        assertThatThrownBy(() -> audit("k1", Map.of())).hasMessageContaining("hub.audit.chain-keys.current");
        assertThatThrownBy(() -> audit("k1", Map.of("k1", "short"))).hasMessageContaining("shorter than 32 bytes");
        assertThatThrownBy(() -> audit(AuditChain.LEGACY_KEY_ID, Map.of(AuditChain.LEGACY_KEY_ID, KEY_1)))
                .hasMessageContaining("reserved");
    }

    private void migrate(String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }

    private RegistryAudit audit(String current, Map<String, String> keys) {
        return new RegistryAudit(jdbc, new DataSourceTransactionManager(dataSource),
                new AuditChainKeys(current, keys, null));
    }

    private static AuditEntry lookup(RegistryAudit audit, String subject) {
        return audit.append("population", "LOOKUP", subject,
                new AccessPurpose("sector-land", "canbo.1", "H15-261123-1", "dossier processing"), "FOUND");
    }

    /** A record as the hub wrote it before the chain was keyed (V3: no key id column yet). */
    private void appendLegacy(long seq, String prev) {
        AuditEntry e = new AuditEntry(seq, OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC), "population",
                "LOOKUP", "00120301200" + seq, "sector-land", "canbo.1", "H15-261123-1", "dossier processing", "FOUND",
                "corr-" + seq, prev, null);
        String hash = AuditChain.hash(e);
        jdbc.sql("INSERT INTO registry_audit (seq, at, registry, action, subject, caller_system, officer_id, "
                        + "dossier_code, purpose, result, correlation_id, prev_hash, hash) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, e.at(), e.registry(), e.action(), e.subject(), e.callerSystem(), e.officerId(),
                        e.dossierCode(), e.purpose(), e.result(), e.correlationId(), prev, hash).update();
        jdbc.sql("UPDATE registry_audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
    }

    /**
     * What a person with database access but not the key can do: change the officer of record {@code from} and
     * recompute the unkeyed hash of it and of every record after it, and the head.
     */
    private void rebuildFrom(long from, String officer, boolean asLegacy) {
        jdbc.sql("UPDATE registry_audit SET officer_id = ? WHERE seq = ?").params(officer, from).update();
        String prev = from == 1 ? AuditChain.GENESIS
                : jdbc.sql("SELECT hash FROM registry_audit WHERE seq = ?").param(from - 1).query(String.class).single();
        List<AuditEntry> rest = jdbc.sql("SELECT * FROM registry_audit WHERE seq >= ? ORDER BY seq").param(from)
                .query((rs, n) -> new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class),
                        rs.getString("registry"), rs.getString("action"), rs.getString("subject"),
                        rs.getString("caller_system"), rs.getString("officer_id"), rs.getString("dossier_code"),
                        rs.getString("purpose"), rs.getString("result"), rs.getString("correlation_id"), null, null))
                .list();
        for (AuditEntry e : rest) {
            AuditEntry chained = new AuditEntry(e.seq(), e.at(), e.registry(), e.action(), e.subject(),
                    e.callerSystem(), e.officerId(), e.dossierCode(), e.purpose(), e.result(), e.correlationId(),
                    prev, null);
            String hash = AuditChain.hash(chained);
            jdbc.sql("UPDATE registry_audit SET prev_hash = ?, hash = ?" + (asLegacy ? ", key_id = ?" : "")
                            + " WHERE seq = ?")
                    .params(asLegacy ? List.of(prev, hash, AuditChain.LEGACY_KEY_ID, e.seq())
                            : List.of(prev, hash, e.seq()))
                    .update();
            prev = hash;
        }
        jdbc.sql("UPDATE registry_audit_head SET last_seq = (SELECT MAX(seq) FROM registry_audit), last_hash = ?")
                .param(prev).update();
    }
}
