package vn.lgsp.hub.audit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code hub.audit.chain-keys}: the HMAC keys of the registry-lookup audit chain, held in configuration (the
 * environment, a secret store), never in the database, so whoever can write the database cannot re-seal a changed
 * record. {@code current}: the key id new records are sealed with; {@code currentKey}: its key (one environment
 * variable, {@code HUB_AUDIT_KEY}); {@code keys}: other key ids still needed to verify older records (at least 32
 * bytes each). Rotation: add the new key, point {@code current} at it, keep the old one as long as its records are
 * kept. {@code legacyUntilSeq}: optional pin of the last record sealed before the chain was keyed (see
 * {@link AuditChain#LEGACY_KEY_ID}); the database's own note of it is used when unset.
 */
@ConfigurationProperties("hub.audit.chain-keys")
public record AuditChainKeys(String current, String currentKey, Map<String, String> keys, Long legacyUntilSeq) {

    static final int MIN_KEY_BYTES = 32;

    @ConstructorBinding
    public AuditChainKeys {
        var all = new java.util.HashMap<String, String>(keys == null ? Map.of() : keys);
        if (current != null && currentKey != null && !currentKey.isBlank()) {
            all.put(current, currentKey);
        }
        keys = Map.copyOf(all);
    }

    /** Keys by id, the current one among them. */
    public AuditChainKeys(String current, Map<String, String> keys, Long legacyUntilSeq) {
        this(current, null, keys, legacyUntilSeq);
    }

    /** The key of an id, or null when it is not configured. */
    byte[] key(String keyId) {
        String secret = keyId == null ? null : keys.get(keyId);
        return secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Refuses a configuration that cannot seal: no current key id, its key missing or short, a key id reserved. */
    void check() {
        if (current == null || current.isBlank() || key(current) == null) {
            throw new IllegalStateException("hub.audit.chain-keys.current must name a key of hub.audit.chain-keys.keys");
        }
        keys.forEach((id, secret) -> {
            if (AuditChain.LEGACY_KEY_ID.equals(id) || id.length() > 64) {
                throw new IllegalStateException("hub.audit.chain-keys.keys." + id + ": reserved or too long key id");
            }
            if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
                throw new IllegalStateException("hub.audit.chain-keys.keys." + id + " is shorter than "
                        + MIN_KEY_BYTES + " bytes");
            }
        });
    }
}
