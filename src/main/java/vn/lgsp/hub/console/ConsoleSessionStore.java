package vn.lgsp.hub.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The server side of the console sessions (table {@code console_session}): the signed cookie names a session id,
 * and the session counts only while its row is not ended. In the shared database, so a logout, "log out
 * everywhere" or a changed user ends the session on every node at once, not after the cookie's 8 hours.
 */
@Component
public class ConsoleSessionStore {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessionStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ConsoleAudit audit;
    private final ConsoleProperties properties;

    public ConsoleSessionStore(JdbcClient jdbc, ConsoleAudit audit, ConsoleProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.properties = properties;
    }

    /** Opens a session for a user who just signed in; returns its id. Drops sessions long expired. */
    public String open(String username, List<String> roles, Instant expires) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        Instant now = Instant.now();
        jdbc.sql("DELETE FROM console_session WHERE expires_at < ?").param(at(now)).update();
        jdbc.sql("INSERT INTO console_session (id, username, roles, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, username, ConsoleAudit.cut(String.join(",", roles), 256), at(now), at(expires)).update();
        return id;
    }

    /** The roles of a session still open for this user, or empty when it was ended, expired or never existed. */
    public Optional<List<String>> active(String id, String username) {
        return jdbc.sql("SELECT roles FROM console_session WHERE id = ? AND username = ? AND ended_at IS NULL "
                        + "AND expires_at > ?")
                .params(id, username, at(Instant.now())).query(String.class).optional()
                .map(roles -> List.of(roles.split(",")));
    }

    /** Ends one session (logout). */
    public void end(String id) {
        jdbc.sql("UPDATE console_session SET ended_at = ? WHERE id = ? AND ended_at IS NULL")
                .params(at(Instant.now()), id).update();
    }

    /** Ends every open session of a user, on every node; returns how many. */
    public int endAll(String username) {
        return jdbc.sql("UPDATE console_session SET ended_at = ? WHERE username = ? AND ended_at IS NULL")
                .params(at(Instant.now()), username).update();
    }

    /** At start: ends the sessions of users whose roles or password changed, or who were removed. */
    @EventListener(ApplicationReadyEvent.class)
    public void endSessionsOfChangedUsers() {
        reconcile(properties.users());
    }

    /** Compares the configured users with what the database last saw; a changed or removed user is signed out. */
    void reconcile(Map<String, ConsoleProperties.User> users) {
        Map<String, String> known = new TreeMap<>();
        jdbc.sql("SELECT username, fingerprint FROM console_user_state").query((rs, n) ->
                known.put(rs.getString(1), rs.getString(2))).list();
        users.forEach((name, user) -> {
            String fingerprint = fingerprint(user);
            String before = known.remove(name);
            if (fingerprint.equals(before)) {
                return;
            }
            if (before == null) {
                try {
                    jdbc.sql("INSERT INTO console_user_state (username, fingerprint, changed_at) VALUES (?, ?, ?)")
                            .params(name, fingerprint, at(Instant.now())).update();
                } catch (DuplicateKeyException anotherNodeFirst) {
                    return;
                }
            } else {
                jdbc.sql("UPDATE console_user_state SET fingerprint = ?, changed_at = ? WHERE username = ?")
                        .params(fingerprint, at(Instant.now()), name).update();
            }
            ended(name, endAll(name), "roles or password changed in the configuration");
        });
        known.keySet().forEach(removed -> {
            jdbc.sql("DELETE FROM console_user_state WHERE username = ?").param(removed).update();
            ended(removed, endAll(removed), "user removed from the configuration");
        });
    }

    private void ended(String username, int sessions, String why) {
        if (sessions > 0) {
            log.info("Ended {} console session(s) of {}: {}", sessions, username, why);
            audit.record("hub", "SESSIONS_ENDED", "user:" + username, sessions + " session(s): " + why);
        }
    }

    private static String fingerprint(ConsoleProperties.User user) {
        try {
            String state = String.join(",", user.roles().stream().sorted().toList()) + "\n" + user.passwordHash();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
