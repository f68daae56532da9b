package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.adapters.business.BusinessProperties;
import vn.lgsp.hub.adapters.business.BusinessTokens;
import vn.lgsp.hub.adapters.business.BusinessTokensAccess;

/** OAuth2 client-credentials tokens are cached, and renewed a configured time before they expire. */
class BusinessTokensTest {


    private HttpServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> authorizations = new ArrayList<>();

    @BeforeEach
    void tokenEndpoint() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"access_token\":\"t" + issued.incrementAndGet()
                    + "\",\"token_type\":\"Bearer\",\"expires_in\":300}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void tokenIsReusedUntilShortlyBeforeItExpiresThenRenewed() {
        MutableClock clock = new MutableClock();
        BusinessTokens tokens = BusinessTokensAccess.withClock(properties(), clock);

        assertThat(tokens.bearer()).isEqualTo("Bearer t1");
        clock.now = clock.now.plusSeconds(269);
        assertThat(tokens.bearer()).isEqualTo("Bearer t1");
        clock.now = clock.now.plusSeconds(2); // 29 s before expiry, inside the 30 s renewal margin
        assertThat(tokens.bearer()).isEqualTo("Bearer t2");
        assertThat(issued.get()).isEqualTo(2);
        assertThat(authorizations.get(0)).isEqualTo("Basic bGdzcDpzM2NyM3Q="); // lgsp:s3cr3t
    }

    @Test
    void invalidatedTokenIsReplacedAtOnce() {
        BusinessTokens tokens = BusinessTokensAccess.withClock(properties(), new MutableClock());
        assertThat(tokens.bearer()).isEqualTo("Bearer t1");

        tokens.invalidate();

        assertThat(tokens.bearer()).isEqualTo("Bearer t2");
    }

    private BusinessProperties properties() {
        return new BusinessProperties("http://unused", "http://127.0.0.1:" + server.getAddress().getPort() + "/token",
                "lgsp", "s3cr3t", "", Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30),
                "CSDL_DKDN");
    }
}
