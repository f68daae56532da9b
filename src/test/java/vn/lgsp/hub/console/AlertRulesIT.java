package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The shipped alert rules and Grafana dashboard ask only for metrics the hub really exposes: every metric name in
 * every {@code expr} of {@code deploy/prometheus/alerts.yml} and of the dashboard appears on a running hub's
 * {@code /actuator/prometheus}. (promtool is not installed here; this stands in for {@code promtool check rules}
 * as far as metric names go, and checks the file's structure.)
 */
class AlertRulesIT extends HubIntegrationTest {

    static final Path ALERTS = Path.of("deploy/prometheus/alerts.yml");
    static final Path SCRAPE = Path.of("deploy/prometheus/prometheus.yml");
    static final Path DASHBOARD = Path.of("deploy/grafana/dashboards/lgsp-hub.json");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    @Autowired
    ConsoleMetrics metrics;

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertNamesMetricsTheHubExposes() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ALERTS));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        assertThat(rules).extracting(r -> r.get("alert")).contains("DeadLetterQueueGrowing", "DvcqgSyncLagging",
                "ExternalSystemDown", "RouteStopped", "DeliveriesWaiting", "DeliveryPatienceRunningOut");
        Set<String> exposed = exposedMetrics();
        for (Map<String, Object> rule : rules) {
            assertThat(rule).containsKeys("alert", "expr", "labels", "annotations");
            Set<String> named = metricNames((String) rule.get("expr"));
            assertThat(named).as(rule.get("alert") + " names a metric").isNotEmpty();
            assertThat(exposed).as("metrics of " + rule.get("alert")).containsAll(named);
        }
    }

    @Test
    void everyDashboardPanelQueriesMetricsTheHubExposes() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
        Set<String> exposed = exposedMetrics();
        assertThat(dashboard.get("panels").size()).isGreaterThan(10);
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Set<String> named = metricNames(target.get("expr").asText());
                assertThat(exposed).as("panel " + panel.get("title")).containsAll(named);
            }
        }
        Map<String, Object> scrape = new Yaml().load(Files.readString(SCRAPE));
        assertThat(scrape.toString()).contains("/actuator/prometheus").contains("/etc/prometheus/alerts.yml");
    }

    @Test
    void metricNamesAreReadFromPromQl() {
        assertThat(metricNames("max by (queue) (lgsp_dlq_depth) > 0 and max by (queue) (delta(lgsp_dlq_depth[15m])) > 0"))
                .containsExactly("lgsp_dlq_depth");
        assertThat(metricNames("sum by (routeId) (rate(camel_exchanges_total{routeId=~\"a.*\"}[5m])) / 6 * 3600"))
                .containsExactly("camel_exchanges_total");
        assertThat(metricNames("count(min by (routeId) (lgsp_route_up) == 0) or vector(0)"))
                .containsExactly("lgsp_route_up");
    }

    /** What /actuator/prometheus shows once every console gauge has a value (a dossier delivered, gauges refreshed). */
    private Set<String> exposedMetrics() {
        String code = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("ALERTS")))
                .json().get("dossierCode").asText();
        eventually().until(() -> deliveredTo(code, "onestop"));
        eventually().until(() -> {
            metrics.refresh();
            metrics.refreshIndicators();
            return hub.get("/actuator/prometheus", null).body().contains("lgsp_system_last_success_age_seconds{");
        });
        Set<String> names = new TreeSet<>();
        Matcher m = SAMPLE.matcher(hub.get("/actuator/prometheus", null).body());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The metric names in a PromQL expression: what is left without strings, selectors, ranges, functions, labels. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"(\\\\.|[^\"])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(bare);
        while (m.find()) {
            String token = m.group();
            String after = bare.substring(m.end()).stripLeading();
            if (!KEYWORDS.contains(token) && !after.startsWith("(")) {
                names.add(token);
            }
        }
        return names;
    }
}
