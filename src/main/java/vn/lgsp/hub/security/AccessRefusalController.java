package vn.lgsp.hub.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit of refused calls, for administrators. */
@RestController
@Tag(name = "Administration", description = "Refused calls of connected systems")
@SecurityRequirement(name = "apiKey")
public class AccessRefusalController {

    private final AccessAudit audit;

    public AccessRefusalController(AccessAudit audit) {
        this.audit = audit;
    }

    @GetMapping(path = "/api/v1/admin/access-refusals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Refused calls, newest first (who, which service, which request, why, when)")
    public AccessRefusals refusals(@RequestParam(name = "system", required = false) String system,
                                        @RequestParam(name = "limit", defaultValue = "100") int limit) {
        return new AccessRefusals(audit.latest(system, limit));
    }

    /** Refused calls, newest first. */
    public record AccessRefusals(List<AccessAudit.AccessRefusal> items) {
    }
}
