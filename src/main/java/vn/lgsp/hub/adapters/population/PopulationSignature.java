package vn.lgsp.hub.adapters.population;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import org.apache.camel.Exchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The HTTP headers the population database gateway requires on every call (docs/contracts.md "National population
 * database (CSDLQG về dân cư)"): {@code Timestamp} (epoch ms),
 * {@code Authorization: Basic base64(user:sha256hex(authUrl + user + timestamp + secret))}, {@code X-Road-Client}
 * and {@code ApiKey}. The secret itself never travels.
 */
@Component("populationSignature")
public class PopulationSignature {

    private final PopulationProperties properties;
    private final Clock clock;

    @Autowired
    public PopulationSignature(PopulationProperties properties) {
        this(properties, Clock.systemUTC());
    }

    PopulationSignature(PopulationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Sets the four headers on the outgoing message; route citizen-lookup-to-population calls it last. */
    public void sign(Exchange exchange) {
        String timestamp = Long.toString(clock.millis());
        var message = exchange.getMessage();
        message.setHeader("Timestamp", timestamp);
        message.setHeader("Authorization",
                authorization(properties.authUrl(), properties.username(), timestamp, properties.password()));
        message.setHeader("X-Road-Client", properties.xRoadClient());
        message.setHeader("ApiKey", properties.apiKey());
    }

    /** {@code Basic base64(user:sha256hex(authUrl + user + timestamp + secret))}. */
    public static String authorization(String authUrl, String user, String timestamp, String secret) {
        String digest = sha256Hex(authUrl + user + timestamp + secret);
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + digest).getBytes(StandardCharsets.UTF_8));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
