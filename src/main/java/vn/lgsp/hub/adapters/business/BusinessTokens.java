package vn.lgsp.hub.adapters.business;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client-credentials tokens for the business registry. The token is only cached: it is renewed
 * {@code token-renew-before} ahead of its expiry, and dropped at once when the registry refuses it (401).
 * Concurrent callers share one renewal.
 */
@Component("businessTokens")
public class BusinessTokens {

    private record Token(String value, Instant renewAt) {
    }

    private final BusinessProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile Token current;

    @Autowired
    public BusinessTokens(BusinessProperties properties, ObjectMapper json) {
        this(properties, json, Clock.systemUTC());
    }

    BusinessTokens(BusinessProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
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

    private synchronized Token renew(Token seen) {
        if (current != null && current != seen && clock.instant().isBefore(current.renewAt())) {
            return current; // another caller renewed it meanwhile
        }
        String form = "grant_type=client_credentials" + (properties.scope() == null || properties.scope().isBlank()
                ? "" : "&scope=" + URLEncoder.encode(properties.scope(), StandardCharsets.UTF_8));
        String basic = Base64.getEncoder().encodeToString((properties.clientId() + ":" + properties.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(properties.tokenUrl()))
                .timeout(properties.responseTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered HTTP " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            String value = body.path("access_token").asText(null);
            long expiresIn = body.path("expires_in").asLong(60);
            if (value == null) {
                throw new IllegalStateException("token endpoint answered without access_token");
            }
            Instant renewAt = clock.instant().plusSeconds(expiresIn).minus(properties.tokenRenewBefore());
            current = new Token(value, renewAt);
            return current;
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }
}
