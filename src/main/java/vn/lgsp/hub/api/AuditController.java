package vn.lgsp.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.audit.AuditEntry;
import vn.lgsp.hub.audit.RegistryAudit;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/** The registry audit log for administrators: who read whose data, and whether the log is intact. */
@RestController
@RequestMapping(path = "/api/v1/admin/audit", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "Administration", description = "Requires a key of a system with role ADMIN")
@SecurityRequirement(name = "apiKey")
public class AuditController {

    private static final int MAX_LIMIT = 1000;

    private final RegistryAudit audit;

    public AuditController(RegistryAudit audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Registry lookups about a subject or for a dossier, newest first")
    public List<AuditEntry> find(
            @Parameter(description = "Personal ID or enterprise code") @RequestParam(required = false) String subject,
            @Parameter(description = "Dossier code") @RequestParam(required = false) String dossierCode,
            @RequestParam(defaultValue = "100") int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIMIT));
        if (subject != null) {
            return audit.about(subject, n);
        }
        if (dossierCode != null) {
            return audit.ofDossier(dossierCode, n);
        }
        throw new HubException(ErrorCode.MALFORMED_REQUEST, "Give subject or dossierCode");
    }

    @GetMapping("/verify")
    @Operation(summary = "Check the audit log's hash chain",
            description = "Walks every record: each must follow its predecessor without a gap and hash to its "
                    + "stored value; the chain's head must name the last record. intact=false names the first "
                    + "broken record.")
    public RegistryAudit.Verification verify() {
        return audit.verify();
    }
}
