package vn.lgsp.hub.adapters.docaxis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the national document axis ({@code hub.systems.docaxis.*}, CONTRACTS.md §4): its address, the
 * hub's identity on it (agency code, shared signing secret), the queue of outbound documents, the queues of what
 * goes to the one-stop system (statuses and replies; new documents), and the limits on received packages.
 */
@ConfigurationProperties(prefix = "hub.systems.docaxis")
public record DocAxisProperties(
        String baseUrl,
        String organId,
        String organName,
        String secret,
        Duration connectTimeout,
        Duration responseTimeout,
        String queue,
        String onestopStatusQueue,
        String onestopDocumentQueue,
        String pollInterval,
        DataSize maxPackageSize,
        int maxDepth) {

    public DocAxisProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofMinutes(5) : responseTimeout;
        queue = queue == null ? "lgsp.docaxis.outbound" : queue;
        onestopStatusQueue = onestopStatusQueue == null ? "lgsp.onestop.status" : onestopStatusQueue;
        onestopDocumentQueue = onestopDocumentQueue == null ? "lgsp.onestop.document" : onestopDocumentQueue;
        maxPackageSize = maxPackageSize == null ? DataSize.ofMegabytes(200) : maxPackageSize;
        maxDepth = maxDepth <= 0 ? 32 : maxDepth;
    }
}
