package vn.lgsp.hub.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.ReportingPeriod;
import vn.lgsp.hub.security.Callers;

/** Online payment of a dossier's fees, the daily payment report and indicator 3.6. */
@RestController
@RequestMapping(path = "/api/v1", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Payments", description = "Fees paid online through the national payment platform or the bank gateway")
@SecurityRequirement(name = "apiKey")
@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class PaymentController {

    private static final int MAX_IDEMPOTENCY_KEY = 128;

    private final Payments payments;
    private final PaymentStore store;
    private final PaymentFigures figures;

    public PaymentController(Payments payments, PaymentStore store, PaymentFigures figures) {
        this.payments = payments;
        this.store = store;
        this.figures = figures;
    }

    @PostMapping(path = "/dossiers/{dossierCode}/payments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Pay fees of a dossier online",
            description = "Stores a transaction (state PENDING, a new id per attempt, the exact sum of the fees in "
                    + "VND), starts it at the gateway (payment = national payment platform, bank = the province's "
                    + "gateway) and answers the URL to send the payer to. Callbacks settle it. A retry (the same "
                    + "Idempotency-Key, or the same fees at the same gateway while a transaction of them is pending) "
                    + "answers that transaction with 200 and creates nothing.")
    @ApiResponse(responseCode = "201", description = "Started; send the payer to paymentUrl")
    @ApiResponse(responseCode = "200", description = "A retry: the transaction started by the original request")
    @ApiResponse(responseCode = "404", description = "No such dossier",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "A fee of the request is already paid",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "A fee is not the dossier's, the amount is not their sum, or "
            + "the Idempotency-Key was first used with another request",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The gateway did not answer",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<PaymentStarted> pay(
            @PathVariable String dossierCode, @RequestBody PaymentRequest request,
            @Parameter(description = "Optional client-chosen key that makes a retried POST safe")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST,
                    "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        Payments.Started started = payments.request(dossierCode, request, Callers.current().id(), idempotencyKey);
        return ResponseEntity.status(started.created() ? HttpStatus.CREATED : HttpStatus.OK).body(started.answer());
    }

    @GetMapping("/dossiers/{dossierCode}/payments")
    @Operation(summary = "The dossier's payment transactions")
    public List<PaymentView> ofDossier(@PathVariable String dossierCode) {
        var receipts = store.receiptsOfDossier(dossierCode);
        return store.ofDossier(dossierCode).stream().map(t -> PaymentView.of(t, receipts.get(t.transactionId())))
                .toList();
    }

    @GetMapping("/admin/payments/report")
    @Operation(summary = "Daily payment report",
            description = "Transactions created that day (Asia/Ho_Chi_Minh): paid, failed, still pending, and those "
                    + "a gateway reported with another amount (mismatched).")
    public PaymentReport report(@Parameter(description = "The day, yyyy-MM-dd") @RequestParam
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return figures.report(date);
    }

    @GetMapping("/kpi/payments")
    @Operation(summary = "Indicator 3.6: dossiers paid online ÷ fee-bearing dossiers, received in [from, to)")
    public PaymentKpi kpi(@Parameter(description = ReportingPeriod.FROM_DESCRIPTION) @RequestParam(required = false)
                          String from,
                          @Parameter(description = ReportingPeriod.TO_DESCRIPTION) @RequestParam(required = false)
                          String to) {
        ReportingPeriod period = ReportingPeriod.parse(from, to, Clock.systemUTC());
        return figures.kpi(period.from(), period.to());
    }

    /** A transaction as the API shows it (without the payer's name), with its electronic receipt once issued. */
    public record PaymentView(String transactionId, String dossierCode, String gateway, long amount, List<String> fees,
                              String state, String gatewayRef, String settledBy, OffsetDateTime createdAt,
                              OffsetDateTime settledAt, PaymentStore.Receipt receipt) {
        static PaymentView of(PaymentTransaction t, PaymentStore.Receipt receipt) {
            return new PaymentView(t.transactionId(), t.dossierCode(), t.gateway(), t.amount(),
                    List.of(t.feeCodes().split(",")), t.state().name(), t.gatewayRef(), t.settledBy(), t.createdAt(),
                    t.settledAt(), receipt);
        }
    }
}
