package vn.lgsp.hub.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * The hub's own configuration, bound from {@code hub.*}. Every external system is a {@code hub.systems.<id>}
 * entry (ids: onestop, dvcqg, population, business, payment, docaxis), so an operator points the hub at real
 * systems by configuration alone.
 */
@ConfigurationProperties("hub")
public record HubProperties(
        Path dataDir,
        String routesDir,
        String mappingsDir,
        Intake intake,
        Delivery delivery,
        Outbox outbox,
        Queues queues,
        Map<String, ExternalSystem> systems,
        Simulators simulators,
        Map<String, Client> clients,
        H2 h2,
        Broker broker,
        Kpi kpi) {

    @ConstructorBinding
    public HubProperties {
        systems = systems == null ? Map.of() : Map.copyOf(systems);
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        h2 = h2 == null ? new H2(Duration.ofSeconds(1)) : h2;
        broker = broker == null ? new Broker(DataSize.ofMegabytes(32)) : broker;
        kpi = kpi == null ? new Kpi(Duration.ofDays(30)) : kpi;
    }

    /** The hub's settings without the embedded stores' tuning (which then take their defaults). */
    public HubProperties(Path dataDir, String routesDir, String mappingsDir, Intake intake, Delivery delivery,
                         Outbox outbox, Queues queues, Map<String, ExternalSystem> systems, Simulators simulators,
                         Map<String, Client> clients) {
        this(dataDir, routesDir, mappingsDir, intake, delivery, outbox, queues, systems, simulators, clients,
                null, null, null);
    }

    /**
     * Limits of the intake edge, and its group commit: {@code commitThreads} transactions at a time, each carrying
     * the work of at most {@code commitBatch} requests (see {@link GroupCommit}).
     */
    public record Intake(DataSize maxBodySize, Integer commitThreads, Integer commitBatch) {
        public Intake {
            commitThreads = commitThreads == null ? 1 : commitThreads;
            commitBatch = commitBatch == null ? 256 : commitBatch;
        }
    }

    /**
     * Retry policy of every outbound flow: temporary failures are retried for {@code patience} (a system's own
     * {@code hub.systems.<id>.patience} wins), each wait {@code initialDelay} times {@code multiplier} per attempt,
     * capped at {@code maxDelay} and shortened by up to {@code jitter}; failures the hub cannot classify (its own
     * defects) get {@code maxRedeliveries} retries. The consumers' database work shares group commits
     * ({@code DeliveryCommit}): {@code commitThreads} transactions at a time, each carrying at most {@code commitBatch}
     * units.
     */
    public record Delivery(int maxRedeliveries, Duration initialDelay, double multiplier, Duration maxDelay,
                           double jitter, Duration patience, Integer commitThreads, Integer commitBatch) {
        @ConstructorBinding
        public Delivery {
            patience = patience == null ? Duration.ofDays(3) : patience;
            commitThreads = commitThreads == null ? 1 : commitThreads;
            commitBatch = commitBatch == null ? 64 : commitBatch;
        }

        public Delivery(int maxRedeliveries, Duration initialDelay, double multiplier, Duration maxDelay,
                        double jitter, Duration patience) {
            this(maxRedeliveries, initialDelay, multiplier, maxDelay, jitter, patience, null, null);
        }
    }

    /** How often and how old unrelayed outbox messages are swept to the broker. */
    public record Outbox(Duration sweepInterval, Duration sweepAge) {
    }

    /** Queue names. */
    public record Queues(String onestopDelivery, String dvcqgSync) {
    }

    /**
     * An external system the hub talks to; {@code patience}: how long messages to it wait out temporary failures
     * before the dead-letter queue (absent: {@code hub.delivery.patience}).
     */
    public record ExternalSystem(String baseUrl, Duration connectTimeout, Duration responseTimeout, Integer consumers,
                                 String username, String password, Duration patience) {
        @ConstructorBinding
        public ExternalSystem {
        }

        public ExternalSystem(String baseUrl, Duration connectTimeout, Duration responseTimeout, Integer consumers,
                              String username, String password) {
            this(baseUrl, connectTimeout, responseTimeout, consumers, username, password, null);
        }
    }

    /**
     * The embedded H2 file compacted every {@code housekeepingInterval} (0: never; see {@link H2Housekeeping}).
     */
    public record H2(Duration housekeepingInterval) {
    }

    /** Message data the embedded broker keeps in the heap before paging queues to disk. */
    public record Broker(DataSize memory) {
    }

    /** The period, ending now, of the indicator and sync-rate gauges. */
    public record Kpi(Duration window) {
    }

    /** Whether the built-in simulators of the external systems are served under /sim/. */
    public record Simulators(boolean enabled) {
    }

    /**
     * A connected system allowed to call the hub, with the salted hashes of its API keys (two during rotation)
     * and its roles (ADMIN for the administration APIs); the services it may call (security.HubService names),
     * its rate limit, the salted hashes of its OAuth2 client secrets (for the built-in token issuer), and the
     * subjects of the client certificates that identify it on the mutual-TLS connector.
     */
    public record Client(String name, String agencyCode, List<String> apiKeyHashes, List<String> roles,
                         List<String> services, RateLimit rateLimit, List<String> clientSecretHashes,
                         List<String> certificateSubjects) {
        @ConstructorBinding
        public Client {
            apiKeyHashes = apiKeyHashes == null ? List.of() : List.copyOf(apiKeyHashes);
            roles = roles == null ? List.of() : List.copyOf(roles);
            services = services == null ? List.of() : List.copyOf(services);
            clientSecretHashes = clientSecretHashes == null ? List.of() : List.copyOf(clientSecretHashes);
            certificateSubjects = certificateSubjects == null ? List.of() : List.copyOf(certificateSubjects);
        }

        public Client(String name, String agencyCode, List<String> apiKeyHashes, List<String> roles) {
            this(name, agencyCode, apiKeyHashes, roles, null, null, null, null);
        }
    }

    /**
     * Requests a system may make: a sustained rate per second with a burst above it, and an optional daily quota
     * (0 or absent: none). Absent values fall back to {@code hub.security.rate-limit}.
     */
    public record RateLimit(Double requestsPerSecond, Integer burst, Long dailyQuota) {
    }
}
