package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.HubClient.Answer;

/**
 * A system over its rate (requests per second with a burst) or its daily quota gets 429 with Retry-After and a
 * problem detail; other systems are not affected.
 */
class RateLimitSecurityIT extends SecurityIntegrationTest {

    private static final String KPI = "/api/v1/kpi/sync?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z";

    @Test
    void aBurstAboveTheRateIsAnswered429WithRetryAfter() {
        // burst 2 at 1 request/s: of five requests sent at once, at least the last ones are refused
        Answer last = null;
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            last = hub.get(KPI, THROTTLED_KEY);
            if (last.status() == 429) {
                refused++;
                assertProblem(last, 429, "RATE_LIMITED");
                assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 2L);
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(2);
        assertThat(hub.get(KPI, ONESTOP_KEY).status()).as("others unaffected").isEqualTo(200);
        // after the time Retry-After named, the system is served again
        eventually().until(() -> hub.get(KPI, THROTTLED_KEY).status() == 200);
    }

    @Test
    void aUsedUpDailyQuotaIsAnswered429UntilMidnight() {
        for (int i = 0; i < 3; i++) {
            assertThat(hub.get(KPI, QUOTA_KEY).status()).isEqualTo(200);
        }
        Answer refused = hub.get(KPI, QUOTA_KEY);
        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(refused.json().get("detail").asText()).contains("daily quota");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 86_401L);
    }
}
