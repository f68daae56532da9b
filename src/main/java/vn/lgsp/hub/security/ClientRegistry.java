package vn.lgsp.hub.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;

/**
 * The connected systems from {@code hub.clients.*}: identity, granted services, and the check of their API keys and
 * OAuth2 client secrets (both stored only as salted hashes; two listed during a rotation).
 */
@Component
public class ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private record Entry(ConnectedSystem system, List<ApiKeys.Stored> secretHashes, List<String> certificateSubjects) {
    }

    /** Longer credentials are refused unhashed: no key or secret the hub hands out is that long. */
    private static final int MAX_CREDENTIAL_LENGTH = 256;

    private final List<Entry> entries;
    /**
     * The stored API-key digests by salt, then by digest: a presented key is hashed once per distinct salt
     * (normally one, two during a change of salt) and looked up, whatever the number of systems and keys.
     *
     * <p>Looking a computed digest up in a map is not a timing leak worth a constant-time compare: the timing
     * depends on how the presented key's digest compares with the stored ones, and learning that a guess's
     * SHA-256 shares a prefix with a stored digest tells nothing about the key without inverting SHA-256.
     */
    private final Map<String, Map<String, ConnectedSystem>> keysBySalt;

    public ClientRegistry(HubProperties properties) {
        Map<String, Map<String, ConnectedSystem>> keys = new LinkedHashMap<>();
        List<Entry> all = new ArrayList<>();
        properties.clients().forEach((id, client) -> {
            String prefix = "hub.clients." + id;
            ConnectedSystem system = toSystem(id, client);
            system.services().forEach(s -> HubService.byId(s).orElseThrow(() -> new IllegalStateException(
                    prefix + ".services names an unknown service '" + s + "'; known: "
                            + Arrays.stream(HubService.values()).map(HubService::id).toList())));
            client.apiKeyHashes().stream().map(h -> parsed(h, prefix + ".api-key-hashes")).forEach(h -> {
                ConnectedSystem other = keys.computeIfAbsent(h.salt(), salt -> new HashMap<>())
                        .putIfAbsent(h.digest(), system);
                if (other != null && !other.id().equals(id)) {
                    // Which of the two a key names is not defined (it never was): give each system its own key.
                    log.warn("hub.clients.{} and hub.clients.{} list the same API key hash; it identifies {}", id,
                            other.id(), other.id());
                }
            });
            all.add(new Entry(system, client.clientSecretHashes().stream()
                    .map(h -> parsed(h, prefix + ".client-secret-hashes")).toList(),
                    client.certificateSubjects().stream().map(ClientRegistry::canonical).toList()));
        });
        this.entries = List.copyOf(all);
        keys.replaceAll((salt, digests) -> Map.copyOf(digests));
        this.keysBySalt = Collections.unmodifiableMap(keys);
    }

    private static ApiKeys.Stored parsed(String hash, String where) {
        return ApiKeys.Stored.parse(hash).orElseThrow(() -> new IllegalStateException(
                where + " holds a value that is not {salt}sha256hex"));
    }

    private static ConnectedSystem toSystem(String id, HubProperties.Client c) {
        return new ConnectedSystem(id, c.name(), c.agencyCode(), c.roles(), c.services());
    }

    /** The system that owns this key, if any: one SHA-256 per distinct salt, then a map look-up. */
    public Optional<ConnectedSystem> authenticate(String apiKey) {
        if (!plausible(apiKey)) {
            return Optional.empty();
        }
        for (var salt : keysBySalt.entrySet()) {
            ConnectedSystem system = salt.getValue().get(ApiKeys.digest(salt.getKey(), apiKey));
            if (system != null) {
                return Optional.of(system);
            }
        }
        return Optional.empty();
    }

    /** The system with this OAuth2 client id, when the secret matches one of its secret hashes. */
    public Optional<ConnectedSystem> authenticateClient(String clientId, String secret) {
        if (!plausible(secret)) {
            return Optional.empty();
        }
        return entries.stream().filter(e -> e.system().id().equals(clientId)).findFirst()
                .filter(e -> e.secretHashes().stream().anyMatch(h -> h.matches(secret)))
                .map(Entry::system);
    }

    private static boolean plausible(String credential) {
        return credential != null && !credential.isEmpty() && credential.length() <= MAX_CREDENTIAL_LENGTH;
    }

    /** The system a verified client certificate (mutual TLS) names by its subject. */
    public Optional<ConnectedSystem> authenticateCertificate(X500Principal subject) {
        String name = subject.getName(X500Principal.CANONICAL);
        return entries.stream().filter(e -> e.certificateSubjects().contains(name)).map(Entry::system).findFirst();
    }

    private static String canonical(String subject) {
        return new X500Principal(subject).getName(X500Principal.CANONICAL);
    }

    public Optional<ConnectedSystem> find(String id) {
        return entries.stream().map(Entry::system).filter(s -> s.id().equals(id)).findFirst();
    }

    public List<ConnectedSystem> all() {
        return entries.stream().map(Entry::system).toList();
    }
}
