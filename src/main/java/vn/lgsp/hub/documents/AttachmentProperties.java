package vn.lgsp.hub.documents;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Where the hub may fetch an attachment a caller names by URL, bound from {@code hub.attachments.*}.
 *
 * @param allowedSchemes  URL schemes fetched ({@code https}; the demo adds {@code http})
 * @param allowedHosts    hosts fetched from: {@code host}, {@code host:port} or {@code *.domain}; none means
 *                        attachments by URL are refused (base64 still works)
 * @param allowedNetworks address ranges ({@code 10.20.0.0/16}) that an allowed host may resolve to although they are
 *                        loopback, private or link-local; every other such address is refused
 * @param maxSize         a larger attachment stops the sending (dead letter with the reason)
 * @param connectTimeout  connecting to the host
 * @param maxTime         the whole download of one attachment, answer and body
 * @param maxRedirects    redirects followed, each checked like the first URL
 */
@ConfigurationProperties("hub.attachments")
public record AttachmentProperties(List<String> allowedSchemes, List<String> allowedHosts,
                                   List<String> allowedNetworks, DataSize maxSize, Duration connectTimeout,
                                   Duration maxTime, Integer maxRedirects) {

    public AttachmentProperties {
        allowedSchemes = allowedSchemes == null ? List.of("https") : List.copyOf(allowedSchemes);
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        maxSize = maxSize == null ? DataSize.ofMegabytes(100) : maxSize;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        maxTime = maxTime == null ? Duration.ofMinutes(5) : maxTime;
        maxRedirects = maxRedirects == null ? 3 : maxRedirects;
    }
}
