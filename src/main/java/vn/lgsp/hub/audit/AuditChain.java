package vn.lgsp.hub.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of the audit log: {@code hash = sha256hex(prevHash + fields)}. Fields are length-prefixed, so
 * no two different records encode alike; the time counts in epoch milliseconds, so it survives any database's
 * time-zone and precision handling.
 */
public final class AuditChain {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditEntry e) {
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /** Whether the record's stored hash is the hash of its fields after {@code expectedPrev}. */
    public static boolean holds(AuditEntry e, String expectedPrev) {
        return e.prevHash().equals(expectedPrev) && e.hash().equals(hash(e));
    }

    private static void field(StringBuilder s, String value) {
        if (value == null) {
            s.append("|-1:");
        } else {
            s.append('|').append(value.length()).append(':').append(value);
        }
    }
}
