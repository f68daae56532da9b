package vn.lgsp.hub.dvcqg;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** Sync figures of a period, as Decision 766/QĐ-TTg indicator 1.4 counts them. */
public record SyncKpi(
        OffsetDateTime from,
        OffsetDateTime to,
        @Schema(description = "Dossiers received in the period") long received,
        @Schema(description = "Of those, dossiers the portal holds (DongBoHoSoMC accepted)") long synced,
        @Schema(description = "Of those, dossiers whose latest state and every progress step the portal holds")
        long upToDate,
        @Schema(description = "Indicator 1.4: synced / received; null when nothing was received") Double syncRate,
        @Schema(description = "Sync events not yet consumed: in the outbox or in the sync queue (all periods)")
        long pendingEvents,
        @Schema(description = "Age of the oldest dossier or status change not yet at the portal (all periods); "
                + "0 when none") long oldestPendingAgeSeconds) {
}
