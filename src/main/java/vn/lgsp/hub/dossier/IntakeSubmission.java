package vn.lgsp.hub.dossier;

import java.time.OffsetDateTime;
import java.util.List;
import vn.lgsp.hub.trail.TrailKind;

/**
 * A submission as the request thread prepares it: everything the intake decides that needs no database (the
 * dossier as it will be stored, its trail entries, the queues it goes to). What is left for the commit: whether it
 * repeats an earlier submission, and its dossier code when the caller gave none ({@code codePrefix} followed by a
 * number of the code sequence shared by all hub nodes).
 *
 * @param payloadQueues queues told of the new dossier with its canonical JSON
 * @param codeQueues    queues told of the new dossier with its code only (they read the current snapshot)
 */
record IntakeSubmission(String caller, String idempotencyKey, String requestHash, String sourceSystem, String sourceRef,
                        String suppliedCode, String codePrefix, OffsetDateTime at, CodedPayload payload,
                        List<Entry> trail, List<String> payloadQueues, List<String> codeQueues) {

    /** A trail entry of the new dossier, recorded under its code. */
    record Entry(TrailKind kind, String system, String detail) {
    }

    DossierStore.ClientKey clientKey() {
        return idempotencyKey == null ? null : new DossierStore.ClientKey(caller, idempotencyKey);
    }

    DossierStore.SourceRef ref() {
        return new DossierStore.SourceRef(sourceSystem, sourceRef);
    }
}
