package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubClient.Answer;

/**
 * Who a caller is: API keys (rotation with two keys valid at once, a removed key refused) and OAuth2 client
 * credentials (the built-in issuer's JWTs accepted, forged, tampered, expired or narrowed tokens refused, and a
 * token of one node accepted by another node configured alike).
 */
class IdentitySecurityIT extends SecurityIntegrationTest {

    private static final String KPI = "/api/v1/kpi/sync?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z";

    @Autowired
    SecurityProperties securityProperties;

    @Test
    void duringARotationTheOldAndTheNewKeyBothWorkAndARemovedKeyIsRefused() {
        assertThat(hub.get(KPI, ONESTOP_KEY).status()).isEqualTo(200);
        assertThat(hub.get(KPI, ROTATED_ONESTOP_KEY).status()).isEqualTo(200);
        assertProblem(hub.get(KPI, REVOKED_KEY), 401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenFromTheBuiltInIssuerAuthenticatesTheSystemWithItsGrantedServices() {
        Answer token = token("sector-land", "demo-sector-land-secret", null);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        assertThat(token.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.json().get("expires_in").asLong()).isEqualTo(300);
        assertThat(token.header("Cache-Control")).contains("no-store");
        String jwt = token.json().get("access_token").asText();
        String claims = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"sector-land\"").contains("\"services\":[\"dossier-intake\"");

        Answer accepted = hub.exchange("POST", "/api/v1/dossiers", null, "application/json",
                Dossiers.citizen(Dossiers.newRef("JWT")).getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + jwt);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String code = accepted.json().get("dossierCode").asText();
        eventually().until(() -> onestop.receivedLog().get(code) != null);
        assertThat(bearer("GET", "/api/v1/dossiers/" + code, jwt).status()).isEqualTo(200);
    }

    @Test
    void aTokenAskedForFewerServicesCannotCallTheOthers() {
        String jwt = token("sector-land", "demo-sector-land-secret", "dossier-read").json().get("access_token").asText();
        long dossiers = count("dossier");
        assertProblem(bearer("POST", "/api/v1/dossiers", jwt), 403, "FORBIDDEN");
        assertThat(count("dossier")).isEqualTo(dossiers);
        // and no one obtains a token for a service it was never granted
        assertThat(token("sector-land", "demo-sector-land-secret", "payments").json().get("error").asText())
                .isEqualTo("invalid_scope");
    }

    @Test
    void theIssuerRefusesAWrongSecretAnUnknownClientAndOtherGrants() {
        Answer wrongSecret = token("sector-land", "guessed-secret", null);
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(token("nobody", "demo-sector-land-secret", null).status()).isEqualTo(401);
        Answer password = hub.exchange("POST", "/oauth2/token", null, "application/x-www-form-urlencoded",
                "grant_type=password&client_id=sector-land&client_secret=demo-sector-land-secret"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void forgedTamperedExpiredAndForeignTokensAreRefused() throws Exception {
        String issuer = securityProperties.jwt().issuer();
        String secret = securityProperties.jwt().secret();
        String valid = token("sector-land", "demo-sector-land-secret", null).json().get("access_token").asText();
        String[] parts = valid.split("\\.");
        String tamperedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("sector-land", "hub-admin").getBytes(StandardCharsets.UTF_8));

        List<String> refused = List.of(
                parts[0] + "." + tamperedClaims + "." + parts[2],                       // claims changed, old signature
                sign("another-secret-of-at-least-32-bytes!!", issuer, "sector-land", 300),  // signed with another key
                sign(secret, issuer, "sector-land", -60),                              // expired a minute ago
                sign(secret, "https://evil.example/oauth2", "sector-land", 300),       // another issuer
                sign(secret, issuer, "nobody", 300),                                   // a client not registered
                sign(secret, issuer, "sector-land", 300, "another-service"),           // issued for another audience
                sign(secret, issuer, "sector-land", 300, null),                        // issued for no audience
                parts[0] + "." + parts[1] + ".",                                        // signature stripped
                "eyJhbGciOiJub25lIn0." + parts[1] + ".");                              // alg none
        // The hub's own tokens name its audience, and a token signed alike for it is accepted.
        assertThat(new JwtTokens(securityProperties).validate(valid)).hasValueSatisfying(claims ->
                assertThat(claims.getAudience()).containsExactly(SecurityProperties.Jwt.DEFAULT_AUDIENCE));
        assertThat(new JwtTokens(securityProperties).validate(sign(secret, issuer, "sector-land", 300))).isPresent();
        for (String token : refused) {
            Answer answer = bearer("GET", KPI, token);
            assertProblem(answer, 401, "UNAUTHENTICATED");
            assertThat(answer.json().get("detail").asText()).isEqualTo("The bearer token is not valid");
        }
    }

    @Test
    void anotherNodeWithTheSameConfigurationAcceptsTheTokensOfThisOne() {
        String jwt = token("onestop", "demo-onestop-secret", null).json().get("access_token").asText();
        JwtTokens otherNode = new JwtTokens(securityProperties);
        assertThat(otherNode.validate(jwt)).hasValueSatisfying(claims ->
                assertThat(JwtTokens.clientId(claims)).isEqualTo("onestop"));
    }

    private Answer token(String clientId, String secret, String scope) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope);
        return hub.exchange("POST", "/oauth2/token", null, "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8), "Authorization", "Basic " + basic);
    }

    private Answer bearer(String method, String path, String jwt) {
        byte[] body = "POST".equals(method) ? Dossiers.citizen(Dossiers.newRef("JWT")).getBytes(StandardCharsets.UTF_8)
                : null;
        return hub.exchange(method, path, null, body == null ? null : "application/json", body,
                "Authorization", "Bearer " + jwt);
    }

    private static String sign(String secret, String issuer, String subject, long secondsValid) throws Exception {
        return sign(secret, issuer, subject, secondsValid, SecurityProperties.Jwt.DEFAULT_AUDIENCE);
    }

    private static String sign(String secret, String issuer, String subject, long secondsValid, String audience)
            throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).claim("client_id", subject)
                .audience(audience).issueTime(Date.from(now.minusSeconds(120)))
                .expirationTime(Date.from(now.plusSeconds(secondsValid))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
