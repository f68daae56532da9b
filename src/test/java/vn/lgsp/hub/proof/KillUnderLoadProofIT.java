package vn.lgsp.hub.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Durability under load: the hub is killed with SIGKILL while clients are still submitting, and restarted on the
 * same data directory while they keep submitting. Every dossier answered 202 — before the kill, and after the
 * restart — must reach the one-stop simulator and the DVCQG simulator, stored there once. The simulators run in
 * a second JVM so that they remember what they received across the kill.
 * <p>
 * Fast variant in the normal build; a longer one: {@code -Dproof.kill.clients=32 -Dproof.kill.before=2000
 * -Dproof.kill.kills=3}.
 */
class KillUnderLoadProofIT {

    private static final int CLIENTS = Integer.getInteger("proof.kill.clients", 8);
    /** 202 answers to wait for before each kill. */
    private static final int BEFORE_KILL = Integer.getInteger("proof.kill.before", 100);
    private static final int KILLS = Integer.getInteger("proof.kill.kills", 1);

    @TempDir
    Path hubDir;

    @TempDir
    Path simDir;

    @Test
    void everyAcceptedDossierIsDeliveredAndSyncedOnceAfterKillsDuringLoad() throws Exception {
        int hubPort = HubProcess.freePort();
        Path log = Files.createTempFile("hub-kill-under-load", ".log");
        Queue<String> accepted = new ConcurrentLinkedQueue<>();
        String hubUrl = "http://127.0.0.1:" + hubPort;
        try (HubProcess simulators = HubProcess.startSimulators(HubProcess.freePort(), simDir, log, hubUrl)) {
            String[] args = HubProcess.systemsAt(simulators).toArray(String[]::new);
            LoadClient load = new LoadClient(CLIENTS, 202, (client, i) -> HttpRequest.newBuilder(
                            URI.create(hubUrl + "/api/v1/dossiers")).timeout(Duration.ofSeconds(20))
                    .header("X-Api-Key", "demo-sector-land-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Dossiers.citizen(Dossiers.newRef("KILL")))).build(),
                    (request, body) -> accepted.add(RemoteSimulators.dossierCode(body)));
            RemoteSimulators received = new RemoteSimulators(simulators);
            HubProcess hub = HubProcess.start(hubPort, hubDir, log, args);
            load.start();
            for (int kill = 1; kill <= KILLS; kill++) {
                long target = BEFORE_KILL * (long) kill;
                Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> load.succeeded() >= target);
                hub.kill(); // the clients keep sending: refused connections, answers lost mid-flight
                hub = HubProcess.start(hubPort, hubDir, log, args);
            }
            long afterRestart = load.succeeded() + BEFORE_KILL / 3;
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> load.succeeded() >= afterRestart);
            LoadClient.Result sent = load.stop();
            List<String> codes = List.copyOf(accepted);
            System.out.printf("[proof] %d kill(s) under load: %d requests, %d accepted, %d without a 202%n",
                    KILLS, sent.requests(), codes.size(), sent.errors());

            try (HubProcess restarted = hub) {
                Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> received.deliveredAndSynced(codes));
                JsonNode onestop = received.onestopArrivals();
                JsonNode portal = received.dvcqgCounts();
                long redelivered = codes.stream().mapToInt(c -> onestop.get(c).asInt() - 1).sum();
                System.out.printf("[proof] all %d delivered and synced; %d redelivered to the one-stop system "
                        + "(its Idempotency-Key kept one copy)%n", codes.size(), redelivered);
                // Effect exactly once: one stored copy per dossier at the one-stop system (by Idempotency-Key),
                // and the portal created each dossier once (a repeated sync is an update, never a second insert).
                assertThat(codes).doesNotHaveDuplicates();
                assertThat(codes).allSatisfy(c -> assertThat(portal.get(c).get(0).asInt()).as(c).isEqualTo(1));
                // Redelivery is only for messages in flight at a kill, never a replay of the backlog.
                assertThat(redelivered).isLessThanOrEqualTo(KILLS * 40L);
                assertThat(restarted.isAlive()).isTrue();
            }
        }
    }
}
