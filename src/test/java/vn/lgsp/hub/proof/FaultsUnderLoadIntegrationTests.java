package vn.lgsp.hub.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.sectors.LandSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.simulators.support.SimulatorController;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;
import vn.lgsp.hub.support.LoadClient;

/**
 * Faults under load, one external system at a time: (1) the system is down while clients keep submitting, then
 * comes back while they still submit — the backlog drains, nothing is lost, nothing arrives twice; (2) one poison
 * message among many goes to its flow's dead-letter queue and the others are delivered.
 */
class FaultsUnderLoadIntegrationTests extends HubIntegrationTest {

    /** The outages here last longer than the base test policy's 8 s of patience; its own limit is tested elsewhere. */
    @DynamicPropertySource
    static void patienceOutlastsTheOutage(DynamicPropertyRegistry registry) {
        registry.add("hub.delivery.patience", () -> "60s");
    }

    private static final int CLIENTS = 4;
    private static final int DURING_OUTAGE = Integer.getInteger("proof.outage.items", 40);

    @Autowired
    DvcqgSimulator portal;
    @Autowired
    LandSimulator land;
    @Autowired
    DocAxisSimulator axis;
    @Autowired
    JmsTemplate jms;
    @Autowired
    Environment env;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void resetSimulators() {
        portal.reset();
        land.clearFaults();
        land.clearReceived();
        axis.reset();
        assertThat(env.getProperty("hub.delivery.patience")).isEqualTo("60s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"onestop", "dvcqg", "sector-land", "docaxis"})
    void aSystemDownUnderLoadThenBackGetsEveryItemOnce(String system) throws Exception {
        String dossierForDocuments = system.equals("docaxis") ? dossier(LAND_KEY, "1.001193") : null;
        simulator(system).injectFaults(new Faults(null, null, null, Instant.now().plus(Duration.ofHours(1)), null));
        Queue<String> keys = new ConcurrentLinkedQueue<>();
        LoadClient load = new LoadClient(CLIENTS, 202, (client, i) -> submission(system, dossierForDocuments).request(
                hub.baseUrl()),
                (request, body) -> keys.add(key(system, body)));
        load.start();
        eventually().until(() -> load.succeeded() >= DURING_OUTAGE);
        assertThat(List.copyOf(keys)).noneMatch(k -> received(system, k) > 0);

        simulator(system).clearFaults(); // back, while the clients keep submitting
        long target = load.succeeded() + DURING_OUTAGE;
        eventually().until(() -> load.succeeded() >= target);
        LoadClient.Result sent = load.stop();
        assertThat(sent.errors()).isZero();

        List<String> accepted = List.copyOf(keys);
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> accepted.stream().allMatch(k -> received(system, k) > 0));
        assertThat(accepted).allSatisfy(k -> assertThat(received(system, k)).as(k).isEqualTo(1));
        assertThat(deadLetters(system)).noneMatch(body -> accepted.stream().anyMatch(body::contains));
    }

    @ParameterizedTest
    @ValueSource(strings = {"onestop", "sector-land", "docaxis", "payment-notice", "dvcqg-status"})
    void aPoisonMessageGoesToItsDeadLetterQueueWithoutStoppingTheOthers(String flow) throws Exception {
        int items = 12;
        List<String> keys;
        if (flow.equals("dvcqg-status")) {
            keys = poisonOneStatusSync(items);
        } else {
            List<String> dossiers = flow.equals("docaxis") || flow.equals("payment-notice")
                    ? IntStream.range(0, items).mapToObj(i -> dossier(LAND_KEY, "1.001193")).toList() : List.of();
            if (!dossiers.isEmpty()) {
                eventually().until(() -> dossiers.stream().allMatch(c -> onestop.receivedLog().get(c) != null));
            }
            // The next call is refused as invalid: a permanent failure, whichever of the items it hits.
            simulator(flow).injectFaults(new Faults(null, 422, null, null, 1));
            keys = Collections.synchronizedList(new ArrayList<>());
            IntStream.range(0, items).parallel().forEach(i -> keys.add(submitOne(flow, dossiers.isEmpty()
                    ? null : dossiers.get(i))));
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                keys.stream().filter(k -> received(flow, k) > 0).count() == items - 1
                        && deadLetters(flow).stream().anyMatch(body -> keys.stream().anyMatch(body::contains)));
        String poisoned = keys.stream().filter(k -> received(flow, k) == 0).findFirst().orElseThrow();
        assertThat(deadLetters(flow)).anyMatch(body -> body.contains(poisoned));
        assertThat(keys).filteredOn(k -> !k.equals(poisoned)).allSatisfy(k -> assertThat(received(flow, k)).isEqualTo(1));
    }

    /** DVCQG: 12 dossiers synced, one poisoned at the portal; a status change of each: 11 synced, 1 dead-lettered. */
    private List<String> poisonOneStatusSync(int items) {
        List<String> codes = IntStream.range(0, items).mapToObj(i -> dossier(LAND_KEY, "1.001193")).toList();
        eventually().until(() -> codes.stream().allMatch(c -> portal.held(c) != null));
        portal.poison(codes.get(items / 2));
        codes.parallelStream().forEach(c -> assertThat(hub.postJson("/api/v1/dossiers/" + c + "/status",
                ONESTOP_KEY, "{\"status\":4,\"at\":\"%s\",\"officer\":\"cb-01\"}".formatted(
                        java.time.OffsetDateTime.now())).status()).isEqualTo(202));
        return codes;
    }

    private String submitOne(String flow, String dossier) {
        if (flow.equals("payment-notice")) {
            var started = hub.postJson("/api/v1/dossiers/" + dossier + "/payments", ONESTOP_KEY, """
                    {"fees":[{"code":"LP01","amount":8000}],"amount":8000,"payer":"Nguyễn Thị Hoà",
                     "returnUrl":"https://dvc.example.vn/thanh-toan/ket-qua","gateway":"payment"}""");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String tx = started.json().get("transactionId").asText();
            assertThat(hub.postJson("/sim/payment/pay/" + tx, null, "{\"outcome\":\"PAID\"}").status()).isEqualTo(200);
            return tx;
        }
        Submission submission = submission(flow, dossier);
        var answer = hub.postJson(submission.path(), submission.apiKey(), submission.body());
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return key(flow, answer.body());
    }

    /** A request to the hub. */
    private record Submission(String path, String apiKey, String body) {
        HttpRequest request(String baseUrl) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    /** One submission feeding the given system. */
    private Submission submission(String system, String dossier) {
        String path = "/api/v1/dossiers";
        String key = LAND_KEY;
        String body = Dossiers.citizen(Dossiers.newRef("FAULT-" + system));
        if (system.equals("sector-land")) {
            key = ONESTOP_KEY; // the one-stop system's land dossiers are routed to the land registration system
            body = Dossiers.citizen(Dossiers.newRef("FAULT-LAND"), "1.004227");
        } else if (system.equals("docaxis")) {
            path = "/api/v1/dossiers/" + dossier + "/documents";
            key = ONESTOP_KEY;
            body = """
                    {"recipients":[{"organId":"H15.50.05.13","name":"Sở Tư pháp tỉnh Hà Giang"}],
                     "subject":"Xin ý kiến phê duyệt hồ sơ","dueDate":"2026-12-15","signer":"Trần Thị Mai"}""";
        }
        return new Submission(path, key, body);
    }

    /** The key the system's simulator files an item under, from the hub's 202 answer. */
    private String key(String system, String answer) {
        try {
            var receipt = json.readTree(answer);
            return system.equals("docaxis") ? receipt.get("documentId").asText() : receipt.get("dossierCode").asText();
        } catch (Exception e) {
            throw new IllegalStateException(answer, e);
        }
    }

    /**
     * How many times the system received the item: for DVCQG how many times the dossier was created there
     * ("dvcqg") or whether its status change arrived ("dvcqg-status").
     */
    private int received(String system, String key) {
        return switch (system) {
            case "dvcqg" -> portal.held(key) == null ? 0 : portal.held(key).inserts();
            case "dvcqg-status" -> portal.held(key) != null && portal.held(key).status() == 4 ? 1 : 0;
            case "sector-land" -> arrivals(land, key);
            case "docaxis" -> arrivals(axis, key);
            case "payment-notice" -> (int) onestop.receivedLog().items().stream()
                    .filter(i -> key.equals(i.body().path("transactionId").asText())).mapToInt(i -> i.arrivals()).sum();
            default -> arrivals(onestop, key);
        };
    }

    private static int arrivals(SimulatorController<?> simulator, String key) {
        var item = simulator.receivedLog().get(key);
        return item == null ? 0 : item.arrivals();
    }

    private SimulatorController<?> simulator(String system) {
        return switch (system) {
            case "dvcqg" -> portal;
            case "sector-land" -> land;
            case "docaxis" -> axis;
            default -> onestop;
        };
    }

    private List<String> deadLetters(String flow) {
        String queue = switch (flow) {
            case "dvcqg", "dvcqg-status" -> "lgsp.dvcqg.sync.DLQ";
            case "sector-land" -> "lgsp.sector.sector-land.DLQ";
            case "docaxis" -> "lgsp.docaxis.outbound.DLQ";
            case "payment-notice" -> "lgsp.onestop.payment.DLQ";
            default -> "lgsp.onestop.dossier.DLQ";
        };
        return jms.browse(queue, (session, browser) -> {
            List<String> bodies = new ArrayList<>();
            var messages = browser.getEnumeration();
            while (messages.hasMoreElements()) {
                Message message = (Message) messages.nextElement();
                bodies.add(message.getStringProperty("hubDossierCode") + " " + message.getBody(String.class));
            }
            return bodies;
        });
    }

    private String dossier(String apiKey, String procedure) {
        var answer = hub.postJson("/api/v1/dossiers", apiKey, Dossiers.citizen(Dossiers.newRef("FAULT"), procedure));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }
}
