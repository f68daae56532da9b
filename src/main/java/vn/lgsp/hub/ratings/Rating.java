package vn.lgsp.hub.ratings;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** A citizen's satisfaction rating of a dossier's handling, as a device, a QR page or the portal sends it. */
public record Rating(
        @Schema(description = "The sender's own id of the rating; the same id again is a duplicate") String ratingId,
        @Schema(description = "Dossier rated (MaHoSo); must be a dossier the hub holds") String dossierCode,
        @Schema(description = "Officer who served the citizen, optional") String officer,
        @Schema(description = "Where the citizen rated: COUNTER (device at the desk), QR or PORTAL") Channel channel,
        @Schema(description = "Score, 1 (very dissatisfied) to hub.ratings.max-score (very satisfied)") Integer score,
        @Schema(description = "When the citizen rated; defaults to arrival") OffsetDateTime ratedAt,
        @Schema(description = "The citizen's words, optional") String comment) {

    /** Where a rating is given. */
    public enum Channel { COUNTER, QR, PORTAL }
}
