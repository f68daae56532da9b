package vn.lgsp.hub.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubClient;
import vn.lgsp.hub.support.HubIntegrationTest;
import vn.lgsp.hub.support.HubProcess;
import vn.lgsp.hub.support.LoadClient;

/**
 * The hub's database goes away under load and comes back: intake answers 503 (never a 202 it cannot keep), and a
 * delivery caught by the outage is rolled back to the broker and completed afterwards, not dead-lettered.
 */
class DatabaseOutageProofIT extends HubIntegrationTest {

    private static final Path DATA = tempDir();
    private static final int PORT = HubProcess.freePort();
    private static EmbeddedPostgres postgres = startPostgres();

    @Autowired
    JmsTemplate jms;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void postgresProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void intakeAnswers503DuringTheOutageAndAnInFlightDeliveryCompletesAfterIt() throws Exception {
        // The one-stop system is slow, so the delivery is still in flight when the database stops.
        onestop.injectFaults(new Faults(null, null, 3000L, null, null));
        long callsBefore = onestop.faultInjector().callsStarted();
        var accepted = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("DBDOWN")));
        assertThat(accepted.status()).isEqualTo(202);
        String code = accepted.json().get("dossierCode").asText();
        eventually().until(() -> onestop.faultInjector().callsStarted() > callsBefore);

        postgres.close();
        long before = System.nanoTime();
        var refused = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("DBDOWN")));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));

        // Under load: while the database is away, no client gets a 202.
        LoadClient duringOutage = submitting(new ConcurrentLinkedQueue<>()).start();
        eventually().until(() -> duringOutage.answered() >= 8);
        LoadClient.Result refusedUnderLoad = duringOutage.stop();
        assertThat(duringOutage.succeeded()).isZero();
        assertThat(refusedUnderLoad.errors()).isEqualTo(refusedUnderLoad.requests());

        // The one-stop system took the dossier, but the hub cannot record it: the delivery fails and is rolled
        // back to the broker. Keep the database down until that has happened at least once.
        double failedBefore = failedDeliveries();
        eventually().until(() -> onestop.receivedLog().get(code) != null);
        onestop.clearFaults();
        eventually().until(() -> failedDeliveries() > failedBefore);
        postgres = startPostgres();

        // While the pool reconnects, the tracking view itself may still answer 503: that is not the question here.
        eventually().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> deliveredTo(code, "onestop"));
        assertThat(onestop.receivedLog().items()).filteredOn(i -> i.key().equals(code)).hasSize(1);
        assertThat(inDeadLetterQueue(code)).isFalse();
        assertThat(hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("DBUP"))).status())
                .isEqualTo(202);

        // And under load again after it: every dossier answered 202 is delivered.
        Queue<String> acceptedAfter = new ConcurrentLinkedQueue<>();
        LoadClient afterOutage = submitting(acceptedAfter).start();
        eventually().until(() -> afterOutage.succeeded() >= 30);
        assertThat(afterOutage.stop().errors()).isZero();
        eventually().atMost(Duration.ofSeconds(60)).until(() -> acceptedAfter.stream()
                .allMatch(c -> onestop.receivedLog().get(c) != null));
    }

    private LoadClient submitting(Queue<String> accepted) {
        return new LoadClient(4, 202, (client, i) -> HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/api/v1/dossiers"))
                .timeout(Duration.ofSeconds(30)).header("X-Api-Key", LAND_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Dossiers.citizen(Dossiers.newRef("DBLOAD")))).build(),
                (request, body) -> accepted.add(new HubClient.Answer(202, body, java.util.Map.of()).json()
                        .get("dossierCode").asText()));
    }

    private double failedDeliveries() {
        return meters.find("camel.exchanges.failed").tag("routeId", "dossier-delivery-to-onestop").counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }

    private boolean inDeadLetterQueue(String code) {
        return Boolean.TRUE.equals(jms.browse("lgsp.onestop.dossier.DLQ", (session, browser) -> {
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                if (code.equals(((jakarta.jms.Message) messages.nextElement()).getStringProperty("hubDossierCode"))) {
                    return true;
                }
            }
            return false;
        }));
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(PORT).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("lgsp-pg-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
