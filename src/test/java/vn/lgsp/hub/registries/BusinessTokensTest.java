package vn.lgsp.hub.registries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ToDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.adapters.business.BusinessProperties;
import vn.lgsp.hub.adapters.business.BusinessTokens;
import vn.lgsp.hub.delivery.DeliveryFailures;
import vn.lgsp.hub.support.YamlRoutes;

/**
 * Route token-request-to-business with its token endpoint mocked: OAuth2 client-credentials tokens are cached, and
 * renewed a configured time before they expire.
 */
class BusinessTokensTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger issued = new AtomicInteger();
    private DefaultCamelContext camel;
    private BusinessTokens tokens;
    private MockEndpoint tokenEndpoint;

    @BeforeEach
    void tokenRoute() throws Exception {
        BusinessProperties properties = new BusinessProperties("http://127.0.0.1:1/unused",
                "http://127.0.0.1:1/token", "lgsp", "s3cr3t", "", Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(30), "CSDL_DKDN");
        camel = YamlRoutes.load(Map.of("hub.systems.business.token-url", properties.tokenUrl(),
                "hub.systems.business.connect-timeout", "2000", "hub.systems.business.response-timeout", "5000"),
                Map.of(), "business/token-request-to-business.camel.yaml");
        tokens = new BusinessTokens(properties, new ObjectMapper(), camel.createProducerTemplate(), clock);
        camel.getRegistry().bind("businessTokens", tokens);
        AdviceWith.adviceWith(camel, "token-request-to-business",
                route -> route.weaveByType(ToDefinition.class).selectFirst().replace().to("mock:token-endpoint"));
        camel.start();
        tokenEndpoint = camel.getEndpoint("mock:token-endpoint", MockEndpoint.class);
        tokenEndpoint.whenAnyExchangeReceived(exchange -> exchange.getMessage().setBody("{\"access_token\":\"t"
                + issued.incrementAndGet() + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void tokenIsReusedUntilShortlyBeforeItExpiresThenRenewed() {
        assertThat(tokens.bearer()).isEqualTo("Bearer t1");
        clock.now = clock.now.plusSeconds(269);
        assertThat(tokens.bearer()).isEqualTo("Bearer t1");
        clock.now = clock.now.plusSeconds(2); // 29 s before expiry, inside the 30 s renewal margin
        assertThat(tokens.bearer()).isEqualTo("Bearer t2");

        assertThat(issued.get()).isEqualTo(2);
        var request = tokenEndpoint.getReceivedExchanges().get(0).getMessage();
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic bGdzcDpzM2NyM3Q="); // lgsp:s3cr3t
        assertThat(request.getHeader("CamelHttpMethod")).isEqualTo("POST");
        assertThat(request.getBody(String.class)).isEqualTo("grant_type=client_credentials");
    }

    @Test
    void invalidatedTokenIsReplacedAtOnce() {
        assertThat(tokens.bearer()).isEqualTo("Bearer t1");

        tokens.invalidate();

        assertThat(tokens.bearer()).isEqualTo("Bearer t2");
    }

    @Test
    void aTokenEndpointThatIsDownFailsTheLookupAsTemporary() {
        tokenEndpoint.whenAnyExchangeReceived(exchange -> {
            throw new HttpOperationFailedException("http://127.0.0.1:1/token", 503, "Service Unavailable", null,
                    Map.of(), "");
        });

        assertThatThrownBy(tokens::bearer).satisfies(
                failure -> assertThat(DeliveryFailures.classify(failure)).isEqualTo(DeliveryFailures.Kind.TEMPORARY));
    }
}
