package vn.lgsp.hub.adapters.business;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client-credentials tokens for the business registry, fetched by route token-request-to-business
 * ({@link #ENDPOINT}). The token is only cached, per node: it is renewed {@code token-renew-before} ahead of its
 * expiry, and dropped at once when the registry refuses it (401). Concurrent callers share one renewal.
 */
@Component("businessTokens")
public class BusinessTokens {

    public static final String ENDPOINT = "direct:business-token";

    private record Token(String value, Instant renewAt) {
    }

    private final BusinessProperties properties;
    private final ObjectMapper json;
    private final ProducerTemplate template;
    private final Clock clock;
    private volatile Token current;

    @Autowired
    public BusinessTokens(BusinessProperties properties, ObjectMapper json, ProducerTemplate template) {
        this(properties, json, template, Clock.systemUTC());
    }

    public BusinessTokens(BusinessProperties properties, ObjectMapper json, ProducerTemplate template, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.template = template;
        this.clock = clock;
    }

    /** The Authorization header value; route enterprise-lookup-to-business sets it. */
    public String bearer() {
        Token token = current;
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = renew(token);
        }
        return "Bearer " + token.value();
    }

    /** Forgets the token, so the next call gets a new one. */
    public void invalidate() {
        current = null;
    }

    /** The token request's Authorization header: the client id and secret as HTTP Basic credentials. */
    public String clientCredentials() {
        return "Basic " + Base64.getEncoder().encodeToString((properties.clientId() + ":" + properties.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The token request's form body. */
    public String tokenRequest() {
        return "grant_type=client_credentials" + (properties.scope() == null || properties.scope().isBlank()
                ? "" : "&scope=" + URLEncoder.encode(properties.scope(), StandardCharsets.UTF_8));
    }

    private synchronized Token renew(Token seen) {
        if (current != null && current != seen && clock.instant().isBefore(current.renewAt())) {
            return current; // another caller renewed it meanwhile
        }
        String answer;
        try {
            answer = template.requestBody(ENDPOINT, null, String.class);
        } catch (CamelExecutionException e) {
            throw new IllegalStateException("no token from the business registry's token endpoint", e.getCause());
        }
        JsonNode body;
        try {
            body = json.readTree(answer == null ? "" : answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("token endpoint answered no JSON", e);
        }
        String value = body.path("access_token").asText(null);
        if (value == null) {
            throw new IllegalStateException("token endpoint answered without access_token");
        }
        long expiresIn = body.path("expires_in").asLong(60);
        current = new Token(value, clock.instant().plusSeconds(expiresIn).minus(properties.tokenRenewBefore()));
        return current;
    }
}
