package vn.lgsp.hub.console;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The console session: a cookie with the user, the roles, the expiry and a session id, signed with HMAC-SHA256 under
 * {@code hub.console.session-secret}, and the session's row in the shared database ({@link Sessions}). Any node
 * with the same secret and database accepts it, so a second node behind a load balancer shows the same console
 * without sticky sessions. The cookie is HttpOnly and SameSite=Lax; a tampered or expired cookie, or one whose
 * session was ended (logout, "log out everywhere", a changed user), counts as no session, and the roles are those
 * the session still holds, not those the cookie names.
 */
final class SignedCookieSessions implements SecurityContextRepository {

    /** Where sessions are opened, checked on every request, and ended. */
    interface Sessions {
        /** Opens a session; returns its id. */
        String open(String username, List<String> roles, Instant expires);

        /** The roles the session holds now, or empty when it was ended or never existed. */
        Optional<List<String>> active(String id, String username);

        void end(String id);
    }

    static final String COOKIE = "LGSP_CONSOLE";
    private static final String PATH = "/console";

    private final byte[] secret;
    private final Duration timeout;
    private final Clock clock;
    private final Sessions sessions;

    SignedCookieSessions(String secret, Duration timeout, Clock clock, Sessions sessions) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("hub.console.session-secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return load(holder.getRequest());
    }

    private SecurityContext load(HttpServletRequest request) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        String value = cookie(request);
        if (value == null) {
            return context;
        }
        Authentication authentication = decode(value);
        if (authentication != null) {
            context.setAuthentication(authentication);
        }
        return context;
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            write(response, request, "", 0);
            return;
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        Instant expires = clock.instant().plus(timeout);
        String id = sessions.open(authentication.getName(), roles, expires);
        String payload = authentication.getName() + "\n" + String.join(",", roles) + "\n" + expires.getEpochSecond()
                + "\n" + id;
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        write(response, request, encoded + "." + sign(encoded), (int) timeout.toSeconds());
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        String value = cookie(request);
        return value != null && decode(value) != null;
    }

    /** Ends the request's session on every node and clears its cookie (logout). */
    void clear(HttpServletRequest request, HttpServletResponse response) {
        String value = cookie(request);
        String[] parts = value == null ? null : verified(value);
        if (parts != null) {
            sessions.end(parts[3]);
        }
        write(response, request, "", 0);
    }

    /** Clears the session cookie, the session itself being ended elsewhere ("log out everywhere"). */
    static void expireCookie(HttpServletRequest request, HttpServletResponse response) {
        write(response, request, "", 0);
    }

    Authentication decode(String value) {
        String[] parts = verified(value);
        if (parts == null) {
            return null;
        }
        return sessions.active(parts[3], parts[0])
                .map(roles -> UsernamePasswordAuthenticationToken.authenticated(parts[0], null,
                        roles.stream().filter(r -> !r.isBlank()).map(SimpleGrantedAuthority::new).toList()))
                .orElse(null);
    }

    /** The cookie's user, roles, expiry and session id when its signature holds and it has not expired. */
    private String[] verified(String value) {
        int dot = value.lastIndexOf('.');
        if (dot <= 0) {
            return null;
        }
        String encoded = value.substring(0, dot);
        byte[] expected = sign(encoded).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\n", -1);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (parts.length != 4 || Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
            return null;
        }
        return parts;
    }

    private String sign(String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(encoded.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String cookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(PATH);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
