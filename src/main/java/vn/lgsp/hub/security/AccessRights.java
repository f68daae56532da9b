package vn.lgsp.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Rights that depend on the data, not only on the service: a system submits only its own dossiers, and acts on a
 * dossier (status, reading, documents, payments) only when it owns it (its sourceSystem) or is assigned it (the
 * sector system it was routed to; the one-stop system for every dossier not routed to a sector). Administrators
 * read every dossier. Each refusal is audited and answered 403.
 */
@Component
public class AccessRights {

    /** The system that receives every dossier not routed to a sector system. */
    public static final String ONESTOP = "onestop";

    private final JdbcClient jdbc;
    private final AccessAudit audit;
    private final DossierTrail trail;

    public AccessRights(JdbcClient jdbc, AccessAudit audit, DossierTrail trail) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.trail = trail;
    }

    /** A system may submit only dossiers whose sourceSystem is itself. */
    public void requireOwnSource(ConnectedSystem caller, String sourceSystem) {
        if (!caller.id().equals(sourceSystem)) {
            throw refuse(caller, HubService.DOSSIER_INTAKE, "A system may submit only its own dossiers: "
                    + "sourceSystem must be '" + caller.id() + "' or absent");
        }
    }

    /**
     * Refuses a caller that neither owns nor is assigned the dossier; an unknown dossier passes (the service then
     * answers 404 as it always did).
     */
    public void requireOwnerOrAssigned(ConnectedSystem caller, String dossierCode, HubService service,
                                       boolean adminMayRead) {
        if (adminMayRead && caller.isAdmin()) {
            return;
        }
        var row = jdbc.sql("SELECT source_system FROM dossier WHERE dossier_code = ?").param(dossierCode)
                .query(String.class).optional();
        if (row.isEmpty() || row.get().equals(caller.id())) {
            return;
        }
        boolean assigned = trail.routedTo(dossierCode).map(caller.id()::equals)
                .orElse(ONESTOP.equals(caller.id()));
        if (!assigned) {
            throw refuse(caller, service, "The system neither owns nor is assigned this dossier");
        }
    }

    /** Audits a refusal (with the current request line, when there is one) and gives the exception of the 403. */
    public HubException refuse(ConnectedSystem caller, HubService service, String reason) {
        var attributes = RequestContextHolder.getRequestAttributes();
        HttpServletRequest request = attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
        audit.refused(caller.id(), service.id(), request == null ? "-" : request.getMethod(),
                request == null ? "-" : request.getRequestURI(), reason);
        return new HubException(ErrorCode.FORBIDDEN, reason);
    }
}
