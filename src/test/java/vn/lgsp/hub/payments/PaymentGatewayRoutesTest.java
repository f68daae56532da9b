package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.adapters.payment.BankGateway;
import vn.lgsp.hub.adapters.payment.BankGatewayProperties;
import vn.lgsp.hub.adapters.payment.GatewayCalls;
import vn.lgsp.hub.adapters.payment.GatewayStatus;
import vn.lgsp.hub.adapters.payment.NationalPaymentPlatform;
import vn.lgsp.hub.adapters.payment.NationalPaymentProperties;
import vn.lgsp.hub.adapters.payment.PaymentGatewayException;
import vn.lgsp.hub.adapters.payment.PaymentOrder;
import vn.lgsp.hub.canonical.Fee;
import vn.lgsp.hub.delivery.DeliveryFailures;
import vn.lgsp.hub.support.YamlRoutes;

/**
 * Routes payment-create-to-gateway and payment-query-to-gateways against a gateway on 127.0.0.1 that answers what the
 * test tells it: each call is a POST of the signed JSON to its gateway's path, and a failed call is classified by
 * DeliveryFailures (a 503 temporary, a 400 permanent).
 */
class PaymentGatewayRoutesTest {

    private HttpServer gateway;
    private final AtomicInteger status = new AtomicInteger(200);
    private volatile String answer = "{}";
    private DefaultCamelContext camel;
    private MockEndpoint sent;
    private NationalPaymentPlatform national;
    private BankGateway bank;

    @BeforeEach
    void routes() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        String base = "http://127.0.0.1:" + gateway.getAddress().getPort();
        camel = YamlRoutes.load(Map.of("hub.systems.payment.base-url", base + "/payment",
                        "hub.systems.payment.connect-timeout", "1000", "hub.systems.payment.response-timeout", "5000",
                        "hub.systems.bank.base-url", base + "/bank",
                        "hub.systems.bank.connect-timeout", "1000", "hub.systems.bank.response-timeout", "5000"),
                Map.of(), "payments/payment-create-to-gateway.camel.yaml", "payments/payment-query-to-gateways.camel.yaml");
        for (String route : List.of("payment-create-to-gateway", "payment-query-to-gateways")) {
            AdviceWith.adviceWith(camel, route, a -> a.interceptSendToEndpoint("http*").to("mock:gateway"));
        }
        camel.start();
        sent = camel.getEndpoint("mock:gateway", MockEndpoint.class);
        GatewayCalls calls = new GatewayCalls(camel.createProducerTemplate(), new ObjectMapper());
        national = new NationalPaymentPlatform(new NationalPaymentProperties(base + "/payment", "H15-LGSP",
                "demo-payment-key1", "demo-payment-key2", "1.0", Duration.ofSeconds(1), Duration.ofSeconds(5)),
                new ObjectMapper(), calls);
        bank = new BankGateway(new BankGatewayProperties(base + "/bank", "LGSPHG01", "demo-bank-hash-secret",
                "2.1.0", "127.0.0.1", Duration.ofSeconds(1), Duration.ofSeconds(5)), new ObjectMapper(), calls);
    }

    @AfterEach
    void stop() {
        camel.stop();
        gateway.stop(0);
    }

    private static PaymentOrder order() {
        return new PaymentOrder("PAY0001", "H15.50-241204-0001", "1.001", "H15.50", 8000,
                List.of(new Fee("LP01", "Lệ phí", 8000L, null, null)), "Nguyễn Thị Hoà", "https://dvc.example.vn/ket-qua",
                OffsetDateTime.parse("2026-12-04T08:00:00+07:00"));
    }

    @Test
    void createPostsTheSignedOrderAndAnswersThePaymentUrl() throws Exception {
        answer = "{\"error\":\"0\",\"payment_url\":\"https://pay.example.vn/p/PAY0001\"}";

        assertThat(national.start(order())).isEqualTo("https://pay.example.vn/p/PAY0001");

        var request = sent.getReceivedExchanges().get(0).getMessage();
        assertThat(request.getHeader("CamelHttpMethod")).isEqualTo("POST");
        assertThat(sent.getReceivedExchanges().get(0).getProperty("CamelInterceptedEndpoint", String.class))
                .contains("/payment/create?connectTimeout=1000&responseTimeout=5000");
        assertThat(new ObjectMapper().readTree(request.getBody(String.class)).get("check_sum").asText()).hasSize(64);
    }

    @Test
    void aGatewayThatIsDownIsATemporaryFailure() {
        status.set(503);

        assertThatThrownBy(() -> national.start(order())).isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("HTTP 503")
                .satisfies(e -> assertThat(DeliveryFailures.classify(e)).isEqualTo(DeliveryFailures.Kind.TEMPORARY));
        assertThatThrownBy(() -> bank.query(order())).isInstanceOf(PaymentGatewayException.class)
                .satisfies(e -> assertThat(DeliveryFailures.classify(e)).isEqualTo(DeliveryFailures.Kind.TEMPORARY));
    }

    @Test
    void aRequestTheGatewayRejectsIsAPermanentFailure() {
        status.set(400);

        assertThatThrownBy(() -> national.query(order())).isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("HTTP 400")
                .satisfies(e -> assertThat(DeliveryFailures.classify(e)).isEqualTo(DeliveryFailures.Kind.PERMANENT));
    }

    @Test
    void eachQueryGoesToItsOwnGateway() {
        answer = "{\"vnp_ResponseCode\":\"91\"}";
        assertThat(bank.query(order()).result()).isEqualTo(GatewayStatus.Result.UNKNOWN);
        answer = "{\"error\":\"1\"}";
        assertThat(national.query(order()).result()).isEqualTo(GatewayStatus.Result.UNKNOWN);

        assertThat(sent.getReceivedExchanges()).extracting(e -> e.getProperty("CamelInterceptedEndpoint", String.class))
                .satisfiesExactly(uri -> assertThat(uri).contains("/bank/merchant_webapi/api/transaction?"),
                        uri -> assertThat(uri).contains("/payment/detail?"));
    }
}
