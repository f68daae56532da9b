package vn.lgsp.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.simulators.onestop.OnestopSimulator;

/**
 * Base of tests that run the whole hub on real parts: embedded Artemis with a persistent journal, H2 in file mode,
 * Tomcat on a free port, the simulators; the hub calls the simulators over real HTTP. The Spring context (and so
 * the data directory) is shared by every test class with the same configuration, so tests use their own
 * source references and reset the simulators they use.
 */
// Settings a subclass may override with its own @DynamicPropertySource (which would lose to the ones below).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"hub.delivery.max-redeliveries=4", "hub.delivery.patience=8s"})
@Import(HubClient.class)
@AutoConfigureObservability
public abstract class HubIntegrationTest {

    protected static final String ONESTOP_KEY = "demo-onestop-key";
    protected static final String LAND_KEY = "demo-sector-land-key";
    protected static final String CIVIL_KEY = "demo-sector-civil-key";
    protected static final String ADMIN_KEY = "demo-admin-key";

    @Autowired
    protected HubClient hub;

    @Autowired
    protected OnestopSimulator onestop;

    /** Each test starts with a one-stop simulator that has received nothing and injects no fault. */
    @BeforeEach
    void resetOnestopSimulator() {
        onestop.clearFaults();
        onestop.clearReceived();
    }

    /**
     * Called once per Spring context: every context (a subclass with other properties makes another one) gets its
     * own port and data directory, since a cached context keeps its broker journal locked and its port bound.
     */
    @DynamicPropertySource
    static void hubOnRealParts(DynamicPropertyRegistry registry) {
        int port = freePort();
        String dataDir = tempDir().toString();
        registry.add("server.port", () -> port);
        registry.add("hub.data-dir", () -> dataDir);
        // Quick retries so failure scenarios finish in seconds; the policy itself is what is tested. A system failing
        // for good is dead-lettered after 8 s of patience instead of 3 days (above; outage tests set a longer one).
        registry.add("hub.delivery.initial-delay", () -> "100ms");
        registry.add("hub.delivery.max-delay", () -> "400ms");
        registry.add("hub.outbox.sweep-interval", () -> "500ms");
        registry.add("hub.outbox.sweep-age", () -> "1s");
        // Registry outages recover in about a second: short circuit-breaker wait, quick re-verification sweep.
        registry.add("hub.systems.population.circuit.wait-in-open-seconds", () -> "1");
        registry.add("hub.systems.business.circuit.wait-in-open-seconds", () -> "1");
        registry.add("hub.registries.reverification.interval", () -> "300");
        registry.add("hub.registries.reverification.initial-backoff", () -> "300ms");
        registry.add("hub.registries.reverification.max-backoff", () -> "1s");
        // The portal's rate limit is lifted in tests; a benchmark may set one with -Dbench.rate=<per second>.
        registry.add("hub.systems.dvcqg.max-requests-per-second", () -> Integer.getInteger("bench.rate", 5000));
        // The labour poller and the routing table react within a fraction of a second.
        registry.add("hub.systems.sector-labour.poll-interval", () -> "250");
        registry.add("hub.routing.reload-check", () -> "200ms");
        // The scheduled catalogue refresh runs a second after start-up (then every refresh-interval), on demand after.
        registry.add("hub.systems.procedures.first-refresh-delay", () -> "1s");
    }

    /** Whether the dossier's trail records a confirmed delivery to the given system (onestop, dvcqg, ...). */
    protected boolean deliveredTo(String dossierCode, String system) {
        return trailHas(dossierCode, "DELIVERED", system);
    }

    /** Whether the dossier's trail has an entry of this kind for this system. */
    protected boolean trailHas(String dossierCode, String kind, String system) {
        var view = hub.get("/api/v1/dossiers/" + dossierCode, ADMIN_KEY);
        if (view.status() != 200) {
            return false; // not readable yet (e.g. the database is still coming back)
        }
        for (var entry : view.json().path("trail")) {
            if (entry.get("kind").asText().equals(kind) && system.equals(entry.path("system").asText())) {
                return true;
            }
        }
        return false;
    }

    protected static ConditionFactory eventually() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lgsp-hub-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The statuses the one-stop system was told of for this dossier by the systems that process it. */
    protected List<Integer> statusesAtOnestop(String code) {
        return onestop.receivedLog().items().stream()
                .filter(i -> i.body().path("dossierCode").asText().equals(code) && i.body().has("reportedBy"))
                .map(i -> i.body().get("status").asInt()).toList();
    }

    /** The dossier's status history, oldest first, as the API shows it. */
    protected List<Integer> history(String code) {
        List<Integer> statuses = new ArrayList<>();
        hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json().path("statusHistory")
                .forEach(s -> statuses.add(s.get("status").asInt()));
        return statuses;
    }
}
