package vn.lgsp.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import vn.lgsp.hub.adapters.population.PopulationProperties;
import vn.lgsp.hub.registries.RegistryLookups;
import vn.lgsp.hub.simulators.business.BusinessSimulator;
import vn.lgsp.hub.simulators.onestop.OnestopSimulator;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.population.SyntheticCitizens;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * Lookup latency through the hub (REST → cache/audit → Camel → CXF SOAP → simulator) against calling the
 * simulator's SOAP endpoint directly, and the difference in ms (the lookup overhead); the cache hit ratio under a
 * skewed mix; the enrichment step on the one-stop delivery, with applicants not cached (delivered unverified, the
 * registry asked beside, the verified update following) and cached (delivered verified at once).
 * Not run by Surefire by default: {@code ./mvnw -o -q test -Dtest=RegistryLookupBenchmark}. Figures are printed
 * and written to target/registry-lookup-benchmark.txt. One client thread; the machine is shared, so compare the
 * ratio rather than the absolute values.
 */
@AutoConfigureObservability(tracing = false) // a real meter registry, for the enrichment step's timer
class RegistryLookupBenchmark extends HubIntegrationTest {

    private static final int WARMUP = 100;
    private static final int WARMUP_PASSES = Integer.getInteger("bench.warmup-passes", 3);
    private static final int N = Integer.getInteger("bench.n", 400);

    @Autowired
    PopulationSimulator population;
    @Autowired
    BusinessSimulator business;
    @Autowired
    OnestopSimulator onestop;
    @Autowired
    PopulationProperties gateway;
    @Autowired
    RegistryLookups lookups;
    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private final StringBuilder report = new StringBuilder();
    /** The dossier every lookup names: one of the land system's own, as X-Dossier-Code must be. */
    private String dossier;

    @Test
    void lookupLatencyCacheAndEnrichment() throws Exception {
        population.clearFaults();
        business.clearFaults();
        List<SyntheticCitizens.Person> people = population.citizens().sample(population.citizens().size());
        assertThat(people.size()).isGreaterThanOrEqualTo(WARMUP + N);
        dossier = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("BENCH-LOOKUP")))
                .json().get("dossierCode").asText();

        // Warm both paths (JIT, connection pools, CXF client): the first few hundred calls are several times
        // slower than steady state. Caches are emptied after each pass, so the hub path runs the route each time.
        for (int pass = 0; pass < WARMUP_PASSES; pass++) {
            run(people.size(), i -> direct(people.get(i).personalId()));
            run(people.size(), i -> viaHub(people.get(i).personalId()));
            lookups.clearCaches();
        }

        long[] direct = run(N, i -> direct(people.get(WARMUP + i).personalId()));
        long[] hubMiss = run(N, i -> viaHub(people.get(WARMUP + i).personalId()));
        long[] hubHit = run(N, i -> viaHub(people.get(WARMUP + i).personalId()));
        line("population lookup, %d sequential calls, one client thread", N);
        line("  direct SOAP to simulator     p50 %6.2f ms  p99 %6.2f ms", p(direct, 50), p(direct, 99));
        line("  via hub, cache miss          p50 %6.2f ms  p99 %6.2f ms  overhead p50 x%.2f  p99 x%.2f",
                p(hubMiss, 50), p(hubMiss, 99), p(hubMiss, 50) / p(direct, 50), p(hubMiss, 99) / p(direct, 99));
        line("  lookup overhead of the hub   p50 %+6.2f ms (via hub, cache miss, minus direct)",
                p(hubMiss, 50) - p(direct, 50));
        line("  via hub, cache hit           p50 %6.2f ms  p99 %6.2f ms", p(hubHit, 50), p(hubHit, 99));

        // A realistic mix: officers look up the same few applicants repeatedly while processing their dossiers.
        lookups.clearCaches();
        Map<String, Map<String, Long>> before = lookups.cacheStatistics();
        Random random = new Random(7);
        int pool = 150;
        int mix = 1000;
        run(mix, i -> viaHub(people.get(WARMUP + skewed(random, pool)).personalId()));
        Map<String, Map<String, Long>> after = lookups.cacheStatistics();
        long hits = after.get("population").get("hits") - before.get("population").get("hits");
        long misses = after.get("population").get("misses") - before.get("population").get("misses");
        line("cache under a skewed mix (%d lookups over %d citizens, 80%% on 20%%, TTL %s): hit ratio %.1f%%",
                mix, pool, "2m", 100.0 * hits / (hits + misses));

        // Enrichment on the delivery path, from the step's own timer: first with citizens not cached (delivered
        // unverified at once, the registry asked beside, the update following), then the same citizens again
        // (delivered verified from the cache).
        lookups.clearCaches();
        Timer timer = meters.get("hub.registry.enrichment").timer();
        int dossiers = 100;
        long enriched = 0;
        for (String pass : List.of("not cached", "cached")) {
            long countBefore = timer.count();
            double totalBefore = timer.totalTime(TimeUnit.MILLISECONDS);
            List<String> codes = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < dossiers; i++) {
                String id = people.get(i % people.size()).personalId();
                var receipt = hub.postJson("/api/v1/dossiers", LAND_KEY, """
                        {"procedureCode":"1.001193","agencyCode":"H15.50.05.13","sourceRef":"BENCH-%d-%d",
                         "applicant":{"type":"CITIZEN","personalId":"%s"},"channel":"ONLINE"}
                        """.formatted(start, i, id));
                codes.add(receipt.json().get("dossierCode").asText());
            }
            eventually().until(() -> codes.stream().allMatch(c -> onestop.receivedLog().get(c) != null));
            double delivered = (System.nanoTime() - start) / 1e9;
            long steps = timer.count() - countBefore;
            enriched += steps;
            line("enrichment on delivery, applicants %s: %d dossiers delivered in %.1f s; enrichment step mean "
                    + "%.3f ms per dossier", pass, dossiers, delivered,
                    (timer.totalTime(TimeUnit.MILLISECONDS) - totalBefore) / steps);
            if (pass.equals("not cached")) {
                eventually().until(() -> codes.stream().allMatch(c -> onestop.receivedLog().get(c + ":enriched") != null));
                line("  their verified updates (registry asked beside the delivery) all delivered %.1f s after the "
                        + "first dossier was posted", (System.nanoTime() - start) / 1e9);
            }
        }
        line("enrichment step p50 %.3f ms, p99 %.3f ms over both passes (the step's timer)",
                percentile(timer, 0.5), percentile(timer, 0.99));

        Files.writeString(Path.of("target", "registry-lookup-benchmark.txt"), report.toString());
        assertThat(enriched).isGreaterThanOrEqualTo(2L * dossiers);
    }

    private static double percentile(Timer timer, double p) {
        for (var v : timer.takeSnapshot().percentileValues()) {
            if (v.percentile() == p) {
                return v.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    /** 80% of picks among the first 20% of the pool. */
    private static int skewed(Random random, int pool) {
        int hot = pool / 5;
        return random.nextDouble() < 0.8 ? random.nextInt(hot) : hot + random.nextInt(pool - hot);
    }

    private void direct(String personalId) {
        expectOk(DirectCalls.populationLookup(hub.baseUrl() + "/sim/population/ws", personalId, gateway.username(),
                gateway.password(), gateway.xRoadClient(), gateway.apiKey()));
    }

    private void viaHub(String personalId) {
        expectOk(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/citizens/" + personalId))
                .header("X-Api-Key", LAND_KEY)
                .header("X-Dossier-Code", dossier)
                .header("X-Officer-Id", "bench")
                .GET().build());
    }

    private void expectOk(HttpRequest request) {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long[] run(int n, IntConsumer call) {
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    private static double p(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private void line(String format, Object... args) {
        String text = format.formatted(args);
        System.out.println("[bench] " + text);
        report.append(text).append('\n');
    }
}
