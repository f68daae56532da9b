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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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
 * The console session lives only in a cookie: the user, the roles and the expiry, signed with HMAC-SHA256 under
 * {@code hub.console.session-secret}. Any node with the same secret accepts it, so a second node behind a load
 * balancer shows the same console without sticky sessions or a session store. The cookie is HttpOnly and
 * SameSite=Lax; a tampered or expired cookie counts as no session.
 */
final class SignedCookieSessions implements SecurityContextRepository {

    static final String COOKIE = "LGSP_CONSOLE";
    private static final String PATH = "/console";

    private final byte[] secret;
    private final Duration timeout;
    private final Clock clock;

    SignedCookieSessions(String secret, Duration timeout, Clock clock) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("hub.console.session-secret must be at least 16 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.clock = clock;
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
        long expires = clock.instant().plus(timeout).getEpochSecond();
        String payload = authentication.getName() + "\n" + String.join(",", roles) + "\n" + expires;
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        write(response, request, encoded + "." + sign(encoded), (int) timeout.toSeconds());
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        String value = cookie(request);
        return value != null && decode(value) != null;
    }

    /** Clears the cookie (logout). */
    void clear(HttpServletRequest request, HttpServletResponse response) {
        write(response, request, "", 0);
    }

    Authentication decode(String value) {
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
        if (parts.length != 3 || Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
            return null;
        }
        List<SimpleGrantedAuthority> authorities = Arrays.stream(parts[1].split(",")).filter(r -> !r.isBlank())
                .map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(parts[0], null, authorities);
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
