package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import vn.lgsp.hub.support.HubClient.Answer;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The actuator as the prod profile closes it: metrics, health details and info need ADMIN or Prometheus' own
 * credential; the probes stay open and tell nothing but the status.
 */
@TestPropertySource(properties = {
        "hub.security.operations.open=false",
        "hub.security.operations.scrape-user=prometheus",
        "hub.security.operations.scrape-password-hash={lgsp-demo}50ef3e77e920da95bde737d9b3f5134a8fd5495d428b9491697577f6d6c63d62",
        "management.endpoint.health.show-details=when-authorized",
        "management.endpoint.health.show-components=when-authorized",
        "management.endpoint.health.roles=ADMIN,METRICS",
})
class ClosedOperationsSecurityIT extends HubIntegrationTest {

    private static final String SCRAPE_PASSWORD = "demo-scrape-password";

    private Answer get(String path, String user, String password) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return hub.exchange("GET", path, null, null, null, "Authorization", "Basic " + basic);
    }

    @Test
    void withoutCredentialsMetricsHealthDetailsAndInfoAre401() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/db",
                "/actuator/info", "/actuator/metrics"}) {
            Answer answer = hub.get(path, null);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.body()).as(path).doesNotContain("jvm_").doesNotContain("components");
        }
    }

    @Test
    void livenessAndReadinessStayOpenAndTellOnlyTheStatus() {
        for (String path : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            Answer answer = hub.get(path, null);
            assertThat(answer.status()).as(path).isEqualTo(200);
            assertThat(answer.json().get("status").asText()).isEqualTo("UP");
            assertThat(answer.json().has("components")).as(path).isFalse();
            assertThat(answer.json().has("details")).as(path).isFalse();
        }
    }

    @Test
    void prometheusScrapesWithItsOwnCredentialAndSeesHealthDetails() {
        Answer metrics = get("/actuator/prometheus", "prometheus", SCRAPE_PASSWORD);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        Answer health = get("/actuator/health", "prometheus", SCRAPE_PASSWORD);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(hub.get("/actuator/prometheus", ADMIN_KEY).status()).isEqualTo(200);
    }

    @Test
    void aWrongScrapePasswordIs401AndTheCredentialOpensNothingElse() {
        assertThat(get("/actuator/prometheus", "prometheus", "guess").status()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "admin", SCRAPE_PASSWORD).status()).isEqualTo(401);
        // Only metrics and health: not the other actuator endpoints, not the API.
        assertThat(get("/actuator/metrics", "prometheus", SCRAPE_PASSWORD).status()).isEqualTo(403);
        assertThat(get("/api/v1/admin/access-refusals", "prometheus", SCRAPE_PASSWORD).status()).isEqualTo(401);
    }
}
