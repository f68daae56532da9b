package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/** What operators and integrators read from a running hub: health, metrics, the API description, the schema. */
class OperationsIT extends HubIntegrationTest {

    @Test
    void healthShowsBrokerDatabaseRoutesAndOutbox() {
        var health = hub.get("/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.json().get("components");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("jms").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("outbox").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("camelHealth").get("details").get("route:dossier-delivery-to-onestop").asText())
                .isEqualTo("UP");
        assertThat(components.get("camelHealth").get("details").get("route:dossier-intake-from-sector-civil").asText())
                .isEqualTo("UP");
    }

    @Test
    void prometheusExposesCamelJvmAndOutboxMetrics() {
        String code = hub.postJson("/api/v1/dossiers", LAND_KEY, Dossiers.citizen(Dossiers.newRef("OPS")))
                .json().get("dossierCode").asText();
        eventually().until(() -> onestop.receivedLog().get(code) != null);

        String metrics = hub.get("/actuator/prometheus", null).body();

        assertThat(metrics).contains("camel_exchanges_total{").contains("routeId=\"dossier-delivery-to-onestop\"")
                .contains("jvm_memory_used_bytes").contains("lgsp_outbox_backlog").contains("lgsp_outbox_oldest_age_seconds");
    }

    @Test
    void apiDescriptionDocumentsTheEndpointsAndTheirErrors() {
        JsonNode api = hub.get("/v3/api-docs", null).json();

        JsonNode submit = api.get("paths").get("/api/v1/dossiers").get("post");
        assertThat(submit.get("responses").fieldNames()).toIterable()
                .contains("202", "400", "401", "403", "409", "413", "422", "503");
        assertThat(api.get("paths").has("/api/v1/dossiers/{dossierCode}/status")).isTrue();
        assertThat(api.get("paths").has("/api/v1/dossiers/{dossierCode}")).isTrue();
        assertThat(api.get("components").get("securitySchemes").get("apiKey").get("name").asText()).isEqualTo("X-Api-Key");
        assertThat(hub.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void canonicalDossierIsPublishedAsJsonSchema() {
        var answer = hub.get("/api/v1/schema/dossier", null);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode schema = answer.json();
        assertThat(schema.get("$schema").asText()).contains("2020-12");
        assertThat(schema.get("required")).extracting(JsonNode::asText)
                .contains("procedureCode", "agencyCode", "sourceRef", "applicant", "channel");
        assertThat(schema.get("properties").get("applicant").get("properties").has("personalId")).isTrue();
        assertThat(schema.get("properties").get("status").get("maximum").asInt()).isEqualTo(10);
    }
}
