package vn.lgsp.hub.adapters.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.delivery.DeliveryFailures;

/**
 * The gateways' server calls, made by routes {@code payment-create-to-gateway} and {@code payment-query-to-gateways}
 * (routes/payments): a signed JSON request in, the gateway's JSON answer out. Starting a payment answers the citizen
 * with the gateway's URL, so the call is synchronous. Any failure is a {@link PaymentGatewayException} whose cause
 * (the HTTP answer, the timeout, the refused connection) {@link DeliveryFailures} classifies.
 */
@Component
public class GatewayCalls {

    /** National platform: register an order ({@code POST /create}). */
    public static final String CREATE = "direct:payment-gateway-create";
    /** Either gateway: a transaction's state ({@code POST /detail}, querydr), chosen by header {@link #GATEWAY}. */
    public static final String QUERY = "direct:payment-gateway-query";
    /** The gateway's system id, {@code payment} or {@code bank}. */
    public static final String GATEWAY = "paymentGateway";

    private final ProducerTemplate template;
    private final ObjectMapper mapper;

    public GatewayCalls(ProducerTemplate template, ObjectMapper mapper) {
        this.template = template;
        this.mapper = mapper;
    }

    JsonNode call(String endpoint, String gateway, JsonNode body) {
        String answer;
        try {
            answer = template.requestBodyAndHeader(endpoint, mapper.writeValueAsString(body), GATEWAY, gateway,
                    String.class);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PaymentGatewayException(gateway, "call failed: " + DeliveryFailures.describe(cause), cause);
        } catch (JsonProcessingException e) {
            throw new PaymentGatewayException(gateway, "request is not JSON", e);
        }
        try {
            return mapper.readTree(answer == null ? "" : answer);
        } catch (JsonProcessingException e) {
            throw new PaymentGatewayException(gateway, "answer is not JSON", e);
        }
    }
}
