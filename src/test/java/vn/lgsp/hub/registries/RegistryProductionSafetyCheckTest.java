package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.adapters.RegistryProductionSafetyCheck;
import vn.lgsp.hub.adapters.business.BusinessProperties;
import vn.lgsp.hub.adapters.population.PopulationProperties;

/** The prod profile does not start with the registries' demo credentials. */
class RegistryProductionSafetyCheckTest {

    @Test
    void demoCredentialsAreRefused() {
        var check = new RegistryProductionSafetyCheck(population("demo-population-secret", "demo-population-api-key"),
                business("demo-business-secret"));
        assertThatThrownBy(check::afterPropertiesSet).hasMessageContaining("hub.systems.population.password")
                .hasMessageContaining("hub.systems.population.api-key")
                .hasMessageContaining("hub.systems.business.client-secret");
    }

    @Test
    void realCredentialsPass() {
        var check = new RegistryProductionSafetyCheck(population("k8s-secret-1", "k8s-key-2"), business("k8s-secret-3"));
        assertThatCode(check::afterPropertiesSet).doesNotThrowAnyException();
    }

    private static PopulationProperties population(String password, String apiKey) {
        return new PopulationProperties("https://csdl.example/ws", "https://csdl.example/ws", "hub", password, apiKey,
                "VN/GOV/H15", "037", "H15", "", "hub", Duration.ofSeconds(2), Duration.ofSeconds(5), "CSDLQG_DAN_CU");
    }

    private static BusinessProperties business(String secret) {
        return new BusinessProperties("https://dkkd.example/api", "https://dkkd.example/token", "hub", secret, "",
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30), "CSDL_DKDN");
    }
}
