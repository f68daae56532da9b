package vn.lgsp.hub.ereceipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ToDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.support.FakeDeliveryLedger;
import vn.lgsp.hub.support.NoEnrichment;
import vn.lgsp.hub.support.YamlRoutes;

/**
 * Route {@code receipt-request-to-ereceipt} as its file makes it from template {@code delivery-to-rest-system}: the
 * request goes to the provider's {@code /api/receipts}, and the provider's answer reaches {@code eReceipts.issued}
 * before the delivery is recorded; a redelivery of a delivered request reaches neither.
 */
class ReceiptRequestRouteTest {

    private static final String ROUTE = "receipt-request-to-ereceipt";
    private static final String ANSWER = "{\"transactionId\":\"PAY1\",\"receiptNumber\":\"BL26-0000001\"}";
    private final FakeDeliveryLedger ledger = new FakeDeliveryLedger();
    private final RecordingReceipts receipts = new RecordingReceipts();
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        camel = YamlRoutes.load(Map.of("hub.systems.ereceipt.queue", "lgsp.ereceipt.request",
                        "hub.systems.ereceipt.base-url", "http://127.0.0.1:9/ereceipt",
                        "hub.systems.ereceipt.connect-timeout", "1s", "hub.systems.ereceipt.response-timeout", "2s"),
                Map.of("deliveryLedger", ledger, "applicantEnrichment", new NoEnrichment(), "eReceipts", receipts),
                "templates/delivery-to-rest-system.camel.yaml", "ereceipt/" + ROUTE + ".camel.yaml");
        AdviceWith.adviceWith(camel, ROUTE, a -> {
            a.replaceFromWith("direct:" + ROUTE);
            a.weaveByType(ToDefinition.class).replace().to("mock:ereceipt");
        });
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void requestsTheReceiptAndHandsTheAnswerOnBeforeTheDeliveryCounts() throws Exception {
        MockEndpoint provider = camel.getEndpoint("mock:ereceipt", MockEndpoint.class);
        provider.expectedMessageCount(1);
        provider.expectedHeaderReceived(Exchange.HTTP_PATH, "/api/receipts");
        provider.expectedHeaderReceived("Idempotency-Key", "E-1");
        provider.whenAnyExchangeReceived(e -> e.getMessage().setBody(ANSWER));

        ProducerTemplate send = camel.createProducerTemplate();
        send.sendBodyAndHeaders("direct:" + ROUTE, "{\"transactionId\":\"PAY1\",\"amount\":8000}", event());
        send.sendBodyAndHeaders("direct:" + ROUTE, "{\"transactionId\":\"PAY1\",\"amount\":8000}", event());

        provider.assertIsSatisfied();
        assertThat(receipts.answers).containsExactly(ANSWER);
        assertThat(ledger.delivered()).containsExactly("ereceipt/E-1");
    }

    private static Map<String, Object> event() {
        return Map.of(MessageHeaders.EVENT_ID, "E-1", MessageHeaders.DOSSIER_CODE, "HS-1",
                MessageHeaders.EVENT_TYPE, EReceipts.RECEIPT_REQUESTED);
    }

    /** Stands in for EReceipts: records the answers it is handed. */
    public static final class RecordingReceipts {
        final List<String> answers = new ArrayList<>();

        public void issued(Exchange exchange) {
            answers.add(exchange.getMessage().getBody(String.class));
        }
    }
}
