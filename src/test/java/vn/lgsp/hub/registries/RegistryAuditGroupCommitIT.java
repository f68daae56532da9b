package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.lgsp.hub.audit.AccessPurpose;
import vn.lgsp.hub.audit.AuditEntry;
import vn.lgsp.hub.audit.RegistryAudit;

/**
 * Appends from many threads of one node are written in groups (one transaction each) on the hub's H2 file
 * database: every append gets its own committed record, the chain stays whole, and a group that cannot be written
 * fails every append in it, leaving no record behind.
 */
class RegistryAuditGroupCommitIT {

    private HikariDataSource dataSource;
    private RegistryAudit audit;
    private JdbcClient jdbc;

    @BeforeEach
    void database() throws Exception {
        dataSource = RegistryTestSupport.auditDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        audit = new RegistryAudit(jdbc, new DataSourceTransactionManager(dataSource),
                RegistryTestSupport.auditKeys());
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void concurrentAppendsEachGetTheirOwnCommittedRecordInOneUnbrokenChain() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(64);
        Set<Long> seqs = ConcurrentHashMap.newKeySet();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
            int thread = t;
            work.add(threads.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    String subject = "0012030%02d%03d".formatted(thread, i);
                    AuditEntry entry = audit.append("population", "LOOKUP", subject,
                            new AccessPurpose("sector-land", "canbo." + thread, "H15-261123-" + i, "test"), "FOUND");
                    assertThat(entry.subject()).isEqualTo(subject);
                    assertThat(entry.officerId()).isEqualTo("canbo." + thread);
                    // committed when append returns: another connection sees it
                    assertThat(audit.about(subject, 1)).extracting(AuditEntry::seq).containsExactly(entry.seq());
                    seqs.add(entry.seq());
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        threads.shutdown();

        assertThat(seqs).hasSize(64 * 20);
        RegistryAudit.Verification verification = audit.verify();
        assertThat(verification.intact()).as(String.valueOf(verification.problem())).isTrue();
        assertThat(verification.records()).isEqualTo(64 * 20);
    }

    @Test
    void aGroupThatCannotBeWrittenFailsItsAppendsAndLeavesNoRecord() {
        audit.append("population", "LOOKUP", "001203012345", purpose(), "FOUND");
        jdbc.sql("ALTER TABLE registry_audit ADD CONSTRAINT no_more CHECK (seq < 2)").update();

        assertThatThrownBy(() -> audit.append("population", "LOOKUP", "001203012346", purpose(), "FOUND"))
                .isInstanceOf(RuntimeException.class);
        assertThat(audit.about("001203012346", 10)).isEmpty();

        jdbc.sql("ALTER TABLE registry_audit DROP CONSTRAINT no_more").update();
        assertThat(audit.append("population", "LOOKUP", "001203012347", purpose(), "FOUND").seq()).isEqualTo(2);
        assertThat(audit.verify().intact()).isTrue();
    }

    private static AccessPurpose purpose() {
        return new AccessPurpose("sector-land", "canbo.1", "H15-261123-1", "test");
    }
}
