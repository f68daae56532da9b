package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.platform.ProductionSafetyCheck;

class ProductionSafetyCheckTests {

    private static final HubProperties.ExternalSystem REAL_ONESTOP = new HubProperties.ExternalSystem(
            "https://motcua.example.gov.vn", Duration.ofSeconds(2), Duration.ofSeconds(10), 4, null, null);

    @Test
    void refusesDemoKeysSimulatorsAndDemoPasswords() {
        var hub = properties(true, ApiKeys.hash(ApiKeys.DEMO_SALT, "demo-onestop-key"),
                new HubProperties.ExternalSystem("http://127.0.0.1:8080/sim/onestop", null, null, 4, null, null));
        var env = new MockEnvironment().withProperty("spring.datasource.password", "hub-demo");

        assertThatThrownBy(() -> new ProductionSafetyCheck(hub, env).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.clients.onestop uses a demo API key")
                .hasMessageContaining("hub.simulators.enabled must be false")
                .hasMessageContaining("hub.systems.onestop.base-url points at a simulator")
                .hasMessageContaining("spring.datasource.password")
                .hasMessageContaining("spring.artemis.password");
    }

    @Test
    void startsWithRealSettings() {
        var hub = properties(false, ApiKeys.hash("prod-2026-11", "a-long-random-key"), REAL_ONESTOP);
        var env = new MockEnvironment().withProperty("spring.datasource.password", "s3cret-from-vault")
                .withProperty("spring.artemis.password", "an0ther-s3cret");

        assertThatCode(() -> new ProductionSafetyCheck(hub, env).afterPropertiesSet()).doesNotThrowAnyException();
    }

    private static HubProperties properties(boolean simulators, String keyHash, HubProperties.ExternalSystem onestop) {
        return new HubProperties(null, null, null, null, null, null, null, Map.of("onestop", onestop),
                new HubProperties.Simulators(simulators),
                Map.of("onestop", new HubProperties.Client("One-stop", "H15", List.of(keyHash), List.of())));
    }
}
