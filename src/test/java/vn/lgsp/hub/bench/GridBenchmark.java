package vn.lgsp.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;
import vn.lgsp.hub.support.LoadClient;
import vn.lgsp.hub.support.RemoteSimulators;

/**
 * The benchmark grid of issue 10: flows × concurrency × dossier size, each cell next to a baseline in the same run
 * (the same client calling the simulator directly, no hub). The hub runs as its own JVM in the demo configuration
 * (persistent Artemis journal, H2 on disk, heap capped at 512 MB); the simulators run in a second JVM; the load
 * comes from this (Maven) JVM. Prints one table and appends it to target/bench/results.md.
 * <p>
 * {@code ./mvnw -Pbench verify -Dbench.flows=intake,intake-alone,pipeline,registry,status
 * -Dbench.concurrency=100,200,500,1000 -Dbench.sizes=1,10,100 -Dbench.seconds=20}; BENCHMARKS.md explains the
 * flows. {@code -Dbench.jfr=/tmp/hub.jfr} records a flight recording of the hub (the last hub started),
 * {@code -Dbench.hub-args="--a=b --c=d"} passes settings to the hub.
 */
class GridBenchmark {

    /**
     * "intake-alone": the routes consuming from Artemis are not started (delivery paused by configuration), and
     * Camel's route checks leave the health endpoint, since stopped routes would make it DOWN.
     */
    static final List<String> PAUSE_DELIVERY = List.of("--camel.main.auto-startup-exclude-pattern=jms:*",
            "--camel.health.routes-enabled=false", "--camel.health.consumers-enabled=false");

    private static final String LAND_KEY = "demo-sector-land-key";

    private final List<String> flows = List.of(System.getProperty("bench.flows",
            "intake,intake-alone,pipeline,registry,status").split(","));
    private final int[] concurrency = ints(System.getProperty("bench.concurrency", "100,200,500,1000"));
    private final int[] sizesKb = ints(System.getProperty("bench.sizes", "1,10,100"));
    private final Duration window = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 5));
    /** How long the pipeline may take to account for every accepted dossier after the load stops. */
    private final Duration drainLimit = Duration.ofSeconds(Integer.getInteger("bench.drain-seconds", 300));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Path out = Path.of("target/bench");

    /** "h2" (default, the demo configuration) or "postgres": an embedded PostgreSQL server, as in production. */
    private final String database = System.getProperty("bench.db", "h2");
    private EmbeddedPostgres postgres;
    private HubProcess simulators;
    private RemoteSimulators received;
    private HubProcess hub;
    private boolean hubPaused;

    record Row(String flow, String scenario, int clients, String size, LoadClient.Result result, double hubCpu,
               long hubHeapMb, String load, String accounted) {
    }

    @Test
    void grid() throws Exception {
        Files.createDirectories(out);
        List<Row> rows = new ArrayList<>();
        String startedAt = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String loadBefore = Machine.loadAverage();
        int simPort = HubProcess.freePort();
        int hubPort = HubProcess.freePort();
        try (HubProcess sims = HubProcess.startSimulators(simPort, Files.createTempDirectory("lgsp-bench-sim"),
                out.resolve("simulators.log"), "http://127.0.0.1:" + hubPort)) {
            simulators = sims;
            received = new RemoteSimulators(sims);
            try {
                for (String flow : flows) {
                    switch (flow.trim()) {
                        case "intake" -> sized(rows, hubPort, false, "intake", "durable intake (202 = stored), pipeline running");
                        case "intake-alone" -> sized(rows, hubPort, true, "intake-alone", "durable intake, delivery paused");
                        case "pipeline" -> sized(rows, hubPort, false, "pipeline", "full pipeline (delivered + synced)");
                        case "registry" -> unsized(rows, hubPort, "registry", "citizen lookup through the hub");
                        case "status" -> unsized(rows, hubPort, "status", "status change (202), then synced");
                        default -> throw new IllegalArgumentException("unknown flow " + flow);
                    }
                }
            } finally {
                if (hub != null) {
                    hub.stop(); // graceful, so a flight recording is written
                }
                if (postgres != null) {
                    postgres.close();
                }
            }
        }
        String table = header(startedAt, loadBefore) + table(rows);
        System.out.println(table);
        Files.writeString(out.resolve("results.md"), table, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private void sized(List<Row> rows, int hubPort, boolean paused, String flow, String scenario) throws Exception {
        ensureHub(hubPort, paused);
        for (int size : sizesKb) {
            for (int clients : concurrency) {
                rows.add(cell(flow, "baseline: client -> one-stop simulator", clients, size + " KB",
                        new LoadClient(clients, 201, (c, i) -> toOnestopSimulator(ref(flow, c, i), size)), null));
                if (flow.equals("pipeline")) {
                    rows.add(pipeline(clients, size, scenario));
                } else {
                    rows.add(cell(flow, scenario, clients, size + " KB",
                            new LoadClient(clients, 202, (c, i) -> intake(ref(flow, c, i), size)), null));
                }
            }
        }
    }

    private void unsized(List<Row> rows, int hubPort, String flow, String scenario) throws Exception {
        ensureHub(hubPort, false);
        if (flow.equals("registry")) {
            List<String> citizens = new ArrayList<>();
            // All the simulator's synthetic citizens: lookups spread over them, so the hub's cache (TTL 2 min)
            // answers most of them after the first pass, as it would for officers working on the same dossiers.
            received.get("/sim/population/records?limit=1000").path("records")
                    .forEach(c -> citizens.add(c.path("personalId").asText()));
            // Every lookup names a dossier the land system holds (X-Dossier-Code must exist and be its own).
            String dossier = RemoteSimulators.dossierCode(send(intake(ref("registry-purpose", 1, 0), 1)).body());
            for (int clients : concurrency) {
                rows.add(cell(flow, "baseline: client -> population simulator (SOAP)", clients, "-",
                        new LoadClient(clients, 200, (c, i) -> populationDirect(pick(citizens))), null));
                rows.add(cell(flow, scenario, clients, "-",
                        new LoadClient(clients, 200, (c, i) -> citizenViaHub(dossier, pick(citizens))), null));
            }
        } else {
            for (int clients : concurrency) {
                rows.add(cell(flow, "baseline: client -> one-stop simulator", clients, "1 KB",
                        new LoadClient(clients, 201, (c, i) -> toOnestopSimulator(ref(flow, c, i), 1)), null));
                rows.add(status(clients, scenario));
            }
        }
    }

    /** One measured cell: warm-up, window, hub CPU and heap sampled meanwhile, the load average at the end. */
    private Row cell(String flow, String scenario, int clients, String size, LoadClient load, String accounted)
            throws Exception {
        ResourceSampler sampler = new ResourceSampler(hub, System.nanoTime() + warmup.toNanos());
        GroupCommits before = GroupCommits.of(hub);
        LoadClient.Result result;
        String cpu;
        try {
            // CPU counted over the measured window: from the end of the warm-up until the clients have finished.
            var shares = java.util.concurrent.CompletableFuture.supplyAsync(() -> new CpuShares(hub.pid(),
                    simulators.pid()), java.util.concurrent.CompletableFuture.delayedExecutor(warmup.toMillis(),
                    TimeUnit.MILLISECONDS));
            result = load.run(warmup, window);
            cpu = shares.join().sinceStart();
        } finally {
            sampler.stop();
        }
        Row row = new Row(flow, scenario, clients, size, result, sampler.meanCpu(), sampler.maxHeapMb(),
                Machine.loadAverage(), accounted);
        System.out.println(line(row));
        System.out.println(cpu);
        java.util.Optional.ofNullable(GroupCommits.of(hub)).flatMap(after -> after.since(before))
                .ifPresent(System.out::println);
        if (result.errors() > 0) {
            System.out.println("  errors by kind: " + load.errorKinds());
        }
        received.forget(); // the simulators keep what they receive: bounded heap between cells
        return row;
    }

    /**
     * Full pipeline: the clients submit for the window; then every accepted dossier must be delivered to the
     * one-stop simulator and synced to the DVCQG simulator. Throughput = dossiers accepted ÷ time from the first
     * submission until the last of them was delivered and synced; the latency columns are the clients' (intake).
     */
    private Row pipeline(int clients, int size, String scenario) throws Exception {
        Queue<String> accepted = new ConcurrentLinkedQueue<>();
        LoadClient load = new LoadClient(clients, 202, (c, i) -> intake(ref("pipeline", c, i), size),
                (request, body) -> accepted.add(RemoteSimulators.dossierCode(body)));
        ResourceSampler sampler = new ResourceSampler(hub, System.nanoTime());
        CpuShares shares = new CpuShares(hub.pid(), simulators.pid());
        long start = System.nanoTime();
        LoadClient.Result submitted;
        String accounted;
        try {
            submitted = load.run(Duration.ZERO, window);
            accounted = awaitDeliveredAndSynced(List.copyOf(accepted), start);
        } finally {
            sampler.stop();
        }
        String cpu = shares.sinceStart();
        Row row = new Row("pipeline", scenario, clients, size + " KB", submitted, sampler.meanCpu(),
                sampler.maxHeapMb(), Machine.loadAverage(), accounted);
        System.out.println(line(row));
        System.out.println(cpu);
        received.forget(); // the simulators keep what they receive: bounded heap between cells
        return row;
    }

    private String awaitDeliveredAndSynced(List<String> codes, long start) {
        int[] seen = new int[3]; // delivered, synced, redelivered
        boolean all = poll(() -> {
            JsonNode arrivals = received.onestopArrivals();
            JsonNode portal = received.dvcqgCounts();
            Arrays.fill(seen, 0);
            for (String code : codes) {
                if (arrivals.has(code)) {
                    seen[0]++;
                    seen[2] += arrivals.get(code).asInt() - 1;
                }
                if (portal.has(code) && portal.get(code).get(0).asInt() == 1) {
                    seen[1]++;
                }
            }
            return seen[0] == codes.size() && seen[1] == codes.size();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        return all ? "all %d in %.1f s: **%.0f/s**%s".formatted(codes.size(), seconds, codes.size() / seconds,
                seen[2] == 0 ? "" : ", %d redelivered".formatted(seen[2]))
                : "NOT ALL: %d of %d delivered, %d synced after %.0f s".formatted(seen[0], codes.size(), seen[1],
                seconds);
    }

    /** Polls every 500 ms until true or the drain limit; false when the limit passed. */
    private boolean poll(java.util.concurrent.Callable<Boolean> done) {
        try {
            Awaitility.await().atMost(drainLimit).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(done);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }

    /**
     * Status changes: 200 dossiers are submitted first; then the clients post status changes (4, processing) with
     * increasing times to random ones; afterwards every dossier's latest status must be at the DVCQG simulator.
     */
    private Row status(int clients, String scenario) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            codes.add(RemoteSimulators.dossierCode(send(intake(ref("status-seed", clients, i), 1)).body()));
        }
        AtomicLong clock = new AtomicLong();
        // After the dossiers' receipt, one microsecond apart: every change is newer than the last, so it becomes
        // current and has to reach DVCQG.
        OffsetDateTime base = OffsetDateTime.now(ZoneOffset.ofHours(7));
        LoadClient load = new LoadClient(clients, 202, (c, i) -> {
            String code = pick(codes);
            String at = base.plusNanos(clock.incrementAndGet() * 1000).toString();
            return HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/dossiers/" + code + "/status"))
                    .header("X-Api-Key", "demo-onestop-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"status\":4,\"at\":\"%s\",\"officer\":\"cb-01\",\"note\":\"Chuyển phòng Tư pháp\"}"
                                    .formatted(at))).build();
        });
        ResourceSampler sampler = new ResourceSampler(hub, System.nanoTime() + warmup.toNanos());
        LoadClient.Result result;
        String accounted;
        try {
            result = load.run(warmup, window);
            long end = System.nanoTime();
            accounted = awaitSynced(codes, end);
        } finally {
            sampler.stop();
        }
        Row row = new Row("status", scenario, clients, "1 KB", result, sampler.meanCpu(), sampler.maxHeapMb(),
                Machine.loadAverage(), accounted);
        System.out.println(line(row));
        received.forget(); // the simulators keep what they receive: bounded heap between cells
        return row;
    }

    /** Every dossier holds status 4 (processing) at the portal with all its steps; time after the load ended. */
    private String awaitSynced(List<String> codes, long loadEnd) {
        int[] done = new int[1];
        boolean all = poll(() -> {
            JsonNode portal = received.dvcqgCounts();
            done[0] = (int) codes.stream().filter(c -> portal.has(c) && portal.get(c).get(2).asInt() == 4).count();
            return done[0] == codes.size();
        });
        return all ? "all %d dossiers synced %.1f s after the load".formatted(codes.size(),
                (System.nanoTime() - loadEnd) / 1e9) : "NOT ALL: %d of %d synced".formatted(done[0], codes.size());
    }

    private void ensureHub(int port, boolean paused) throws IOException {
        if (hub != null && hubPaused == paused) {
            return;
        }
        if (hub != null) {
            hub.stop();
        }
        List<String> jvm = new ArrayList<>();
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            jvm.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile");
        }
        List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN", "--hub.systems.onestop.consumers=8",
                // The per-system rate limit (1,000/s by default) protects a node; here it would measure itself.
                "--hub.security.rate-limit.requests-per-second=1000000", "--hub.security.rate-limit.burst=1000000",
                // Our politeness limit towards the portal (50 syncs/s by default), not a contract figure: left on, the
                // pipeline cell measured that setting, not the hub (-Dbench.dvcqg-rate=50 measures it again).
                "--hub.systems.dvcqg.max-requests-per-second=" + System.getProperty("bench.dvcqg-rate", "1000000")));
        args.addAll(HubProcess.systemsAt(simulators));
        if (paused) {
            args.addAll(PAUSE_DELIVERY);
        }
        if (database.equals("postgres")) {
            if (postgres == null) {
                // As in production: a commit returns after its WAL is flushed (the embedded server's default is off).
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            }
            args.addAll(List.of("--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--hub.intake.commit-threads=4")); // as the prod profile
        }
        String extra = System.getProperty("bench.hub-args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        long start = System.nanoTime();
        hub = HubProcess.start(port, Files.createTempDirectory("lgsp-bench"), out.resolve("hub.log"), jvm,
                args.toArray(String[]::new));
        hubPaused = paused;
        System.out.printf("hub%s healthy %.1f s after launch%n", paused ? " (delivery paused)" : "",
                (System.nanoTime() - start) / 1e9);
    }

    private HttpRequest intake(String ref, int sizeKb) {
        return HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/dossiers"))
                .header("X-Api-Key", LAND_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Dossiers.ofSize(ref, sizeKb))).build();
    }

    private HttpRequest toOnestopSimulator(String ref, int sizeKb) {
        return HttpRequest.newBuilder(URI.create(simulators.baseUrl() + "/sim/onestop/api/dossiers"))
                .header("Idempotency-Key", ref).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Dossiers.ofSize(ref, sizeKb))).build();
    }

    private HttpRequest citizenViaHub(String dossier, String personalId) {
        return HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/citizens/" + personalId))
                .header("X-Api-Key", LAND_KEY).header("X-Dossier-Code", dossier)
                .header("X-Officer-Id", "bench").GET().build();
    }

    /** The SOAP call the hub makes, signed with the demo credentials, straight to the population simulator. */
    private HttpRequest populationDirect(String personalId) {
        return DirectCalls.populationLookup(simulators.baseUrl() + "/sim/population/ws", personalId, "lgsp-hagiang",
                "demo-population-secret", "VN/GOV/H15/LGSP", "demo-population-api-key");
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String ref(String flow, int client, long i) {
        return "B-" + flow + "-" + System.nanoTime() % 1_000_000_000L + "-" + client + "-" + i;
    }

    private static String pick(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private String header(String startedAt, String loadBefore) {
        return """

                ## %s

                machine: %s; command: `./mvnw -Pbench verify -Dbench.flows=%s -Dbench.concurrency=%s -Dbench.sizes=%s \
                -Dbench.seconds=%d -Dbench.warmup-seconds=%d -Dbench.db=%s%s`; load average before: %s; dossier sizes: %s

                """.formatted(startedAt, Machine.describe(), String.join(",", flows),
                System.getProperty("bench.concurrency", "100,200,500,1000"),
                System.getProperty("bench.sizes", "1,10,100"), window.toSeconds(), warmup.toSeconds(), database,
                System.getProperty("bench.hub-args", "").isBlank() ? ""
                        : " -Dbench.hub-args=\"" + System.getProperty("bench.hub-args").trim() + "\"", loadBefore,
                Arrays.stream(sizesKb).mapToObj(kb -> "%d KB = %,d bytes".formatted(kb, Dossiers.ofSize(
                        "intake-alone-999-99999", kb).getBytes(StandardCharsets.UTF_8).length))
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    private static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("| flow | scenario | clients | size | req/s | errors | p50 ms | p90 ms "
                + "| p99 ms | max ms | hub CPU (of 2 cores) | hub heap max MB | load avg 1/5/15 | accounted for |\n"
                + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append(line(r)).append('\n'));
        return table.toString();
    }

    private static String line(Row r) {
        LoadClient.Result x = r.result();
        return "| %s | %s | %d | %s | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.0f %% | %d | %s | %s |".formatted(
                r.flow(), r.scenario(), r.clients(), r.size(), x.throughput(), x.errors(), x.millis(50),
                x.millis(90), x.millis(99), x.maxMillis(), r.hubCpu() * 100, r.hubHeapMb(), r.load(),
                r.accounted() == null ? "" : r.accounted());
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }


    /** The hub's group commits so far (metric {@code lgsp.group.commit}): how many, their requests, their time. */
    record GroupCommits(double commits, double units, double seconds) {
        /** Null when the hub does not answer in time (a loaded hub): the cell goes on without these figures. */
        static GroupCommits of(HubProcess hub) {
            try {
                return new GroupCommits(hub.metric("lgsp.group.commit", "COUNT"),
                        hub.metric("lgsp.group.commit.units", "TOTAL"), hub.metric("lgsp.group.commit", "TOTAL_TIME"));
            } catch (RuntimeException e) {
                return null;
            }
        }

        java.util.Optional<String> since(GroupCommits before) {
            if (before == null) {
                return java.util.Optional.empty();
            }
            double n = commits - before.commits;
            return n == 0 ? java.util.Optional.empty() : java.util.Optional.of(("  group commits: %.0f carrying %.0f "
                    + "requests (%.1f per commit), %.1f ms per commit").formatted(n, units - before.units,
                    (units - before.units) / n, (seconds - before.seconds) * 1000 / n));
        }
    }

    /** Polls the hub's own metrics once a second: process CPU and heap in use. */
    private final class ResourceSampler {
        private final HubProcess target;
        private final long from;
        private final List<Double> cpu = new ArrayList<>();
        private volatile long maxHeap;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        ResourceSampler(HubProcess target, long from) {
            this.target = target;
            this.from = from;
            sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
        }

        private void sample() {
            if (System.nanoTime() < from) {
                return;
            }
            try {
                double c = target.metric("process.cpu.usage");
                long heap = (long) target.metric("jvm.memory.used?tag=area:heap");
                synchronized (cpu) {
                    cpu.add(c);
                }
                maxHeap = Math.max(maxHeap, heap);
            } catch (RuntimeException ignored) {
                // a missed sample is fine
            }
        }

        void stop() {
            sampler.shutdownNow();
        }

        /** Mean CPU of the hub process, as a share of the whole machine. */
        double meanCpu() {
            synchronized (cpu) {
                return cpu.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            }
        }

        long maxHeapMb() {
            return maxHeap / (1024 * 1024);
        }
    }

    /** The machine the figures come from. */
    static final class Machine {
        private Machine() {
        }

        static String loadAverage() {
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return parts[0] + " / " + parts[1] + " / " + parts[2];
            } catch (IOException e) {
                return "?";
            }
        }

        static String describe() {
            String cpu = "?";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
            } catch (IOException ignored) {
                // not Linux
            }
            return "%d cores (%s), %d MB RAM for this JVM's OS, Java %s".formatted(
                    Runtime.getRuntime().availableProcessors(), cpu,
                    ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                            .getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024),
                    System.getProperty("java.version"));
        }
    }
}
