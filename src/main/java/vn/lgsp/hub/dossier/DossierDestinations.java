package vn.lgsp.hub.dossier;

import java.util.List;
import java.util.Optional;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.security.ConnectedSystem;

/**
 * Where intake and status updates send a dossier and its progress. The answer comes from the sector routing table
 * ({@code sectors.DossierRouter}); the dossier's life asks the question so that it does not depend on sectors.
 */
public interface DossierDestinations {

    /**
     * Where a dossier goes: the queues to enqueue it on, the sector system when routed, and the system that
     * processes it (the sector system, the one-stop system, or the source itself when no rule names another).
     */
    record Destination(List<String> queues, String sectorSystem, String processedBy) {
    }

    /** The destination of a dossier submitted by this caller; every dossier has one. */
    Destination destination(Dossier dossier, ConnectedSystem caller);

    /** The queue a status change also goes to so that the dossier's source hears of it, if any. */
    Optional<String> progressQueue(String dossierSource, ConnectedSystem reporter);
}
