package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;
import vn.lgsp.hub.trail.DossierTrail;

/** What operators read and do in the console, over HTTP: system health, queue depths, replaying by filter. */
class ConsoleOperationsIT extends HubIntegrationTest {

    static final String DLQ = ConsoleAccessIT.DLQ;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsoleRoutes routes;

    ConsoleSession operator() {
        ConsoleSession session = new ConsoleSession(hub.baseUrl());
        assertThat(session.login("operator", "demo-operator-pass").status()).isEqualTo(302);
        return session;
    }

    @Test
    void connectedSystemsShowLastSuccessLatencyAndGoDownAfterFailuresInARow() {
        ConsoleSession operator = operator();
        String first = submit("HEALTH");
        eventually().until(() -> deliveredTo(first, "onestop"));
        eventually().until(() -> system(operator, "onestop").path("lastLatencyMs").isNumber()
                && system(operator, "dvcqg").path("calls").asLong() > 0);
        assertThat(system(operator, "onestop").get("state").asText()).isIn("UP", "DEGRADED");
        assertThat(system(operator, "dvcqg").path("lastSuccessAt").isTextual()).isTrue();

        onestop.injectFaults(new Faults(1.0, 503, null, null, null));
        submit("HEALTH-DOWN");
        eventually().until(() -> system(operator, "onestop").get("state").asText().equals("DOWN"));
        JsonNode down = system(operator, "onestop");
        assertThat(down.get("consecutiveFailures").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(down.get("lastFailure").asText()).contains("HTTP 503");
        assertThat(operator.get("/console/systems").body()).contains("id=\"system-onestop\"").contains("Ngừng");
        // Waiting deliveries: the dossier the hub holds for the one-stop system, how old it is, the patience left.
        eventually().until(() -> backlog(operator, "onestop").get("waiting").asLong() >= 1
                && seconds(backlog(operator, "onestop").get("oldest")) > 0);
        assertThat(seconds(backlog(operator, "onestop").get("patience"))).isEqualTo(8);
        assertThat(backlog(operator, "onestop").get("queues").toString()).contains("lgsp.onestop.dossier");
        assertThat(operator.get("/console/systems").body()).contains("id=\"backlog-onestop\"");

        onestop.clearFaults();
        String after = submit("HEALTH-BACK");
        eventually().until(() -> deliveredTo(after, "onestop"));
        eventually().until(() -> !system(operator, "onestop").get("state").asText().equals("DOWN"));
        eventually().until(() -> backlog(operator, "onestop").get("waiting").asLong() == 0);
    }

    @Test
    void queuesShowDepthsAndReplayAllMatchingAFilterDeliversEachOnce() {
        // 410: a refusal no other test uses, so the filter picks exactly this test's dead letters
        onestop.injectFaults(new Faults(1.0, 410, null, null, null));
        String a = submit("FILTER-A");
        String b = submit("FILTER-B");
        ConsoleSession operator = operator();
        eventually().until(() -> {
            String letters = operator.get("/console/api/dead-letters?queue=" + DLQ).body();
            return letters.contains(a) && letters.contains(b);
        });
        JsonNode queues = json(operator.get("/console/api/queues").body());
        JsonNode dlq = null;
        for (JsonNode q : queues) {
            if (q.get("name").asText().equals(DLQ)) {
                dlq = q;
            }
        }
        assertThat(dlq).isNotNull();
        assertThat(dlq.get("deadLetter").asBoolean()).isTrue();
        assertThat(dlq.get("messages").asLong()).isGreaterThanOrEqualTo(2);
        // Replay, discard and replay-all ask first, naming the message, where it goes, in the page's language.
        assertThat(operator.get("/console/dead-letters?queue=" + DLQ + "&lang=vi").body())
                .contains("data-confirm=\"Gửi lại 1 tin của hồ sơ " + a + " tới lgsp.onestop.dossier?\"")
                .contains("data-confirm=\"Hủy bỏ vĩnh viễn 1 tin của hồ sơ " + a + " khỏi " + DLQ + "?")
                .contains("data-confirm=\"Gửi lại mọi tin trong " + DLQ + " khớp bộ lọc tới lgsp.onestop.dossier?\"");
        assertThat(operator.get("/console/dead-letters?queue=" + DLQ + "&lang=en").body())
                .contains("data-confirm=\"Replay 1 message of dossier " + b + " to lgsp.onestop.dossier?\"")
                .contains("data-confirm=\"Discard 1 message of dossier " + b + " from " + DLQ + " for good?");
        String yesterday = LocalDate.now(DossierTrail.ZONE).minusDays(1).toString();
        // a date filter that excludes today replays nothing
        assertThat(operator.post("/console/dead-letters/replay-matching", "queue", DLQ, "reason", "HTTP 410",
                "from", yesterday, "to", yesterday).location()).contains("count=0");

        // what the filter should take: every 410 of today (under load a dossier's re-verified update may be one more)
        long matching = 0;
        for (JsonNode letter : json(operator.get("/console/api/dead-letters?queue=" + DLQ).body())) {
            matching += letter.path("reason").asText().contains("HTTP 410") ? 1 : 0;
        }
        assertThat(matching).isGreaterThanOrEqualTo(2);
        onestop.clearFaults();
        String today = LocalDate.now(DossierTrail.ZONE).toString();
        var answer = operator.post("/console/dead-letters/replay-matching", "queue", DLQ, "reason", "http 410",
                "from", today, "to", today);

        assertThat(answer.location()).contains("done=replayed").contains("count=" + matching);
        assertThat(operator.get("/console/api/dead-letters?queue=" + DLQ).body()).doesNotContain("HTTP 410");
        eventually().until(() -> deliveredTo(a, "onestop") && deliveredTo(b, "onestop"));
        assertThat(onestop.receivedLog().get(a).arrivals()).isEqualTo(1);
        assertThat(onestop.receivedLog().get(b).arrivals()).isEqualTo(1);
        String audit = operator.get("/console/api/audit").body();
        assertThat(audit).contains("dossier " + a).contains("dossier " + b).contains("reason~'http 410'");
    }

    @Test
    void prometheusShowsQueueDlqSystemAndRouteGauges() {
        String code = submit("GAUGES");
        eventually().until(() -> deliveredTo(code, "onestop"));
        eventually().until(() -> {
            String metrics = hub.get("/actuator/prometheus", null).body();
            return metrics.contains("lgsp_queue_depth{application=\"lgsp-hub\",queue=\"lgsp.onestop.dossier\"}")
                    && metrics.contains("lgsp_dlq_depth{application=\"lgsp-hub\",queue=\"" + DLQ + "\"}")
                    && metrics.contains("lgsp_route_up{application=\"lgsp-hub\",routeId=\"dossier-delivery-to-onestop\"} 1.0")
                    && metrics.contains("lgsp_system_health{application=\"lgsp-hub\",system=\"onestop\"}");
        });
    }

    @Test
    void aRouteThatRanShowsMeanP50P99AndLongestOfOneSample() {
        String code = submit("TIMES");
        eventually().until(() -> deliveredTo(code, "onestop"));

        JsonNode delivery = route(operator(), "dossier-delivery-to-onestop");

        assertThat(delivery.get("p50Ms").asDouble()).isPositive().isLessThanOrEqualTo(delivery.get("p99Ms").asDouble());
        assertThat(delivery.get("p99Ms").asDouble()).isLessThanOrEqualTo(delivery.get("maxMs").asDouble());
        assertThat(delivery.get("meanMs").asDouble()).isPositive().isLessThanOrEqualTo(delivery.get("maxMs").asDouble());
    }

    @Test
    void daysAreTypedAndShownDayMonthYearInEitherLanguage() {
        ConsoleSession operator = operator();

        String english = operator.get("/console/indicators?from=01/03/2025&to=31/03/2025&lang=en").body();
        assertThat(english).contains("value=\"01/03/2025\"").contains("value=\"31/03/2025\"")
                .contains("Dossiers received from 01/03/2025 to 31/03/2025").doesNotContain("type=\"date\"");
        String vietnamese = operator.get("/console/dead-letters?queue=" + DLQ + "&lang=vi").body();
        assertThat(vietnamese).contains("placeholder=\"dd/mm/yyyy\"").contains("ngày/tháng/năm")
                .doesNotContain("type=\"date\"");

        var monthFirst = operator.get("/console/indicators?from=03/31/2025");
        assertThat(monthFirst.status()).isEqualTo(400);
        assertThat(monthFirst.body()).contains("id=\"error-code\"").contains("dd/mm/yyyy");
    }

    @Test
    void aDossierTraceIsAllInTheChosenLanguage() {
        ConsoleSession operator = operator();
        String code = submit("TRACE-LANG");
        eventually().until(() -> deliveredTo(code, "onestop"));

        String vietnamese = visibleMain(operator.get("/console/trace?code=" + code + "&lang=vi").body());
        String english = visibleMain(operator.get("/console/trace?code=" + code + "&lang=en").body());

        assertThat(vietnamese).contains("Hành trình qua các hệ thống", "Tiếp nhận", "Đã chuyển đến",
                "thủ tục 1.001193", "Hồ sơ đã được nhận (HTTP");
        assertThat(english).contains("Trail across systems", "Received", "Delivered",
                "procedure 1.001193", "dossier accepted with HTTP");
        // The hub's own labels and phrases of the other language: none on the page.
        assertThat(TrailDetailsTest.ENGLISH).noneMatch(word -> vietnamese.toLowerCase().contains(word));
        assertThat(List.of("Tiếp nhận", "Đã chuyển đến", "Hành trình", "Sự kiện", "Hệ thống", "Chi tiết",
                "thủ tục", "cơ quan", "kênh", "đã được nhận", "Trạng thái", "Lịch sử", "Mã hồ sơ"))
                .noneMatch(english::contains);
    }

    /** The text a reader sees in the page's main part (no markup, no navigation with its language switch). */
    private static String visibleMain(String html) {
        String main = html.substring(html.indexOf("<main>"), html.indexOf("</main>"));
        return main.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void aRouteStateWantedOnAnotherNodeIsAppliedHere() {
        String route = "registry-reverification-sweep";
        // as another node's operator action leaves it: only the wanted state in the shared database
        jdbc.sql("DELETE FROM console_route_control WHERE route_id = ?").param(route).update();
        jdbc.sql("INSERT INTO console_route_control (route_id, desired_state, changed_by, changed_at) "
                + "VALUES (?, 'STOPPED', 'operator-on-node-2', ?)").params(route, DossierTrail.now()).update();

        eventually().until(() -> routes.state(route).equals("STOPPED"));

        jdbc.sql("UPDATE console_route_control SET desired_state = 'STARTED' WHERE route_id = ?").param(route).update();
        eventually().until(() -> routes.state(route).equals("STARTED"));
    }

    private String submit(String prefix) {
        var answer = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef(prefix)));
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    private JsonNode system(ConsoleSession session, String id) {
        for (JsonNode s : json(session.get("/console/api/systems").body())) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no system " + id);
    }

    private JsonNode route(ConsoleSession session, String id) {
        for (JsonNode r : json(session.get("/console/api/routes").body())) {
            if (r.get("id").asText().equals(id)) {
                return r;
            }
        }
        throw new AssertionError("no route " + id);
    }

    private JsonNode backlog(ConsoleSession session, String system) {
        for (JsonNode b : json(session.get("/console/api/backlogs").body())) {
            if (b.get("system").asText().equals(system)) {
                return b;
            }
        }
        throw new AssertionError("no backlog of " + system);
    }

    /** A duration as the API writes it (ISO-8601 text, or seconds). */
    private static double seconds(JsonNode duration) {
        return duration.isNumber() ? duration.asDouble() : java.time.Duration.parse(duration.asText()).toMillis() / 1000.0;
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
