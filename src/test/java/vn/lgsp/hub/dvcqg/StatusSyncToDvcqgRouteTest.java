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
 * the portal's HTTP endpoints replaced by a scripted portal: the calls go TraCuuHoSo -> DongBoHoSoMC ->
 * CapNhatTienDoHoSoMC, a 503 is retried from the lookup, a 400 or a rejecting {@code error_code} is dead-lettered at
 * once. The sync's decisions are a stand-in here (they have their own tests against the simulator).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusSyncToDvcqgRouteTest {

    private static final String CODE = "H15.50.05.13-261008-0975";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger recorded = new AtomicInteger();
    /** The portal's answer to each call, by service ("login" for the login); null means error_code 0. */
    private volatile Function<String, Object> script = service -> null;
    private DefaultCamelContext camel;

    @BeforeEach
    void resetPortal() {
        calls.clear();
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
        DvcqgProperties portal = new DvcqgProperties("http://127.0.0.1:9", "/api/auth/login", "/api/integration",
                "H15-LGSP", "lgsp", "secret", "H15", Duration.ofMillis(100), Duration.ofMillis(100), 1, 1000,
                List.of(2), List.of(3, 99), null);
        List<String> routes;
        try (Stream<Path> files = Files.list(Path.of("routes/dvcqg"))) {
            routes = files.map(f -> "dvcqg/" + f.getFileName())
                    .filter(f -> !f.startsWith("dvcqg/dossiers-reconcile")).sorted().toList();
        }
        camel = YamlRoutes.load(placeholders, Map.of("dvcqgSession", new DvcqgSession(portal, JSON),
                "dvcqgMapping", new DvcqgMapping("file:mappings", new DvcqgStatusTable("file:mappings"), JSON),
                "dvcqgSync", new Decisions()), routes.toArray(String[]::new));
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

    private void send() {
        camel.createProducerTemplate().sendBodyAndHeader("direct:sync-event", CODE, MessageHeaders.DOSSIER_CODE, CODE);
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
        assertThat(exchange.getMessage().getHeader("dstcode")).isEqualTo("H15-LGSP");
        assertThat(exchange.getMessage().getHeaders().keySet()).noneMatch(h -> h.startsWith("hub") || h.startsWith("JMS"));
        Object answer = script.apply(service);
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
            exchange.getMessage().setBody(JSON.createObjectNode().put("MaHoSo", CODE));
        }

        public ArrayNode progress(Exchange exchange) {
            ArrayNode steps = JSON.createArrayNode();
            steps.addObject().put("MaHoSo", CODE).put("TrangThai", 2);
            return steps;
        }

        public void progressFailed(Exchange exchange) throws Exception {
            throw exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        }

        public void recordSynced(Exchange exchange) {
            recorded.incrementAndGet();
        }
    }
}
