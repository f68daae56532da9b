package vn.lgsp.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * Figures of the DVCQG sync on this machine (not run by default; see BENCHMARKS.md):
 * {@code ./mvnw -o -q test -Dtest=DvcqgSyncBenchmark -Dbench.dossiers=500 -Dbench.rate=5000}.
 * Lag: from the hub's 202 to a status change until the portal simulator first received that progress step.
 */
class DvcqgSyncBenchmark extends HubIntegrationTest {

    private static final int DOSSIERS = Integer.getInteger("bench.dossiers", 500);
    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    /** Status changes posted per second in the steady run; 0 posts as fast as the threads can. */
    private static final int PACE = Integer.getInteger("bench.pace", 0);
    private static final int[] LIFE = {2, 4, 6, 9, 10};
    /** Not in mappings/routing/sector-routes.csv. */
    private static final String UNROUTED_PROCEDURE = "2.000305";
    private static final OffsetDateTime BASE = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(1)
            .truncatedTo(ChronoUnit.SECONDS);

    @Autowired
    DvcqgSimulator portal;

    @Autowired
    org.springframework.core.env.Environment env;

    @BeforeEach
    void reset() {
        portal.reset();
    }

    @Test
    void steadyFlowThroughputAndLag() throws Exception {
        List<String> codes = intake(DOSSIERS, "BENCH-LIVE");
        Map<String, Instant> acknowledged = new ConcurrentHashMap<>();
        List<Runnable> changes = new ArrayList<>();
        for (int i = 0; i < LIFE.length; i++) {
            for (String code : codes) {
                int status = LIFE[i];
                OffsetDateTime at = BASE.plusMinutes(i + 1);
                changes.add(() -> {
                    post(code, status, at);
                    acknowledged.put(code + "|" + DvcqgMapping.dvcqgDate(at.toString()) + "|" + status, Instant.now());
                });
            }
        }
        Instant start = Instant.now();
        if (PACE > 0) {
            paced(changes);
        } else {
            inParallel(changes);
        }
        Instant posted = Instant.now();
        waitAllSynced(codes, Duration.ofMinutes(10));
        Instant done = Instant.now();

        List<Long> lags = new ArrayList<>();
        Instant lastArrival = start;
        for (var entry : acknowledged.entrySet()) {
            Instant arrived = portal.receivedLog().get(entry.getKey()).firstArrivedAt();
            lags.add(Math.max(0, Duration.between(entry.getValue(), arrived).toMillis()));
            lastArrival = arrived.isAfter(lastArrival) ? arrived : lastArrival;
        }
        Collections.sort(lags);
        int events = codes.size() * LIFE.length;
        report("steady", "%d status changes of %d dossiers posted in %d ms (%.0f/s, pace " + PACE + ") by %d threads; all at the portal "
                        + "after %d ms: %.0f status events/s synced; lag p50 %d ms, p99 %d ms, max %d ms",
                events, codes.size(), Duration.between(start, posted).toMillis(),
                events * 1000.0 / Duration.between(start, posted).toMillis(), THREADS,
                Duration.between(start, lastArrival).toMillis(),
                events * 1000.0 / Duration.between(start, lastArrival).toMillis(),
                percentile(lags, 50), percentile(lags, 99), lags.get(lags.size() - 1));
        assertThat(done).isAfter(start);
    }

    @Test
    void outageBacklogDrainTime() throws Exception {
        portal.injectFaults(new Faults(null, 503, null, Instant.now().plus(Duration.ofHours(1)), null));
        Instant outageStart = Instant.now();
        List<String> codes = intake(DOSSIERS, "BENCH-OUTAGE");
        List<Runnable> changes = new ArrayList<>();
        for (String code : codes) {
            changes.add(() -> {
                for (int i = 0; i < LIFE.length; i++) {
                    post(code, LIFE[i], BASE.plusMinutes(i + 1));
                }
            });
        }
        inParallel(changes);
        Instant recovered = Instant.now();
        portal.clearFaults();
        waitAllSynced(codes, Duration.ofMinutes(20));
        Instant drained = Instant.now();

        int events = codes.size() * (1 + LIFE.length);
        long drainMs = Duration.between(recovered, drained).toMillis();
        report("outage", "backlog of %d sync events (%d dossiers) built during a %d s outage drained in %d ms after "
                        + "recovery: %.0f events/s, %.0f dossiers/s; portal calls: %d dossier writes, %d progress steps",
                events, codes.size(), Duration.between(outageStart, recovered).toSeconds(), drainMs,
                events * 1000.0 / drainMs, codes.size() * 1000.0 / drainMs,
                codes.stream().mapToInt(c -> portal.held(c).inserts() + portal.held(c).updates()).sum(),
                portal.receivedLog().totalArrivals());
        assertThat(drainMs).isPositive();
    }

    private List<String> intake(int n, String prefix) throws Exception {
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        List<Runnable> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(() -> {
                // A land-registration dossier with a procedure no sector route matches: it goes to the one-stop
                // system and DVCQG only, so the figures are the sync's, not a sector delivery's.
                var answer = hub.postJson("/api/v1/dossiers", LAND_KEY,
                        Dossiers.citizen(Dossiers.newRef(prefix), UNROUTED_PROCEDURE));
                assertThat(answer.status()).isEqualTo(202);
                codes.add(answer.json().get("dossierCode").asText());
            });
        }
        inParallel(calls);
        return codes;
    }

    private void post(String code, int status, OffsetDateTime at) {
        var answer = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY,
                "{\"status\":%d,\"at\":\"%s\",\"officer\":\"Phạm Đức Anh\"}".formatted(status, at));
        assertThat(answer.status()).isEqualTo(202);
    }

    private void waitAllSynced(List<String> codes, Duration limit) {
        Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(100)).until(() -> codes.stream().allMatch(c -> {
            var held = portal.held(c);
            return held != null && held.status() == 10 && held.progress().size() == LIFE.length;
        }));
    }

    private static void inParallel(List<Runnable> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            calls.forEach(c -> done.add(pool.submit(c)));
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts call i at i / PACE seconds, on a pool, like systems reporting at a steady rate. */
    private static void paced(List<Runnable> calls) throws Exception {
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                done.add(pool.schedule(calls.get(i), i * 1_000_000_000L / PACE, TimeUnit.NANOSECONDS));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private void report(String name, String format, Object... args) {
        System.out.println("BENCHMARK " + name + " (rate limit "
                + env.getProperty("hub.systems.dvcqg.max-requests-per-second")
                + "/s, cores " + Runtime.getRuntime().availableProcessors() + "): " + format.formatted(args));
    }
}
