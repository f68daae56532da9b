package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.registries.MutableClock;

/** The daily quota is counted per local day (Asia/Ho_Chi_Minh) and starts again at the local midnight. */
class RateLimitsTest {

    @Test
    void theDailyQuotaEndsAtTheLocalMidnightAndStartsAgainAfterIt() {
        // 23:59:30 in Hà Nội (UTC+7).
        MutableClock clock = new MutableClock();
        clock.now = Instant.parse("2026-12-05T16:59:30Z");
        var hub = new HubProperties(null, null, null, null, null, null, null, Map.of(), null, Map.of("land",
                new HubProperties.Client("Land", "H15", List.of(), List.of(), List.of(),
                        new HubProperties.RateLimit(1000.0, 1000, 2L), List.of(), List.of())));
        RateLimits limits = new RateLimits(hub, new SecurityProperties(null, null, null, null, null, null), clock);

        assertThat(limits.acquire("land").allowed()).isTrue();
        assertThat(limits.acquire("land").allowed()).isTrue();
        RateLimits.Decision third = limits.acquire("land");
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfterSeconds()).isEqualTo(31);
        assertThat(third.reason()).isEqualTo("The daily quota of 2 requests is used up");

        clock.now = Instant.parse("2026-12-05T17:00:00Z");
        assertThat(limits.acquire("land").allowed()).isTrue();
        // Another system without a quota of its own takes the defaults (none).
        for (int i = 0; i < 5; i++) {
            assertThat(limits.acquire("onestop").allowed()).isTrue();
        }
    }
}
