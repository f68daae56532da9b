package vn.lgsp.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Prometheus' own credential on the actuator: HTTP Basic with {@code hub.security.operations.scrape-user} and the
 * password hashed in {@code scrape-password-hash} gives the role METRICS (metrics and health details, nothing else).
 * Anywhere but {@code /actuator} the header is ignored, so the credential opens no service of the hub.
 */
class ScrapeCredentialFilter extends OncePerRequestFilter {

    static final String ROLE = "METRICS";

    private final SecurityProperties.Operations operations;

    ScrapeCredentialFilter(SecurityProperties.Operations operations) {
        this.operations = operations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !operations.scrapeConfigured() || !request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userPassword = decode(authorization.substring(6).trim()).split(":", 2);
            if (userPassword.length == 2 && userPassword[0].equals(operations.scrapeUser())
                    && ApiKeys.matches(operations.scrapePasswordHash(), userPassword[1])) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        operations.scrapeUser(), "", List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            } else {
                request.setAttribute(ApiKeyAuthenticationFilter.REASON, "The scrape credential is not valid");
            }
        }
        chain.doFilter(request, response);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return "";
        }
    }
}
