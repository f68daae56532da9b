package vn.lgsp.hub.sectors;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.routing.*}: where dossiers go after intake. Dossiers of {@code routedSources} are routed by the
 * sector routing table (queue {@code queuePrefix}{@code <system>}), their progress goes back to the source on
 * {@code sourceProgressQueue}, and those the one-stop system does not receive have their applicant verified from
 * {@code enrichmentQueue}; the table and the status tables are re-read when changed, checked every
 * {@code reloadCheck}.
 */
@ConfigurationProperties("hub.routing")
public record RoutingProperties(Set<String> routedSources, String queuePrefix, String sourceProgressQueue,
                                String enrichmentQueue, Duration reloadCheck) {

    public RoutingProperties {
        routedSources = routedSources == null ? Set.of() : Set.copyOf(routedSources);
    }
}
