package vn.lgsp.hub.dvcqg;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;

/** One reconciliation run: the period compared with the portal and what was found. */
public record ReconciliationReport(
        @Schema(description = "Report id") long id,
        @Schema(description = "Start of the period (dossiers received at or after)") OffsetDateTime from,
        @Schema(description = "End of the period (dossiers received before)") OffsetDateTime to,
        @Schema(description = "ADMIN (API call) or SCHEDULE") String trigger,
        @Schema(description = "RUNNING, DONE or FAILED") String state,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        @Schema(description = "Dossiers compared with TraCuuHoSo") int checked,
        @Schema(description = "Dossiers the portal holds exactly as the hub would send them") int matching,
        @Schema(description = "Divergent dossiers queued for sync again") int repushed,
        @Schema(description = "Dossiers that could not be compared or queued (portal or hub error)") int stillFailing,
        @Schema(description = "Codes of re-pushed dossiers (first 200)") List<String> repushedDossiers,
        @Schema(description = "Codes of dossiers still failing, with the reason (first 200)") List<String> failingDossiers) {
}
