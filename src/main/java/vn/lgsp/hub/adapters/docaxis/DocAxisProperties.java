package vn.lgsp.hub.adapters.docaxis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the national document axis ({@code hub.systems.docaxis.*}, docs/contracts.md "Document-management
 * system via the national document axis"): its address, the hub's identity on it (agency code, shared signing
 * secret), the queues of outbound documents and status packages, the queues of what goes to the one-stop system
 * (statuses and replies; new documents), the limits on received packages, the servicetype header and the agency's
 * values written into each document ({@link Document}).
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
        String statusQueue,
        String pollInterval,
        DataSize maxPackageSize,
        int maxDepth,
        String serviceType,
        Document document) {

    /**
     * What the hub writes into each document it sends, as its agency's clerical rules say
     * ({@code hub.systems.docaxis.document.*}, QCVN 102:2016 MessageHeader): the place of promulgation, the code
     * notation after the number ({@code 12/<notation>}), the document type (number and name) and the priority.
     */
    public record Document(String place, String codeNotation, int type, String typeName, int priority) {

        public Document {
            place = place == null ? "Hà Giang" : place;
            codeNotation = codeNotation == null ? "LGSP" : codeNotation;
            type = type <= 0 ? 1 : type;
            typeName = typeName == null ? "Công văn" : typeName;
        }
    }

    public DocAxisProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofMinutes(5) : responseTimeout;
        queue = queue == null ? "lgsp.docaxis.outbound" : queue;
        onestopStatusQueue = onestopStatusQueue == null ? "lgsp.onestop.status" : onestopStatusQueue;
        onestopDocumentQueue = onestopDocumentQueue == null ? "lgsp.onestop.document" : onestopDocumentQueue;
        statusQueue = statusQueue == null ? "lgsp.docaxis.status" : statusQueue;
        maxPackageSize = maxPackageSize == null ? DataSize.ofMegabytes(200) : maxPackageSize;
        maxDepth = maxDepth <= 0 ? 32 : maxDepth;
        serviceType = serviceType == null ? "eDoc" : serviceType;
        document = document == null ? new Document(null, null, 0, null, 0) : document;
    }
}
