package vn.lgsp.hub.dvcqg;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.ReportingPeriod;

/** Proof of the national-portal sync: sync-rate figures and reconciliation runs. */
@RestController
@RequestMapping(path = "/api/v1", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "DVCQG sync", description = "Sync-rate figures (indicator 1.4) and reconciliation with the national portal")
@SecurityRequirement(name = "apiKey")
@ApiResponse(responseCode = "400", description = "Malformed from/to, or from not before to",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class DvcqgSyncController {

    private final DvcqgSyncFigures figures;
    private final DvcqgReconciliation reconciliation;
    private final Clock clock;

    public DvcqgSyncController(DvcqgSyncFigures figures, DvcqgReconciliation reconciliation) {
        this.figures = figures;
        this.reconciliation = reconciliation;
        this.clock = Clock.systemUTC();
    }

    @GetMapping("/kpi/sync")
    @Operation(summary = "Sync figures of a period",
            description = "Dossiers received in [from, to), how many the portal holds (indicator 1.4 = synced / "
                    + "received), and the current backlog: events pending and the age of the oldest change not yet "
                    + "at the portal.")
    @ApiResponse(responseCode = "200", description = "The figures")
    public SyncKpi kpi(
            @Parameter(description = ReportingPeriod.FROM_DESCRIPTION) @RequestParam(required = false) String from,
            @Parameter(description = ReportingPeriod.TO_DESCRIPTION) @RequestParam(required = false) String to) {
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock);
        return figures.of(period.from(), period.to());
    }

    @PostMapping("/admin/reconcile")
    @Operation(summary = "Reconcile a period with the national portal",
            description = "Compares every dossier received in [from, to) with what the portal holds (TraCuuHoSo) and "
                    + "queues every divergence for sync again. Runs in the background; follow the report at Location.")
    @ApiResponse(responseCode = "202", description = "Started; the report is RUNNING")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<ReconciliationReport> reconcile(
            @Parameter(description = ReportingPeriod.FROM_DESCRIPTION) @RequestParam(required = false) String from,
            @Parameter(description = ReportingPeriod.TO_DESCRIPTION) @RequestParam(required = false) String to) {
        ReportingPeriod period = ReportingPeriod.parse(from, to, clock);
        ReconciliationReport report = reconciliation.start(period.from(), period.to(), "ADMIN");
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/reconcile/" + report.id())).body(report);
    }

    @GetMapping("/admin/reconcile/{id}")
    @Operation(summary = "One reconciliation report")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "403", description = "The caller is not an administrator",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such report",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ReconciliationReport report(@PathVariable long id) {
        return reconciliation.find(id).orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                "No reconciliation report with this id"));
    }
}
