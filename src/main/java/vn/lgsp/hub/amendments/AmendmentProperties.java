package vn.lgsp.hub.amendments;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.amendments.*}: each amendment goes to queue {@code queuePrefix}{@code <system>} for every system in
 * {@code receivers} that holds the dossier (those with an amendment-delivery route), except the one that reported it.
 */
@ConfigurationProperties("hub.amendments")
public record AmendmentProperties(String queuePrefix, Set<String> receivers) {

    public AmendmentProperties {
        receivers = receivers == null ? Set.of() : Set.copyOf(receivers);
    }
}
