package vn.lgsp.hub.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;

/**
 * The connected systems from {@code hub.clients.*}: identity, granted services, and the check of their API keys and
 * OAuth2 client secrets (both stored only as salted hashes; two listed during a rotation).
 */
@Component
public class ClientRegistry {

    private record Entry(ConnectedSystem system, List<String> hashes, List<String> secretHashes,
                         List<String> certificateSubjects) {
    }

    private final List<Entry> entries;

    public ClientRegistry(HubProperties properties) {
        this.entries = properties.clients().entrySet().stream()
                .map(e -> new Entry(toSystem(e), e.getValue().apiKeyHashes(), e.getValue().clientSecretHashes(),
                        e.getValue().certificateSubjects().stream().map(ClientRegistry::canonical).toList()))
                .toList();
        entries.forEach(e -> {
            String prefix = "hub.clients." + e.system().id();
            e.hashes().forEach(h -> requireWellFormed(h, prefix + ".api-key-hashes"));
            e.secretHashes().forEach(h -> requireWellFormed(h, prefix + ".client-secret-hashes"));
            e.system().services().forEach(s -> HubService.byId(s).orElseThrow(() -> new IllegalStateException(
                    prefix + ".services names an unknown service '" + s + "'; known: "
                            + java.util.Arrays.stream(HubService.values()).map(HubService::id).toList())));
        });
    }

    private static void requireWellFormed(String hash, String where) {
        if (!ApiKeys.isWellFormed(hash)) {
            throw new IllegalStateException(where + " holds a value that is not {salt}sha256hex");
        }
    }

    private static ConnectedSystem toSystem(Map.Entry<String, HubProperties.Client> e) {
        HubProperties.Client c = e.getValue();
        return new ConnectedSystem(e.getKey(), c.name(), c.agencyCode(), c.roles(), c.services());
    }

    /** The system that owns this key, if any. */
    public Optional<ConnectedSystem> authenticate(String apiKey) {
        return matching(apiKey, Entry::hashes);
    }

    /** The system with this OAuth2 client id, when the secret matches one of its secret hashes. */
    public Optional<ConnectedSystem> authenticateClient(String clientId, String secret) {
        return entries.stream().filter(e -> e.system().id().equals(clientId)).findFirst()
                .flatMap(e -> matching(secret, any -> any == e ? e.secretHashes() : List.of()));
    }

    private Optional<ConnectedSystem> matching(String credential, java.util.function.Function<Entry, List<String>> hashes) {
        if (credential == null || credential.isEmpty() || credential.length() > 256) {
            return Optional.empty();
        }
        for (Entry entry : entries) {
            for (String hash : hashes.apply(entry)) {
                if (ApiKeys.matches(hash, credential)) {
                    return Optional.of(entry.system());
                }
            }
        }
        return Optional.empty();
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
