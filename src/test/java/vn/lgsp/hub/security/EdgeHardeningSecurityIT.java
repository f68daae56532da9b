package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubClient.Answer;

/**
 * The edge as a browser or a proxy sees it: CORS closed by default, security headers on every answer, a caller's
 * correlation id echoed only when well-formed, Unicode normalised to NFC before anything is stored or compared.
 */
class EdgeHardeningSecurityIT extends SecurityIntegrationTest {

    @Test
    void corsIsClosedByDefault() {
        Answer preflight = hub.exchange("OPTIONS", "/api/v1/dossiers", null, null, null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "X-Api-Key");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        Answer simple = hub.exchange("GET", "/api/v1/kpi/sync?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z",
                ONESTOP_KEY, null, null, "Origin", "https://evil.example");
        assertThat(simple.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Answer answer : new Answer[] {hub.get("/api/v1/kpi/sync?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z",
                ONESTOP_KEY), hub.get("/api/v1/dossiers/x", null), hub.postJson("/api/v1/dossiers", LAND_KEY, "{")}) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(answer.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void aCorrelationIdCarryingMarkupIsNotEchoed() {
        Answer answer = hub.exchange("GET", "/api/v1/dossiers/x", null, null, null,
                "X-Correlation-Id", "<script>alert(1)</script>");
        assertThat(answer.header("X-Correlation-Id")).doesNotContain("<").isNotBlank();
        assertThat(answer.body()).doesNotContain("<script");
    }

    @Test
    void decomposedVietnameseIsStoredComposed() {
        String nfd = java.text.Normalizer.normalize("Nguyễn Thị Hoà", java.text.Normalizer.Form.NFD);
        String ref = Dossiers.newRef("NFC");
        Answer accepted = hub.postBytes("/api/v1/dossiers", LAND_KEY, "application/json",
                Dossiers.citizen(ref).replace("Nguyễn Thị Hoà", nfd).getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).isEqualTo(202);
        String payload = jdbc.sql("SELECT payload FROM dossier WHERE dossier_code = ?")
                .param(accepted.json().get("dossierCode").asText()).query(String.class).single();
        assertThat(payload).contains("Nguyễn Thị Hoà").doesNotContain(nfd);
    }
}
