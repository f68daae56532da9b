package vn.lgsp.hub.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ToDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.support.FakeDeliveryLedger;
import vn.lgsp.hub.support.YamlRoutes;

/**
 * Route {@code notice-delivery-to-sms} as its file makes it: the queue replaced by {@code direct:}, the gateway by a
 * mock, the ledger by a fake and the notice's request by a stand-in for {@link CitizenNotices#gatewayRequest}.
 */
class NoticeDeliveryToSmsRouteTest {

    private static final String ROUTE = "notice-delivery-to-sms";
    private final FakeDeliveryLedger ledger = new FakeDeliveryLedger();
    private DefaultCamelContext camel;

    /** What CitizenNotices does: the body becomes the gateway's request, the notice key a property. */
    public static class Requests {
        public void gatewayRequest(Exchange exchange) {
            String key = exchange.getMessage().getBody(String.class);
            exchange.setProperty(CitizenNotices.NOTICE_KEY, key);
            exchange.getMessage().setBody("{\"to\":\"0912345678\",\"message\":\"Hồ sơ đã được tiếp nhận\"}");
        }

        /** The template's enrichment step, off for notices (never called). */
        public void enrich(Exchange exchange) {
            throw new AssertionError("notices are not enriched");
        }
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    @Test
    void aNoticeIsPostedToTheGatewayOnceWithItsKeyAndNothingElseOfTheMessage() throws Exception {
        camel = YamlRoutes.load(Map.of(
                        "hub.notices.queue", "lgsp.notice.sms",
                        "hub.systems.sms.base-url", "http://127.0.0.1:9/sms",
                        "hub.systems.sms.connect-timeout", "2s",
                        "hub.systems.sms.response-timeout", "10s"),
                Map.of("deliveryLedger", ledger, "citizenNotices", new Requests(), "applicantEnrichment", new Requests()),
                "templates/delivery-to-rest-system.camel.yaml", "sms/notice-delivery-to-sms.camel.yaml");
        AdviceWith.adviceWith(camel, ROUTE, a -> {
            a.replaceFromWith("direct:" + ROUTE);
            a.weaveByType(ToDefinition.class).replace().to("mock:sms");
        });
        camel.start();
        MockEndpoint gateway = camel.getEndpoint("mock:sms", MockEndpoint.class);
        gateway.expectedMessageCount(1);
        gateway.expectedHeaderReceived("X-Request-Id", "HS-1:2:1764892800000");
        gateway.expectedHeaderReceived(Exchange.HTTP_PATH, "/api/v1/sms");
        gateway.expectedBodiesReceived("{\"to\":\"0912345678\",\"message\":\"Hồ sơ đã được tiếp nhận\"}");
        Map<String, Object> event = Map.of(MessageHeaders.EVENT_ID, "E-1", MessageHeaders.DOSSIER_CODE, "HS-1",
                "X-Smuggled", "from the queue");

        ProducerTemplate producer = camel.createProducerTemplate();
        producer.sendBodyAndHeaders("direct:" + ROUTE, "HS-1:2:1764892800000", event);
        producer.sendBodyAndHeaders("direct:" + ROUTE, "HS-1:2:1764892800000", event);

        gateway.assertIsSatisfied();
        assertThat(gateway.getExchanges().get(0).getMessage().getHeaders()).doesNotContainKeys("hubEventId", "X-Smuggled");
        assertThat(ledger.delivered()).containsExactly("sms/E-1");
    }
}
