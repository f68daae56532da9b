package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lookup cache: entries expire after the TTL, the least recently used goes first, hits are counted. */
class TtlCacheTest {


    @Test
    void entryExpiresAfterTheTtl() {
        MutableClock clock = new MutableClock();
        TtlCache<String, String> cache = new TtlCache<>(Duration.ofSeconds(30), 10, clock);
        cache.put("001203012345", "An");

        clock.now = clock.now.plusSeconds(29);
        assertThat(cache.get("001203012345")).contains("An");
        clock.now = clock.now.plusSeconds(2);
        assertThat(cache.get("001203012345")).isEmpty();
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void leastRecentlyUsedEntryGoesWhenFull() {
        TtlCache<String, Integer> cache = new TtlCache<>(Duration.ofMinutes(1), 2, new MutableClock());
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).isEmpty();
        assertThat(cache.get("a")).contains(1);
        assertThat(cache.get("c")).contains(3);
    }

    @Test
    void zeroTtlCachesNothing() {
        TtlCache<String, Integer> cache = new TtlCache<>(Duration.ZERO, 10, new MutableClock());
        cache.put("a", 1);
        assertThat(cache.get("a")).isEmpty();
    }
}
