package vn.lgsp.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.DossierStatusUpdates;
import vn.lgsp.hub.dossier.DossierIntake;
import vn.lgsp.hub.dossier.IntakeReceipt;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.security.Callers;

/** Intake of dossiers and status changes from connected systems, and the dossier's tracking view. */
@RestController
@RequestMapping(path = "/api/v1/dossiers", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Dossiers", description = "Submit dossiers and status changes; follow a dossier across systems")
@SecurityRequirement(name = "apiKey")
@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class DossierController {

    private static final int MAX_IDEMPOTENCY_KEY = 128;

    private final DossierIntake intake;
    private final DossierStatusUpdates statusUpdates;
    private final DossierQueries queries;

    public DossierController(DossierIntake intake, DossierStatusUpdates statusUpdates, DossierQueries queries) {
        this.intake = intake;
        this.statusUpdates = statusUpdates;
        this.queries = queries;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit a dossier",
            description = "Validates the dossier, stores it durably and queues it for the one-stop system. "
                    + "Answers 202 only after the dossier is stored. Posting the same (sourceSystem, sourceRef) or "
                    + "the same Idempotency-Key again answers the original receipt and creates nothing new.")
    @ApiResponse(responseCode = "202", description = "Stored and queued for delivery")
    @ApiResponse(responseCode = "400", description = "Malformed JSON, unknown field, wrong type or invalid field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "403", description = "sourceSystem names another system",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "409", description = "dossierCode already used by another submission",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "413", description = "Body larger than hub.intake.max-body-size",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with a different dossier",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "503", description = "The hub cannot store durably right now; nothing was accepted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<IntakeReceipt> submit(
            @RequestBody Dossier dossier,
            @Parameter(description = "Optional client-chosen key that makes a retried POST safe")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST,
                    "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        IntakeReceipt receipt = intake.accept(dossier, Callers.current(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.ACCEPTED).header("Location", receipt.trackingUrl()).body(receipt);
    }

    @GetMapping("/{dossierCode}")
    @Operation(summary = "Follow a dossier", description = "Current state, status history and trail across systems")
    @ApiResponse(responseCode = "200", description = "The dossier")
    @ApiResponse(responseCode = "404", description = "No such dossier",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public DossierView get(@PathVariable String dossierCode) {
        return queries.view(dossierCode);
    }

    @PostMapping(path = "/{dossierCode}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report a status change",
            description = "Records a status change (DVCQG TrangThaiHoSo 1-10). Changes apply in the order they "
                    + "happened; a late report of an older change is kept in the history but does not become current. "
                    + "The same status reported again for the same moment is recognised as a duplicate.")
    @ApiResponse(responseCode = "202", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "Status outside 1-10, missing 'at', malformed JSON",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such dossier",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<DossierStatusUpdates.Outcome> reportStatus(@PathVariable String dossierCode,
                                                                    @RequestBody StatusChange change) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(statusUpdates.record(dossierCode, change, Callers.current()));
    }
}
