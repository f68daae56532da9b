package vn.lgsp.hub.amendments;

import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.AmendmentKind;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.security.Callers;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.security.HubService;

/**
 * Amendments as routes submit them (the SOAP operation CapNhatHoSo of the civil-status intake): the JSON its
 * mapping produced, on behalf of the system authenticated for the request. The SOAP endpoint as a whole is the
 * service {@code dossier-intake}; this operation also needs {@code dossier-amendments} and, like REST, a dossier
 * the caller owns or is assigned.
 */
@Component("amendmentEndpoint")
public class AmendmentEndpoint {

    /** What an adapter's mapping produces: which dossier, which amendment, and the amendment itself. */
    public record Submission(String dossierCode, AmendmentKind kind, Integer supplementNo, AmendmentRequest request) {
    }

    private final DossierAmendments amendments;
    private final AccessRights rights;
    private final CanonicalJson json;

    public AmendmentEndpoint(DossierAmendments amendments, AccessRights rights, CanonicalJson json) {
        this.amendments = amendments;
        this.rights = rights;
        this.json = json;
    }

    public DossierAmendments.Outcome submitJson(String submissionJson) {
        Submission submission = json.parse(submissionJson, Submission.class);
        if (submission.dossierCode() == null || submission.kind() == null || submission.request() == null) {
            throw new HubException(ErrorCode.MALFORMED_REQUEST, "An amendment names its dossier, its kind and its content");
        }
        ConnectedSystem caller = Callers.current();
        if (!caller.isGranted(HubService.DOSSIER_AMENDMENTS)) {
            throw rights.refuse(caller, HubService.DOSSIER_AMENDMENTS,
                    "This system is not granted the service '" + HubService.DOSSIER_AMENDMENTS.id() + "'");
        }
        rights.requireOwnerOrAssigned(caller, submission.dossierCode(), HubService.DOSSIER_AMENDMENTS, false);
        return amendments.amend(submission.dossierCode(), submission.kind(), submission.supplementNo(),
                submission.request(), caller);
    }
}
