package vn.lgsp.hub.sectors;

import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.DossierStatusUpdates;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.security.ClientRegistry;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.statuses.SectorStatusTables;

/**
 * Progress reported by a sector system, in its own status vocabulary, becomes a hub status event: the code is
 * mapped through the system's status table and recorded by {@link DossierStatusUpdates}, which keeps the
 * dossier's history and feeds the DVCQG sync. Every adapter style (push callback, polling) comes through here.
 */
@Component("sectorProgress")
public class SectorProgress {

    private static final Logger log = LoggerFactory.getLogger(SectorProgress.class);

    private final SectorStatusTables tables;
    private final DossierStatusUpdates updates;
    private final ClientRegistry clients;

    public SectorProgress(SectorStatusTables tables, DossierStatusUpdates updates, ClientRegistry clients) {
        this.tables = tables;
        this.updates = updates;
        this.clients = clients;
    }

    /** Records a sector status for a dossier, on behalf of the (already authenticated or configured) system. */
    public DossierStatusUpdates.Outcome report(ConnectedSystem system, String dossierCode, String sectorStatus,
                                               OffsetDateTime at, String note, String officer) {
        if (sectorStatus == null || at == null || dossierCode == null) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "dossierCode, status and at are required");
        }
        int hubStatus = tables.hubStatus(system.id(), sectorStatus).orElseThrow(() -> new HubException(
                ErrorCode.UNKNOWN_SECTOR_STATUS, "Status '" + sectorStatus + "' is not in "
                        + SectorStatusTables.fileOf(system.id())));
        var outcome = updates.record(dossierCode, new StatusChange(hubStatus, at, note, officer), system);
        log.debug("{} reported {} for {} -> hub status {}", system.id(), sectorStatus, dossierCode, hubStatus);
        return outcome;
    }

    /** The same, for adapters that act for a configured system without an HTTP caller (pollers). */
    public DossierStatusUpdates.Outcome reportAs(String systemId, String dossierCode, String sectorStatus,
                                                 OffsetDateTime at, String note, String officer) {
        return report(system(systemId), dossierCode, sectorStatus, at, note, officer);
    }

    ConnectedSystem system(String systemId) {
        return clients.find(systemId).orElseThrow(() -> new IllegalStateException(
                "System " + systemId + " is not configured under hub.clients"));
    }
}
