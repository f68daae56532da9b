package vn.lgsp.hub.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;

/**
 * Throughput of one hub node against two on the same machine, on the production-like parts of the two-node test
 * (PostgreSQL, Artemis live/backup with replication, the simulators as their own JVM): the same number of dossiers
 * through node 1 alone, then through nodes 1 and 2. Intake rate (202 answers per second) and end-to-end rate (all
 * delivered to the one-stop system and synced to DVCQG). {@code ./mvnw -Pbench verify
 * -Dtest=ClusterThroughputBenchmark -Dbench.dossiers=400 -Dbench.clients=16}; appends to target/cluster/throughput.md.
 */
class ClusterThroughputBenchmark {

    private static final int DOSSIERS = Integer.getInteger("bench.dossiers", 400);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);

    @TempDir
    Path dir;

    @Test
    void oneNodeAgainstTwo() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "cluster"));
        int simPort = TwoNodeScenario.freePort();
        int[] ports = {TwoNodeScenario.freePort(), TwoNodeScenario.freePort()};
        StringBuilder report = new StringBuilder("\n### Cluster throughput, " + DOSSIERS + " dossiers, " + CLIENTS
                + " clients, " + Runtime.getRuntime().availableProcessors() + " cores\n\n"
                + "| nodes | intake /s | end to end /s | end-to-end s |\n|---|---|---|---|\n");
        try (var infra = LocalInfrastructure.start(dir);
             HubProcess simulators = TwoNodeScenario.startSimulators(dir, simPort, ports[0], logs);
             HubProcess node1 = TwoNodeScenario.startNode(dir, infra, 1, ports[0], simPort, logs)) {
            warmUp(List.of(node1), simulators);
            report.append(measure(List.of(node1), simulators));
            try (HubProcess node2 = TwoNodeScenario.startNode(dir, infra, 2, ports[1], simPort, logs)) {
                warmUp(List.of(node2), simulators);
                report.append(measure(List.of(node1, node2), simulators));
            }
        }
        System.out.println(report);
        Files.writeString(logs.resolve("throughput.md"), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void warmUp(List<HubProcess> nodes, HubProcess simulators) throws Exception {
        run(nodes, simulators, 50);
    }

    private String measure(List<HubProcess> nodes, HubProcess simulators) throws Exception {
        double[] r = run(nodes, simulators, DOSSIERS);
        return String.format("| %d | %.0f | %.0f | %.1f |%n", nodes.size(), DOSSIERS / r[0], DOSSIERS / r[1], r[1]);
    }

    /** Seconds until every dossier was accepted, and until every one was delivered and synced. */
    private double[] run(List<HubProcess> nodes, HubProcess simulators, int count) throws Exception {
        Set<String> codes = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            HubProcess node = nodes.get(i % nodes.size());
            sent.add(CompletableFuture.runAsync(() -> {
                try {
                    JsonNode receipt = TwoNodeScenario.call(node, "POST", "/api/v1/dossiers", "demo-sector-land-key",
                            Dossiers.citizen(Dossiers.newRef("BENCH")));
                    codes.add(receipt.get("dossierCode").asText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, clients));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get();
        double intake = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> TwoNodeScenario.onestopArrivals(simulators).keySet().containsAll(codes)
                        && synced(simulators, codes));
        return new double[] {intake, (System.nanoTime() - start) / 1e9};
    }

    private static boolean synced(HubProcess simulators, Set<String> codes) throws Exception {
        JsonNode held = TwoNodeScenario.call(simulators, "GET", "/sim/dvcqg/dossiers", null, null).get("dossiers");
        return codes.stream().allMatch(held::has);
    }
}
