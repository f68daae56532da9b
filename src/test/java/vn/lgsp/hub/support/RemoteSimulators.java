package vn.lgsp.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;

/**
 * What the simulators of another JVM ({@link HubProcess#startSimulators}) received, read over HTTP without the
 * bodies: one-stop arrivals by Idempotency-Key, DVCQG [inserts, updates, TrangThaiHoSo, progress steps] by code.
 */
public final class RemoteSimulators {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    public RemoteSimulators(HubProcess simulators) {
        this.baseUrl = simulators.baseUrl();
    }

    public JsonNode onestopArrivals() {
        return get("/sim/onestop/received/arrivals");
    }

    public JsonNode dvcqgCounts() {
        return get("/sim/dvcqg/dossiers/counts");
    }

    /** Whether every dossier reached the one-stop simulator and the DVCQG simulator. */
    public boolean deliveredAndSynced(Collection<String> codes) {
        JsonNode onestop = onestopArrivals();
        JsonNode portal = dvcqgCounts();
        return codes.stream().allMatch(c -> onestop.has(c) && portal.has(c));
    }

    /** Forgets what the one-stop and DVCQG simulators received. */
    public void forget() {
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/sim/onestop/received")).DELETE().build());
        send(HttpRequest.newBuilder(URI.create(baseUrl + "/sim/dvcqg/dossiers")).DELETE().build());
    }

    public JsonNode get(String path) {
        try {
            return JSON.readTree(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60)).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The dossier code of an intake receipt (the body of a 202). */
    public static String dossierCode(String receipt) {
        try {
            return JSON.readTree(receipt).get("dossierCode").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("not a receipt: " + receipt, e);
        }
    }

    private String send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
