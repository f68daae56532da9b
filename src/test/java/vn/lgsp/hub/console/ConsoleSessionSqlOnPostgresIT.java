package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.security.AccessAudit;
import vn.lgsp.hub.support.SqlOnPostgresTest;

/**
 * The SQL of console sessions, login throttling and the refusal audit on PostgreSQL (the production database):
 * sessions end singly and all at once, a changed user is signed out, a lock-out starts at the limit, is audited
 * once and ends after its time, and a refusal's answer is stored.
 */
class ConsoleSessionSqlOnPostgresIT extends SqlOnPostgresTest {

    private static final String HASH = "$2a$10$Kz6V0k37eprXt9yTDmVu8O3ILuAPJENCveSomDpkwPdcXqbkED7om";
    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    @Test
    void sessionsEndByLogoutEverywhereAndWhenTheUserChanges() {
        var users = Map.of("lan", new ConsoleProperties.User(HASH, List.of("OPERATOR")));
        var store = new ConsoleSessionStore(jdbc, new ConsoleAudit(jdbc),
                new ConsoleProperties(users, "", null, null, null, null, 0));
        store.reconcile(users);
        Instant expires = Instant.now().plus(Duration.ofHours(8));
        String first = store.open("lan", List.of("ROLE_OPERATOR"), expires);
        String second = store.open("lan", List.of("ROLE_OPERATOR"), expires);
        String third = store.open("lan", List.of("ROLE_OPERATOR"), expires);
        assertThat(store.active(first, "lan")).contains(List.of("ROLE_OPERATOR"));
        assertThat(store.active(first, "someone-else")).isEmpty();

        store.end(first);
        assertThat(store.active(first, "lan")).isEmpty();
        assertThat(store.active(second, "lan")).isPresent();
        assertThat(store.endAll("lan")).isEqualTo(2);
        assertThat(store.active(second, "lan")).isEmpty();

        String fourth = store.open("lan", List.of("ROLE_OPERATOR"), expires);
        store.reconcile(Map.of("lan", new ConsoleProperties.User(HASH, List.of("VIEWER"))));
        assertThat(store.active(fourth, "lan")).isEmpty();
        assertThat(store.active(third, "lan")).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE action = 'SESSIONS_ENDED' AND target = 'user:lan'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLockOutStartsAtTheLimitIsAuditedOnceAndEndsAfterItsTime() {
        var settings = new LoginThrottleProperties(3, 6, Duration.ofMinutes(15), Duration.ofMinutes(15));
        var throttle = new LoginThrottle(jdbc, new ConsoleAudit(jdbc), settings, Clock.fixed(NOW, ZoneOffset.UTC));
        throttle.failed("Minh", "10.9.0.1");
        throttle.failed("minh", "10.9.0.2");
        assertThat(throttle.lockedUntil("minh", "10.9.0.3")).isEmpty();
        throttle.failed("minh", "10.9.0.3");
        assertThat(throttle.lockedUntil("MINH", "10.9.0.4")).contains(NOW.plus(Duration.ofMinutes(15)));
        assertThat(throttle.lockedUntil("tuan", "10.9.0.1")).isEmpty();
        throttle.succeeded("minh"); // a success elsewhere does not lift a lock-out
        assertThat(throttle.lockedUntil("minh", "10.9.0.4")).isPresent();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM console_audit WHERE action = 'LOGIN_LOCKED' AND target = 'user:minh'")
                .query(Long.class).single()).isEqualTo(1);

        var later = new LoginThrottle(jdbc, new ConsoleAudit(jdbc), settings,
                Clock.fixed(NOW.plus(Duration.ofMinutes(16)), ZoneOffset.UTC));
        assertThat(later.lockedUntil("minh", "10.9.0.4")).isEmpty();
    }

    @Test
    void aRefusalIsStoredWithItsAnswer() throws InterruptedException {
        var audit = new AccessAudit(jdbc, new JdbcTemplate(postgres.dataSource()), new SimpleMeterRegistry(), 100, 100);
        try {
            audit.refused(429, "throttled", "-", "GET", "/api/v1/kpi/sync", "over its rate");
            await().atMost(Duration.ofSeconds(10)).until(() -> audit.backlog() == 0);
            assertThat(audit.latest("throttled", 1)).singleElement().satisfies(row -> {
                assertThat(row.status()).isEqualTo(429);
                assertThat(row.reason()).isEqualTo("over its rate");
            });
        } finally {
            audit.close();
        }
    }
}
