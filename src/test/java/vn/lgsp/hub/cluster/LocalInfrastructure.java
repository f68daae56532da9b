package vn.lgsp.hub.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.support.MigratedPostgres;

/**
 * The shared parts of a cluster on this machine, without Docker: PostgreSQL from embedded binaries, and the Artemis
 * live and backup brokers as separate JVMs on 127.0.0.1 ({@link ArtemisNode}, replication, persistent journals),
 * the backup synchronised with the live before this returns.
 */
final class LocalInfrastructure {

    private LocalInfrastructure() {
    }

    static TwoNodeScenario.Infrastructure start(Path dir) throws Exception {
        MigratedPostgres postgres = MigratedPostgres.start();
        int livePort = TwoNodeScenario.freePort();
        int backupPort = TwoNodeScenario.freePort();
        Path logs = Path.of("target", "cluster");
        Files.createDirectories(logs);
        List<String> jvm = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
        JavaProcess live = JavaProcess.start(logs.resolve("artemis-live.log"), jvm, ArtemisNode.class.getName(),
                "live", String.valueOf(livePort), String.valueOf(backupPort), dir.resolve("artemis-live").toString());
        live.await("ACTIVE", Duration.ofSeconds(60));
        JavaProcess backup = JavaProcess.start(logs.resolve("artemis-backup.log"), jvm, ArtemisNode.class.getName(),
                "backup", String.valueOf(backupPort), String.valueOf(livePort), dir.resolve("artemis-backup").toString());
        // Failover needs a backup that holds a copy of the live journal.
        backup.await("BACKUP-SYNCHRONIZED", Duration.ofSeconds(60));
        String brokerUrl = "(tcp://127.0.0.1:" + livePort + ",tcp://127.0.0.1:" + backupPort + ")?ha=true"
                + "&reconnectAttempts=-1&retryInterval=100&retryIntervalMultiplier=1.5&maxRetryInterval=1000";
        return new TwoNodeScenario.Infrastructure() {
            @Override
            public String jdbcUrl() {
                return postgres.jdbcUrl();
            }

            @Override
            public String dbUser() {
                return "postgres";
            }

            @Override
            public String dbPassword() {
                return "postgres";
            }

            @Override
            public JdbcClient jdbc() {
                return postgres.jdbc();
            }

            @Override
            public String brokerUrl() {
                return brokerUrl;
            }

            @Override
            public long killLiveBroker() {
                return live.kill();
            }

            @Override
            public long backupActiveAt(Duration atMost) {
                return Long.parseLong(backup.await("ACTIVE", atMost).trim());
            }

            @Override
            public void close() throws Exception {
                live.close();
                backup.close();
                postgres.close();
            }
        };
    }
}
