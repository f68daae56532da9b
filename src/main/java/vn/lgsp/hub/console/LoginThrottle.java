package vn.lgsp.hub.console;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Failed console logins counted per user name and per address in the shared database (table
 * {@code console_login_throttle}), so a lock-out holds on every node: after too many failures within the window,
 * further attempts are refused for the lock-out time before the password is even checked. A lock-out is written to
 * the console audit once, when it starts.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final ConsoleAudit audit;
    private final LoginThrottleProperties settings;
    private final Clock clock;

    @Autowired
    public LoginThrottle(JdbcClient jdbc, ConsoleAudit audit, LoginThrottleProperties settings) {
        this(jdbc, audit, settings, Clock.systemUTC());
    }

    LoginThrottle(JdbcClient jdbc, ConsoleAudit audit, LoginThrottleProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Until when a login of this user name or from this address is refused, if it is. */
    public Optional<Instant> lockedUntil(String username, String address) {
        return jdbc.sql("SELECT MAX(locked_until) FROM console_login_throttle WHERE throttle_key IN (?, ?) "
                        + "AND locked_until > ?")
                .params(userKey(username), addressKey(address), at(clock.instant()))
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    /** Counts a failed login against the user name and the address; locks either when it reaches its limit. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM console_login_throttle WHERE window_start < ? AND (locked_until IS NULL "
                + "OR locked_until < ?)").params(at(now.minus(settings.window())), at(now)).update();
        count(userKey(username), settings.maxFailuresPerUser(), username, now);
        count(addressKey(address), settings.maxFailuresPerAddress(), username, now);
    }

    /** A successful login clears the user name's failures (not the address's: one good account must not reset it). */
    public void succeeded(String username) {
        jdbc.sql("DELETE FROM console_login_throttle WHERE throttle_key = ? AND (locked_until IS NULL "
                + "OR locked_until < ?)").params(userKey(username), at(clock.instant())).update();
    }

    private void count(String key, int limit, String username, Instant now) {
        OffsetDateTime windowStart = at(now.minus(settings.window()));
        String increment = "UPDATE console_login_throttle SET "
                + "failures = CASE WHEN window_start < ? THEN 1 ELSE failures + 1 END, "
                + "window_start = CASE WHEN window_start < ? THEN ? ELSE window_start END WHERE throttle_key = ?";
        if (jdbc.sql(increment).params(windowStart, windowStart, at(now), key).update() == 0) {
            try {
                jdbc.sql("INSERT INTO console_login_throttle (throttle_key, failures, window_start) VALUES (?, 1, ?)")
                        .params(key, at(now)).update();
            } catch (DuplicateKeyException anotherNodeFirst) {
                jdbc.sql(increment).params(windowStart, windowStart, at(now), key).update();
            }
        }
        Instant until = now.plus(settings.lockout());
        // Only the request that crosses the limit locks (and audits), whichever node it reaches.
        int locked = jdbc.sql("UPDATE console_login_throttle SET locked_until = ?, failures = 0, window_start = ? "
                        + "WHERE throttle_key = ? AND failures >= ?")
                .params(at(until), at(now), key, limit).update();
        if (locked > 0) {
            log.warn("Console login locked for {} until {} after {} failed attempts", key, until, limit);
            audit.record(ConsoleAudit.cut(username, 64), "LOGIN_LOCKED", key,
                    limit + " failed logins within " + settings.window() + "; refused until " + until);
        }
    }

    static String userKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "user:" + ConsoleAudit.cut(name, 128);
    }

    static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : ConsoleAudit.cut(address, 64));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
