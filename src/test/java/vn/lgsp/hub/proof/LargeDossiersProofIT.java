package vn.lgsp.hub.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;
import vn.lgsp.hub.support.LoadClient;
import vn.lgsp.hub.support.RemoteSimulators;

/**
 * 100 KB dossiers as fast as 32 clients can send them to the hub as a user starts it: its own JVM in 512 MB, the
 * embedded H2 and Artemis, the simulators in the same JVM. Every answer must be 202 and every accepted dossier must
 * reach the one-stop and DVCQG simulators. The hub once failed this after a few thousand such dossiers: H2 kept each
 * one inside a B-tree page that later commits wrote again until a commit's chunk could not be allocated and H2
 * closed the database, and the simulators kept each dossier as a string; every request after that answered 503.
 * {@code -Dlarge.dossiers=<n>} sends more.
 */
class LargeDossiersProofIT {

    private static final int DOSSIERS = Integer.getInteger("large.dossiers", 3_000);
    private static final int KILOBYTES = 100;

    @TempDir
    Path hubDir;

    @Test
    void everyLargeDossierIsAcceptedAndDelivered() throws Exception {
        Path log = Files.createTempFile("hub-large-dossiers", ".log");
        try (HubProcess hub = HubProcess.start(HubProcess.freePort(), hubDir, log,
                "--hub.security.rate-limit.requests-per-second=100000",
                "--hub.security.rate-limit.burst=100000")) {
            Queue<String> accepted = new ConcurrentLinkedQueue<>();
            LoadClient load = new LoadClient(32, 202, (client, i) -> HttpRequest.newBuilder(
                            URI.create(hub.baseUrl() + "/api/v1/dossiers")).timeout(Duration.ofSeconds(60))
                    .header("X-Api-Key", "demo-sector-land-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Dossiers.ofSize(Dossiers.newRef("LARGE"), KILOBYTES)))
                    .build(),
                    (request, body) -> accepted.add(RemoteSimulators.dossierCode(body))).start();
            long start = System.nanoTime();
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                    .until(() -> load.answered() >= DOSSIERS || !load.errorKinds().isEmpty());
            LoadClient.Result sent = load.stop();
            System.out.printf("[large dossiers] %d KB: %d answered in %.1f s, %d accepted, errors %s, p99 %.0f ms%n",
                    KILOBYTES, sent.requests(), (System.nanoTime() - start) / 1e9, accepted.size(), load.errorKinds(),
                    sent.millis(99));

            assertThat(load.errorKinds()).as("answers other than 202").isEmpty();
            assertThat(accepted).hasSizeGreaterThanOrEqualTo(DOSSIERS);
            List<String> codes = List.copyOf(accepted);
            RemoteSimulators received = new RemoteSimulators(hub);
            Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> received.deliveredAndSynced(codes));
            var arrivals = received.onestopArrivals();
            assertThat(codes).as("dossiers that reached the one-stop simulator more than once")
                    .filteredOn(code -> arrivals.path(code).asInt() != 1).isEmpty();
        }
    }
}
