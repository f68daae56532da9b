package vn.lgsp.hub.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.HubProcess;

/**
 * Durable-intake benchmark: starts the hub as its own JVM (persistent Artemis journal, H2 on disk, heap capped at
 * 512 MB), then drives it from this JVM over HTTP on 127.0.0.1 with N concurrent clients for each dossier size,
 * next to a baseline where the same client posts the same body to the one-stop simulator directly.
 * Prints a table and appends it to target/bench/results.md. Not part of the normal test run:
 * {@code ./mvnw -Pbench verify} (grid and duration: -Dbench.concurrency=100,1000 -Dbench.sizes=1,10,100
 * -Dbench.seconds=20).
 */
class IntakeBenchmark {

    private final int[] concurrency = ints(System.getProperty("bench.concurrency", "100,200,500,1000"));
    private final int[] sizesKb = ints(System.getProperty("bench.sizes", "1,10,100"));
    private final int seconds = Integer.parseInt(System.getProperty("bench.seconds", "20"));
    private final int warmupSeconds = Integer.parseInt(System.getProperty("bench.warmup-seconds", "5"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();

    record Row(String scenario, int clients, int sizeKb, long requests, long errors, double throughput,
               Histogram latency, double hubCpu, long hubHeapMb) {
    }

    @Test
    void durableIntake() throws Exception {
        Path dataDir = Files.createTempDirectory("lgsp-bench");
        Path log = Path.of("target/bench/hub.log");
        Files.createDirectories(log.getParent());
        int port = freePort();
        List<Row> rows = new ArrayList<>();
        long start = System.nanoTime();
        String jfr = System.getProperty("bench.jfr");
        try (HubProcess hub = HubProcess.start(port, dataDir, log, jfr == null ? List.of() : List.of(
                        "-XX:StartFlightRecording=filename=" + jfr + ",settings=profile"),
                hubArgs())) {
            System.out.printf("hub healthy %.1f s after launch%n", (System.nanoTime() - start) / 1e9);
            for (int size : sizesKb) {
                for (int clients : concurrency) {
                    rows.add(run("baseline: client -> simulator", hub, clients, size, true));
                    rows.add(run("durable intake (202 = stored)", hub, clients, size, false));
                }
            }
            hub.stop();
        }
        String table = table(rows);
        System.out.println(table);
        Files.writeString(Path.of("target/bench/results.md"), "\n## " + OffsetDateTime.now() + "\n\n" + table,
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private Row run(String scenario, HubProcess hub, int clients, int sizeKb, boolean baseline) throws Exception {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        String prefix = "B" + System.nanoTime() % 100000;
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        ResourceSampler sampler = new ResourceSampler(http, hub.baseUrl(), warmupEnd);
        sampler.start();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    int i = 0;
                    while (System.nanoTime() < end) {
                        String ref = prefix + "-" + client + "-" + i++;
                        String body = Dossiers.ofSize(ref, sizeKb);
                        HttpRequest request = baseline
                                ? HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/sim/onestop/api/dossiers"))
                                        .header("Idempotency-Key", ref).header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build()
                                : HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/dossiers"))
                                        .header("X-Api-Key", "demo-sector-land-key").header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                            ok = baseline ? status == 201 : status == 202;
                        } catch (Exception e) {
                            ok = false;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= warmupEnd && t1 <= end) {
                            recorder.recordValue(Math.max(1, (t1 - t0) / 1000));
                            requests.incrementAndGet();
                            if (!ok) {
                                errors.incrementAndGet();
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        done.await();
        sampler.stop();
        Histogram histogram = recorder.getIntervalHistogram();
        Row row = new Row(scenario, clients, sizeKb, requests.get(), errors.get(), requests.get() / (double) seconds,
                histogram, sampler.meanCpu(), sampler.maxHeapMb());
        System.out.println(line(row));
        return row;
    }

    private static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder("| scenario | clients | size | req/s | errors | p50 ms | p90 ms | p99 ms "
                + "| max ms | hub CPU (of 2 cores) | hub heap max MB |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> out.append(line(r)).append('\n'));
        return out.toString();
    }

    private static String line(Row r) {
        Histogram h = r.latency();
        return "| %s | %d | %d KB | %.0f | %d | %.1f | %.1f | %.1f | %.1f | %.0f %% | %d |".formatted(r.scenario(),
                r.clients(), r.sizeKb(), r.throughput(), r.errors(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0,
                r.hubCpu() * 100, r.hubHeapMb());
    }

    /** The hub's arguments: quiet logs, plus any given as -Dbench.hub-args="--a=b --c=d". */
    private static String[] hubArgs() {
        List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN", "--hub.systems.onestop.consumers=8"));
        String extra = System.getProperty("bench.hub-args", "").trim();
        if (!extra.isEmpty()) {
            args.addAll(List.of(extra.split("\\s+")));
        }
        return args.toArray(String[]::new);
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls the hub's own metrics once a second: process CPU and heap in use. */
    private final class ResourceSampler {
        private final HttpClient client;
        private final String base;
        private final long from;
        private final List<Double> cpu = new ArrayList<>();
        private volatile long maxHeap;
        private final java.util.concurrent.ScheduledExecutorService sampler =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

        ResourceSampler(HttpClient client, String base, long from) {
            this.client = client;
            this.base = base;
            this.from = from;
        }

        void start() {
            sampler.scheduleAtFixedRate(this::sample, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        }

        private void sample() {
            try {
                // The simulators keep what they receive in the hub's JVM; forget it every second so their
                // copies do not count against the hub's heap.
                client.send(HttpRequest.newBuilder(URI.create(base + "/sim/onestop/received")).DELETE().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (System.nanoTime() < from) {
                    return;
                }
                double c = metric("process.cpu.usage", "");
                long heap = (long) metric("jvm.memory.used", "?tag=area:heap");
                synchronized (cpu) {
                    cpu.add(c);
                }
                maxHeap = Math.max(maxHeap, heap);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception ignored) {
                // a missed sample is fine
            }
        }

        private double metric(String name, String query) throws Exception {
            var response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/" + name + query))
                    .header("X-Api-Key", "demo-admin-key").build(), HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).get("measurements").get(0).get("value").asDouble();
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
}
