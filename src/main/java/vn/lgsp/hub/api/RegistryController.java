package vn.lgsp.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.audit.AccessPurpose;
import vn.lgsp.hub.canonical.Citizen;
import vn.lgsp.hub.canonical.Enterprise;
import vn.lgsp.hub.canonical.validation.Identifiers;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.FieldError;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.registries.RegistryLookups;
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.security.Callers;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.security.HubService;

/**
 * Lookups in the national registries for connected systems. Personal data is read only for a stated purpose:
 * the dossier and the officer on whose behalf (headers X-Dossier-Code, X-Officer-Id); every lookup, refused ones
 * included, is written to the audit log.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
@Tag(name = "National registries", description = "Identify a citizen or an enterprise once, for a dossier")
@SecurityRequirement(name = "apiKey")
@ApiResponse(responseCode = "400", description = "Purpose headers missing or malformed, or a malformed identifier",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "Missing or unknown X-Api-Key",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The dossier in X-Dossier-Code is neither the caller's nor assigned to it",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "503", description = "The registry did not answer; retry later",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
public class RegistryController {

    public static final String DOSSIER_HEADER = "X-Dossier-Code";
    public static final String OFFICER_HEADER = "X-Officer-Id";
    public static final String PURPOSE_HEADER = "X-Purpose";
    private static final Pattern DOSSIER_CODE = Pattern.compile("^[0-9A-Za-z.\\-_]{1,64}$");
    private static final Pattern OFFICER_ID = Pattern.compile("^[\\p{L}\\p{N}._@\\-]{1,128}$");

    private final RegistryLookups lookups;
    private final AccessRights rights;

    public RegistryController(RegistryLookups lookups, AccessRights rights) {
        this.lookups = lookups;
        this.rights = rights;
    }

    @GetMapping("/citizens/{personalId}")
    @Operation(summary = "Look a citizen up in the national population database",
            description = "Answers the citizen in the canonical model. Requires the purpose: the dossier and the "
                    + "officer the lookup is for. Repeated lookups within hub.registries.cache-ttl are served from "
                    + "the hub's short-lived cache; all are audited.")
    @ApiResponse(responseCode = "200", description = "The citizen")
    @ApiResponse(responseCode = "404", description = "The population database knows no such citizen, "
            + "or no dossier has the code in X-Dossier-Code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Citizen citizen(
            @Parameter(description = "Personal identification number, 12 digits") @PathVariable String personalId,
            @Parameter(description = "Dossier the lookup is for (MaHoSo)") @RequestHeader(name = DOSSIER_HEADER, required = false) String dossierCode,
            @Parameter(description = "Officer asking (MaCanBo)") @RequestHeader(name = OFFICER_HEADER, required = false) String officerId,
            @Parameter(description = "Purpose in words (optional)") @RequestHeader(name = PURPOSE_HEADER, required = false) String purpose) {
        AccessPurpose why = purpose(RegistryLookups.POPULATION, personalId, dossierCode, officerId, purpose);
        if (!Identifiers.isPersonalId(personalId)) {
            throw refused(RegistryLookups.POPULATION, personalId, why, new HubException(ErrorCode.VALIDATION_FAILED,
                    "The personal ID is malformed", List.of(new FieldError("personalId", "must be exactly 12 digits"))));
        }
        requireHeldDossier(RegistryLookups.POPULATION, HubService.CITIZEN_LOOKUP, personalId, why);
        return lookups.citizen(personalId, why, RegistryLookups.Action.LOOKUP).orElseThrow(() ->
                new HubException(ErrorCode.CITIZEN_NOT_FOUND, "No citizen has this personal ID"));
    }

    @GetMapping("/enterprises/{enterpriseCode}")
    @Operation(summary = "Look an enterprise up in the national business-registration database",
            description = "Answers the enterprise in the canonical model. Requires the purpose: the dossier and "
                    + "the officer the lookup is for. All lookups are audited.")
    @ApiResponse(responseCode = "200", description = "The enterprise")
    @ApiResponse(responseCode = "404", description = "The business registry knows no such enterprise, "
            + "or no dossier has the code in X-Dossier-Code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Enterprise enterprise(
            @Parameter(description = "Enterprise code, 10 digits with a valid check digit, or NNNNNNNNNN-NNN") @PathVariable String enterpriseCode,
            @Parameter(description = "Dossier the lookup is for (MaHoSo)") @RequestHeader(name = DOSSIER_HEADER, required = false) String dossierCode,
            @Parameter(description = "Officer asking (MaCanBo)") @RequestHeader(name = OFFICER_HEADER, required = false) String officerId,
            @Parameter(description = "Purpose in words (optional)") @RequestHeader(name = PURPOSE_HEADER, required = false) String purpose) {
        AccessPurpose why = purpose(RegistryLookups.BUSINESS, enterpriseCode, dossierCode, officerId, purpose);
        if (!Identifiers.isEnterpriseCode(enterpriseCode)) {
            throw refused(RegistryLookups.BUSINESS, enterpriseCode, why, new HubException(ErrorCode.VALIDATION_FAILED,
                    "The enterprise code is malformed", List.of(new FieldError("enterpriseCode",
                            "must be 10 digits with a valid check digit, optionally -NNN for a branch"))));
        }
        requireHeldDossier(RegistryLookups.BUSINESS, HubService.ENTERPRISE_LOOKUP, enterpriseCode, why);
        return lookups.enterprise(enterpriseCode, why, RegistryLookups.Action.LOOKUP).orElseThrow(() ->
                new HubException(ErrorCode.ENTERPRISE_NOT_FOUND, "No enterprise has this code"));
    }

    /** The purpose of the lookup from its headers; a lookup without one is refused and the refusal audited. */
    private AccessPurpose purpose(String registry, String subject, String dossierCode, String officerId,
                                  String purpose) {
        ConnectedSystem caller = Callers.current();
        AccessPurpose why = new AccessPurpose(caller.id(), officerId, dossierCode,
                purpose == null || purpose.isBlank() ? "dossier processing" : purpose.strip());
        if (dossierCode == null || officerId == null) {
            throw refused(registry, subject, why, new HubException(ErrorCode.PURPOSE_REQUIRED,
                    "A registry lookup needs the headers " + DOSSIER_HEADER + " and " + OFFICER_HEADER
                            + ": the dossier and the officer it is for"));
        }
        if (!DOSSIER_CODE.matcher(dossierCode).matches() || !OFFICER_ID.matcher(officerId).matches()) {
            throw refused(registry, subject, why, new HubException(ErrorCode.PURPOSE_REQUIRED,
                    DOSSIER_HEADER + " must be a dossier code and " + OFFICER_HEADER + " an officer id"));
        }
        return why;
    }

    /**
     * The dossier a lookup is for must exist (else 404) and be one the caller owns or is assigned (else 403, also in
     * the access refusals); either refusal is audited with the lookup. One query.
     */
    private void requireHeldDossier(String registry, HubService service, String subject, AccessPurpose why) {
        ConnectedSystem caller = Callers.current();
        Optional<Boolean> holds = rights.holds(caller, why.dossierCode());
        if (holds.isEmpty()) {
            throw refused(registry, subject, why, new HubException(ErrorCode.DOSSIER_NOT_FOUND,
                    "No dossier has the code given in " + DOSSIER_HEADER));
        }
        if (!holds.get()) {
            throw refused(registry, subject, why, rights.refuse(caller, service, "The dossier named in "
                    + DOSSIER_HEADER + " is neither owned by nor assigned to this system"));
        }
    }

    private HubException refused(String registry, String subject, AccessPurpose why, HubException reason) {
        lookups.refused(registry, subject, why, reason.code().name());
        return reason;
    }
}
