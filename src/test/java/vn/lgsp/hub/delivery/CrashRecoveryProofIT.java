package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;

/**
 * Durability: dossiers acknowledged with 202 survive a SIGKILL of the hub (journal and database on disk) and are
 * delivered exactly once after the restart.
 */
class CrashRecoveryProofIT {

    private static final int DOSSIERS = 20;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void dossiersAcceptedBeforeAKillAreDeliveredOnceAfterRestart() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("hub-crash", ".log");
        List<String> codes = new ArrayList<>();

        try (HubProcess first = HubProcess.start(port, dataDir, log)) {
            // The one-stop system is down: nothing can be delivered before the crash.
            send(first, "PUT", "/sim/onestop/faults", "{\"downUntil\":\"2999-01-01T00:00:00Z\"}", null);
            for (int i = 0; i < DOSSIERS; i++) {
                JsonNode receipt = send(first, "POST", "/api/v1/dossiers",
                        Dossiers.citizen(Dossiers.newRef("CRASH")), "demo-sector-land-key");
                assertThat(receipt.get("state").asText()).isEqualTo("ACCEPTED");
                codes.add(receipt.get("dossierCode").asText());
            }
            assertThat(send(first, "GET", "/sim/onestop/received", null, null).get("items")).isEmpty();
            first.kill();
        }

        try (HubProcess second = HubProcess.start(port, dataDir, log)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                    () -> arrivals(second).keySet().containsAll(codes));
            Map<String, Integer> arrivals = arrivals(second);
            assertThat(arrivals).hasSize(DOSSIERS);
            assertThat(arrivals.values()).allMatch(n -> n == 1);
            for (String code : codes) {
                assertThat(send(second, "GET", "/api/v1/dossiers/" + code, null, "demo-sector-land-key")
                        .get("trail").toString()).contains("\"kind\":\"DELIVERED\",\"system\":\"onestop\"");
            }
        }
    }

    private Map<String, Integer> arrivals(HubProcess hub) throws Exception {
        Map<String, Integer> arrivals = new HashMap<>();
        send(hub, "GET", "/sim/onestop/received", null, null).get("items")
                .forEach(item -> arrivals.put(item.get("key").asText(), item.get("arrivals").asInt()));
        return arrivals;
    }

    private JsonNode send(HubProcess hub, String method, String path, String body, String apiKey) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            builder.header("X-Api-Key", apiKey);
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    private static int freePort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
