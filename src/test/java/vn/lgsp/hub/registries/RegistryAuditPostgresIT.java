package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.lgsp.hub.audit.AccessPurpose;
import vn.lgsp.hub.audit.RegistryAudit;

/**
 * The audit chain on real PostgreSQL, appended to by three "hub nodes" (separate RegistryAudit instances, as in
 * separate JVMs) from twelve threads at once: the row lock on the chain head keeps the chain whole.
 */
class RegistryAuditPostgresIT {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void concurrentAppendsFromSeveralNodesKeepOneUnbrokenChain() throws Exception {
        List<RegistryAudit> nodes = List.of(node(), node(), node());
        ExecutorService threads = Executors.newFixedThreadPool(12);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 12; t++) {
            RegistryAudit node = nodes.get(t % nodes.size());
            int thread = t;
            work.add(threads.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    node.append("population", "LOOKUP", "0012030123" + String.format("%02d", i),
                            new AccessPurpose("sector-land", "canbo." + thread, "H15-261123-" + i, "test"), "FOUND");
                }
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        threads.shutdown();

        RegistryAudit.Verification verification = nodes.get(0).verify();
        assertThat(verification.intact()).as(String.valueOf(verification.problem())).isTrue();
        assertThat(verification.records()).isEqualTo(300);

        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("UPDATE registry_audit SET result = 'NOT_FOUND' WHERE seq = 150").update();
        RegistryAudit.Verification tampered = nodes.get(1).verify();
        assertThat(tampered.intact()).isFalse();
        assertThat(tampered.firstBrokenSeq()).isEqualTo(150);
    }

    private static RegistryAudit node() {
        return new RegistryAudit(JdbcClient.create(dataSource), new DataSourceTransactionManager(dataSource),
                RegistryTestSupport.auditKeys());
    }
}
