package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import vn.lgsp.hub.platform.HubProperties;

class ProductionSafetyCheckTest {

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
                .withProperty("spring.artemis.password", "an0ther-s3cret")
                .withProperty("hub.audit.chain-keys.current", "k2026-12")
                .withProperty("hub.audit.chain-keys.current-key", "a-random-key-of-at-least-32-bytes-from-the-vault");

        assertThatCode(() -> new ProductionSafetyCheck(hub, env).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void refusesPlainHttpToAnyExternalSystemAndDemoJwtAndClientSecrets() {
        var hub = new HubProperties(null, null, null, null, null, null, null,
                Map.of("onestop", new HubProperties.ExternalSystem("http://motcua.example.gov.vn", null, null, 4, null, null),
                        "business", new HubProperties.ExternalSystem("https://dkkd.example.gov.vn", null, null, 1, null, null)),
                new HubProperties.Simulators(false),
                Map.of("sector-land", new HubProperties.Client("Land", "H15.13",
                        List.of(ApiKeys.hash("prod-2026-11", "a-long-random-key")), List.of(), List.of("dossier-intake"),
                        null, List.of(ApiKeys.hash(ApiKeys.DEMO_SALT, "demo-sector-land-secret")), null)));
        var env = new MockEnvironment().withProperty("spring.datasource.password", "s3cret-from-vault")
                .withProperty("spring.artemis.password", "an0ther-s3cret")
                .withProperty("hub.systems.business.token-url", "http://dkkd.example.gov.vn/oauth/token")
                .withProperty("hub.security.jwt.secret", "demo-jwt-signing-secret-0123456789abcdef")
                .withProperty("hub.security.jwt.jwk-set-uri", "http://idp.example.gov.vn/jwks")
                .withProperty("hub.audit.chain-keys.current", "demo-2026")
                .withProperty("hub.audit.chain-keys.keys.demo-2026", "demo-audit-chain-key-not-for-production")
                .withProperty("hub.security.operations.scrape-password-hash",
                        ApiKeys.hash(ApiKeys.DEMO_SALT, "demo-scrape-password"));

        assertThatThrownBy(() -> new ProductionSafetyCheck(hub, env).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hub.systems.onestop.base-url is not https")
                .hasMessageContaining("hub.systems.business.token-url is not https")
                .hasMessageContaining("hub.security.jwt.jwk-set-uri is not https")
                .hasMessageContaining("hub.security.jwt.secret is a demo secret")
                .hasMessageContaining("hub.clients.sector-land uses a demo client secret")
                .hasMessageContaining("hub.audit.chain-keys.current must name a key")
                .hasMessageContaining("hub.security.operations.scrape-password-hash is a demo credential")
                .hasMessageNotContaining("hub.systems.business.base-url");
    }

    private static HubProperties properties(boolean simulators, String keyHash, HubProperties.ExternalSystem onestop) {
        return new HubProperties(null, null, null, null, null, null, null, Map.of("onestop", onestop),
                new HubProperties.Simulators(simulators),
                Map.of("onestop", new HubProperties.Client("One-stop", "H15", List.of(keyHash), List.of())));
    }
}
