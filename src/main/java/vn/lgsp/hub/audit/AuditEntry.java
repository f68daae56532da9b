package vn.lgsp.hub.audit;

import java.time.OffsetDateTime;

/**
 * One record of the registry audit log: who asked a national registry about whom, for which dossier and why,
 * and what came back. {@code hash} chains it to the record before ({@code prevHash}).
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
        String hash) {
}
