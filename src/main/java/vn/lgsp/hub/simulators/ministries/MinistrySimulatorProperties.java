package vn.lgsp.hub.simulators.ministries;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hub.simulators.ministries.<id>}: the ministry systems the generic simulator plays, each by its descriptor;
 * {@code hub.simulators.file-drop-scan}: how often the file-drop ones take the files of their inbound folders.
 */
@ConfigurationProperties("hub.simulators")
public record MinistrySimulatorProperties(Map<String, MinistryDescriptor> ministries, Duration fileDropScan) {

    public MinistrySimulatorProperties {
        ministries = ministries == null ? Map.of() : Map.copyOf(ministries);
        fileDropScan = fileDropScan == null ? Duration.ofMillis(500) : fileDropScan;
    }
}
