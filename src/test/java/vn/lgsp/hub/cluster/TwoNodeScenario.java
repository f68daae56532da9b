package vn.lgsp.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;

/**
 * Scale-out on real distributed parts: two hub nodes (separate JVMs) on one PostgreSQL and an Artemis live/backup
 * pair with replication, one simulators process. Load goes through both nodes (a request a dead node cannot answer
 * is sent to the other, as a load balancer does); node 1 is killed with SIGKILL, then the live broker. Shown:
 * every accepted dossier reaches the one-stop system and DVCQG once by effect, each dossier's status changes
 * reach DVCQG in the order they happened, and the singleton jobs are taken over by the surviving node within
 * the stated time. The figures (in flight at each kill and their fate, failover times) are logged and written
 * to {@code target/cluster/figures.md}. Subclasses provide the database and the broker pair.
 */
abstract class TwoNodeScenario {

    static final int DOSSIERS = Integer.getInteger("cluster.dossiers", 60);
    static final int CLIENTS = Integer.getInteger("cluster.clients", 6);
    static final int[] STATUSES = {2, 4, 9};
    static final Duration LOCK_AT_MOST_FOR = Duration.ofSeconds(30);
    static final List<String> SINGLETONS_OBSERVED = List.of("changes-poll-from-sector-labour", "outbox-relay-sweep");
    private static final String LAND_KEY = "demo-sector-land-key";
    private static final String ONESTOP_KEY = "demo-onestop-key";

    /** The shared database and the live/backup broker pair the hub nodes use. */
    interface Infrastructure extends AutoCloseable {
        String jdbcUrl();

        String dbUser();

        String dbPassword();

        JdbcClient jdbc();

        /** The HA URL of the pair. */
        String brokerUrl();

        /** SIGKILL of the live broker; the moment (epoch millis). */
        long killLiveBroker();

        /** When the backup became active (epoch millis), waiting for it. */
        long backupActiveAt(Duration atMost);
    }

    abstract Infrastructure infrastructure(Path dir) throws Exception;

    @TempDir
    Path dir;

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final ObjectMapper json = new ObjectMapper();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    @Test
    void everyAcceptedDossierIsDeliveredAndSyncedOnceInOrderThroughANodeKillAndABrokerFailover() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "cluster"));
        int simPort = freePort();
        int[] hubPorts = {freePort(), freePort()};
        try (Infrastructure infra = infrastructure(dir);
             // Progress reports and payment notifications go to node 2, the one that survives.
             HubProcess simulators = startSimulators(dir, simPort, hubPorts[1], logs)) {
            var starting = new ArrayList<CompletableFuture<HubProcess>>();
            for (int n = 0; n < 2; n++) {
                int node = n;
                starting.add(CompletableFuture.supplyAsync(
                        () -> startNode(dir, infra, node + 1, hubPorts[node], simPort, logs)));
            }
            try (HubProcess node1 = starting.get(0).join(); HubProcess node2 = starting.get(1).join()) {
                run(infra, simulators, List.of(node1, node2));
            }
        }
    }

    /** The simulators as their own JVM, sending callbacks to the hub at the given port. */
    static HubProcess startSimulators(Path dir, int simPort, int hubPort, Path logs) {
        return HubProcess.startSimulators(simPort, dir.resolve("sim"), logs.resolve("simulators.log"),
                "http://127.0.0.1:" + hubPort);
    }

    /** Hub node {@code node-<n>} as its own JVM, prod-like: shared PostgreSQL, the HA broker pair, the simulators. */
    static HubProcess startNode(Path dir, Infrastructure infra, int node, int port, int simPort, Path logs) {
        return HubProcess.start(port, dir.resolve("node-" + node), logs.resolve("node-" + node + ".log"),
                "--spring.profiles.active=demo,remote-simulators",
                "--hub.simulators.url=http://127.0.0.1:" + simPort,
                "--hub.cluster.node-id=node-" + node,
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=" + infra.brokerUrl(),
                "--spring.datasource.url=" + infra.jdbcUrl(),
                "--spring.datasource.username=" + infra.dbUser(),
                "--spring.datasource.password=" + infra.dbPassword(),
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--hub.outbox.sweep-interval=1s",
                "--hub.outbox.sweep-age=2s",
                "--hub.systems.sector-labour.poll-interval=500",
                "--hub.systems.dvcqg.max-requests-per-second=5000",
                "--hub.delivery.initial-delay=200ms",
                "--hub.delivery.max-delay=1s");
    }

    private void run(Infrastructure infra, HubProcess simulators, List<HubProcess> nodes) throws Exception {
        JdbcClient db = infra.jdbc();
        Map<String, List<Integer>> accepted = new ConcurrentHashMap<>();
        AtomicInteger retriedOnOtherNode = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long loadStart = System.nanoTime();
        List<CompletableFuture<Void>> load = new ArrayList<>();
        for (int i = 0; i < DOSSIERS; i++) {
            int first = i % 2;
            load.add(CompletableFuture.runAsync(() -> submitWithStatuses(nodes, first, accepted, retriedOnOtherNode),
                    clients));
        }

        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= DOSSIERS / 3);
        // ShedLock writes the database's UTC time without zone.
        LocalDateTime dbTimeAtNodeKill = db.sql("SELECT CAST(timezone('utc', CURRENT_TIMESTAMP) AS TIMESTAMP)")
                .query(LocalDateTime.class).single();
        var locksAtNodeKill = locks(db);
        Set<String> undeliveredAtNodeKill = undelivered(simulators, accepted);
        var inFlightAtNodeKill = inFlight(db, simulators, accepted, undeliveredAtNodeKill);
        long nodeKilledAt = System.currentTimeMillis();
        nodes.get(0).kill();
        // Watched in the background, so that the broker is killed while the load still runs.
        Map<String, Long> takeoverMs = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> takeovers = SINGLETONS_OBSERVED.stream().map(job -> CompletableFuture.runAsync(() -> {
            Awaitility.await().atMost(LOCK_AT_MOST_FOR.plusSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> db.sql("SELECT COUNT(*) FROM shedlock WHERE name = ? AND locked_by = 'node-2' "
                            + "AND locked_at > ?").params(job, dbTimeAtNodeKill).query(Long.class).single() > 0);
            takeoverMs.put(job, System.currentTimeMillis() - nodeKilledAt);
        })).toList();

        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> accepted.size() >= 2 * DOSSIERS / 3);
        Set<String> undeliveredAtBrokerKill = undelivered(simulators, accepted);
        var inFlightAtBrokerKill = inFlight(db, simulators, accepted, undeliveredAtBrokerKill);
        long brokerKilledAt = infra.killLiveBroker();
        long backupActive = infra.backupActiveAt(Duration.ofSeconds(60));

        CompletableFuture.allOf(load.toArray(CompletableFuture[]::new)).get();
        clients.shutdown();
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        CompletableFuture.allOf(takeovers.toArray(CompletableFuture[]::new)).get();

        // A singleton job after both kills: the labour system's feed is polled by node 2 alone now.
        for (int i = 0; i < 2; i++) {
            call(simulators, "POST", "/sim/sector-labour/control/dossiers", null,
                    "{\"maHoSo\":\"LD-CLUSTER-" + i + "\",\"soDinhDanh\":\"001090000123\",\"hoTen\":\"Lò Văn Páo\"}");
        }

        Set<String> codes = accepted.keySet();
        Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> onestopArrivals(simulators).keySet().containsAll(codes)
                        && dvcqgComplete(simulators, accepted) && labourDelivered(db, simulators));
        long drainedAt = System.currentTimeMillis();

        // Exactly once by effect at the one-stop system: one stored dossier per code (repeats counted, not stored).
        Map<String, Integer> arrivals = onestopArrivals(simulators);
        assertThat(arrivals.keySet()).containsAll(codes);
        // Order per dossier at DVCQG: the status changes arrived in the order they happened, each step once.
        JsonNode dvcqg = call(simulators, "GET", "/sim/dvcqg/dossiers", null, null).get("dossiers");
        int repeatedSteps = 0;
        for (String code : codes) {
            JsonNode held = dvcqg.get(code);
            assertThat(stepOrder(held)).as(code).containsExactly(2, 4, 9);
            assertThat(held.get("dossier").get("TrangThaiHoSo").asInt()).as(code).isEqualTo(9);
            for (JsonNode n : held.get("progressArrivals")) {
                repeatedSteps += n.asInt() - 1;
            }
        }
        // DVCQG appends what it receives: a step sent twice would be a second effect there.
        assertThat(repeatedSteps).as("progress steps that reached DVCQG twice").isZero();
        // Singleton takeover within lockAtMostFor plus one tick (the await above fails otherwise); the labour
        // dossiers added after both kills were polled by node 2 (labourDelivered).
        assertThat(takeoverMs.values()).allMatch(ms -> ms < LOCK_AT_MOST_FOR.plusSeconds(5).toMillis());

        figures.put("dossiers accepted (each with 3 status changes)", codes.size());
        figures.put("load duration s (both nodes, then node 2 alone, through a broker failover)",
                String.format("%.1f", loadSeconds));
        figures.put("requests sent again to the other node (dead node, lost answer)", retriedOnOtherNode.get());
        figures.put("at node kill: in flight", inFlightAtNodeKill);
        figures.put("at node kill: singleton locks (job=holder)", locksAtNodeKill);
        figures.put("at node kill: fate of the dossiers not yet at the one-stop system", fate(undeliveredAtNodeKill, arrivals));
        figures.put("at broker kill: in flight", inFlightAtBrokerKill);
        figures.put("at broker kill: fate of the dossiers not yet at the one-stop system", fate(undeliveredAtBrokerKill, arrivals));
        figures.put("broker failover ms (live SIGKILL -> backup active)", backupActive - brokerKilledAt);
        figures.put("singleton jobs run by node 2 after the node kill, ms after it", new java.util.TreeMap<>(takeoverMs));
        figures.put("one-stop: dossiers stored once", codes.size());
        figures.put("one-stop: dossiers that arrived more than once (absorbed by Idempotency-Key)",
                codes.stream().filter(c -> arrivals.get(c) > 1).count());
        figures.put("DVCQG: progress steps that arrived more than once", repeatedSteps);
        figures.put("all delivered and synced, s after the node kill", (drainedAt - nodeKilledAt) / 1000.0);
        String report = report();
        System.out.println(report);
        Files.writeString(Path.of("target", "cluster", "figures-" + getClass().getSimpleName() + ".md"), report);
    }

    /** One dossier and its three status changes, each request to the given node first, else to the other. */
    private void submitWithStatuses(List<HubProcess> nodes, int first, Map<String, List<Integer>> accepted,
                                    AtomicInteger retried) {
        String ref = Dossiers.newRef("CLUSTER");
        JsonNode receipt = post(nodes, first, "/api/v1/dossiers", LAND_KEY, Dossiers.citizen(ref), retried);
        String code = receipt.get("dossierCode").asText();
        List<Integer> statuses = new ArrayList<>();
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
        for (int k = 0; k < STATUSES.length; k++) {
            String body = "{\"status\":%d,\"at\":\"%s\",\"officer\":\"cb-0%d\",\"note\":\"Bước %d\"}"
                    .formatted(STATUSES[k], base.plusMinutes(k + 1), k, k + 1);
            post(nodes, (first + k + 1) % 2, "/api/v1/dossiers/" + code + "/status", ONESTOP_KEY, body, retried);
            statuses.add(STATUSES[k]);
        }
        accepted.put(code, statuses);
    }

    private JsonNode post(List<HubProcess> nodes, int first, String path, String key, String body,
                          AtomicInteger retried) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            HubProcess node = nodes.get((first + attempt) % nodes.size());
            try {
                HttpResponse<String> response = send(node, "POST", path, key, body);
                if (response.statusCode() < 300) {
                    return json.readTree(response.body());
                }
                last = new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
                if (response.statusCode() < 500) {
                    throw last;
                }
            } catch (IOException e) {
                last = new IllegalStateException(path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            retried.incrementAndGet();
        }
        throw last;
    }

    /** Accepted but not yet at the one-stop system / not yet at DVCQG, and rows still in the outbox. */
    private Map<String, Object> inFlight(JdbcClient db, HubProcess simulators, Map<String, List<Integer>> accepted,
                                         Set<String> undelivered) throws Exception {
        Set<String> codes = Set.copyOf(accepted.keySet());
        JsonNode dvcqg = call(simulators, "GET", "/sim/dvcqg/dossiers", null, null).get("dossiers");
        long notDelivered = undelivered.size();
        long notSynced = codes.stream().filter(c -> dvcqg.get(c) == null || stepOrder(dvcqg.get(c)).size() < 3).count();
        Map<String, Object> inFlight = new LinkedHashMap<>();
        inFlight.put("accepted", codes.size());
        inFlight.put("not yet at one-stop", notDelivered);
        inFlight.put("not yet fully synced to DVCQG", notSynced);
        inFlight.put("outbox rows not yet relayed", db.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single());
        return inFlight;
    }

    /** Accepted dossiers (the accepted count of the moment) not yet at the one-stop system. */
    private static Set<String> undelivered(HubProcess simulators, Map<String, List<Integer>> accepted) throws Exception {
        Set<String> undelivered = new LinkedHashSet<>(accepted.keySet());
        Map<String, Integer> atOnestop = onestopArrivals(simulators);
        undelivered.removeAll(atOnestop.keySet());
        return undelivered;
    }

    /** What became of dossiers in flight at a kill: stored once after arriving once, after arriving again, lost. */
    private static String fate(Set<String> inFlight, Map<String, Integer> arrivals) {
        long once = inFlight.stream().filter(c -> arrivals.getOrDefault(c, 0) == 1).count();
        long again = inFlight.stream().filter(c -> arrivals.getOrDefault(c, 0) > 1).count();
        long lost = inFlight.stream().filter(c -> !arrivals.containsKey(c)).count();
        assertThat(lost).isZero();
        return inFlight.size() + " in flight: " + once + " delivered once, " + again
                + " delivered again (absorbed by Idempotency-Key), " + lost + " lost";
    }

    private static Map<String, String> locks(JdbcClient db) {
        Map<String, String> locks = new LinkedHashMap<>();
        db.sql("SELECT name, locked_by FROM shedlock ORDER BY name")
                .query((rs, n) -> locks.put(rs.getString(1), rs.getString(2))).list();
        return locks;
    }

    /** The statuses of the dossier's progress steps at DVCQG in first-arrival order, each once. */
    private static List<Integer> stepOrder(JsonNode held) {
        Set<Integer> order = new LinkedHashSet<>();
        held.get("progress").forEach(step -> order.add(step.get("TrangThai").asInt()));
        order.retainAll(Set.of(2, 4, 9));
        return List.copyOf(order);
    }

    private boolean dvcqgComplete(HubProcess simulators, Map<String, List<Integer>> accepted) throws Exception {
        JsonNode dvcqg = call(simulators, "GET", "/sim/dvcqg/dossiers", null, null).get("dossiers");
        return accepted.keySet().stream().allMatch(c -> dvcqg.get(c) != null && stepOrder(dvcqg.get(c)).size() == 3
                && dvcqg.get(c).get("dossier").get("TrangThaiHoSo").asInt() == 9);
    }

    private boolean labourDelivered(JdbcClient db, HubProcess simulators) throws Exception {
        List<String> labour = db.sql("SELECT dossier_code FROM dossier WHERE source_system = 'sector-labour' "
                + "AND source_ref LIKE 'LD-CLUSTER-%'").query(String.class).list();
        return labour.size() == 2 && onestopArrivals(simulators).keySet().containsAll(labour);
    }

    static Map<String, Integer> onestopArrivals(HubProcess simulators) throws Exception {
        Map<String, Integer> arrivals = new LinkedHashMap<>();
        call(simulators, "GET", "/sim/onestop/received", null, null).get("items")
                .forEach(item -> arrivals.put(item.get("key").asText(), item.get("arrivals").asInt()));
        return arrivals;
    }

    static JsonNode call(HubProcess process, String method, String path, String key, String body) throws Exception {
        HttpResponse<String> response = send(process, method, path, key, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    static HttpResponse<String> send(HubProcess process, String method, String path, String key, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(process.baseUrl() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String report() {
        StringBuilder out = new StringBuilder("### Two-node run (" + getClass().getSimpleName() + ")\n\n| figure | value |\n|---|---|\n");
        figures.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return out.toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
