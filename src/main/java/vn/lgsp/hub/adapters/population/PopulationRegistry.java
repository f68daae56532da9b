package vn.lgsp.hub.adapters.population;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.RegistryRoute;
import vn.lgsp.hub.audit.AccessPurpose;
import vn.lgsp.hub.canonical.Citizen;

/**
 * Client of the national population database: one TraCuuThongTinCongDan call through route
 * citizen-lookup-to-population (SOAP, circuit breaker, mappings/population), answered in the canonical model.
 */
@Component
public class PopulationRegistry {

    public static final String ENDPOINT = "direct:population-citizen-lookup";

    private final RegistryRoute route;
    private final PopulationProperties properties;

    public PopulationRegistry(ProducerTemplate template, ObjectMapper json, PopulationProperties properties) {
        this.route = new RegistryRoute(template, json, ENDPOINT, "population database");
        this.properties = properties;
    }

    /**
     * The citizen with this personal ID, or empty when the registry knows no one.
     *
     * @throws vn.lgsp.hub.errors.HubException REGISTRY_UNAVAILABLE when the registry cannot answer
     */
    public Optional<Citizen> find(String personalId, AccessPurpose purpose) {
        return route.find(Map.of(
                "lookupRequestId", UUID.randomUUID().toString(),
                "lookupPersonalId", personalId,
                "lookupOfficerId", purpose.officerId(),
                "lookupAgencyCode", properties.agencyCode(),
                "lookupServiceCode", properties.serviceCode() == null ? "" : properties.serviceCode(),
                "lookupIntegrationCode", properties.integrationCode(),
                "lookupAccount", properties.account()), Citizen.class);
    }

    /** The registry's code in DVCQG (MaCSDL). */
    public String sourceCode() {
        return properties.sourceCode();
    }
}
