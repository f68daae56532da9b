package vn.lgsp.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chain of the audit log: {@code hash = hmacSha256hex(key[keyId], prevHash + fields + keyId)}. The key is in
 * configuration, not in the database ({@link AuditChainKeys}), so a changed record cannot be re-sealed by whoever
 * can write the table. Fields are length-prefixed, so no two different records encode alike; the time counts in
 * epoch milliseconds, so it survives any database's time-zone and precision handling.
 *
 * <p>Records written before the chain was keyed carry {@link #LEGACY_KEY_ID}: {@code sha256hex(prevHash + fields)},
 * accepted only up to the last record of that time ({@link RegistryAudit#verify}).
 */
public final class AuditChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);
    /** Key id of records sealed with plain SHA-256, before the chain was keyed. */
    public static final String LEGACY_KEY_ID = "legacy-sha256";

    private AuditChain() {
    }

    /** The legacy seal: SHA-256 without a key (what anyone can recompute). */
    public static String hash(AuditEntry e) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(encode(e).toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /** The keyed seal: HMAC-SHA256 with the key of {@code keyId}, the key id itself covered. */
    public static String mac(AuditEntry e, String keyId, byte[] key) {
        StringBuilder s = encode(e);
        field(s, keyId);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

    /** Whether the record's stored legacy hash is the hash of its fields after {@code expectedPrev}. */
    public static boolean holds(AuditEntry e, String expectedPrev) {
        return e.prevHash().equals(expectedPrev) && e.hash().equals(hash(e));
    }

    /** Whether the record's stored keyed hash is the MAC of its fields after {@code expectedPrev}. */
    public static boolean holds(AuditEntry e, String expectedPrev, byte[] key) {
        return e.prevHash().equals(expectedPrev)
                && MessageDigest.isEqual(e.hash().getBytes(StandardCharsets.US_ASCII),
                        mac(e, e.keyId(), key).getBytes(StandardCharsets.US_ASCII));
    }

    private static StringBuilder encode(AuditEntry e) {
        StringBuilder s = new StringBuilder(e.prevHash());
        field(s, Long.toString(e.seq()));
        field(s, Long.toString(e.at().toInstant().toEpochMilli()));
        field(s, e.registry());
        field(s, e.action());
        field(s, e.subject());
        field(s, e.callerSystem());
        field(s, e.officerId());
        field(s, e.dossierCode());
        field(s, e.purpose());
        field(s, e.result());
        field(s, e.correlationId());
        return s;
    }

    private static void field(StringBuilder s, String value) {
        if (value == null) {
            s.append("|-1:");
        } else {
            s.append('|').append(value.length()).append(':').append(value);
        }
    }
}
