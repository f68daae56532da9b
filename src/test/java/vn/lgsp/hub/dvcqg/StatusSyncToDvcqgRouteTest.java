package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.adapters.dvcqg.DvcqgMapping;
import vn.lgsp.hub.adapters.dvcqg.DvcqgProperties;
import vn.lgsp.hub.adapters.dvcqg.DvcqgSession;
import vn.lgsp.hub.delivery.DeadLetters;
import vn.lgsp.hub.delivery.DeliveryPatience;
import vn.lgsp.hub.delivery.GuaranteedDeliveryConfiguration;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.statuses.DvcqgStatusTable;
import vn.lgsp.hub.support.YamlRoutes;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The DVCQG sync routes as loaded from {@code routes/dvcqg/}, under the real {@code guaranteed-delivery} policy, with
 * the portal's HTTP endpoints replaced by a scripted portal. Per dossier: the calls go TraCuuHoSo -> DongBoHoSoMC ->
 * CapNhatTienDoHoSoMC, a 503 is retried from the lookup, a 400 or a rejecting {@code error_code} is dead-lettered at
 * once. In batches: the consumer only queues, a batch of new dossiers is one DongBoHoSoMC and one
 * CapNhatTienDoHoSoMC, a failing batch call hands each dossier to the per-dossier sync. The sync's decisions are
 * stand-ins here (they have their own tests against the simulator and the database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusSyncToDvcqgRouteTest {

    private static final String CODE = "H15.50.05.13-261008-0975";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    /** Dossiers whose DongBoHoSoMC the portal rejects as invalid data (the whole call, as it answers). */
    private final Set<String> invalid = ConcurrentHashMap.newKeySet();
    private final BatchDecisions batches = new BatchDecisions();
    private final AtomicInteger recorded = new AtomicInteger();
    /** The portal's answer to each call, by service ("login" for the login); null means error_code 0. */
    private volatile Function<String, Object> script = service -> null;
    private DefaultCamelContext camel;

    @BeforeEach
    void resetPortal() {
        calls.clear();
        requests.clear();
        invalid.clear();
        batches.reset();
        recorded.set(0);
        script = service -> null;
        MockEndpoint.resetMocks(camel);
        // Each test starts without a session, as after a start.
        camel.getRegistry().lookupByNameAndType("dvcqgSession", DvcqgSession.class).forget();
    }

    @BeforeAll
    void startRoutes() throws Exception {
        Map<String, String> placeholders = Map.of("hub.queues.dvcqg-sync", "lgsp.dvcqg.sync",
                "hub.systems.dvcqg.consumers", "1", "hub.systems.dvcqg.max-requests-per-second", "1000",
                "hub.systems.dvcqg.dstcode", "H15-LGSP", "hub.systems.dvcqg.base-url", "http://127.0.0.1:9",
                "hub.systems.dvcqg.integration-path", "/api/integration",
                "hub.systems.dvcqg.auth-path", "/api/auth/login",
                "hub.systems.dvcqg.connect-timeout", "100ms", "hub.systems.dvcqg.response-timeout", "100ms");
        placeholders = new java.util.HashMap<>(placeholders);
        placeholders.putAll(Map.of("hub.systems.dvcqg.batch-size", "50", "hub.systems.dvcqg.batch-interval", "1h"));
        DvcqgProperties portal = new DvcqgProperties("http://127.0.0.1:9", "/api/auth/login", "/api/integration",
                "H15-LGSP", "lgsp", "secret", "H15", Duration.ofMillis(100), Duration.ofMillis(100), 1, 1000, 50,
                Duration.ofHours(1), List.of(2), List.of(3, 99), null);
        List<String> routes;
        try (Stream<Path> files = Files.list(Path.of("routes/dvcqg"))) {
            routes = files.map(f -> "dvcqg/" + f.getFileName())
                    .filter(f -> !f.startsWith("dvcqg/dossiers-reconcile")).sorted().toList();
        }
        camel = YamlRoutes.load(placeholders, Map.of("dvcqgSession", new DvcqgSession(portal, JSON),
                "dvcqgMapping", new DvcqgMapping("file:mappings", new DvcqgStatusTable("file:mappings"), JSON),
                "dvcqgSync", new Decisions(), "dvcqgBatch", batches), routes.toArray(String[]::new));
        // The dead-letter queue becomes a mock endpoint.
        camel.addComponent("jms", new MockComponent());
        HubProperties hub = new HubProperties(null, null, null, null, new HubProperties.Delivery(2, Duration.ofMillis(1),
                1.0, Duration.ofMillis(5), 0, Duration.ofSeconds(30)), null, null, null, null, null);
        // No database here: the patience clock runs in memory, as it does when the database is away.
        JdbcClient noDatabase = mock(JdbcClient.class, invocation -> {
            throw new DataAccessResourceFailureException("no database in a route test");
        });
        camel.addRoutes(new GuaranteedDeliveryConfiguration(hub, new DeadLetters(mock(DossierTrail.class)),
                new DeliveryPatience(hub, noDatabase)));
        AdviceWith.adviceWith(camel, "status-sync-to-dvcqg", a -> a.replaceFromWith("direct:sync-event"));
        AdviceWith.adviceWith(camel, "dvcqg-sync-batch", a -> a.replaceFromWith("direct:batch"));
        for (String route : List.of("dvcqg-post", "dvcqg-login")) {
            AdviceWith.adviceWith(camel, route, a -> a.interceptSendToEndpoint("http://127.0.0.1:9/*")
                    .skipSendToOriginalEndpoint().process(this::portal));
        }
        camel.start();
    }

    @AfterAll
    void stopRoutes() {
        camel.stop();
    }

    @Test
    void theSyncLooksUpThenSyncsTheDossierThenItsProgress() throws Exception {
        send();

        assertThat(calls).containsExactly("login", "TraCuuHoSo", "DongBoHoSoMC", "CapNhatTienDoHoSoMC");
        assertThat(recorded).hasValue(1);
        assertThat(deadLettered()).isEmpty();
    }

    @Test
    void aPortalAnswering503IsRetriedFromTheLookup() throws Exception {
        AtomicInteger syncs = new AtomicInteger();
        script = service -> "DongBoHoSoMC".equals(service) && syncs.incrementAndGet() == 1 ? 503 : null;
        send();

        assertThat(calls).containsExactly("login", "TraCuuHoSo", "DongBoHoSoMC", "TraCuuHoSo", "DongBoHoSoMC",
                "CapNhatTienDoHoSoMC");
        assertThat(recorded).hasValue(1);
        assertThat(deadLettered()).isEmpty();
    }

    @Test
    void aPortalAnswering400IsDeadLetteredAtOnce() throws Exception {
        script = service -> "DongBoHoSoMC".equals(service) ? 400 : null;
        send();

        assertThat(calls).containsExactly("login", "TraCuuHoSo", "DongBoHoSoMC");
        assertThat(recorded).hasValue(0);
        assertThat(deadLettered()).singleElement().satisfies(m -> {
            assertThat(m.getHeader(MessageHeaders.DOSSIER_CODE)).isEqualTo(CODE);
            assertThat(m.getHeader(MessageHeaders.DEAD_LETTER_REASON, String.class))
                    .startsWith("HTTP 400 from http://127.0.0.1:9/api/integration");
        });
    }

    @Test
    void anErrorCodeThatRejectsTheDataIsDeadLetteredAndOneThatSaysTryLaterIsRetried() throws Exception {
        AtomicInteger syncs = new AtomicInteger();
        script = service -> switch (service) {
            case "DongBoHoSoMC" -> syncs.incrementAndGet() == 1
                    ? Map.of("error_code", 99, "message", "Hệ thống đang bận") : null;
            case "CapNhatTienDoHoSoMC" -> Map.of("error_code", 1, "message", "Dữ liệu tiến độ không hợp lệ");
            default -> null;
        };
        send();

        assertThat(calls).containsExactly("login", "TraCuuHoSo", "DongBoHoSoMC", "TraCuuHoSo", "DongBoHoSoMC",
                "CapNhatTienDoHoSoMC");
        assertThat(deadLettered()).singleElement().satisfies(m -> assertThat(
                m.getHeader(MessageHeaders.DEAD_LETTER_REASON, String.class)).contains("CapNhatTienDoHoSoMC")
                .contains("error_code 1").contains("không hợp lệ"));
    }

    @Test
    void anExpiredSessionLogsInAgainAndRepeatsTheCallOnce() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        script = service -> "TraCuuHoSo".equals(service) && lookups.incrementAndGet() == 1
                ? Map.of("error_code", 2, "message", "Phiên làm việc đã hết hạn") : null;

        send();

        assertThat(calls).containsExactly("login", "TraCuuHoSo", "login", "TraCuuHoSo", "DongBoHoSoMC",
                "CapNhatTienDoHoSoMC");
        assertThat(recorded).hasValue(1);
    }

    @Test
    void theConsumerOnlyQueuesAndABatchOfNewDossiersIsOneInsertAndOneProgressCallWithoutLookups() throws Exception {
        batches.on = true;
        List<String> codes = List.of(CODE, CODE + "1", CODE + "2");
        codes.forEach(this::send);
        assertThat(calls).isEmpty();

        runBatch();

        assertThat(calls).containsExactly("login", "DongBoHoSoMC", "CapNhatTienDoHoSoMC");
        assertThat(requests.get(1).path("isUpdating").asText()).isEqualTo("False");
        assertThat(requests.get(1).path("data").findValuesAsText("MaHoSo")).containsExactlyElementsOf(codes);
        assertThat(requests.get(2).path("data").findValuesAsText("MaHoSo")).containsExactlyElementsOf(codes);
        assertThat(batches.recorded).containsExactlyElementsOf(codes);
        assertThat(batches.handedOver).isEmpty();
    }

    @Test
    void aBatchCallThatFailsHandsEachDossierToThePerDossierSync() throws Exception {
        batches.on = true;
        AtomicInteger syncs = new AtomicInteger();
        script = service -> "DongBoHoSoMC".equals(service) && syncs.incrementAndGet() == 1 ? 503 : null;
        List<String> codes = List.of(CODE, CODE + "1");
        codes.forEach(this::send);

        runBatch();

        assertThat(calls).containsExactly("login", "DongBoHoSoMC");
        assertThat(batches.handedOver).containsExactlyElementsOf(codes);
        assertThat(batches.recorded).isEmpty();
        calls.clear();
        handOver();
        assertThat(calls).containsExactly("TraCuuHoSo", "DongBoHoSoMC", "CapNhatTienDoHoSoMC",
                "TraCuuHoSo", "DongBoHoSoMC", "CapNhatTienDoHoSoMC");
        assertThat(recorded).hasValue(2);
        assertThat(deadLettered()).isEmpty();
    }

    @Test
    void aDossierThePortalRejectsEndsInTheDeadLetterQueueWithItsReasonAndTheOthersOfItsBatchAreSynced() throws Exception {
        batches.on = true;
        String poison = CODE + "9";
        invalid.add(poison);
        List<String> codes = List.of(CODE, poison, CODE + "1");
        codes.forEach(this::send);

        runBatch();
        assertThat(batches.handedOver).containsExactlyElementsOf(codes);
        handOver();

        assertThat(recorded).hasValue(2);
        assertThat(deadLettered()).singleElement().satisfies(m -> {
            assertThat(m.getHeader(MessageHeaders.DOSSIER_CODE)).isEqualTo(poison);
            assertThat(m.getHeader(MessageHeaders.DEAD_LETTER_REASON, String.class)).contains("DongBoHoSoMC")
                    .contains("error_code 1").contains(poison);
        });
    }

    private void send() {
        send(CODE);
    }

    private void send(String code) {
        camel.createProducerTemplate().sendBodyAndHeader("direct:sync-event", code, MessageHeaders.DOSSIER_CODE, code);
    }

    private void runBatch() {
        camel.createProducerTemplate().sendBody("direct:batch", null);
    }

    /** What the outbox does with the batch's hand-overs: one event each on the sync queue. */
    private void handOver() {
        batches.handedOver.forEach(code -> camel.createProducerTemplate().sendBodyAndHeaders("direct:sync-event", code,
                Map.of(MessageHeaders.DOSSIER_CODE, code, MessageHeaders.EVENT_TYPE, DvcqgBatchSync.HANDED_OVER)));
    }

    /**
     * What reached the dead-letter queue: a mock here; the policy's dynamic JMS endpoint names the queue in a
     * header, as camel-jms reads it.
     */
    private List<Message> deadLettered() {
        return camel.getEndpoints().stream().filter(e -> e instanceof MockEndpoint)
                .flatMap(e -> ((MockEndpoint) e).getReceivedExchanges().stream()).map(Exchange::getMessage)
                .filter(m -> "lgsp.status-sync-to-dvcqg.DLQ".equals(m.getHeader("CamelJmsDestinationName")))
                .toList();
    }

    /** The scripted portal: records each call's service and answers it as the script says. */
    private void portal(Exchange exchange) throws Exception {
        JsonNode request = JSON.readTree(exchange.getMessage().getBody(byte[].class));
        String service = request.has("username") ? "login" : request.path("service").asText();
        calls.add(service);
        requests.add(request);
        assertThat(exchange.getMessage().getHeader("dstcode")).isEqualTo("H15-LGSP");
        assertThat(exchange.getMessage().getHeaders().keySet()).noneMatch(h -> h.startsWith("hub") || h.startsWith("JMS"));
        Object answer = script.apply(service);
        List<String> rejected = "DongBoHoSoMC".equals(service) ? request.path("data").findValuesAsText("MaHoSo").stream()
                .filter(invalid::contains).toList() : List.of();
        if (answer == null && !rejected.isEmpty()) {
            answer = Map.of("error_code", 1, "message", "Dữ liệu hồ sơ không hợp lệ: " + rejected.get(0));
        }
        if (answer instanceof Integer status) {
            throw new HttpOperationFailedException(exchange.getProperty(Exchange.INTERCEPTED_ENDPOINT, String.class),
                    status, "status " + status, null, Map.of(), "{\"error_code\":99}");
        }
        Object body = answer != null ? answer : "login".equals(service)
                ? Map.of("error_code", 0, "session", "token-" + calls.size())
                : Map.of("error_code", 0, "message", "Thành công", "result", List.of());
        exchange.getMessage().setBody(JSON.writeValueAsBytes(body));
    }

    /**
     * Stand-in for {@link DvcqgSync}'s decisions: the portal always lacks the dossier and one progress step; counts
     * the records of what the portal accepted.
     */
    public class Decisions {

        public boolean isUpToDate(Exchange exchange) {
            return false;
        }

        public void plan(Exchange exchange) {
            exchange.setProperty(DvcqgSync.BEHIND, true);
            exchange.getMessage().setBody(exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class));
        }

        public void lookedUp(Exchange exchange) {
            exchange.setProperty(DvcqgSync.PORTAL_HAS_IT, exchange.getMessage().getBody() != null);
            exchange.setProperty(DvcqgSync.PUSH_DOSSIER, true);
            exchange.setProperty(DvcqgSync.STEPS_TO_SEND, 1);
            exchange.getMessage().setBody(JSON.createObjectNode().put("MaHoSo", code(exchange)));
        }

        public ArrayNode progress(Exchange exchange) {
            ArrayNode steps = JSON.createArrayNode();
            steps.addObject().put("MaHoSo", code(exchange)).put("TrangThai", 2);
            return steps;
        }

        private static String code(Exchange exchange) {
            return exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class);
        }

        public void progressFailed(Exchange exchange) throws Exception {
            throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        }

        public void recordSynced(Exchange exchange) {
            recorded.incrementAndGet();
        }
    }

    /**
     * Stand-in for {@link DvcqgBatchSync}: queues the events it is given while {@link #on}; a batch takes every queued
     * dossier as new (one step each) and lists what it recorded and what it handed to the per-dossier sync.
     */
    public static class BatchDecisions {
        volatile boolean on;
        private final List<String> waiting = new CopyOnWriteArrayList<>();
        private final List<String> claimed = new CopyOnWriteArrayList<>();
        private final Set<String> failed = ConcurrentHashMap.newKeySet();
        final List<String> recorded = new CopyOnWriteArrayList<>();
        final List<String> handedOver = new CopyOnWriteArrayList<>();

        void reset() {
            on = false;
            List.of(waiting, claimed, recorded, handedOver).forEach(List::clear);
            failed.clear();
        }

        public boolean queue(Exchange exchange) {
            Message m = exchange.getMessage();
            if (!on || DvcqgBatchSync.HANDED_OVER.equals(m.getHeader(MessageHeaders.EVENT_TYPE))) {
                return false;
            }
            return waiting.add(m.getHeader(MessageHeaders.DOSSIER_CODE, String.class));
        }

        public void release(Exchange exchange) {
        }

        public void claim(Exchange exchange) {
            claimed.addAll(waiting);
            waiting.clear();
            exchange.setProperty(DvcqgBatchSync.INSERTS, claimed.size());
            exchange.setProperty(DvcqgBatchSync.UPDATES, 0);
        }

        public ArrayNode inserts(Exchange exchange) {
            ArrayNode data = JSON.createArrayNode();
            claimed.forEach(code -> data.addObject().put("MaHoSo", code));
            return data;
        }

        public ArrayNode updates(Exchange exchange) {
            return JSON.createArrayNode();
        }

        public void insertsFailed(Exchange exchange) {
            failed.addAll(claimed);
        }

        public void updatesFailed(Exchange exchange) {
        }

        public ArrayNode progress(Exchange exchange) {
            ArrayNode steps = JSON.createArrayNode();
            claimed.stream().filter(c -> !failed.contains(c)).forEach(c -> steps.addObject().put("MaHoSo", c)
                    .put("TrangThai", 1));
            return steps;
        }

        public void progressFailed(Exchange exchange) {
            failed.addAll(claimed);
        }

        public int record(Exchange exchange) {
            claimed.forEach(code -> (failed.contains(code) ? handedOver : recorded).add(code));
            int n = claimed.size();
            claimed.clear();
            return n;
        }
    }
}
