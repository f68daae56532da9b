package vn.lgsp.hub.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.apache.camel.ProducerTemplate;
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
import vn.lgsp.hub.platform.HubProperties;

/** The procedure catalogue for administrators: what is in force, and its refreshes from the national database. */
@RestController
@RequestMapping(path = "/api/v1/admin/catalogue",
        produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Procedure catalogue", description = "The catalogue in force and its refreshes from the national "
        + "procedure database (docs/catalogue.md)")
@SecurityRequirement(name = "apiKey")
@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The caller is not an administrator",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class CatalogueController {

    static final String REFRESH_ROUTE = "direct:procedures-catalogue-refresh";

    private final ProcedureCatalogue catalogue;
    private final CatalogueRefresh refresh;
    private final ProducerTemplate camel;
    private final String baseUrl;

    public CatalogueController(ProcedureCatalogue catalogue, CatalogueRefresh refresh, ProducerTemplate camel,
                               HubProperties hub) {
        this.catalogue = catalogue;
        this.refresh = refresh;
        this.camel = camel;
        HubProperties.ExternalSystem procedures = hub.systems().get("procedures");
        this.baseUrl = procedures == null ? null : procedures.baseUrl();
    }

    @GetMapping("/procedures/{code}")
    @Operation(summary = "One procedure as the hub uses it",
            description = "From mappings/catalogue/procedures.csv when the file lists it (source FILE), else from the "
                    + "national procedure database's last refresh (source NATIONAL).")
    @ApiResponse(responseCode = "200", description = "The procedure")
    @ApiResponse(responseCode = "404", description = "Neither the file nor the national list has it",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public CataloguedProcedure procedure(@PathVariable String code) {
        Procedure p = catalogue.find(code).orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                "No procedure with this code in the catalogue"));
        return new CataloguedProcedure(catalogue.inFile(code).isPresent() ? "FILE" : "NATIONAL", p);
    }

    /** A procedure and where the hub took it from. */
    public record CataloguedProcedure(String source, Procedure procedure) {
    }

    @PostMapping("/refresh")
    @Operation(summary = "Refresh the catalogue from the national procedure database now",
            description = "Reads the whole national list, reports what was added, changed (field by field) and "
                    + "withdrawn since the last refresh, and puts it in force for the procedures the file does not "
                    + "list. Runs in the background; follow the report at Location.")
    @ApiResponse(responseCode = "202", description = "Started; the report is RUNNING")
    @ApiResponse(responseCode = "409", description = "No national procedure database is configured",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public ResponseEntity<CatalogueRefresh.Report> refresh() {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new HubException(ErrorCode.SYSTEM_NOT_CONFIGURED,
                    "hub.systems.procedures.base-url is not set: there is no national procedure database to read");
        }
        long id = refresh.begin("ADMIN");
        camel.asyncSend(REFRESH_ROUTE, exchange -> exchange.setProperty(CatalogueRefresh.REFRESH_ID, id));
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/catalogue/refreshes/" + id))
                .body(refresh.find(id).orElseThrow());
    }

    @GetMapping("/refreshes")
    @Operation(summary = "The latest refreshes, newest first")
    @ApiResponse(responseCode = "200", description = "The reports")
    public List<CatalogueRefresh.Report> refreshes(@RequestParam(defaultValue = "20") int limit) {
        return refresh.latest(Math.max(1, Math.min(limit, 200)));
    }

    @GetMapping("/refreshes/{id}")
    @Operation(summary = "One refresh: its state, differences and, when it failed, why")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "404", description = "No such report",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public CatalogueRefresh.Report report(@PathVariable long id) {
        return refresh.find(id).orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                "No catalogue refresh with this id"));
    }
}
