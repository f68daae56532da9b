package vn.lgsp.hub.sectors;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.dossier.DossierDestinations;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.security.ConnectedSystem;

/**
 * Decides where an accepted dossier goes. A dossier from a routed source (the one-stop system,
 * {@code hub.routing.routed-sources}) goes to the sector system the routing table names for its procedure and its
 * competent agency ({@code agencyCode}, not the applicant's address: intake is location-independent); with no
 * rule it is processed where it was received (the one-stop system itself) and only synced to DVCQG. A dossier
 * from any other system (a sector system) goes to the one-stop system. A dossier never goes back to the system
 * that sent it.
 */
@Component
public class DossierRouter implements DossierDestinations {

    /** The system id of the one-stop system, where every dossier from a sector system goes. */
    public static final String ONESTOP = "onestop";

    private final SectorRoutingTable table;
    private final Set<String> routedSources;
    private final String queuePrefix;
    private final String onestopQueue;
    private final String sourceProgressQueue;
    private final String enrichmentQueue;

    public DossierRouter(SectorRoutingTable table, HubProperties properties, RoutingProperties routing) {
        this.table = table;
        this.routedSources = routing.routedSources();
        this.queuePrefix = routing.queuePrefix();
        this.onestopQueue = properties.queues().onestopDelivery();
        this.sourceProgressQueue = routing.sourceProgressQueue();
        this.enrichmentQueue = routing.enrichmentQueue();
    }

    /**
     * Where a status change goes besides the DVCQG sync: a dossier the one-stop system handed to a sector system
     * has its progress reported back to the one-stop system (its source), unless the one-stop reported it itself.
     */
    @Override
    public Optional<String> progressQueue(String dossierSource, ConnectedSystem reporter) {
        return routedSources.contains(dossierSource) && !dossierSource.equals(reporter.id())
                ? Optional.of(sourceProgressQueue) : Optional.empty();
    }

    /**
     * The destination of a dossier submitted by this caller; every dossier has one. A routed source's dossier
     * with no rule (or a rule naming the source itself) is processed where it was received and goes to no system.
     */
    @Override
    public Destination destination(Dossier dossier, ConnectedSystem caller) {
        if (goesToOnestop(caller.id())) {
            return new Destination(List.of(onestopQueue), null, ONESTOP);
        }
        // Not delivered to the one-stop system, whose delivery verifies the applicant: verified on a queue of its own.
        return table.resolve(dossier.procedureCode(), dossier.agencyCode())
                .filter(system -> routedSources.contains(caller.id()) && !system.equals(caller.id()))
                .map(system -> new Destination(List.of(queueOf(system), enrichmentQueue), system, system))
                .orElseGet(() -> new Destination(List.of(enrichmentQueue), null, caller.id()));
    }

    /**
     * Whether a dossier from this source is delivered to the one-stop system: those of sector systems are, those of
     * the one-stop system itself and of routed sources are not (a dossier never goes back to the system that sent
     * it).
     */
    public boolean goesToOnestop(String source) {
        return !routedSources.contains(source) && !ONESTOP.equals(source);
    }

    /** The queue of dossiers whose applicant is verified without a delivery to the one-stop system. */
    public String enrichmentQueue() {
        return enrichmentQueue;
    }

    public String queueOf(String system) {
        return queuePrefix + system;
    }
}
