package vn.lgsp.hub.adapters.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.ExternalCalls;
import vn.lgsp.hub.delivery.DeliveryFailures;

/**
 * Client of the National Public Service Portal (docs/contracts.md "National Public Service Portal (DVCQG)"): log in
 * with the {@code dstcode} header, then call services by name with the session token. The token is only a cache: a
 * call answered with a session-expired {@code error_code} logs in again and is repeated once. Bodies are UTF-8 JSON,
 * so Vietnamese text goes out byte for byte as the hub holds it.
 */
@Component
public class DvcqgClient {

    public static final String LOOKUP = "TraCuuHoSo";
    public static final String SYNC_DOSSIERS = "DongBoHoSoMC";
    public static final String UPDATE_PROGRESS = "CapNhatTienDoHoSoMC";
    private static final Logger log = LoggerFactory.getLogger(DvcqgClient.class);
    /** The portal's id under hub.systems. */
    private static final String SYSTEM_ID = "dvcqg";

    private final DvcqgProperties config;
    private final ObjectMapper mapper;
    private final HttpClient http;
    private final AtomicReference<String> session = new AtomicReference<>();
    private ExternalCalls calls = ExternalCalls.NONE;

    public DvcqgClient(DvcqgProperties config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Reports every call's outcome and latency to the operations console's system health. */
    @Autowired(required = false)
    void setExternalCalls(ExternalCalls calls) {
        this.calls = calls;
    }

    /** TraCuuHoSo: the portal's record of the dossier, if it holds one. */
    public Optional<JsonNode> lookup(String dossierCode) {
        ObjectNode params = mapper.createObjectNode().put("MaHoSo", dossierCode);
        JsonNode answer = call(LOOKUP, params);
        JsonNode result = answer.path("result");
        if (result.isArray()) {
            return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
        }
        return result.isObject() ? Optional.of(result) : Optional.empty();
    }

    /** DongBoHoSoMC: inserts ({@code updating} false) or replaces whole dossiers. */
    public JsonNode syncDossier(JsonNode dossier, boolean updating) {
        ObjectNode params = mapper.createObjectNode().put("isUpdating", updating ? "True" : "False");
        params.putArray("data").add(dossier);
        return call(SYNC_DOSSIERS, params);
    }

    /** CapNhatTienDoHoSoMC: appends processing steps, in the order given. */
    public JsonNode updateProgress(ArrayNode steps) {
        ObjectNode params = mapper.createObjectNode();
        params.set("data", steps);
        return call(UPDATE_PROGRESS, params);
    }

    /** Calls a service with the cached session; logs in first, and again once if the portal says it expired. */
    JsonNode call(String service, ObjectNode params) {
        String token = currentSession();
        JsonNode answer = post(config.integrationPath(), service, withEnvelope(token, service, params));
        int code = answer.path("error_code").asInt(-1);
        if (config.sessionExpiredCodes().contains(code)) {
            session.compareAndSet(token, null);
            answer = post(config.integrationPath(), service, withEnvelope(currentSession(), service, params));
            code = answer.path("error_code").asInt(-1);
        }
        return checked(service, answer, code);
    }

    private String currentSession() {
        String token = session.get();
        if (token != null) {
            return token;
        }
        synchronized (session) {
            if (session.get() == null) {
                session.set(login());
            }
            return session.get();
        }
    }

    private String login() {
        ObjectNode body = mapper.createObjectNode().put("username", config.username())
                .put("password", config.password());
        JsonNode answer = post(config.authPath(), "login", body);
        int code = answer.path("error_code").asInt(-1);
        String token = answer.path("session").asText(null);
        if (code != 0 || token == null || token.isBlank()) {
            // Wrong credentials are an operator's fix, not a reason to drop dossiers: keep them waiting.
            throw new DvcqgException(DvcqgException.Kind.UNAVAILABLE, "login", code,
                    "login refused: " + answer.path("message").asText(""), null);
        }
        log.info("Logged in to DVCQG");
        return token;
    }

    private ObjectNode withEnvelope(String token, String service, ObjectNode params) {
        ObjectNode body = mapper.createObjectNode().put("session", token).put("madonvi", config.agencyCode())
                .put("service", service);
        body.setAll(params);
        return body;
    }

    private JsonNode checked(String service, JsonNode answer, int code) {
        if (code == 0) {
            return answer;
        }
        String message = answer.path("message").asText("");
        DvcqgException.Kind kind = config.retryableCodes().contains(code) || config.sessionExpiredCodes().contains(code)
                ? DvcqgException.Kind.UNAVAILABLE : DvcqgException.Kind.REJECTED;
        throw new DvcqgException(kind, service, code, "error_code " + code + ": " + message, null);
    }

    private JsonNode post(String path, String service, JsonNode body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(config.baseUrl() + path))
                    .timeout(config.responseTimeout())
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .header("Accept", "application/json")
                    .header("dstcode", config.dstcode())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise a DVCQG request", e);
        }
        HttpResponse<byte[]> response;
        long started = System.nanoTime();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            calls.record(SYSTEM_ID, false, elapsedMillis(started), service + ": " + e.getClass().getSimpleName());
            throw DvcqgException.unavailable(service, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DvcqgException.unavailable(service, "interrupted", e);
        }
        int status = response.statusCode();
        calls.record(SYSTEM_ID, status < 400, elapsedMillis(started),
                status < 400 ? null : service + ": HTTP " + status);
        String text = new String(response.body(), StandardCharsets.UTF_8);
        // The hub's one rule (DeliveryFailures); besides, 401/403 mean credentials or an allow-list to fix on our
        // side, not a wrong dossier: events wait for that rather than dead-letter.
        if (DeliveryFailures.isTemporaryStatus(status) || status == 401 || status == 403) {
            throw DvcqgException.unavailable(service, "HTTP " + status + DeliveryFailures.excerpt(text), null);
        }
        if (status >= 400) {
            throw new DvcqgException(DvcqgException.Kind.REJECTED, service, null,
                    "HTTP " + status + DeliveryFailures.excerpt(text), null);
        }
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            throw DvcqgException.unavailable(service, "HTTP " + status + " with a body that is not JSON", e);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
