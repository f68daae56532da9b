package vn.lgsp.hub.simulators.sectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a push-style sector system reports progress: {@code POST <hub>/api/v1/sectors/<id>/status} with its own API
 * key, {@code {"dossierCode","status","at","note","officer"}} in its own status codes.
 */
public final class ProgressCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String systemId;
    private final String hubUrl;
    private final String apiKey;

    public ProgressCallback(String systemId, String hubUrl, String apiKey) {
        this.systemId = systemId;
        this.hubUrl = hubUrl;
        this.apiKey = apiKey;
    }

    /** Reports a status in this system's vocabulary to the hub; returns the hub's HTTP status and answer. */
    public Map<String, Object> report(String dossierCode, String status, String note, OffsetDateTime at) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dossierCode", dossierCode);
        body.put("status", status);
        body.put("at", at.toString());
        body.put("note", note);
        body.put("officer", "Cán bộ " + systemId);
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create(hubUrl + "/api/v1/sectors/" + systemId + "/status"))
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
