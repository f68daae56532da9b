package vn.lgsp.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.trail.TrailKind;

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

    public AccessRights(JdbcClient jdbc, AccessAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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
        if (!holds(caller, dossierCode).orElse(true)) {
            throw refuse(caller, service, "The system neither owns nor is assigned this dossier");
        }
    }

    /**
     * Whether the caller owns the dossier (its source) or is assigned it (a ROUTED entry of its trail names the
     * caller; without one, the one-stop system); empty when there is no such dossier. One query, by the dossier's
     * primary key and the trail's index on its dossier code.
     */
    public Optional<Boolean> holds(ConnectedSystem caller, String dossierCode) {
        return jdbc.sql("SELECT d.source_system, "
                        + "EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_code = d.dossier_code AND e.kind = ?) "
                        + "AS routed, EXISTS (SELECT 1 FROM dossier_event e WHERE e.dossier_code = d.dossier_code "
                        + "AND e.kind = ? AND e.system_id = ?) AS assigned FROM dossier d WHERE d.dossier_code = ?")
                .params(TrailKind.ROUTED.name(), TrailKind.ROUTED.name(), caller.id(), dossierCode)
                .query((rs, n) -> caller.id().equals(rs.getString("source_system"))
                        || (rs.getBoolean("routed") ? rs.getBoolean("assigned") : ONESTOP.equals(caller.id())))
                .optional();
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
