package vn.lgsp.hub.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;
import vn.lgsp.hub.support.LoadClient;
import vn.lgsp.hub.support.RemoteSimulators;

/**
 * A bounded soak: the hub (its own JVM, simulators in another) takes dossiers at a steady offered rate for a while;
 * every 10 s its heap after a full GC, live threads, open files and database connections are sampled. After the
 * warm-up third, none of them may grow beyond a tolerance, and every accepted dossier must be delivered and synced.
 * <p>
 * CI variant: 60 s at 20 dossiers/s. Long variant (half the measured pipeline rate, BENCHMARKS.md):
 * {@code ./mvnw -o test -Dtest=SoakProofIT -Dsoak.minutes=20 -Dsoak.rate=<per second>}. {@code -Dsoak.hub-args} adds
 * space-separated arguments for the hub's JVM: {@code --key=value} ones for the hub, the others (-X…, -D…) for Java,
 * e.g. {@code -Dsoak.hub-args="--hub.h2.housekeeping-interval=0s"} to see the H2 chunks grow without housekeeping.
 */
class SoakProofIT {

    private static final double MINUTES = Double.parseDouble(System.getProperty("soak.minutes", "1"));
    private static final double RATE = Double.parseDouble(System.getProperty("soak.rate", "20"));
    /** Allowed growth of the heap after GC from the end of the warm-up third to the end. */
    private static final long HEAP_TOLERANCE_MB = Long.getLong("soak.heap-tolerance-mb", 48);
    /**
     * Allowed growth of live threads from the end of the warm-up third to the end: pools that start threads on
     * demand may still add a step in the first minute (the Artemis client's global pool alone up to 8 per core, and
     * in a CI run 11 threads came at once, 40 s in, and stayed 11); a leak keeps growing, which the long variant shows.
     */
    private static final long THREAD_TOLERANCE = 8L * Runtime.getRuntime().availableProcessors() + 4;
    private static final List<String> HUB_ARGS = Stream.of(System.getProperty("soak.hub-args", "").split("\\s+"))
            .filter(arg -> !arg.isEmpty()).toList();

    @TempDir
    Path hubDir;

    @TempDir
    Path simDir;

    /** h2Chunks: the embedded H2 file's chunks (gauge lgsp_h2_chunks), -1 where the hub has none. */
    record Sample(long atSecond, long heapAfterGcMb, long threads, long openFiles, long dbConnections, long h2Chunks) {
    }

    @Test
    void resourcesStayFlatUnderSteadyLoad() throws Exception {
        int hubPort = HubProcess.freePort();
        String hubUrl = "http://127.0.0.1:" + hubPort;
        Path log = Files.createTempFile("hub-soak", ".log");
        try (HubProcess simulators = HubProcess.startSimulators(HubProcess.freePort(), simDir, log, hubUrl);
             HubProcess hub = HubProcess.start(hubPort, hubDir, log,
                     HUB_ARGS.stream().filter(arg -> !arg.startsWith("--")).toList(),
                     Stream.concat(HubProcess.systemsAt(simulators).stream(),
                             HUB_ARGS.stream().filter(arg -> arg.startsWith("--"))).toArray(String[]::new))) {
            Queue<String> accepted = new ConcurrentLinkedQueue<>();
            LoadClient load = new LoadClient(8, 202, (client, i) -> HttpRequest.newBuilder(
                            URI.create(hubUrl + "/api/v1/dossiers")).timeout(Duration.ofSeconds(30))
                    .header("X-Api-Key", "demo-sector-land-key").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Dossiers.citizen(Dossiers.newRef("SOAK")))).build(),
                    (request, body) -> accepted.add(RemoteSimulators.dossierCode(body))).atRate(RATE);
            List<Sample> samples = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + (long) (MINUTES * 60e9);
            load.start();
            while (System.nanoTime() < end) {
                long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> System.nanoTime() >= Math.min(next, end));
                Sample sample = sample(hub, (System.nanoTime() - start) / 1_000_000_000L);
                samples.add(sample);
                if (samples.size() == Math.max(1, (int) (MINUTES * 6 / 3))) {
                    histogram(hub, "settled"); // what the heap holds at the end of the warm-up third
                }
                System.out.println("[soak] " + sample + ", accepted " + accepted.size());
            }
            LoadClient.Result sent = load.stop();
            histogram(hub, "end");
            List<String> codes = List.copyOf(accepted);
            System.out.printf("[soak] %.1f min at %.0f/s offered: %d requests, %d accepted, %d errors, p99 %.1f ms%n",
                    MINUTES, RATE, sent.requests(), codes.size(), sent.errors(), sent.millis(99));

            assertThat(sent.errors()).isZero();
            assertThat(codes.size()).isGreaterThanOrEqualTo((int) (RATE * MINUTES * 60 * 0.9));
            RemoteSimulators received = new RemoteSimulators(simulators);
            Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> received.deliveredAndSynced(codes));

            // Flat: compare the end with the end of the warm-up third (JIT, pools and caches filled by then).
            Sample settled = samples.get(samples.size() / 3);
            Sample last = samples.get(samples.size() - 1);
            assertThat(last.heapAfterGcMb()).as("heap after GC, MB").isLessThanOrEqualTo(
                    settled.heapAfterGcMb() + HEAP_TOLERANCE_MB);
            assertThat(last.threads()).as("live threads").isLessThanOrEqualTo(settled.threads() + THREAD_TOLERANCE);
            assertThat(last.openFiles()).as("open files").isLessThanOrEqualTo(settled.openFiles() + 20);
            assertThat(samples).allSatisfy(s -> assertThat(s.dbConnections()).as("database connections")
                    .isLessThanOrEqualTo(maxPool(hub)));
        }
    }

    /** Heap after a full GC (jcmd GC.run), live threads, open file descriptors, database connections, H2 chunks. */
    private Sample sample(HubProcess hub, long atSecond) throws Exception {
        Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(hub.pid()), "GC.run").redirectErrorStream(true).start();
        gc.getInputStream().readAllBytes();
        gc.waitFor(30, TimeUnit.SECONDS);
        long heap = (long) hub.metric("jvm.memory.used?tag=area:heap") / (1024 * 1024);
        long threads = (long) hub.metric("jvm.threads.live");
        long files;
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(hub.pid()), "fd"))) {
            files = fds.count();
        } catch (IOException e) {
            files = (long) hub.metric("process.files.open");
        }
        long connections = (long) hub.metric("hikaricp.connections");
        return new Sample(atSecond, heap, threads, files, connections, h2Chunks(hub));
    }

    /**
     * The live objects by class (after a full GC) and the threads in target/soak/, to compare where the heap went
     * and which threads came if either grew.
     */
    private static void histogram(HubProcess hub, String when) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "soak"));
        jcmd(hub, "GC.class_histogram", dir.resolve("histogram-" + when + ".txt"));
        jcmd(hub, "Thread.print", dir.resolve("threads-" + when + ".txt"));
    }

    private static void jcmd(HubProcess hub, String command, Path file) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(hub.pid()), command).redirectErrorStream(true).redirectOutput(file.toFile()).start();
        jcmd.waitFor(60, TimeUnit.SECONDS);
    }

    private static long h2Chunks(HubProcess hub) {
        try {
            return (long) hub.metric("lgsp.h2.chunks");
        } catch (RuntimeException noSuchGauge) {
            return -1; // PostgreSQL, or a hub from before H2 housekeeping
        }
    }

    private long maxPool(HubProcess hub) {
        return (long) hub.metric("hikaricp.connections.max");
    }
}
