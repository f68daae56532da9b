package vn.lgsp.hub.cluster;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

/**
 * The two-node scenario ({@link TwoNodeScenario}) on containers where Docker exists (skipped elsewhere): PostgreSQL
 * 16 and the Artemis live/backup pair of the reference topology with its voter (image apache/activemq-artemis:2.40.0
 * with deploy/artemis/*&#47;broker.xml). The brokers use the host network, so the topology they announce to the hub
 * JVMs (host:port of each broker) is reachable from the host and failover works as in production.
 */
@Testcontainers(disabledWithoutDocker = true)
class TwoNodeFailoverContainerProofIT extends TwoNodeScenario {

    private static final String ARTEMIS_IMAGE = "apache/activemq-artemis:2.40.0";

    @Override
    Infrastructure infrastructure(Path dir) throws Exception {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");
        postgres.start();
        int livePort = freePort();
        int backupPort = freePort();
        int voterPort = freePort();
        // The voter first: the live takes its cluster view from the first broker it reaches.
        GenericContainer<?> voter = artemis("voter", voterPort, "-Dlgsp.artemis.live=127.0.0.1:" + livePort,
                "-Dlgsp.artemis.backup=127.0.0.1:" + backupPort);
        voter.start();
        GenericContainer<?> live = artemis("live", livePort, "-Dlgsp.artemis.other=127.0.0.1:" + backupPort,
                "-Dlgsp.artemis.voter=127.0.0.1:" + voterPort);
        live.start();
        GenericContainer<?> backup = artemis("backup", backupPort, "-Dlgsp.artemis.other=127.0.0.1:" + livePort,
                "-Dlgsp.artemis.voter=127.0.0.1:" + voterPort);
        StringBuffer backupLog = new StringBuffer();
        backup.withLogConsumer((OutputFrame frame) -> backupLog.append(frame.getUtf8String()));
        backup.waitingFor(Wait.forLogMessage(".*AMQ221024.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
        backup.start();
        String brokerUrl = "(tcp://127.0.0.1:" + livePort + ",tcp://127.0.0.1:" + backupPort + ")?ha=true"
                + "&reconnectAttempts=-1&retryInterval=100&retryIntervalMultiplier=1.5&maxRetryInterval=1000"
                + "&useTopologyForLoadBalancing=false";
        var dataSource = new DriverManagerDataSource(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
        return new Infrastructure() {
            @Override
            public String jdbcUrl() {
                return postgres.getJdbcUrl();
            }

            @Override
            public String dbUser() {
                return postgres.getUsername();
            }

            @Override
            public String dbPassword() {
                return postgres.getPassword();
            }

            @Override
            public JdbcClient jdbc() {
                return JdbcClient.create(dataSource);
            }

            @Override
            public String brokerUrl() {
                return brokerUrl;
            }

            @Override
            public long killLiveBroker() {
                long at = System.currentTimeMillis();
                DockerClientFactory.instance().client().killContainerCmd(live.getContainerId()).withSignal("KILL").exec();
                return at;
            }

            @Override
            public long backupActiveAt(Duration atMost) {
                org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(20))
                        .until(() -> backupLog.indexOf("AMQ221007") >= 0);
                return System.currentTimeMillis();
            }

            @Override
            public void close() {
                live.stop();
                backup.stop();
                voter.stop();
                postgres.stop();
            }
        };
    }

    /** One broker of the topology on the host network, with its broker.xml; {@code peers}: where the others are. */
    private static GenericContainer<?> artemis(String role, int port, String... peers) {
        // The image copies etc-override/* over the broker's etc/ when it starts.
        return new GenericContainer<>(ARTEMIS_IMAGE)
                .withNetworkMode("host")
                .withCopyFileToContainer(MountableFile.forHostPath(Path.of("deploy", "artemis", role, "broker.xml")),
                        "/var/lib/artemis-instance/etc-override/broker.xml")
                .withEnv("ARTEMIS_USER", "lgsp_hub")
                .withEnv("ARTEMIS_PASSWORD", "lgsp-test")
                .withEnv("ANONYMOUS_LOGIN", "true")
                .withEnv("EXTRA_ARGS", "--http-host 127.0.0.1 --http-port " + freePortUnchecked())
                .withEnv("JDK_JAVA_OPTIONS", "-Dlgsp.cluster.password=lgsp-test"
                        + " -Dlgsp.artemis.self=127.0.0.1:" + port + " " + String.join(" ", peers)
                        + " -Dlgsp.artemis.port=" + port)
                .waitingFor(Wait.forLogMessage(".*AMQ221007.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
    }

    private static int freePortUnchecked() {
        try {
            return freePort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
