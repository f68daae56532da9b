package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.adapters.payment.PaymentSignatures;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;

/**
 * SIGKILL of the hub right after it acknowledged a verified payment notification and before the status event
 * reached the one-stop system (which is down): after the restart on the same data directory the dossier is paid,
 * the one-stop system gets the payment notice exactly once, and the gateway's repeated notification is answered
 * "already confirmed" without a second effect. (The window before the commit: PaymentCrashIT.)
 */
class PaymentKillProofIT {

    private static final String BANK_SECRET = "demo-bank-hash-secret"; // application-demo.yml
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void paymentAcknowledgedBeforeAKillIsAppliedOnceAfterRestart() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("hub-payment-kill", ".log");
        String code;
        String tx;
        try (HubProcess first = HubProcess.start(port, dataDir, log)) {
            send(first, "PUT", "/sim/onestop/faults", "{\"downUntil\":\"2999-01-01T00:00:00Z\"}", null);
            code = send(first, "POST", "/api/v1/dossiers", Dossiers.citizen(Dossiers.newRef("PAY-KILL")),
                    "demo-onestop-key").get("dossierCode").asText();
            JsonNode started = send(first, "POST", "/api/v1/dossiers/" + code + "/payments", PaymentTest.request("bank"),
                    "demo-onestop-key");
            tx = started.get("transactionId").asText();
            String page = started.get("paymentUrl").asText().substring(first.baseUrl().length());
            sendRaw(first, "GET", page, null, null);
            send(first, "POST", "/sim/bank/pay/" + tx, "{\"outcome\":\"PAID\"}", null);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                    () -> send(first, "GET", "/sim/bank/notifications", null, null).toString().contains("\"00\""));
            first.kill();
        }

        try (HubProcess second = HubProcess.start(port, dataDir, log)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(
                    () -> noticesOf(second, tx).size() == 1);
            assertThat(noticesOf(second, tx).get(0).get("arrivals").asInt()).isEqualTo(1);
            assertThat(send(second, "GET", "/api/v1/dossiers/" + code + "/payments", null, "demo-onestop-key")
                    .get(0).get("state").asText()).isEqualTo("PAID");

            // The gateway sends the notification again: acknowledged, no second effect.
            Map<String, String> ipn = new TreeMap<>(Map.of("vnp_Amount", "800000", "vnp_ResponseCode", "00",
                    "vnp_TmnCode", "LGSPHG01", "vnp_TransactionNo", "1", "vnp_TransactionStatus", "00",
                    "vnp_TxnRef", tx));
            String query = PaymentSignatures.bankSignedData(ipn);
            assertThat(send(second, "GET", "/api/v1/payments/callbacks/bank?" + query + "&vnp_SecureHash="
                    + PaymentSignatures.hmacSha512(BANK_SECRET, query), null, null).get("RspCode").asText())
                    .isEqualTo("02");

            JsonNode dossier = send(second, "GET", "/api/v1/dossiers/" + code, null, "demo-onestop-key");
            assertThat(dossier.toString()).contains("\"onlinePayment\":2");
            long confirmed = 0;
            for (JsonNode entry : dossier.get("trail")) {
                confirmed += entry.get("kind").asText().equals("PAYMENT_CONFIRMED") ? 1 : 0;
            }
            assertThat(confirmed).isEqualTo(1);
            assertThat(noticesOf(second, tx)).hasSize(1);
        }
    }

    private List<JsonNode> noticesOf(HubProcess hub, String tx) throws Exception {
        List<JsonNode> notices = new ArrayList<>();
        send(hub, "GET", "/sim/onestop/received", null, null).get("items").forEach(item -> {
            if (tx.equals(item.path("body").path("transactionId").asText())) {
                notices.add(item);
            }
        });
        return notices;
    }

    private JsonNode send(HubProcess hub, String method, String path, String body, String apiKey) throws Exception {
        return json.readTree(sendRaw(hub, method, path, body, apiKey));
    }

    private String sendRaw(HubProcess hub, String method, String path, String body, String apiKey) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            builder.header("X-Api-Key", apiKey);
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return response.body();
    }
}
