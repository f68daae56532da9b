package vn.lgsp.hub.adapters.docaxis;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.RegistryProductionSafetyCheck;

/** Refuses to start the prod profile with the document axis' demo signing secret (or none). */
@Component
@Profile("prod")
public class DocAxisProductionSafetyCheck implements InitializingBean {

    private final DocAxisProperties properties;

    public DocAxisProductionSafetyCheck(DocAxisProperties properties) {
        this.properties = properties;
    }

    @Override
    public void afterPropertiesSet() {
        if (RegistryProductionSafetyCheck.isDemo(properties.secret())) {
            throw new IllegalStateException("The prod profile refuses to start with the demo (or no) "
                    + "hub.systems.docaxis.secret; set HUB_DOCAXIS_SECRET");
        }
    }
}
