package vn.lgsp.hub.dossier;

import java.time.OffsetDateTime;

/** A dossier row: the identity columns the hub queries, and the canonical JSON as accepted. */
public record StoredDossier(String dossierCode, String sourceSystem, String sourceRef, int status,
                            OffsetDateTime statusAt, OffsetDateTime receivedAt, int version, String payload) {
}
