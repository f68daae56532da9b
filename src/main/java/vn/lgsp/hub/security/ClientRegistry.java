package vn.lgsp.hub.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;

/** The connected systems from {@code hub.clients.*} and the check of their API keys. */
@Component
public class ClientRegistry {

    private record Entry(ConnectedSystem system, List<String> hashes) {
    }

    private final List<Entry> entries;

    public ClientRegistry(HubProperties properties) {
        this.entries = properties.clients().entrySet().stream()
                .map(e -> new Entry(toSystem(e), e.getValue().apiKeyHashes()))
                .toList();
        entries.forEach(e -> e.hashes().forEach(h -> {
            if (!ApiKeys.isWellFormed(h)) {
                throw new IllegalStateException("hub.clients." + e.system().id()
                        + ".api-key-hashes holds a value that is not {salt}sha256hex");
            }
        }));
    }

    private static ConnectedSystem toSystem(Map.Entry<String, HubProperties.Client> e) {
        return new ConnectedSystem(e.getKey(), e.getValue().name(), e.getValue().agencyCode(), e.getValue().roles());
    }

    /** The system that owns this key, if any. */
    public Optional<ConnectedSystem> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isEmpty() || apiKey.length() > 256) {
            return Optional.empty();
        }
        for (Entry entry : entries) {
            for (String hash : entry.hashes()) {
                if (ApiKeys.matches(hash, apiKey)) {
                    return Optional.of(entry.system());
                }
            }
        }
        return Optional.empty();
    }

    public Optional<ConnectedSystem> find(String id) {
        return entries.stream().map(Entry::system).filter(s -> s.id().equals(id)).findFirst();
    }
}
