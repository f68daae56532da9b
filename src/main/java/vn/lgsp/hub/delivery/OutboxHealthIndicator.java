package vn.lgsp.hub.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The outbox seen from operations (health component "outbox"): gauges {@code lgsp_outbox_backlog} (messages committed but not yet on the
 * broker) and {@code lgsp_outbox_oldest_age_seconds}, and a health component that turns DOWN when messages wait
 * longer than a few sweeps, which means the broker is unreachable from this node.
 */
@Component
public class OutboxHealthIndicator implements HealthIndicator {

    private final JdbcClient jdbc;
    private final Duration stuckAfter;

    public OutboxHealthIndicator(JdbcClient jdbc, HubProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.stuckAfter = properties.outbox().sweepAge().plus(properties.outbox().sweepInterval().multipliedBy(6));
        Gauge.builder("lgsp.outbox.backlog", this, OutboxHealthIndicator::backlog)
                .description("Messages committed to the outbox and not yet sent to the broker").register(meters);
        Gauge.builder("lgsp.outbox.oldest.age.seconds", this, m -> m.oldestAge().toSeconds())
                .description("Age of the oldest message waiting in the outbox").baseUnit("seconds").register(meters);
    }

    double backlog() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_message").query(Long.class).single();
    }

    Duration oldestAge() {
        return jdbc.sql("SELECT created_at FROM outbox_message ORDER BY id LIMIT 1")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .map(oldest -> Duration.between(oldest, DossierTrail.now())).orElse(Duration.ZERO);
    }

    @Override
    public Health health() {
        Duration age = oldestAge();
        Health.Builder health = age.compareTo(stuckAfter) > 0 ? Health.down() : Health.up();
        return health.withDetail("backlog", (long) backlog()).withDetail("oldestAgeSeconds", age.toSeconds()).build();
    }
}
