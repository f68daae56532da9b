package vn.lgsp.hub.security;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;

/**
 * Rate limits per connected system: a token bucket (sustained requests per second, burst) and an optional daily
 * quota. Kept in this node's memory on purpose: a limit protects the node, it is not state anything depends on,
 * so with several nodes each applies the limit on its own (README: limits apply per node).
 */
@Component
public class RateLimits {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The answer for one request: allowed, or refused with the seconds to wait. */
    public record Decision(boolean allowed, long retryAfterSeconds, String reason) {
        static final Decision ALLOWED = new Decision(true, 0, null);
    }

    private record Limit(double perSecond, double burst, long dailyQuota) {
    }

    private final Map<String, Limit> limits = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Limit defaults;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public RateLimits(HubProperties hub, SecurityProperties security) {
        this(hub, security, Clock.systemUTC());
    }

    RateLimits(HubProperties hub, SecurityProperties security, Clock clock) {
        this.clock = clock;
        var d = security.rateLimit();
        this.defaults = new Limit(orElse(d.requestsPerSecond(), 1000.0), orElse(d.burst(), 2000),
                orElse(d.dailyQuota(), 0L));
        hub.clients().forEach((id, client) -> {
            var own = client.rateLimit();
            Limit limit = own == null ? defaults : new Limit(orElse(own.requestsPerSecond(), defaults.perSecond()),
                    orElse(own.burst(), (int) defaults.burst()), orElse(own.dailyQuota(), defaults.dailyQuota()));
            if (limit.perSecond() <= 0 || limit.burst() < 1) {
                throw new IllegalStateException("hub.clients." + id + ".rate-limit needs requests-per-second > 0 "
                        + "and burst >= 1");
            }
            limits.put(id, limit);
        });
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    public Decision acquire(String systemId) {
        Bucket bucket = buckets.get(systemId);
        if (bucket == null) {
            bucket = buckets.computeIfAbsent(systemId, id -> new Bucket(limits.getOrDefault(id, defaults)));
        }
        return bucket.take(clock);
    }

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long lastNanos;
        private boolean started;
        /** The day the quota counts, as an instant: the day's midnight is looked up only when it is passed. */
        private long dayStartMillis = Long.MAX_VALUE;
        private long nextDayMillis = Long.MIN_VALUE;
        private long usedToday;

        Bucket(Limit limit) {
            this.limit = limit;
            this.tokens = limit.burst();
        }

        synchronized Decision take(Clock clock) {
            long now = System.nanoTime();
            if (started) {
                tokens = Math.min(limit.burst(), tokens + (now - lastNanos) / 1e9 * limit.perSecond());
            }
            started = true;
            lastNanos = now;
            long millis = clock.millis();
            if (millis >= nextDayMillis || millis < dayStartMillis) {
                LocalDate day = Instant.ofEpochMilli(millis).atZone(ZONE).toLocalDate();
                dayStartMillis = day.atStartOfDay(ZONE).toInstant().toEpochMilli();
                nextDayMillis = day.plusDays(1).atStartOfDay(ZONE).toInstant().toEpochMilli();
                usedToday = 0;
            }
            if (limit.dailyQuota() > 0 && usedToday >= limit.dailyQuota()) {
                long untilMidnight = (nextDayMillis - millis) / 1000 + 1;
                return new Decision(false, untilMidnight, "The daily quota of " + limit.dailyQuota()
                        + " requests is used up");
            }
            if (tokens < 1) {
                long wait = (long) Math.ceil((1 - tokens) / limit.perSecond());
                return new Decision(false, Math.max(1, wait), "More than " + limit.perSecond()
                        + " requests per second (burst " + (long) limit.burst() + ")");
            }
            tokens -= 1;
            usedToday++;
            return Decision.ALLOWED;
        }
    }
}
