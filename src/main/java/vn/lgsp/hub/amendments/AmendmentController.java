package vn.lgsp.hub.amendments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.canonical.AmendmentKind;
import vn.lgsp.hub.canonical.DossierAmendment;
import vn.lgsp.hub.security.Callers;

/**
 * The dossier's life after intake over REST: supplements requested and received, corrections, withdrawal and
 * cancellation by the applicant, and the list of a dossier's amendments. Access: service {@code dossier-amendments}
 * ({@code dossier-read} for the list), on dossiers the caller owns or is assigned (checked for every path under
 * the dossier).
 */
@RestController
@RequestMapping(path = "/api/v1/dossiers/{dossierCode}", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Amendments", description = "Supplements, corrections, withdrawal and cancellation of a dossier")
@SecurityRequirement(name = "apiKey")
@ApiResponse(responseCode = "202", description = "Recorded (or recognised as a duplicate: duplicate = true)")
@ApiResponse(responseCode = "400", description = "Malformed JSON, missing 'at', a field this amendment does not take",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such dossier (or supplement)",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class AmendmentController {

    private final DossierAmendments amendments;

    public AmendmentController(DossierAmendments amendments) {
        this.amendments = amendments;
    }

    @PostMapping(path = "/supplements", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Request a supplement",
            description = "The dossier moves to status 5 (supplement requested) as of 'at'; the answer carries the "
                    + "supplement's number. Optional: documents requested, a new due date.")
    public ResponseEntity<DossierAmendments.Outcome> requestSupplement(@PathVariable String dossierCode,
                                                                       @RequestBody AmendmentRequest request) {
        return accepted(dossierCode, AmendmentKind.SUPPLEMENT_REQUESTED, null, request);
    }

    @PostMapping(path = "/supplements/{supplementNo}/receipt", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record that a requested supplement was received",
            description = "The dossier returns to status 4 (processing) as of 'at'; documents: what was supplied.")
    @ApiResponse(responseCode = "409", description = "This supplement was already received at another moment",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<DossierAmendments.Outcome> receiveSupplement(@PathVariable String dossierCode,
                                                                       @PathVariable int supplementNo,
                                                                       @RequestBody AmendmentRequest request) {
        return accepted(dossierCode, AmendmentKind.SUPPLEMENT_RECEIVED, supplementNo, request);
    }

    @PostMapping(path = "/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct the dossier's data",
            description = "changes: new values by field. A correction older than one already recorded changes "
                    + "only the fields the newer one did not.")
    public ResponseEntity<DossierAmendments.Outcome> correct(@PathVariable String dossierCode,
                                                             @RequestBody AmendmentRequest request) {
        return accepted(dossierCode, AmendmentKind.CORRECTION, null, request);
    }

    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The applicant withdraws the dossier", description = "Status 7 as of 'at'.")
    public ResponseEntity<DossierAmendments.Outcome> withdraw(@PathVariable String dossierCode,
                                                              @RequestBody AmendmentRequest request) {
        return accepted(dossierCode, AmendmentKind.WITHDRAWAL, null, request);
    }

    @PostMapping(path = "/cancellation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The applicant cancels the dossier", description = "Status 7 as of 'at'.")
    public ResponseEntity<DossierAmendments.Outcome> cancel(@PathVariable String dossierCode,
                                                            @RequestBody AmendmentRequest request) {
        return accepted(dossierCode, AmendmentKind.CANCELLATION, null, request);
    }

    @GetMapping("/amendments")
    @Operation(summary = "The dossier's amendments",
            description = "Every amendment recorded for the dossier, in the order they happened (service dossier-read)")
    public List<DossierAmendment> list(@PathVariable String dossierCode) {
        return amendments.of(dossierCode);
    }

    private ResponseEntity<DossierAmendments.Outcome> accepted(String dossierCode, AmendmentKind kind,
                                                               Integer supplementNo, AmendmentRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(amendments.amend(dossierCode, kind, supplementNo, request, Callers.current()));
    }
}
