package vn.lgsp.hub.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in OAuth2 issuer (RFC 6749 §4.4, client credentials): a registered system presents its client id and
 * secret (HTTP Basic or form fields) and gets a short-lived signed JWT naming it and its granted services. On in the
 * demo profile; a province with its own identity provider turns it off and sets {@code hub.security.jwt.jwk-set-uri}.
 */
@RestController
@ConditionalOnProperty(name = "hub.security.jwt.built-in-issuer", havingValue = "true")
@Tag(name = "OAuth2", description = "Client-credentials tokens of the built-in issuer")
public class TokenIssuerController {

    public static final String PATH = "/oauth2/token";

    private final ClientRegistry clients;
    private final JwtTokens tokens;

    public TokenIssuerController(ClientRegistry clients, JwtTokens tokens) {
        this.clients = clients;
        this.tokens = tokens;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue an access token (grant_type=client_credentials)")
    public ResponseEntity<Map<String, Object>> token(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String formClientId,
            @RequestParam(name = "client_secret", required = false) String formSecret,
            @RequestParam(name = "scope", required = false) String scope,
            @RequestHeader(name = "Authorization", required = false) String authorization) {
        String[] basic = basic(authorization);
        String clientId = basic != null ? basic[0] : formClientId;
        String secret = basic != null ? basic[1] : formSecret;
        var system = clients.authenticateClient(clientId, secret);
        if (system.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client");
        }
        // RFC 6749 §5.2: a missing parameter is a malformed request; a grant named but not offered is unsupported.
        if (grantType == null || grantType.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request");
        }
        if (!"client_credentials".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type");
        }
        List<String> granted = system.get().services();
        if (scope != null && !scope.isBlank()) {
            List<String> asked = Arrays.asList(scope.trim().split("\\s+"));
            if (!granted.containsAll(asked)) {
                return error(HttpStatus.BAD_REQUEST, "invalid_scope");
            }
            granted = asked;
        }
        JwtTokens.Issued issued = tokens.issue(system.get(), granted);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn());
        body.put("scope", String.join(" ", granted));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error) {
        return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(Map.of("error", error));
    }
}
