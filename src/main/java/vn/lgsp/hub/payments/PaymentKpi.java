package vn.lgsp.hub.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/** Decision 766/QĐ-TTg indicator 3.6 for dossiers received in [from, to). */
public record PaymentKpi(
        OffsetDateTime from,
        OffsetDateTime to,
        @Schema(description = "Dossiers received in the period with at least one fee above 0") long feeBearing,
        @Schema(description = "Of those, dossiers with a paid online transaction") long paidOnline,
        @Schema(description = "Indicator 3.6: paidOnline / feeBearing; null when no dossier bears a fee") Double rate) {
}
