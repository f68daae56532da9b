package vn.lgsp.hub.adapters.dvcqg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.errors.ErrorCode;

/**
 * The session and the envelope of every call to the National Public Service Portal (docs/contracts.md "National
 * Public Service Portal (DVCQG)"), for the routes of {@code routes/dvcqg/} that make the calls: the login body and
 * its answer, the envelope {@code {session, madonvi, service, ...}} around a service's parameters, and the reading
 * of the portal's {@code error_code}. The token is only a cache: a call answered with a session-expired code logs in
 * again and is repeated once (route {@code dvcqg-call}). Bodies are UTF-8 JSON, so Vietnamese text goes out byte for
 * byte as the hub holds it. No I/O here.
 */
@Component("dvcqgSession")
public class DvcqgSession {

    public static final String LOOKUP = "TraCuuHoSo";
    public static final String SYNC_DOSSIERS = "DongBoHoSoMC";
    public static final String UPDATE_PROGRESS = "CapNhatTienDoHoSoMC";
    /** Exchange property: the service a {@code direct:dvcqg-call} calls. */
    public static final String SERVICE = "hubDvcqgService";
    /** Exchange property: the service's parameters, kept for a second attempt after a new login. */
    public static final String PARAMS = "hubDvcqgParams";
    /** Exchange property: the token the last envelope carried. */
    private static final String TOKEN_SENT = "hubDvcqgToken";
    private static final Logger log = LoggerFactory.getLogger(DvcqgSession.class);

    private final DvcqgProperties config;
    private final ObjectMapper mapper;
    private final AtomicReference<String> session = new AtomicReference<>();

    public DvcqgSession(DvcqgProperties config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /** Whether a call must log in first: no session is cached. */
    public boolean needsLogin() {
        return session.get() == null;
    }

    /** Forgets the cached session: the next call logs in first (new credentials, a fresh start). */
    public void forget() {
        session.set(null);
    }

    /** The login request's body. */
    public byte[] credentials() throws IOException {
        return mapper.writeValueAsBytes(mapper.createObjectNode().put("username", config.username())
                .put("password", config.password()));
    }

    /** Keeps the session of a login answer (the body). */
    public void loggedIn(Exchange exchange) {
        JsonNode answer = json(exchange, "login");
        int code = answer.path("error_code").asInt(-1);
        String token = answer.path("session").asText(null);
        if (code != 0 || token == null || token.isBlank()) {
            // Wrong credentials are an operator's fix, not a reason to drop dossiers: keep them waiting.
            throw new DvcqgException(ErrorCode.PORTAL_UNAVAILABLE, "login", code,
                    "login refused: " + answer.path("message").asText(""), null);
        }
        session.set(token);
        log.info("Logged in to DVCQG");
    }

    /** The request's body: the envelope around the service's parameters (exchange properties {@value #PARAMS}). */
    public byte[] envelope(Exchange exchange) throws IOException {
        String token = session.get();
        String service = exchange.getProperty(SERVICE, String.class);
        ObjectNode body = mapper.createObjectNode().put("session", token).put("madonvi", config.agencyCode())
                .put("service", service);
        JsonNode params = exchange.getProperty(PARAMS, JsonNode.class);
        if (params instanceof ObjectNode fields) {
            body.setAll(fields);
        }
        exchange.setProperty(TOKEN_SENT, token);
        return mapper.writeValueAsBytes(body);
    }

    /** Reads an answer (the body) as JSON; an answer that is not JSON is portal trouble. */
    public JsonNode answer(Exchange exchange) {
        return json(exchange, exchange.getProperty(SERVICE, String.class));
    }

    /**
     * Whether the answer (the body) says the session expired; if so the session is forgotten, so the repeated call
     * logs in again (unless another call already did).
     */
    public boolean sessionExpired(Exchange exchange) {
        JsonNode answer = exchange.getMessage().getBody(JsonNode.class);
        if (answer == null || !config.sessionExpiredCodes().contains(answer.path("error_code").asInt(-1))) {
            return false;
        }
        String sent = exchange.getProperty(TOKEN_SENT, String.class);
        if (sent != null) {
            session.compareAndSet(sent, null);
        }
        return true;
    }

    /**
     * The answer (the body) when the portal accepted the call; otherwise a coded failure: "try later" for the
     * portal's retryable and session codes, "rejected" for every other code.
     */
    public JsonNode accepted(Exchange exchange) {
        String service = exchange.getProperty(SERVICE, String.class);
        JsonNode answer = exchange.getMessage().getBody(JsonNode.class);
        int code = answer.path("error_code").asInt(-1);
        if (code == 0) {
            return answer;
        }
        ErrorCode kind = config.retryableCodes().contains(code) || config.sessionExpiredCodes().contains(code)
                ? ErrorCode.PORTAL_UNAVAILABLE : ErrorCode.PORTAL_REJECTED;
        throw new DvcqgException(kind, service, code, "error_code " + code + ": " + answer.path("message").asText(""),
                null);
    }

    private JsonNode json(Exchange exchange, String service) {
        try {
            byte[] body = exchange.getMessage().getBody(byte[].class);
            return mapper.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw DvcqgException.unavailable(service, "an answer that is not JSON", e);
        }
    }
}
