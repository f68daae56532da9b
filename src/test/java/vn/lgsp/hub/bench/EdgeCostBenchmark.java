package vn.lgsp.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.ProblemWriter;
import vn.lgsp.hub.security.AccessAudit;
import vn.lgsp.hub.security.ApiKeys;
import vn.lgsp.hub.security.ClientRegistry;
import vn.lgsp.hub.security.RateLimits;
import vn.lgsp.hub.security.SecurityProperties;

/**
 * What each step of the edge costs a request, in process and single-threaded: the API-key check (the demo clients'
 * registry of application-demo.yml), the rate limit, the refusal audit (its counters, sampling and queue, with its
 * writer storing into an in-memory H2 meanwhile) and a problem detail written into an in-memory response. Each call
 * is timed on its own after a warm-up; the table gives the mean, p50 and p99 in microseconds. The "earlier way" rows
 * time the key check as it was done before (a regex and a SHA-256 for every stored hash of every system), for
 * comparison on the same machine and run.
 * Not run by default: {@code ./mvnw -B -o -Pbench verify -Dtest=EdgeCostBenchmark} (settings: bench.calls, 200,000
 * timed calls per row, after as many untimed). Printed and written to target/edge-cost-benchmark.txt. The machine
 * is shared: a p99 picks up the other processes' preemptions, the mean and p50 much less.
 */
class EdgeCostBenchmark {

    private static final int CALLS = Integer.getInteger("bench.calls", 200_000);
    private static final String VALID_KEY = "demo-sector-land-key";
    private static final String UNKNOWN_KEY = "a-key-nobody-was-given-0123456789";
    private static final String PATH = "/api/v1/dossiers";

    /** What the timed calls return, kept so the JIT cannot drop them. */
    private long sink;

    private record Row(String call, double mean, double p50, double p99) {
    }

    @FunctionalInterface
    private interface Call {
        Object run() throws Exception;
    }

    @Test
    void edgeCosts() throws Exception {
        HubProperties demo = demoClients();
        ClientRegistry registry = new ClientRegistry(demo);
        assertThat(registry.authenticate(VALID_KEY)).isPresent();
        assertThat(registry.authenticate(UNKNOWN_KEY)).isEmpty();
        List<String> storedHashes = demo.clients().values().stream().flatMap(c -> c.apiKeyHashes().stream()).toList();

        // Limits lifted, as in bench/intake.sh: the check, not the refusal, is what every request pays.
        var lifted = new SecurityProperties(null, new SecurityProperties.RateLimitDefaults(1e9, 1_000_000_000, 0L),
                null, null, null, null);
        RateLimits limits = new RateLimits(demo, lifted);

        DriverManagerDataSource store = new DriverManagerDataSource("jdbc:h2:mem:edge-cost;DB_CLOSE_DELAY=-1");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V7__access_refusals.sql"),
                new ClassPathResource("db/migration/V20__access_refusal_status.sql")).execute(store);
        // The kept refusals' WARN lines (at most records-per-second a caller) would fill this output.
        Logger auditLog = (Logger) LoggerFactory.getLogger(AccessAudit.class);
        Level level = auditLog.getLevel();
        auditLog.setLevel(Level.ERROR);
        var audit = new AccessAudit(JdbcClient.create(store), new JdbcTemplate(store), new SimpleMeterRegistry(),
                10_000, 100);

        ObjectMapper json = Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        ProblemWriter problems = new ProblemWriter(json);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", PATH);
        String why = "The X-Api-Key header or a bearer token is missing";

        List<Row> rows = new ArrayList<>();
        try {
            rows.add(time("key check, valid key", () -> registry.authenticate(VALID_KEY)));
            rows.add(time("key check, unknown key", () -> registry.authenticate(UNKNOWN_KEY)));
            rows.add(time("  earlier way: every stored hash, valid key", () -> scan(storedHashes, VALID_KEY)));
            rows.add(time("  earlier way: every stored hash, unknown key", () -> scan(storedHashes, UNKNOWN_KEY)));
            rows.add(time("rate limit check (allowed)", () -> limits.acquire("sector-land")));
            rows.add(time("AccessAudit.refused, one caller's flood (100 a second kept)", () -> {
                audit.refused(401, "anonymous", "-", "POST", PATH, why);
                return null;
            }));
            rows.add(timeWriting("problem writing (401) into an in-memory response",
                    response -> problems.write(request, response, ErrorCode.UNAUTHENTICATED, why)));
        } finally {
            audit.close();
            auditLog.setLevel(level);
        }

        String table = table(rows, storedHashes.size(), registry.all().size());
        System.out.println(table);
        Path out = Path.of("target", "edge-cost-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    /** hub.clients of application-demo.yml, bound as the application binds them. */
    private static HubProperties demoClients() throws IOException {
        var yaml = new YamlPropertySourceLoader().load("demo", new ClassPathResource("application-demo.yml"));
        Map<String, HubProperties.Client> clients = new Binder(ConfigurationPropertySources.from(yaml))
                .bind("hub.clients", Bindable.mapOf(String.class, HubProperties.Client.class)).get();
        return new HubProperties(null, null, null, null, null, null, null, Map.of(), null, clients);
    }

    /** The key check as it was: a regex and a SHA-256 for each stored hash until one matches. */
    private static boolean scan(List<String> storedHashes, String key) {
        for (String stored : storedHashes) {
            if (ApiKeys.matches(stored, key)) {
                return true;
            }
        }
        return false;
    }

    private Row time(String name, Call call) throws Exception {
        for (int i = 0; i < CALLS; i++) {
            sink += System.identityHashCode(call.run());
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            Object result = call.run();
            nanos[i] = System.nanoTime() - start;
            sink += System.identityHashCode(result);
        }
        return row(name, nanos);
    }

    @FunctionalInterface
    private interface Writing {
        void into(MockHttpServletResponse response) throws Exception;
    }

    /** Times writing into a fresh response each time; making the response is not timed. */
    private Row timeWriting(String name, Writing writing) throws Exception {
        long[] nanos = new long[CALLS];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < CALLS; i++) {
                MockHttpServletResponse response = new MockHttpServletResponse();
                long start = System.nanoTime();
                writing.into(response);
                nanos[i] = System.nanoTime() - start;
                sink += response.getContentAsByteArray().length;
            }
        }
        return row(name, nanos);
    }

    private static Row row(String name, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double micros = TimeUnit.MICROSECONDS.toNanos(1);
        return new Row(name, Arrays.stream(nanos).average().orElse(0) / micros,
                sorted[sorted.length / 2] / micros, sorted[(int) (sorted.length * 0.99)] / micros);
    }

    private String table(List<Row> rows, int storedHashes, int systems) {
        StringBuilder t = new StringBuilder(String.format("%nEdge cost per call, in process, one thread, %,d timed calls "
                + "per row after as many untimed; demo registry: %d systems, %d stored key hashes (checksum %d)%n%n",
                CALLS, systems, storedHashes, sink & 0xff));
        t.append(String.format("| %-62s | %9s | %8s | %8s |%n", "call", "mean µs", "p50 µs", "p99 µs"));
        t.append(String.format("|%s|%s|%s|%s|%n", "-".repeat(64), "-".repeat(11), "-".repeat(10), "-".repeat(10)));
        for (Row r : rows) {
            t.append(String.format("| %-62s | %9.2f | %8.2f | %8.2f |%n", r.call(), r.mean(), r.p50(), r.p99()));
        }
        return t.toString();
    }
}
