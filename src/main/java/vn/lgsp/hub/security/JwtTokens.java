package vn.lgsp.hub.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * OAuth2 client-credentials JWTs: validation of presented tokens (Spring Security's resource-server decoder, with
 * the configured issuer and either the shared HMAC secret or an external issuer's JWK set) and, for the built-in
 * issuer, signing. The key comes from configuration, so every hub node accepts every node's tokens. A token must
 * name the hub's audience ({@code hub.security.jwt.audience}) in {@code aud}: one issued for another service is
 * refused like a forged one.
 */
@Component
public class JwtTokens {

    /** Claim naming the services the token was issued for. */
    public static final String SERVICES_CLAIM = "services";
    public static final String CLIENT_ID_CLAIM = "client_id";
    private static final int MIN_SECRET_BYTES = 32;

    private final SecurityProperties.Jwt settings;
    private final JwtDecoder decoder;
    private final NimbusJwtEncoder encoder;

    public JwtTokens(SecurityProperties properties) {
        this.settings = properties.jwt();
        if (!settings.enabled()) {
            this.decoder = null;
            this.encoder = null;
            return;
        }
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new IllegalStateException("hub.security.jwt.issuer is required when JWTs are accepted");
        }
        String audience = settings.audience();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        NimbusJwtDecoder nimbus;
        if (settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()) {
            nimbus = NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build();
            this.encoder = null;
        } else {
            SecretKey key = secretKey(settings.secret());
            nimbus = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
            this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key));
        }
        nimbus.setJwtValidator(validator);
        this.decoder = nimbus;
        if (settings.builtInIssuer() && encoder == null) {
            throw new IllegalStateException("hub.security.jwt.built-in-issuer needs hub.security.jwt.secret");
        }
    }

    private static SecretKey secretKey(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("hub.security.jwt.secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The client id and granted services of a valid token; empty for an invalid, expired or foreign one. */
    public Optional<Jwt> validate(String token) {
        if (decoder == null || token == null || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            return Optional.of(decoder.decode(token));
        } catch (JwtException invalid) {
            return Optional.empty();
        }
    }

    /** The registered client a token speaks for: {@code client_id}, else {@code sub}. */
    public static String clientId(Jwt jwt) {
        String clientId = jwt.getClaimAsString(CLIENT_ID_CLAIM);
        return clientId != null ? clientId : jwt.getSubject();
    }

    /** The services named in the token, when it names any. */
    public static Optional<List<String>> services(Jwt jwt) {
        return jwt.hasClaim(SERVICES_CLAIM) ? Optional.of(jwt.getClaimAsStringList(SERVICES_CLAIM)) : Optional.empty();
    }

    /** A signed token for a client of the built-in issuer. */
    public Issued issue(ConnectedSystem system, List<String> services) {
        Instant now = Instant.now();
        Instant expires = now.plus(settings.tokenTtl());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(system.id())
                .audience(List.of(settings.audience()))
                .claim(CLIENT_ID_CLAIM, system.id())
                .claim(SERVICES_CLAIM, services)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expires)
                .id(UUID.randomUUID().toString())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).type("JWT").build(),
                claims)).getTokenValue();
        return new Issued(token, settings.tokenTtl().toSeconds());
    }

    /** A token and its lifetime in seconds. */
    public record Issued(String token, long expiresIn) {
    }
}
