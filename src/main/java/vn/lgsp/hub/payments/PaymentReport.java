package vn.lgsp.hub.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The payments of one day (transactions created that day, Asia/Ho_Chi_Minh), by outcome. */
public record PaymentReport(
        LocalDate date,
        @Schema(description = "Transactions paid, with their total in VND") List<String> paid, long paidAmount,
        @Schema(description = "Transactions the gateway reported not paid") List<String> failed,
        @Schema(description = "Transactions neither paid nor failed yet") List<String> pending,
        @Schema(description = "Transactions a gateway reported with another amount than theirs") List<String> mismatched) {
}
