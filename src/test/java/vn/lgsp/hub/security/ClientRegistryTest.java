package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.platform.HubProperties;

/**
 * API keys are looked up by their salted digest, whatever the salts and the number of systems; OAuth2 client
 * secrets are checked against their own client's hashes only.
 */
class ClientRegistryTest {

    private static final String OLD_SALT = "salt-2025";
    private static final String NEW_SALT = "salt-2026";

    private final ClientRegistry registry = new ClientRegistry(properties(Map.of(
            "land", client(List.of(ApiKeys.hash(NEW_SALT, "land-key"), ApiKeys.hash(OLD_SALT, "land-old-key")),
                    List.of(ApiKeys.hash(NEW_SALT, "land-secret"))),
            "onestop", client(List.of(ApiKeys.hash(OLD_SALT, "onestop-key")), List.of()),
            "health", client(List.of(ApiKeys.hash(NEW_SALT, "health-key")),
                    List.of(ApiKeys.hash(OLD_SALT, "health-secret"))))));

    @Test
    void eachKeyNamesItsSystemWhateverItsSalt() {
        assertThat(registry.authenticate("land-key")).map(ConnectedSystem::id).contains("land");
        assertThat(registry.authenticate("land-old-key")).map(ConnectedSystem::id).contains("land");
        assertThat(registry.authenticate("onestop-key")).map(ConnectedSystem::id).contains("onestop");
        assertThat(registry.authenticate("health-key")).map(ConnectedSystem::id).contains("health");
    }

    @Test
    void unknownEmptyAndOverlongKeysNameNoSystem() {
        assertThat(registry.authenticate("land-kez")).isEmpty();
        assertThat(registry.authenticate("")).isEmpty();
        assertThat(registry.authenticate(null)).isEmpty();
        assertThat(registry.authenticate("x".repeat(257))).isEmpty();
        // A stored hash itself, or its digest, is no key.
        assertThat(registry.authenticate(ApiKeys.hash(NEW_SALT, "land-key"))).isEmpty();
        assertThat(registry.authenticate(ApiKeys.digest(NEW_SALT, "land-key"))).isEmpty();
    }

    @Test
    void aClientSecretOpensOnlyItsOwnClient() {
        assertThat(registry.authenticateClient("land", "land-secret")).map(ConnectedSystem::id).contains("land");
        assertThat(registry.authenticateClient("health", "health-secret")).map(ConnectedSystem::id)
                .contains("health");
        assertThat(registry.authenticateClient("health", "land-secret")).isEmpty();
        assertThat(registry.authenticateClient("land", "land-key")).isEmpty();
        assertThat(registry.authenticateClient("onestop", "")).isEmpty();
        assertThat(registry.authenticateClient("nobody", "land-secret")).isEmpty();
    }

    @Test
    void aKeyListedForTwoSystemsNamesOneOfThem() {
        Map<String, HubProperties.Client> clients = new java.util.HashMap<>();
        clients.put("first", client(List.of(ApiKeys.hash(NEW_SALT, "shared")), List.of()));
        clients.put("second", client(List.of(ApiKeys.hash(NEW_SALT, "shared")), List.of()));

        assertThat(new ClientRegistry(properties(clients)).authenticate("shared")).map(ConnectedSystem::id).get()
                .isIn("first", "second");
    }

    @Test
    void malformedHashesAndUnknownServicesStopTheStart() {
        assertThatThrownBy(() -> new ClientRegistry(properties(Map.of("land", client(List.of("plain-key"), List.of())))))
                .hasMessage("hub.clients.land.api-key-hashes holds a value that is not {salt}sha256hex");
        assertThatThrownBy(() -> new ClientRegistry(properties(Map.of("land",
                client(List.of(), List.of("{s}abc")))))).hasMessage(
                "hub.clients.land.client-secret-hashes holds a value that is not {salt}sha256hex");
        assertThatThrownBy(() -> new ClientRegistry(properties(Map.of("land", new HubProperties.Client("Land", "H15",
                List.of(), List.of(), List.of("teleport"), null, List.of(), List.of()))))).hasMessageStartingWith(
                "hub.clients.land.services names an unknown service 'teleport'");
    }

    private static HubProperties.Client client(List<String> keyHashes, List<String> secretHashes) {
        return new HubProperties.Client("A system", "H15", keyHashes, List.of(), List.of("dossier-intake"), null,
                secretHashes, List.of());
    }

    private static HubProperties properties(Map<String, HubProperties.Client> clients) {
        return new HubProperties(null, null, null, null, null, null, null, Map.of(), null, clients);
    }
}
