package vn.lgsp.hub.sectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.dossier.DossierStatusUpdates;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.security.Callers;

/**
 * Progress callback for push-style sector systems: a system reports a status in its OWN vocabulary; the hub maps
 * it through {@code mappings/<system>/status.<system>-to-hub.csv}. A new sector system needs a status table and
 * an API key, no code.
 */
@RestController
@RequestMapping(path = "/api/v1/sectors/{system}/status", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sector systems", description = "Progress reported by sector systems in their own status codes")
@SecurityRequirement(name = "apiKey")
public class SectorStatusController {

    /** A status report in the sector system's vocabulary. */
    public record SectorStatusReport(@NotBlank String dossierCode, @NotBlank String status,
                                     @NotNull OffsetDateTime at, String note, String officer) {
    }

    private final SectorProgress progress;

    public SectorStatusController(SectorProgress progress) {
        this.progress = progress;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report progress in the sector system's own status codes",
            description = "Only the system itself may report under its id. 422 for a status not in its table.")
    public ResponseEntity<DossierStatusUpdates.Outcome> report(@PathVariable String system,
                                                               @RequestBody SectorStatusReport report) {
        var caller = Callers.current();
        if (!caller.id().equals(system)) {
            throw new HubException(ErrorCode.FORBIDDEN, "A system may report progress only under its own id");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(progress.report(caller, report.dossierCode(),
                report.status(), report.at(), report.note(), report.officer()));
    }
}
