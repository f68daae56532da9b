package vn.lgsp.hub.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;

/**
 * Refuses to start the prod profile with anything from the demo setup: demo API keys, client secrets or JWT
 * signing key, demo passwords, simulators, a system still pointed at a simulator, or an outbound address without TLS.
 */
@Component
@Profile("prod")
public class ProductionSafetyCheck implements InitializingBean {

    static final Set<String> DEMO_PASSWORDS = Set.of("hub-demo", "artemis-demo", "dvcqg-demo", "postgres", "admin", "password", "");

    static final List<String> OUTBOUND_URL_KEYS = List.of("base-url", "token-url", "auth-url");

    private final HubProperties hub;
    private final Environment env;

    public ProductionSafetyCheck(HubProperties hub, Environment env) {
        this.hub = hub;
        this.env = env;
    }

    /** Every outbound connection in production uses TLS: an {@code http://} address of an external system is refused. */
    private List<String> plainHttpUrls() {
        List<String> found = new ArrayList<>();
        hub.systems().forEach((id, system) -> {
            for (String key : OUTBOUND_URL_KEYS) {
                String value = "base-url".equals(key) && system.baseUrl() != null ? system.baseUrl()
                        : env.getProperty("hub.systems." + id + "." + key);
                if (value != null && value.regionMatches(true, 0, "http://", 0, 7)) {
                    found.add("hub.systems." + id + "." + key + " is not https (TLS is required for every outbound "
                            + "connection)");
                }
            }
        });
        String jwkSetUri = env.getProperty("hub.security.jwt.jwk-set-uri");
        if (jwkSetUri != null && jwkSetUri.regionMatches(true, 0, "http://", 0, 7)) {
            found.add("hub.security.jwt.jwk-set-uri is not https");
        }
        return found;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        hub.clients().forEach((id, client) -> client.apiKeyHashes().stream().filter(ApiKeys::isDemo).findAny()
                .ifPresent(h -> problems.add("hub.clients." + id + " uses a demo API key")));
        hub.clients().forEach((id, client) -> client.clientSecretHashes().stream().filter(ApiKeys::isDemo).findAny()
                .ifPresent(h -> problems.add("hub.clients." + id + " uses a demo client secret")));
        String jwtSecret = env.getProperty("hub.security.jwt.secret");
        if (jwtSecret != null && !jwtSecret.isEmpty()
                && (jwtSecret.startsWith("demo-") || DEMO_PASSWORDS.contains(jwtSecret))) {
            problems.add("hub.security.jwt.secret is a demo secret");
        }
        String auditKeyId = env.getProperty("hub.audit.chain-keys.current", "");
        String auditKey = env.getProperty("hub.audit.chain-keys.current-key", "").isBlank()
                ? env.getProperty("hub.audit.chain-keys.keys." + auditKeyId, "")
                : env.getProperty("hub.audit.chain-keys.current-key", "");
        if (auditKeyId.isBlank() || auditKey.isBlank() || auditKey.startsWith("demo-")) {
            problems.add("hub.audit.chain-keys.current must name a key of hub.audit.chain-keys.keys that is not a demo key");
        }
        String scrapeHash = env.getProperty("hub.security.operations.scrape-password-hash");
        if (scrapeHash != null && ApiKeys.isDemo(scrapeHash)) {
            problems.add("hub.security.operations.scrape-password-hash is a demo credential");
        }
        problems.addAll(plainHttpUrls());
        if (hub.clients().isEmpty()) {
            problems.add("no connected system is configured under hub.clients");
        }
        if (hub.simulators().enabled()) {
            problems.add("hub.simulators.enabled must be false");
        }
        hub.systems().forEach((id, system) -> {
            if (system.baseUrl() != null && system.baseUrl().contains("/sim/")) {
                problems.add("hub.systems." + id + ".base-url points at a simulator");
            }
            if (system.password() != null && DEMO_PASSWORDS.contains(system.password())) {
                problems.add("hub.systems." + id + ".password is a demo password");
            }
        });
        for (String key : List.of("spring.datasource.password", "spring.artemis.password")) {
            String value = env.getProperty(key);
            if (value == null || DEMO_PASSWORDS.contains(value)) {
                problems.add(key + " is missing or a demo password");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start with demo settings: "
                    + String.join("; ", problems));
        }
    }
}
