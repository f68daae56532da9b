package vn.lgsp.hub.postal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.support.FakeDeliveryLedger;
import vn.lgsp.hub.support.NoEnrichment;
import vn.lgsp.hub.support.YamlRoutes;

/**
 * Route {@code postal-order-to-postal} as its file makes it from template {@code delivery-to-rest-system}: the
 * order goes to the operator's {@code /api/orders} with the order's reference (dossier code and kind) as its
 * idempotency key, once, whatever the outbox event id of a redelivery.
 */
class PostalOrderRouteTest {

    private static final String ROUTE = "postal-order-to-postal";
    private final FakeDeliveryLedger ledger = new FakeDeliveryLedger();
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        camel = YamlRoutes.load(Map.of("hub.systems.postal.order-queue", "lgsp.postal.order",
                        "hub.systems.postal.base-url", "http://127.0.0.1:9/postal",
                        "hub.systems.postal.connect-timeout", "1s", "hub.systems.postal.response-timeout", "2s"),
                Map.of("deliveryLedger", ledger, "applicantEnrichment", new NoEnrichment()),
                "templates/delivery-to-rest-system.camel.yaml", "postal/" + ROUTE + ".camel.yaml");
        AdviceWith.adviceWith(camel, ROUTE, a -> {
            a.replaceFromWith("direct:" + ROUTE);
            a.weaveByType(ToDefinition.class).replace().to("mock:postal");
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void ordersAtTheOperatorKeyedByDossierAndKind() throws Exception {
        MockEndpoint postal = camel.getEndpoint("mock:postal", MockEndpoint.class);
        postal.expectedMessageCount(1);
        postal.expectedHeaderReceived("Idempotency-Key", "HS-1:POSTAL_DELIVERY");
        postal.expectedHeaderReceived(Exchange.HTTP_PATH, "/api/orders");
        postal.expectedBodiesReceived("{\"reference\":\"HS-1:POSTAL_DELIVERY\"}");

        ProducerTemplate send = camel.createProducerTemplate();
        send.sendBodyAndHeaders("direct:" + ROUTE, "{\"reference\":\"HS-1:POSTAL_DELIVERY\"}", event("E-1"));
        send.sendBodyAndHeaders("direct:" + ROUTE, "{\"reference\":\"HS-1:POSTAL_DELIVERY\"}", event("E-1"));

        postal.assertIsSatisfied();
        assertThat(ledger.delivered()).containsExactly("postal/E-1");
        assertThat(postal.getExchanges().get(0).getMessage().getHeaders())
                .as("the queue's headers stay in the hub").doesNotContainKeys(MessageHeaders.EVENT_ID);
    }

    private static Map<String, Object> event(String eventId) {
        return Map.of(MessageHeaders.EVENT_ID, eventId, MessageHeaders.DOSSIER_CODE, "HS-1",
                MessageHeaders.EVENT_TYPE, PostalOrderKind.DELIVERY.eventType());
    }
}
