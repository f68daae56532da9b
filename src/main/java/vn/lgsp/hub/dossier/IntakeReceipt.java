package vn.lgsp.hub.dossier;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an accepted submission; a repeated submission gets the original receipt again. */
public record IntakeReceipt(
        @Schema(description = "Dossier code (MaHoSo)") String dossierCode,
        @Schema(description = "Where to follow the dossier") String trackingUrl,
        @Schema(description = "ACCEPTED: stored durably and queued for delivery") String state,
        @Schema(description = "True when this repeats an earlier submission; nothing new was created")
        boolean duplicate) {

    static IntakeReceipt accepted(String dossierCode, boolean duplicate) {
        return new IntakeReceipt(dossierCode, "/api/v1/dossiers/" + dossierCode, "ACCEPTED", duplicate);
    }
}
