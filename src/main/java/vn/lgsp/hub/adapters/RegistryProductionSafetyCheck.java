package vn.lgsp.hub.adapters;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.business.BusinessProperties;
import vn.lgsp.hub.adapters.population.PopulationProperties;

/**
 * Refuses to start the prod profile with the national registries' demo credentials (the ones application.yml
 * ships for the simulators). The general check (security.ProductionSafetyCheck) already refuses simulator URLs.
 */
@Component
@Profile("prod")
public class RegistryProductionSafetyCheck implements InitializingBean {

    private final PopulationProperties population;
    private final BusinessProperties business;

    public RegistryProductionSafetyCheck(PopulationProperties population, BusinessProperties business) {
        this.population = population;
        this.business = business;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (isDemo(population.password())) {
            problems.add("hub.systems.population.password");
        }
        if (isDemo(population.apiKey())) {
            problems.add("hub.systems.population.api-key");
        }
        if (isDemo(business.clientSecret())) {
            problems.add("hub.systems.business.client-secret");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The prod profile refuses to start with demo registry credentials: "
                    + String.join(", ", problems));
        }
    }

    /** Whether a configured secret is missing or one of the demo values (they all start with "demo-"). */
    public static boolean isDemo(String value) {
        return value == null || value.isBlank() || value.startsWith("demo-");
    }
}
