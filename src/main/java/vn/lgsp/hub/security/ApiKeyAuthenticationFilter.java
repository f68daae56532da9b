package vn.lgsp.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a connected system by its {@code X-Api-Key} header or an OAuth2 bearer JWT
 * ({@code Authorization: Bearer}). A request without valid credentials goes on unauthenticated and is refused by
 * the security rules with 401. A token limits the system to the services it names (never beyond its grant). On the
 * mutual-TLS connector a verified client certificate whose subject is registered identifies the system as well.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Api-Key";
    static final String REASON = ApiKeyAuthenticationFilter.class.getName() + ".reason";
    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final ClientRegistry clients;
    private final JwtTokens tokens;

    public ApiKeyAuthenticationFilter(ClientRegistry clients, JwtTokens tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        String authorization = request.getHeader("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            tokens.validate(authorization.substring(7).trim())
                    .flatMap(jwt -> clients.find(JwtTokens.clientId(jwt))
                            .map(system -> JwtTokens.services(jwt).map(system::limitedTo).orElse(system)))
                    .ifPresentOrElse(
                            system -> SecurityContextHolder.getContext().setAuthentication(new SystemAuthentication(system)),
                            () -> request.setAttribute(REASON, "The bearer token is not valid"));
        } else if (key == null && request.getAttribute(CERTIFICATES) instanceof X509Certificate[] certificates
                && certificates.length > 0) {
            // Mutual TLS: the connector verified the chain against the trust store; the subject names the system.
            clients.authenticateCertificate(certificates[0].getSubjectX500Principal()).ifPresentOrElse(
                    system -> SecurityContextHolder.getContext().setAuthentication(new SystemAuthentication(system)),
                    () -> request.setAttribute(REASON, "The client certificate names no registered system"));
        } else if (key == null) {
            request.setAttribute(REASON, "The " + HEADER + " header or a bearer token is missing");
        } else {
            clients.authenticate(key).ifPresentOrElse(
                    system -> SecurityContextHolder.getContext().setAuthentication(new SystemAuthentication(system)),
                    () -> request.setAttribute(REASON, "The " + HEADER + " is not valid"));
        }
        chain.doFilter(request, response);
    }

    /** An authenticated connected system. */
    static final class SystemAuthentication extends AbstractAuthenticationToken {
        private final ConnectedSystem system;

        SystemAuthentication(ConnectedSystem system) {
            super(java.util.stream.Stream.concat(java.util.stream.Stream.of("SYSTEM"), system.roles().stream())
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList());
            this.system = system;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return system;
        }

        @Override
        public String getName() {
            return system.id();
        }
    }
}
