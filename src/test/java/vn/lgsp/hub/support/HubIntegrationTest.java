package vn.lgsp.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that run the whole hub on real parts: embedded Artemis with a persistent journal, H2 in file mode,
 * Tomcat on a free port, the simulators; the hub calls the simulators over real HTTP. The Spring context (and so
 * the data directory) is shared by every test class with the same configuration, so tests use their own
 * source references and reset the simulators they use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(HubClient.class)
public abstract class HubIntegrationTest {

    protected static final String ONESTOP_KEY = "demo-onestop-key";
    protected static final String LAND_KEY = "demo-sector-land-key";
    protected static final String CIVIL_KEY = "demo-sector-civil-key";
    protected static final String ADMIN_KEY = "demo-admin-key";

    private static final int PORT = freePort();
    private static final Path DATA_DIR = tempDir();

    @Autowired
    protected HubClient hub;

    @DynamicPropertySource
    static void hubOnRealParts(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("hub.data-dir", DATA_DIR::toString);
        // Quick retries so failure scenarios finish in seconds; the policy itself is what is tested.
        registry.add("hub.delivery.initial-delay", () -> "100ms");
        registry.add("hub.delivery.max-delay", () -> "400ms");
        registry.add("hub.delivery.max-redeliveries", () -> "4");
        registry.add("hub.outbox.sweep-interval", () -> "500ms");
        registry.add("hub.outbox.sweep-age", () -> "1s");
        registry.add("hub.delivery.patient.initial-delay", () -> "100ms");
        registry.add("hub.delivery.patient.max-delay", () -> "500ms");
        // The portal's rate limit is lifted in tests; a benchmark may set one with -Dbench.rate=<per second>.
        registry.add("hub.systems.dvcqg.max-requests-per-second", () -> Integer.getInteger("bench.rate", 5000));
    }

    protected static int port() {
        return PORT;
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
}
