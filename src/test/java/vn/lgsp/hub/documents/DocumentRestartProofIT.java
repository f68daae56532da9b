package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;

/**
 * A SIGKILL between getEdoc and updateStatus: the axis refuses acknowledgements, so every package's effect is
 * committed but none is acknowledged when the hub dies. After the restart every package is fetched again and
 * acknowledged, and none is applied twice.
 */
class DocumentRestartProofIT {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void packagesFetchedButNotAcknowledgedBeforeAKillAreAcknowledgedOnceAfterRestart() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("hub-docaxis-restart", ".log");
        String code;
        try (HubProcess first = HubProcess.start(port, dataDir, log, "--hub.systems.docaxis.poll-interval=200")) {
            call(first, "PUT", "/sim/docaxis/behaviour", "{\"ackDown\":true,\"replyDelayMs\":100}", null);
            code = call(first, "POST", "/api/v1/dossiers", Dossiers.citizen(Dossiers.newRef("DOC-KILL")),
                    "demo-sector-land-key").get("dossierCode").asText();
            call(first, "POST", "/api/v1/dossiers/" + code + "/documents",
                    DocumentRoundTripIT.request("Xin ý kiến trước khi khởi động lại"), "demo-onestop-key");
            String dossier = code;
            // Every effect committed (three statuses, the reply), every package fetched, none acknowledged.
            waitLong().until(() -> count(first, dossier, "DOCUMENT_STATUS") == 3
                    && count(first, dossier, "DOCUMENT_RECEIVED") == 1);
            JsonNode deliveries = call(first, "GET", "/sim/docaxis/deliveries", null, null);
            assertThat(deliveries.size()).isEqualTo(4);
            deliveries.forEach(d -> {
                assertThat(d.get("fetches").asInt()).isGreaterThanOrEqualTo(1);
                assertThat(d.get("acknowledged").asText()).isEmpty();
            });
            first.kill();
        }

        try (HubProcess second = HubProcess.start(port, dataDir, log, "--hub.systems.docaxis.poll-interval=200")) {
            waitLong().until(() -> {
                JsonNode deliveries = call(second, "GET", "/sim/docaxis/deliveries", null, null);
                List<String> acks = new ArrayList<>();
                deliveries.forEach(d -> acks.add(d.get("acknowledged").asText()));
                return acks.size() == 4 && acks.stream().allMatch("done"::equals);
            });
            assertThat(count(second, code, "DOCUMENT_STATUS")).isEqualTo(3);
            assertThat(count(second, code, "DOCUMENT_RECEIVED")).isEqualTo(1);
            assertThat(count(second, code, "DOCUMENT_SENT")).isEqualTo(1);
            JsonNode view = call(second, "GET", "/api/v1/dossiers/" + code, null, "demo-admin-key");
            List<Integer> history = new ArrayList<>();
            view.get("statusHistory").forEach(s -> history.add(s.get("status").asInt()));
            assertThat(history).containsExactly(4, 4, 9);
            long results = 0;
            for (JsonNode d : view.get("dossier").get("documents")) {
                results += "KQ".equals(d.path("code").asText()) ? 1 : 0;
            }
            assertThat(results).isEqualTo(1);
            assertThat(Files.readString(log)).contains("was already processed; acknowledging again");
        }
    }

    static ConditionFactory waitLong() {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions();
    }

    static long count(HubProcess hub, String code, String kind) throws Exception {
        long n = 0;
        for (JsonNode e : call(hub, "GET", "/api/v1/dossiers/" + code, null, "demo-admin-key").get("trail")) {
            n += kind.equals(e.get("kind").asText()) ? 1 : 0;
        }
        return n;
    }

    static JsonNode call(HubProcess hub, String method, String path, String body, String apiKey) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            builder.header("X-Api-Key", apiKey);
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
