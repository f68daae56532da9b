package vn.lgsp.hub.simulators.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.adapters.payment.NationalPaymentPlatform;
import vn.lgsp.hub.adapters.payment.NationalPaymentProperties;
import vn.lgsp.hub.adapters.payment.PaymentSignatures;
import vn.lgsp.hub.simulators.support.PaymentGatewaySimulator;
import vn.lgsp.hub.simulators.support.SimulatorProperties;

/**
 * Simulator of the national payment platform (docs/contracts.md "Payment gateways"): {@code POST create} (check_sum
 * verified with key1; answers the payment URL), a payment page {@code GET pay/{id}}, {@code POST pay/{id}} and
 * {@code notify/{id}} (see {@link PaymentGatewaySimulator}) sending JSON notifications signed with key2 to
 * {@code hub.simulators.payment.ipn-url}, and {@code POST detail} (the query API).
 */
@RestController
@RequestMapping("/sim/payment")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class PaymentPlatformSimulator extends PaymentGatewaySimulator {

    private final NationalPaymentProperties config;
    private final String ipnUrl;

    public PaymentPlatformSimulator(NationalPaymentProperties config, ObjectMapper mapper,
                                    SimulatorProperties simulators) {
        super(mapper);
        this.config = config;
        this.ipnUrl = simulators.payment().ipnUrl();
    }

    @PostMapping("/create")
    public ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode request) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "99", "message", "injected fault"));
        }
        Map<String, String> fields = NationalPaymentPlatform.textFields(request);
        if (!PaymentSignatures.sameSignature(PaymentSignatures.nationalCheckSum(config.key1(), fields,
                NationalPaymentPlatform.CREATE_SIGNED), fields.get("check_sum"))) {
            return ResponseEntity.ok(Map.of("error", "2", "message", "Sai check_sum"));
        }
        String id = fields.getOrDefault("transaction_id", "");
        if (id.isBlank() || !fields.getOrDefault("trans_amount", "").matches("\\d{1,15}")) {
            return ResponseEntity.ok(Map.of("error", "3", "message", "Thiếu transaction_id hoặc trans_amount"));
        }
        received.arrive(id, request);
        hold(id, Long.parseLong(fields.get("trans_amount")));
        return ResponseEntity.ok(Map.of("error", "0", "payment_url", config.baseUrl() + "/pay/" + id));
    }

    @GetMapping(path = "/pay/{transactionId}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@PathVariable String transactionId) {
        Order order = orders.get(transactionId);
        return order == null ? ResponseEntity.notFound().build() : ResponseEntity.ok("<html><body><h1>Cổng thanh "
                + "toán quốc gia (mô phỏng)</h1><p>Giao dịch " + order.transactionId + ": " + order.amount
                + " VND</p><p>POST /sim/payment/pay/" + order.transactionId + " {\"outcome\":\"PAID\"}</p></body></html>");
    }

    @PostMapping("/detail")
    public ResponseEntity<Map<String, String>> detail(@RequestBody JsonNode request) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("error", "99"));
        }
        Map<String, String> fields = NationalPaymentPlatform.textFields(request);
        if (!PaymentSignatures.sameSignature(PaymentSignatures.nationalCheckSum(config.key1(), fields,
                NationalPaymentPlatform.DETAIL_SIGNED), fields.get("check_sum"))) {
            return ResponseEntity.ok(Map.of("error", "2"));
        }
        Order order = orders.get(fields.getOrDefault("transaction_id", ""));
        if (order == null) {
            return ResponseEntity.ok(Map.of("error", "4"));
        }
        String status = switch (order.state) {
            case "PAID" -> NationalPaymentPlatform.PAID;
            case "FAILED" -> NationalPaymentPlatform.FAILED;
            default -> NationalPaymentPlatform.PENDING;
        };
        Map<String, String> answer = notice(order, status, order.amount, config.key2());
        answer.put("error", "0");
        return ResponseEntity.ok(answer);
    }

    @Override
    protected HttpResponse<String> notifyHub(Order order, boolean paid, long amount, boolean wrongSignature)
            throws Exception {
        Map<String, String> notice = notice(order, paid ? NationalPaymentPlatform.PAID : NationalPaymentPlatform.FAILED,
                amount, wrongSignature ? "not-" + config.key2() : config.key2());
        ObjectNode body = mapper.createObjectNode();
        notice.forEach(body::put);
        body.put("trans_amount", amount); // a number, as the platform sends it
        return http.send(HttpRequest.newBuilder(URI.create(ipnUrl)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private Map<String, String> notice(Order order, String status, long amount, String key) {
        Map<String, String> fields = ordered();
        fields.put("client_id", config.clientId());
        fields.put("transaction_id", order.transactionId);
        fields.put("transaction_code", order.gatewayRef);
        fields.put("trans_amount", Long.toString(amount));
        fields.put("command", "PAY");
        fields.put("addition_fee", "0");
        fields.put("version", config.version());
        fields.put("status", status);
        fields.put("check_sum", PaymentSignatures.nationalCheckSum(key, fields, NationalPaymentPlatform.NOTICE_SIGNED));
        return fields;
    }
}
