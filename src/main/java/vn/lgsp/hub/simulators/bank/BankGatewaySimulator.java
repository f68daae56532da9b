package vn.lgsp.hub.simulators.bank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.adapters.payment.BankGateway;
import vn.lgsp.hub.adapters.payment.BankGatewayProperties;
import vn.lgsp.hub.adapters.payment.NationalPaymentPlatform;
import vn.lgsp.hub.adapters.payment.PaymentSignatures;
import vn.lgsp.hub.simulators.support.PaymentGatewaySimulator;
import vn.lgsp.hub.simulators.support.SimulatorProperties;

/**
 * Simulator of the province's bank gateway, VNPay 2.1.0 style (docs/contracts.md "Payment gateways"): the payer page
 * {@code GET paymentv2/vpcpay.html?vnp_...} (signature verified; the order is held from then on),
 * {@code POST pay/{id}} and {@code notify/{id}} (see {@link PaymentGatewaySimulator}) sending signed GET
 * notifications to {@code hub.simulators.bank.ipn-url}, and {@code querydr} at
 * {@code POST merchant_webapi/api/transaction}.
 */
@RestController
@RequestMapping("/sim/bank")
@ConditionalOnProperty(name = "hub.simulators.enabled", havingValue = "true")
@Hidden
public class BankGatewaySimulator extends PaymentGatewaySimulator {

    private final BankGatewayProperties config;
    private final String ipnUrl;

    public BankGatewaySimulator(BankGatewayProperties config, ObjectMapper mapper,
                                SimulatorProperties simulators) {
        super(mapper);
        this.config = config;
        this.ipnUrl = simulators.bank().ipnUrl();
    }

    @GetMapping(path = "/paymentv2/vpcpay.html", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@RequestParam Map<String, String> params) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body("<html><body>injected fault</body></html>");
        }
        if (!PaymentSignatures.sameSignature(PaymentSignatures.bankSecureHash(config.hashSecret(), params),
                params.get("vnp_SecureHash")) || !config.tmnCode().equals(params.get("vnp_TmnCode"))) {
            return ResponseEntity.badRequest().body("<html><body>Sai chữ ký (code=97)</body></html>");
        }
        String id = params.getOrDefault("vnp_TxnRef", "");
        long hundredths = Long.parseLong(params.getOrDefault("vnp_Amount", "0"));
        received.arrive(id, mapper.valueToTree(params));
        Order order = hold(id, hundredths / 100);
        return ResponseEntity.ok("<html><body><h1>Cổng thanh toán ngân hàng (mô phỏng)</h1><p>Đơn hàng "
                + order.transactionId + ": " + order.amount + " VND</p><p>POST /sim/bank/pay/" + order.transactionId
                + " {\"outcome\":\"PAID\"}</p></body></html>");
    }

    @PostMapping("/merchant_webapi/api/transaction")
    public ResponseEntity<Map<String, String>> query(@RequestBody JsonNode request) {
        Optional<Integer> fault = faults.nextCall();
        if (fault.isPresent()) {
            return ResponseEntity.status(fault.get()).body(Map.of("vnp_ResponseCode", "99"));
        }
        Map<String, String> fields = NationalPaymentPlatform.textFields(request);
        Map<String, String> answer = new TreeMap<>();
        answer.put("vnp_ResponseId", fields.getOrDefault("vnp_RequestId", ""));
        answer.put("vnp_Command", "querydr");
        answer.put("vnp_TmnCode", config.tmnCode());
        answer.put("vnp_TxnRef", fields.getOrDefault("vnp_TxnRef", ""));
        Order order = orders.get(fields.getOrDefault("vnp_TxnRef", ""));
        if (!PaymentSignatures.sameSignature(PaymentSignatures.hmacSha512(config.hashSecret(),
                BankGateway.pipe(fields, BankGateway.QUERY_SIGNED)), fields.get("vnp_SecureHash"))) {
            answer.put("vnp_ResponseCode", "97");
            answer.put("vnp_Message", "Invalid checksum");
        } else if (order == null) {
            answer.put("vnp_ResponseCode", "91");
            answer.put("vnp_Message", "Transaction not found");
        } else {
            answer.put("vnp_ResponseCode", "00");
            answer.put("vnp_Message", "QueryDR Success");
            answer.put("vnp_Amount", Long.toString(order.amount * 100));
            answer.put("vnp_BankCode", "NCB");
            answer.put("vnp_TransactionNo", order.gatewayRef);
            answer.put("vnp_TransactionType", "01");
            answer.put("vnp_TransactionStatus", switch (order.state) {
                case "PAID" -> "00";
                case "FAILED" -> "02";
                default -> "01";
            });
            answer.put("vnp_OrderInfo", "Thanh toan " + order.transactionId);
        }
        answer.put("vnp_SecureHash", PaymentSignatures.hmacSha512(config.hashSecret(),
                BankGateway.pipe(answer, BankGateway.QUERY_ANSWER_SIGNED)));
        return ResponseEntity.ok(answer);
    }

    @Override
    protected HttpResponse<String> notifyHub(Order order, boolean paid, long amount, boolean wrongSignature)
            throws Exception {
        Map<String, String> params = new TreeMap<>();
        params.put("vnp_TmnCode", config.tmnCode());
        params.put("vnp_Amount", Long.toString(amount * 100));
        params.put("vnp_BankCode", "NCB");
        params.put("vnp_BankTranNo", "VNP" + order.gatewayRef);
        params.put("vnp_CardType", "ATM");
        params.put("vnp_PayDate", BankGateway.DATE.format(ZonedDateTime.now(BankGateway.ZONE)));
        params.put("vnp_OrderInfo", "Thanh toan phi le phi " + order.transactionId);
        params.put("vnp_TransactionNo", order.gatewayRef);
        params.put("vnp_ResponseCode", paid ? "00" : "24");
        params.put("vnp_TransactionStatus", paid ? "00" : "02");
        params.put("vnp_TxnRef", order.transactionId);
        String query = PaymentSignatures.bankSignedData(params);
        String hash = PaymentSignatures.hmacSha512(wrongSignature ? "not-" + config.hashSecret() : config.hashSecret(),
                query);
        String url = ipnUrl + "?" + query + "&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=" + hash;
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
