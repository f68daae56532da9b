package vn.lgsp.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.ServletRequestPathFilter;
import org.springframework.web.util.pattern.PathPattern;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.platform.ProblemWriter;

/**
 * Who may call what. Connected systems authenticate with an API key or an OAuth2 bearer JWT on the REST API and the
 * SOAP endpoints; each may call only the services granted to it ({@link HubService}, {@code hub.clients.<id>.services});
 * the administration APIs need the role ADMIN. Health, metrics, the API description, the published schema, the
 * token endpoint of the built-in issuer, the gateways' signed callbacks and the simulators are open. The actuator's
 * metrics, health details and info are open only with {@code hub.security.operations.open} (development); otherwise
 * (the prod profile) they need ADMIN or Prometheus' scrape credential ({@link ScrapeCredentialFilter}), and only the
 * liveness and readiness probes stay open.
 * Every refusal is a 401 or 403 problem detail (a SOAP fault on /services), counted, and sampled into the audit
 * asynchronously ({@link AccessAudit}): a refusal never waits for the database.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Paths anyone may call; every other path needs a connected system (the endpoint test checks this list). */
    public static final List<String> OPEN_PATHS = List.of("/actuator/health/**", "/actuator/health", "/actuator/info",
            "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui/**", "/swagger-ui.html", "/api/v1/schema/**",
            "/sim/**", "/api/v1/payments/callbacks/**", TokenIssuerController.PATH, "/error");
    /** The orchestrators' probes: open in every profile, status only. */
    public static final List<String> PROBE_PATHS = List.of("/actuator/health/liveness", "/actuator/health/readiness");
    /** What the actuator reveals of the system: open only with hub.security.operations.open. */
    public static final List<String> OPERATIONS_PATHS = List.of("/actuator/health", "/actuator/health/**",
            "/actuator/info", "/actuator/prometheus");
    /** Paths of the administration APIs (role ADMIN). */
    public static final List<String> ADMIN_PATHS = List.of("/api/v1/admin/**", "/actuator/**");
    static final String REFUSED_SERVICE = SecurityConfiguration.class.getName() + ".refusedService";
    /** API answers are data, never a page: nothing may run or be framed in a browser that opens one. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ClientRegistry clients, JwtTokens tokens, RateLimits limits,
                                    ProblemWriter problems, AccessAudit audit, SecurityProperties properties)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(cors(properties)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .headers(h -> h
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfiguration::servesData,
                                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000)))
                .addFilterBefore(new ApiKeyAuthenticationFilter(clients, tokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new ScrapeCredentialFilter(properties.operations()), ApiKeyAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(limits, problems, audit), ScrapeCredentialFilter.class)
                // The request's path parsed once for all the rules below (else each rule parses it again).
                .addFilterBefore(new ServletRequestPathFilter(), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PROBE_PATHS.toArray(String[]::new)).permitAll();
                    if (!properties.operations().open()) {
                        auth.requestMatchers(OPERATIONS_PATHS.toArray(String[]::new))
                                .hasAnyRole("ADMIN", ScrapeCredentialFilter.ROLE);
                    }
                    auth.requestMatchers(OPEN_PATHS.toArray(String[]::new)).permitAll()
                            .requestMatchers(ADMIN_PATHS.toArray(String[]::new)).hasRole("ADMIN");
                    for (HubService service : HubService.values()) {
                        for (HubService.Endpoint endpoint : service.endpoints()) {
                            (endpoint.method() == null ? auth.requestMatchers(endpoint.pattern())
                                    : auth.requestMatchers(endpoint.method(), endpoint.pattern()))
                                    .access(granted(service));
                        }
                    }
                    // Anything else is no service of the hub: authenticated callers get 403, others 401.
                    auth.requestMatchers("/api/**", "/services/**").hasRole("SYSTEM").anyRequest().denyAll();
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            Object reason = request.getAttribute(ApiKeyAuthenticationFilter.REASON);
                            String why = reason == null ? "Authentication is required" : reason.toString();
                            audit.refused(401, "anonymous", "-", request.getMethod(), request.getRequestURI(), why);
                            problems.write(request, response, ErrorCode.UNAUTHENTICATED, why);
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            String reason = refusal(request);
                            audit.refused(callerId(), String.valueOf(request.getAttribute(REFUSED_SERVICE)),
                                    request.getMethod(), request.getRequestURI(), reason);
                            problems.write(request, response, ErrorCode.FORBIDDEN, reason);
                        }));
        return http.build();
    }

    /**
     * Every path pattern of the security rules (these and the console's) is matched as a {@link PathPattern}
     * parsed once at start-up against the request's parsed path, with Spring MVC's own parser: the same semantics
     * as the controllers' mappings, without asking Spring MVC's handler mappings about each request as the
     * default matcher ({@code MvcRequestMatcher}) does. Spring Security's documented opt-in, its default from 7.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /**
     * No observation (timer, trace) around each security filter, authentication and authorization: a dozen of them
     * for every request, refusals included, and nothing reads them. The request as a whole is still observed
     * ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Everything but the pages meant for a browser (Swagger UI, the simulators' payer pages). */
    private static boolean servesData(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/swagger-ui") && !path.startsWith("/sim/");
    }

    /** Grants a request when the authenticated system holds the service; remembers the service for the audit. */
    private static AuthorizationManager<RequestAuthorizationContext> granted(HubService service) {
        return (authentication, context) -> {
            var auth = authentication.get();
            boolean granted = auth != null && auth.getPrincipal() instanceof ConnectedSystem system
                    && system.isGranted(service);
            if (!granted) {
                context.getRequest().setAttribute(REFUSED_SERVICE, service.id());
            }
            return new AuthorizationDecision(granted);
        };
    }

    private static String refusal(HttpServletRequest request) {
        Object service = request.getAttribute(REFUSED_SERVICE);
        if (service != null) {
            return "This system is not granted the service '" + service + "'";
        }
        request.setAttribute(REFUSED_SERVICE, request.getRequestURI().startsWith("/api/v1/admin")
                || request.getRequestURI().startsWith("/actuator") ? "admin" : "none");
        return "This system may not call this service";
    }

    private static String callerId() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ConnectedSystem system ? system.id() : "anonymous";
    }

    /** CORS is closed unless origins are configured ({@code hub.security.cors.allowed-origins}). */
    static CorsConfigurationSource cors(SecurityProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration api = new CorsConfiguration();
            api.setAllowedOrigins(origins);
            api.setAllowedMethods(List.of("GET", "POST"));
            api.setAllowedHeaders(List.of("Content-Type", ApiKeyAuthenticationFilter.HEADER, "Authorization",
                    "Idempotency-Key", "X-Correlation-Id", "X-Dossier-Code", "X-Officer-Id"));
            api.setExposedHeaders(List.of("X-Correlation-Id", "Location", "Retry-After"));
            api.setMaxAge(600L);
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }
}
