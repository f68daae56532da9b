package vn.lgsp.hub.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code hub.security.*}: how JWTs are validated (and issued by the built-in issuer), default rate limits, CORS.
 * Secrets come from configuration or the environment (demo values only in application-demo.yml).
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(Jwt jwt, RateLimitDefaults rateLimit, Cors cors, Operations operations,
                                 RefusalAudit refusalAudit, Mtls mtls) {

    @ConstructorBinding
    public SecurityProperties {
        refusalAudit = refusalAudit == null ? new RefusalAudit(10_000, 100) : refusalAudit;
        operations = operations == null ? new Operations(false, null, null) : operations;
        jwt = jwt == null ? new Jwt(null, null, null, null, false, null) : jwt;
        rateLimit = rateLimit == null ? new RateLimitDefaults(1000.0, 2000, 0L) : rateLimit;
        cors = cors == null ? new Cors(List.of()) : cors;
    }

    /**
     * JWTs of OAuth2 client credentials. {@code issuer}: the expected {@code iss}; {@code secret}: the shared HMAC
     * key (HS256, at least 32 bytes) the built-in issuer signs with and every node validates with;
     * {@code jwkSetUri}: an external issuer's keys (RS256/ES256) instead of a secret; {@code tokenTtl}: lifetime of
     * tokens the built-in issuer makes; {@code builtInIssuer}: serve {@code POST /oauth2/token}; {@code audience}: the
     * {@code aud} every accepted token must name (and tokens of the built-in issuer carry), so a token issued for
     * another service is not a token for the hub.
     */
    public record Jwt(String issuer, String secret, String jwkSetUri, Duration tokenTtl, boolean builtInIssuer,
                      String audience) {
        public static final String DEFAULT_AUDIENCE = "lgsp-hub";

        public Jwt {
            tokenTtl = tokenTtl == null ? Duration.ofMinutes(5) : tokenTtl;
            audience = hasText(audience) ? audience : DEFAULT_AUDIENCE;
        }

        public boolean enabled() {
            return hasText(secret) || hasText(jwkSetUri);
        }

        private static boolean hasText(String s) {
            return s != null && !s.isBlank();
        }
    }

    /** Limits of a system that sets none itself. */
    public record RateLimitDefaults(Double requestsPerSecond, Integer burst, Long dailyQuota) {
    }

    /**
     * The actuator. {@code open}: metrics, health details and info for anyone (development); closed (the default,
     * and the prod profile) they need the role ADMIN or the scrape credential, HTTP Basic {@code scrapeUser} with a
     * password whose salted hash ({@link ApiKeys}) is {@code scrapePasswordHash}. Liveness and readiness stay open.
     */
    public record Operations(boolean open, String scrapeUser, String scrapePasswordHash) {

        public boolean scrapeConfigured() {
            return scrapeUser != null && !scrapeUser.isBlank() && scrapePasswordHash != null
                    && ApiKeys.isWellFormed(scrapePasswordHash);
        }
    }

    /**
     * Refused calls are stored by a background writer: at most {@code recordsPerSecond} per caller each second,
     * {@code queueCapacity} waiting; the rest only counted.
     */
    public record RefusalAudit(int queueCapacity, int recordsPerSecond) {
    }

    /**
     * The optional second connector with mutual TLS (on when {@code port} is set): the hub's own certificate in the
     * PKCS#12 {@code keyStore}, client certificates verified against the PKCS#12 {@code trustStore}.
     */
    public record Mtls(Integer port, String keyStore, String keyStorePassword, String trustStore,
                       String trustStorePassword) {
    }

    /** Origins allowed to call the API from a browser; empty (the default): none. */
    public record Cors(List<String> allowedOrigins) {
        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }
}
