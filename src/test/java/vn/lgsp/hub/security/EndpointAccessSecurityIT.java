package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.ServerRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.util.matcher.RequestMatcherEntry;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import vn.lgsp.hub.support.HubClient.Answer;

/**
 * Every public endpoint, enumerated from the running hub (Spring MVC request mappings and CXF SOAP services, so an
 * endpoint added later is in this list without anyone remembering it): without credentials it answers 401, with
 * the credentials of a system not granted its service 403 (and an audit record), with a revoked key 401. Only the
 * endpoints on the documented open list answer without credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointAccessSecurityIT extends SecurityIntegrationTest {

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    /** The application's request mappings and the actuator's. */
    @Autowired
    List<RequestMappingInfoHandlerMapping> mappings;

    @Autowired
    FilterChainProxy filterChains;

    @Autowired
    Bus bus;

    /** An endpoint: method, a concrete path, and whether it is SOAP. */
    record Endpoint(String method, String path, boolean soap) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final List<Endpoint> protectedEndpoints = new ArrayList<>();
    private final Set<String> openEndpoints = new TreeSet<>();

    @BeforeAll
    void enumerateEndpoints() {
        mappings.forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String method = methods.isEmpty() ? "GET" : methods.iterator().next().name();
                String path = pattern.replaceAll("\\{\\*?[^}]+}", "H15.50.05.13-261123-9999").replace("/**", "/x");
                if (!guardedByTheHubChain(method, path)) {
                    continue; // another part (e.g. the operations console) guards it with its own filter chain
                }
                if (isOpen(path)) {
                    openEndpoints.add(method + " " + pattern);
                } else {
                    protectedEndpoints.add(new Endpoint(method, path, false));
                }
            }
        }));
        ServerRegistry servers = bus.getExtension(ServerRegistry.class);
        servers.getServers().forEach(server -> {
            String address = server.getEndpoint().getEndpointInfo().getAddress();
            if (!address.startsWith("http") && !address.startsWith("/sim")) {
                protectedEndpoints.add(new Endpoint("POST", "/services" + address, true));
            }
        });
    }

    private boolean guardedByTheHubChain(String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        return filterChains.getFilterChains().stream().filter(chain -> chain.matches(request)).findFirst()
                .map(chain -> chain.getFilters().stream().anyMatch(f -> f instanceof ApiKeyAuthenticationFilter))
                .orElse(false);
    }

    private static boolean isOpen(String path) {
        return SecurityConfiguration.OPEN_PATHS.stream().anyMatch(open -> PATHS.match(open, path));
    }

    @Test
    void theEnumerationFindsTheRestApiTheSoapIntakeAndTheAdministrationApis() {
        assertThat(protectedEndpoints).extracting(Endpoint::toString).contains(
                "POST /api/v1/dossiers", "POST /api/v1/dossiers/H15.50.05.13-261123-9999/status",
                "GET /api/v1/citizens/H15.50.05.13-261123-9999", "GET /api/v1/admin/audit",
                "POST /services/sector/civil/dossier", "GET /api/v1/admin/access-refusals");
        assertThat(protectedEndpoints.size()).isGreaterThanOrEqualTo(20);
        // What anyone may call, and nothing else: health and metrics for the monitoring, the payment gateways'
        // signed callbacks, the token endpoint, the schema and the API description, and (demo only) the simulators.
        assertThat(openEndpoints).allMatch(e -> e.contains(" /sim/") || e.contains("/api/v1/payments/callbacks/")
                || e.contains(" /actuator/health") || e.contains(" /actuator/info") || e.contains(" /actuator/prometheus")
                || e.contains("/oauth2/token") || e.contains("/api/v1/schema/") || e.contains("/v3/api-docs")
                || e.contains("/swagger-ui") || e.contains("/error"), "open endpoints: " + openEndpoints);
    }

    /** The chains' own matchers and their rules' matchers: path patterns, none asking Spring MVC per request. */
    @Test
    @SuppressWarnings("unchecked")
    void everyRuleMatchesByAPathPatternParsedAtStartUp() {
        List<String> matchers = new ArrayList<>();
        for (SecurityFilterChain chain : filterChains.getFilterChains()) {
            matchers.add(((DefaultSecurityFilterChain) chain).getRequestMatcher().toString());
            chain.getFilters().stream().filter(AuthorizationFilter.class::isInstance)
                    .map(f -> ReflectionTestUtils.getField(((AuthorizationFilter) f).getAuthorizationManager(), "mappings"))
                    .flatMap(mappings -> ((List<RequestMatcherEntry<?>>) mappings).stream())
                    .forEach(entry -> matchers.add(entry.getRequestMatcher().toString()));
        }
        assertThat(matchers).hasSizeGreaterThan(30)
                .allSatisfy(m -> assertThat(m).matches("(Or \\[)?PathPattern \\[.*|ExactUrl \\[.*|any request"));
    }

    @Test
    void everyProtectedEndpointBelongsToAServiceOrToTheAdministrationApis() {
        for (Endpoint endpoint : protectedEndpoints) {
            boolean admin = SecurityConfiguration.ADMIN_PATHS.stream().anyMatch(p -> PATHS.match(p, endpoint.path()));
            boolean service = java.util.Arrays.stream(HubService.values()).flatMap(s -> s.endpoints().stream())
                    .anyMatch(e -> (e.method() == null || e.method().name().equals(endpoint.method()))
                            && PATHS.match(e.pattern(), endpoint.path()));
            assertThat(admin || service).as("%s is neither an administration API nor in a HubService", endpoint)
                    .isTrue();
        }
    }

    @Test
    void withoutCredentialsEveryProtectedEndpointAnswers401() {
        for (Endpoint endpoint : protectedEndpoints) {
            expect(call(endpoint, null), endpoint, 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void withARevokedKeyEveryProtectedEndpointAnswers401() {
        for (Endpoint endpoint : protectedEndpoints) {
            expect(call(endpoint, REVOKED_KEY), endpoint, 401, "UNAUTHENTICATED");
        }
    }

    @Test
    void withTheCredentialsOfASystemNotGrantedTheServiceEveryProtectedEndpointAnswers403AndIsAudited() {
        var stateBefore = storedState();
        int auditedBefore = refusalsOf("stranger").size();
        for (Endpoint endpoint : protectedEndpoints) {
            expect(call(endpoint, STRANGER_KEY), endpoint, 403, "FORBIDDEN");
        }
        assertThat(refusalsOf("stranger")).hasSize(auditedBefore + protectedEndpoints.size());
        assertThat(storedState()).isEqualTo(stateBefore);
    }

    @Test
    void theAdministrationApisRefuseEveryNonAdministratorWith403() {
        for (Endpoint endpoint : protectedEndpoints) {
            if (SecurityConfiguration.ADMIN_PATHS.stream().anyMatch(p -> PATHS.match(p, endpoint.path()))) {
                expect(call(endpoint, ONESTOP_KEY), endpoint, 403, "FORBIDDEN");
                expect(call(endpoint, LAND_KEY), endpoint, 403, "FORBIDDEN");
            }
        }
    }

    private Answer call(Endpoint endpoint, String key) {
        if (endpoint.soap()) {
            return hub.soap(endpoint.path(), key, "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                    + "<soap:Body/></soap:Envelope>");
        }
        return switch (endpoint.method()) {
            case "GET" -> hub.get(endpoint.path(), key);
            case "POST" -> hub.postJson(endpoint.path(), key, "{}");
            default -> hub.exchange(endpoint.method(), endpoint.path(), key, "application/json",
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        };
    }

    private static void expect(Answer answer, Endpoint endpoint, int status, String code) {
        assertThat(answer.status()).as("%s -> %s", endpoint, answer.body()).isEqualTo(status);
        if (endpoint.soap()) {
            assertThat(answer.body()).as(endpoint.toString()).contains("<f:code>" + code + "</f:code>");
        } else {
            assertThat(answer.json().get("code").asText()).as(endpoint.toString()).isEqualTo(code);
        }
    }
}
