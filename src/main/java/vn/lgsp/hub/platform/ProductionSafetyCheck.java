package vn.lgsp.hub.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.security.ApiKeys;

/**
 * Refuses to start the prod profile with anything from the demo setup: demo API keys, demo passwords,
 * simulators, or a system still pointed at a simulator.
 */
@Component
@Profile("prod")
public class ProductionSafetyCheck implements InitializingBean {

    static final Set<String> DEMO_PASSWORDS = Set.of("hub-demo", "artemis-demo", "dvcqg-demo", "postgres", "admin", "password", "");

    private final HubProperties hub;
    private final Environment env;

    public ProductionSafetyCheck(HubProperties hub, Environment env) {
        this.hub = hub;
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        hub.clients().forEach((id, client) -> client.apiKeyHashes().stream().filter(ApiKeys::isDemo).findAny()
                .ifPresent(h -> problems.add("hub.clients." + id + " uses a demo API key")));
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
