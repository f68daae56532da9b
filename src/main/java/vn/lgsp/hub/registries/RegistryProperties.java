package vn.lgsp.hub.registries;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub uses the national registries, bound from {@code hub.registries.*}: the lookup cache (bounded, with
 * a short TTL, how long an answer is taken as a valid verification; it is not a copy of the registry), the
 * consumers of the queue where the registries are asked beside the deliveries, and the sweep that re-verifies
 * dossiers still unverified.
 */
@ConfigurationProperties("hub.registries")
public record RegistryProperties(Duration cacheTtl, int cacheMaxSize, int verificationConsumers,
                                 Reverification reverification) {

    public RegistryProperties {
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(2) : cacheTtl;
        cacheMaxSize = cacheMaxSize <= 0 ? 10_000 : cacheMaxSize;
        verificationConsumers = verificationConsumers <= 0 ? 8 : verificationConsumers;
        reverification = reverification == null
                ? new Reverification(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(10), 50)
                : reverification;
    }

    /** The sweep of unverified dossiers: its period, the backoff between attempts for one dossier, its batch. */
    public record Reverification(Duration interval, Duration initialBackoff, Duration maxBackoff, int batch) {
    }
}
