package vn.lgsp.hub.adapters.business;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.RegistryRoute;
import vn.lgsp.hub.canonical.Enterprise;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/**
 * Client of the national business-registration database: {@code GET chiTietDoanhNghiep?msdn=} through route
 * enterprise-lookup-to-business (OAuth2 bearer, circuit breaker, mappings/business), answered in the canonical
 * model. A refused token is renewed and the call made once more.
 */
@Component
public class BusinessRegistry {

    public static final String ENDPOINT = "direct:business-enterprise-lookup";

    private final RegistryRoute route;
    private final BusinessTokens tokens;
    private final BusinessProperties properties;

    public BusinessRegistry(ProducerTemplate template, BusinessTokens tokens, ObjectMapper json,
                            BusinessProperties properties) {
        this.route = new RegistryRoute(template, json, ENDPOINT, "business registry");
        this.tokens = tokens;
        this.properties = properties;
    }

    /**
     * The enterprise with this code, or empty when the registry knows none.
     *
     * @throws HubException REGISTRY_UNAVAILABLE when the registry cannot answer
     */
    public Optional<Enterprise> find(String enterpriseCode) {
        Map<String, Object> headers = Map.of("lookupEnterpriseCode", enterpriseCode);
        try {
            return route.find(headers, Enterprise.class);
        } catch (HubException e) {
            HttpOperationFailedException http = RegistryRoute.causeOf(e, HttpOperationFailedException.class);
            if (e.code() != ErrorCode.REGISTRY_UNAVAILABLE || http == null || http.getStatusCode() != 401) {
                throw e;
            }
            tokens.invalidate();
            return route.find(headers, Enterprise.class);
        }
    }

    /** The registry's code in DVCQG (MaCSDL). */
    public String sourceCode() {
        return properties.sourceCode();
    }
}
