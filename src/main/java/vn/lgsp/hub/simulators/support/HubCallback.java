package vn.lgsp.hub.simulators.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A simulator calling the hub back with its API key, as the real system would; answers the hub's status and body. */
public final class HubCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubCallback() {
    }

    /** POSTs {@code body} as JSON; {@code hubStatus} 0 when the hub could not be reached. */
    public static Map<String, Object> post(String url, String apiKey, Object body) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json").header("X-Api-Key", apiKey)
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            return Map.of("hubStatus", response.statusCode(), "hubAnswer", response.body());
        } catch (IOException e) {
            return Map.of("hubStatus", 0, "hubAnswer", String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of("hubStatus", 0, "hubAnswer", "interrupted");
        }
    }
}
