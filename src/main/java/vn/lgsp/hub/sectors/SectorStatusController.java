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
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.security.Callers;
import vn.lgsp.hub.security.HubService;

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
    private final AccessRights rights;

    public SectorStatusController(SectorProgress progress, AccessRights rights) {
        this.progress = progress;
        this.rights = rights;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report progress in the sector system's own status codes",
            description = "Only the system itself may report under its id. 422 for a status not in its table.")
    public ResponseEntity<DossierStatusUpdates.Outcome> report(@PathVariable String system,
                                                               @RequestBody SectorStatusReport report) {
        var caller = Callers.current();
        if (!caller.id().equals(system)) {
            throw rights.refuse(caller, HubService.SECTOR_PROGRESS, "A system may report progress only under its own id");
        }
        rights.requireOwnerOrAssigned(caller, report.dossierCode(), HubService.SECTOR_PROGRESS, false);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(progress.report(caller, report.dossierCode(),
                report.status(), report.at(), report.note(), report.officer()));
    }
}
