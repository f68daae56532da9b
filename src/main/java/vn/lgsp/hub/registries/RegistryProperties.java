package vn.lgsp.hub.registries;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the hub uses the national registries, bound from {@code hub.registries.*}: the lookup cache (bounded, with
 * a short TTL: it saves repeated lookups within one dossier's processing, it is not a copy of the registry) and
 * the sweep that re-verifies dossiers delivered unverified.
 */
@ConfigurationProperties("hub.registries")
public record RegistryProperties(Duration cacheTtl, int cacheMaxSize, Reverification reverification) {

    public RegistryProperties {
        cacheTtl = cacheTtl == null ? Duration.ofMinutes(2) : cacheTtl;
        cacheMaxSize = cacheMaxSize <= 0 ? 10_000 : cacheMaxSize;
        reverification = reverification == null
                ? new Reverification(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(10), 50)
                : reverification;
    }

    /** The sweep of unverified dossiers: its period, the backoff between attempts for one dossier, its batch. */
    public record Reverification(Duration interval, Duration initialBackoff, Duration maxBackoff, int batch) {
    }
}
