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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.console.ConsoleMetrics;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.sectors.LandSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.simulators.support.SimulatorController;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;
import vn.lgsp.hub.support.LoadClient;

/**
 * Faults under load: (1) the one-stop system, DVCQG, the land registration system and the document axis are down
 * together, far longer than the old retry budget (4 retries in tests, ≈ 1 s here; 6 retries ≈ 1 min by default)
 * while clients keep submitting, then come back while they still submit — every item is delivered once and no
 * dead-letter queue gains anything; (2) one poison message among many goes to its flow's dead-letter queue and the
 * others are delivered.
 */
class FaultsUnderLoadProofIT extends HubIntegrationTest {

    /** Patience shortened from 3 days to a minute (3 outages for a longer one): it outlasts the outage. */
    @DynamicPropertySource
    static void patienceOutlastsTheOutage(DynamicPropertyRegistry registry) {
        registry.add("hub.delivery.patience", () -> PATIENCE);
    }

    private static final Pattern GAUGE = Pattern.compile(
            "^(lgsp_delivery_backlog|lgsp_delivery_oldest_seconds)\\{[^}]*system=\"([^\"]+)\"[^}]*} (\\S+)$",
            Pattern.MULTILINE);
    private static final int CLIENTS = 4;
    private static final int AFTER_OUTAGE = Integer.getInteger("proof.outage.items", 40);
    /** Submissions per second while the systems are down (a province's day is far below this). */
    private static final int RATE = Integer.getInteger("proof.outage.rate", 20);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("proof.outage.seconds", 20));
    private static final String PATIENCE = Math.max(60, 3 * OUTAGE.toSeconds()) + "s";
    /** The systems taken down, and the dead-letter queues of their flows. */
    private static final List<String> SYSTEMS = List.of("onestop", "dvcqg", "sector-land", "docaxis");
    private static final List<String> DEAD_LETTER_QUEUES = List.of("lgsp.onestop.dossier.DLQ", "lgsp.dvcqg.sync.DLQ",
            "lgsp.sector.sector-land.DLQ", "lgsp.docaxis.outbound.DLQ", "lgsp.onestop.status.DLQ");

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
    @Autowired
    ConsoleMetrics metrics;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void resetSimulators() {
        portal.reset();
        land.clearFaults();
        land.clearReceived();
        axis.reset();
        assertThat(env.getProperty("hub.delivery.max-redeliveries")).isEqualTo("4");
        assertThat(env.getProperty("hub.delivery.patience")).isEqualTo(PATIENCE);
    }

    @Test
    void fourSystemsDownLongerThanTheOldRetryBudgetUnderLoadThenBackGetEveryItemOnce() throws Exception {
        String dossierForDocuments = dossier(LAND_KEY, "1.001193");
        eventually().until(() -> onestop.receivedLog().get(dossierForDocuments) != null
                && portal.held(dossierForDocuments) != null);
        Map<String, Long> deadBefore = deadLetterCounts();
        Instant down = Instant.now();
        SYSTEMS.forEach(system -> simulator(system).injectFaults(new Faults(null, null, null,
                down.plus(Duration.ofHours(1)), null)));
        // Clients keep submitting: a sector system's dossier (-> one-stop, DVCQG), a dossier the one-stop system
        // routes to land registration (-> land, DVCQG), a document for the document axis, in turn.
        List<String> flows = List.of("onestop", "sector-land", "docaxis");
        Map<String, Queue<String>> keys = Map.of("onestop", new ConcurrentLinkedQueue<>(),
                "sector-land", new ConcurrentLinkedQueue<>(), "docaxis", new ConcurrentLinkedQueue<>());
        LoadClient load = new LoadClient(CLIENTS, 202, (client, i) -> submission(flows.get((int) (i % 3)),
                dossierForDocuments).request(hub.baseUrl()),
                (request, body) -> keys.get(flowOf(request)).add(key(flowOf(request), body))).atRate(RATE);
        load.start();

        Awaitility.await().atMost(OUTAGE.plusSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Duration.between(down, Instant.now()).compareTo(OUTAGE) >= 0);
        long duringOutage = load.succeeded();
        String firstDossier = keys.get("onestop").peek();
        int retriesOfTheFirst = retries(firstDossier, "onestop");
        Map<String, String> gauges = backlogGauges();
        assertThat(keys.get("onestop")).noneMatch(k -> received("onestop", k) > 0);
        assertThat(keys.get("sector-land")).noneMatch(k -> received("sector-land", k) > 0);
        assertThat(keys.get("docaxis")).noneMatch(k -> received("docaxis", k) > 0);

        SYSTEMS.forEach(system -> simulator(system).clearFaults()); // back, while the clients keep submitting
        Instant back = Instant.now();
        long target = load.succeeded() + AFTER_OUTAGE;
        eventually().until(() -> load.succeeded() >= target);
        LoadClient.Result sent = load.stop();
        assertThat(sent.errors()).isZero();

        List<String> toOnestop = List.copyOf(keys.get("onestop"));
        List<String> toLand = List.copyOf(keys.get("sector-land"));
        List<String> documents = List.copyOf(keys.get("docaxis"));
        List<String> toPortal = new ArrayList<>(toOnestop);
        toPortal.addAll(toLand);
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() ->
                toOnestop.stream().allMatch(k -> received("onestop", k) > 0)
                        && toLand.stream().allMatch(k -> received("sector-land", k) > 0)
                        && documents.stream().allMatch(k -> received("docaxis", k) > 0)
                        && toPortal.stream().allMatch(k -> received("dvcqg", k) > 0));
        Duration drained = Duration.between(back, Instant.now());
        assertThat(toOnestop).allSatisfy(k -> assertThat(received("onestop", k)).as(k).isEqualTo(1));
        assertThat(toLand).allSatisfy(k -> assertThat(received("sector-land", k)).as(k).isEqualTo(1));
        assertThat(documents).allSatisfy(k -> assertThat(received("docaxis", k)).as(k).isEqualTo(1));
        assertThat(toPortal).allSatisfy(k -> assertThat(received("dvcqg", k)).as(k).isEqualTo(1));
        assertThat(deadLetterCounts()).as("no dead-letter queue gained anything").isEqualTo(deadBefore);
        // The old policy (hub.delivery.max-redeliveries = 4 here, 6 by default) would have dead-lettered it.
        assertThat(retriesOfTheFirst).as("retries of %s to onestop during the outage", firstDossier)
                .isGreaterThan(6);
        // Operators saw, per system, what waited and for how long.
        for (String system : SYSTEMS) {
            assertThat(Double.parseDouble(gauges.get("lgsp_delivery_backlog:" + system))).as(system).isPositive();
            assertThat(Double.parseDouble(gauges.get("lgsp_delivery_oldest_seconds:" + system))).as(system)
                    .isGreaterThanOrEqualTo(OUTAGE.toSeconds() / 2);
        }
        System.out.printf("Outage of 4 systems for %d s (patience %s): %d items accepted during it, %d in all "
                        + "(%d dossiers to the one-stop system, %d to land registration, %d documents; %d synced to "
                        + "DVCQG), all delivered once %.1f s after the systems came back; the first dossier was "
                        + "retried %d times; 0 dead letters%n", OUTAGE.toSeconds(), PATIENCE, duringOutage,
                sent.requests(), toOnestop.size(), toLand.size(), documents.size(), toPortal.size(), drained.toMillis() / 1000.0,
                retriesOfTheFirst);
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
            // The next call is refused as invalid: a permanent failure, whichever of the items it hits — so no
            // status events of earlier tests (document replies) may still be on their way to the one-stop system.
            eventually().until(() -> axisRepliesTaken() && queueEmpty("lgsp.onestop.status")
                    && queueEmpty("lgsp.onestop.dossier"));
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

    /** Which flow a load request feeds (see {@link #submission}). */
    private static String flowOf(HttpRequest request) {
        if (request.uri().getPath().endsWith("/documents")) {
            return "docaxis";
        }
        return request.headers().firstValue("X-Api-Key").orElse("").equals(ONESTOP_KEY) ? "sector-land" : "onestop";
    }

    /** How many DELIVERY_RETRY entries the dossier's trail holds for the system. */
    private int retries(String dossierCode, String system) {
        int retries = 0;
        for (var entry : hub.get("/api/v1/dossiers/" + dossierCode, ADMIN_KEY).json().path("trail")) {
            if (entry.get("kind").asText().equals("DELIVERY_RETRY") && system.equals(entry.path("system").asText())) {
                retries++;
            }
        }
        return retries;
    }

    /** The per-system backlog gauges as the hub exposes them now ("metric:system" -> value). */
    private Map<String, String> backlogGauges() {
        metrics.refresh();
        Map<String, String> values = new HashMap<>();
        Matcher m = GAUGE.matcher(hub.get("/actuator/prometheus", null).body());
        while (m.find()) {
            values.put(m.group(1) + ":" + m.group(2), m.group(3));
        }
        return values;
    }

    /** Whether the hub has taken every package the document axis holds for it (replies of earlier tests). */
    @SuppressWarnings("unchecked")
    private boolean axisRepliesTaken() {
        return axis.deliveries().values().stream()
                .allMatch(d -> !String.valueOf(((Map<String, Object>) d).get("acknowledged")).isEmpty());
    }

    private boolean queueEmpty(String queue) {
        return jms.browse(queue, (session, browser) -> !browser.getEnumeration().hasMoreElements());
    }

    /** Messages in each dead-letter queue of the flows taken down. */
    private Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new HashMap<>();
        for (String queue : DEAD_LETTER_QUEUES) {
            counts.put(queue, jms.browse(queue, (session, browser) -> (long) Collections.list(browser.getEnumeration())
                    .size()));
        }
        return counts;
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
