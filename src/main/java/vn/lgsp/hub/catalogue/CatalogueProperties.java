package vn.lgsp.hub.catalogue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hub.catalogue.*}: the procedure catalogue file and the national list are re-read when changed, checked every {@code reloadCheck}. */
@ConfigurationProperties("hub.catalogue")
public record CatalogueProperties(Duration reloadCheck) {
}
