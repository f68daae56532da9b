package vn.lgsp.hub.audit;

import java.time.OffsetDateTime;

/**
 * One record of the registry audit log: who asked a national registry about whom, for which dossier and why,
 * and what came back. {@code hash} chains it to the record before ({@code prevHash}), sealed with the key
 * {@code keyId} names ({@link AuditChain}).
 */
public record AuditEntry(
        long seq,
        OffsetDateTime at,
        String registry,
        String action,
        String subject,
        String callerSystem,
        String officerId,
        String dossierCode,
        String purpose,
        String result,
        String correlationId,
        String prevHash,
        String hash,
        String keyId) {

    /** A record sealed the way records were before the chain was keyed ({@link AuditChain#LEGACY_KEY_ID}). */
    public AuditEntry(long seq, OffsetDateTime at, String registry, String action, String subject,
                      String callerSystem, String officerId, String dossierCode, String purpose, String result,
                      String correlationId, String prevHash, String hash) {
        this(seq, at, registry, action, subject, callerSystem, officerId, dossierCode, purpose, result,
                correlationId, prevHash, hash, AuditChain.LEGACY_KEY_ID);
    }

    AuditEntry withHash(String keyId, String hash) {
        return new AuditEntry(seq, at, registry, action, subject, callerSystem, officerId, dossierCode, purpose,
                result, correlationId, prevHash, hash, keyId);
    }
}
