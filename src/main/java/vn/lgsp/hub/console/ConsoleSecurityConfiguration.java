package vn.lgsp.hub.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may use the operations console: its own filter chain for {@code /console/**}, ahead of the API-key chain.
 * Form login at {@code /console/login} against the users of {@code hub.console.users} (BCrypt), a signed session
 * cookie instead of a server session, CSRF protection with a cookie-held token (so any node accepts a form another
 * node rendered). Role VIEWER reads; OPERATOR also acts (every POST but login and the logouts). Unauthenticated pages
 * redirect to the login page; the console's JSON API answers 401. Sessions are checked against the shared database on
 * every request ({@link ConsoleSessionStore}: ended by logout, "log out everywhere" and a changed user, with the roles
 * the configuration still grants), and logins are throttled per user name and address ({@link LoginThrottle}).
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSecurityConfiguration {

    public static final String VIEWER = "VIEWER";
    public static final String OPERATOR = "OPERATOR";
    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurityConfiguration.class);

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ConsoleProperties properties, ConsoleSessionStore store,
                                        LoginThrottle throttle) throws Exception {
        var sessions = new SignedCookieSessions(secret(properties), properties.sessionTimeout(), Clock.systemUTC(),
                serverSessions(store, properties));
        var csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookiePath("/console");
        csrfTokens.setCookieName("LGSP_CONSOLE_CSRF");
        http.securityMatcher("/console/**")
                .securityContext(c -> c.securityContextRepository(sessions))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.requestCache(new NullRequestCache()))
                .csrf(c -> c.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(new ForgeryTolerantTokens()))
                .addFilterAfter(new EagerCsrfToken(), CsrfFilter.class)
                .authenticationManager(throttled(authenticationManager(properties), throttle))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.loginPage("/console/login").loginProcessingUrl("/console/login")
                        .defaultSuccessUrl("/console", true).permitAll()
                        .failureHandler((request, response, failure) -> response.sendRedirect(request.getContextPath()
                                + (failure instanceof LockedException ? "/console/login?locked" : "/console/login?error"))))
                .logout(l -> l.logoutUrl("/console/logout").logoutSuccessUrl("/console/login?logout")
                        .addLogoutHandler((request, response, auth) -> sessions.clear(request, response)))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/console/login", "/console/assets/**").permitAll()
                        .requestMatchers(HttpMethod.POST, ConsoleSessionController.LOGOUT_EVERYWHERE)
                        .hasAnyRole(VIEWER, OPERATOR)
                        .requestMatchers(HttpMethod.POST, "/console/**").hasRole(OPERATOR)
                        .anyRequest().hasAnyRole(VIEWER, OPERATOR))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                PathPatternRequestMatcher.withDefaults().matcher("/console/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/console/login"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler((request, response, denied) ->
                                response.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                + "frame-ancestors 'none'; form-action 'self'")));
        return http.build();
    }

    /** The configured secret; without one (no console users in this profile) a random one of this JVM. */
    private static String secret(ConsoleProperties properties) {
        if (!properties.sessionSecret().isBlank()) {
            return properties.sessionSecret();
        }
        if (!properties.users().isEmpty()) {
            log.warn("hub.console.session-secret is not set: console sessions are valid on this node only "
                    + "and end when it restarts");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /**
     * Sessions in the shared database, holding only the roles the configuration still grants the user (a role
     * removed on this node counts at once, before the other nodes restart).
     */
    private static SignedCookieSessions.Sessions serverSessions(ConsoleSessionStore store, ConsoleProperties properties) {
        return new SignedCookieSessions.Sessions() {
            @Override
            public String open(String username, List<String> roles, Instant expires) {
                return store.open(username, roles, expires);
            }

            @Override
            public Optional<List<String>> active(String id, String username) {
                ConsoleProperties.User user = properties.users().get(username);
                if (user == null) {
                    return Optional.empty();
                }
                Set<String> granted = user.roles().stream().map(role -> "ROLE_" + role).collect(Collectors.toSet());
                return store.active(id, username).map(roles -> roles.stream().filter(granted::contains).toList())
                        .filter(roles -> !roles.isEmpty());
            }

            @Override
            public void end(String id) {
                store.end(id);
            }
        };
    }

    /** Refuses a locked user name or address before the password is checked; counts every failure. */
    private static AuthenticationManager throttled(AuthenticationManager passwords, LoginThrottle throttle) {
        return authentication -> {
            String username = authentication.getName();
            String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                    ? details.getRemoteAddress() : null;
            if (throttle.lockedUntil(username, address).isPresent()) {
                throw new LockedException("Too many failed logins: try again later");
            }
            try {
                Authentication signedIn = passwords.authenticate(authentication);
                throttle.succeeded(username);
                return signedIn;
            } catch (AuthenticationException failed) {
                throttle.failed(username, address);
                throw failed;
            }
        };
    }

    private static AuthenticationManager authenticationManager(ConsoleProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((name, user) -> users.add(User.withUsername(name)
                .password(user.passwordHash())
                .roles(user.roles().toArray(String[]::new))
                .build()));
        var provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        provider.setPasswordEncoder(new BCryptPasswordEncoder());
        return new ProviderManager(provider);
    }

    /**
     * Spring's masked-token handler, except that a forged token whose unmasked bytes are not UTF-8 counts as a
     * wrong token (403) instead of failing the request (Spring's decoding throws, which answered 500).
     */
    private static final class ForgeryTolerantTokens implements CsrfTokenRequestHandler {
        private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            try {
                return masked.resolveCsrfTokenValue(request, token);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
    }

    /** Loads the CSRF token before the page renders, so its cookie is set before the response is committed. */
    private static final class EagerCsrfToken extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object token = request.getAttribute(CsrfToken.class.getName());
            if (token instanceof CsrfToken csrf) {
                csrf.getToken();
            }
            chain.doFilter(request, response);
        }
    }
}
