package vn.lgsp.hub.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;

/**
 * Calls a registry lookup route ({@code direct:<system>-<operation>}) and turns any failure (time-out, SOAP or
 * HTTP error, open circuit) into {@link ErrorCode#REGISTRY_UNAVAILABLE}. The failure's message is kept only as the
 * cause: it may hold the request, and so personal data.
 */
public final class RegistryRoute {

    private final ProducerTemplate template;
    private final ObjectMapper json;
    private final String endpoint;
    private final String registryName;

    public RegistryRoute(ProducerTemplate template, ObjectMapper json, String endpoint, String registryName) {
        this.template = template;
        this.json = json;
        this.endpoint = endpoint;
        this.registryName = registryName;
    }

    /**
     * Calls the route and reads its answer: the mapping's canonical JSON with {@code "found": true}, or
     * {@code {"found": false}} when the registry knows no one.
     */
    public <T> Optional<T> find(Map<String, Object> headers, Class<T> type) {
        String answer = call(headers);
        try {
            JsonNode node = json.readTree(answer);
            if (!node.path("found").asBoolean(false)) {
                return Optional.empty();
            }
            ((ObjectNode) node).remove("found");
            return Optional.of(json.treeToValue(node, type));
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    /** The route's answer as a string (canonical JSON produced by the system's mapping). */
    public String call(Map<String, Object> headers) {
        Exchange answer = template.send(endpoint, exchange -> exchange.getMessage().setHeaders(
                new java.util.HashMap<>(headers)));
        Exception failure = answer.getException();
        if (failure != null) {
            throw unavailable(failure);
        }
        return answer.getMessage().getBody(String.class);
    }

    /** The failure as the hub reports it. */
    public HubException unavailable(Throwable failure) {
        return new HubException(ErrorCode.REGISTRY_UNAVAILABLE, "The " + registryName
                + " did not answer; try again later (" + kind(failure) + ")", failure);
    }

    /** The first cause of the given type, if the failure has one. */
    public static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String kind(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
