package vn.lgsp.hub.adapters.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.Ids;

/**
 * Client of the province's own bank gateway, VNPay 2.1.0 style (docs/contracts.md "Payment gateways"): the payer
 * goes to a signed URL (no server call), the gateway notifies with signed {@code vnp_*} query parameters (paid iff
 * {@code vnp_ResponseCode} and {@code vnp_TransactionStatus} are "00"), and {@code querydr} answers a transaction's
 * state. Amounts travel ×100 ({@code vnp_Amount}); the hub keeps whole VND.
 */
@Component
public class BankGateway implements PaymentGateway {

    public static final String ID = "bank";
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** Fields of querydr's request checksum, joined by '|', in this order (VNPay 2.1.0). */
    public static final List<String> QUERY_SIGNED = List.of("vnp_RequestId", "vnp_Version", "vnp_Command",
            "vnp_TmnCode", "vnp_TxnRef", "vnp_TransactionDate", "vnp_CreateDate", "vnp_IpAddr", "vnp_OrderInfo");
    /** Fields of querydr's answer checksum, joined by '|', in this order (VNPay 2.1.0). */
    public static final List<String> QUERY_ANSWER_SIGNED = List.of("vnp_ResponseId", "vnp_Command",
            "vnp_ResponseCode", "vnp_Message", "vnp_TmnCode", "vnp_TxnRef", "vnp_Amount", "vnp_BankCode",
            "vnp_PayDate", "vnp_TransactionNo", "vnp_TransactionType", "vnp_TransactionStatus", "vnp_OrderInfo",
            "vnp_PromotionCode", "vnp_PromotionAmount");

    private final BankGatewayProperties config;
    private final ObjectMapper mapper;
    private final GatewayCalls calls;

    public BankGateway(BankGatewayProperties config, ObjectMapper mapper, GatewayCalls calls) {
        this.config = config;
        this.mapper = mapper;
        this.calls = calls;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int onlinePaymentCode() {
        return 2;
    }

    @Override
    public String start(PaymentOrder order) {
        Map<String, String> params = new TreeMap<>();
        params.put("vnp_Version", config.version());
        params.put("vnp_Command", "pay");
        params.put("vnp_TmnCode", config.tmnCode());
        params.put("vnp_Amount", Long.toString(order.amount() * 100));
        params.put("vnp_CurrCode", "VND");
        params.put("vnp_TxnRef", order.transactionId());
        params.put("vnp_OrderInfo", orderInfo(order));
        params.put("vnp_OrderType", "other");
        params.put("vnp_Locale", "vn");
        params.put("vnp_ReturnUrl", order.returnUrl());
        params.put("vnp_IpAddr", config.serverIp());
        params.put("vnp_CreateDate", DATE.format(order.createdAt().atZoneSameInstant(ZONE)));
        String query = PaymentSignatures.bankSignedData(params);
        return config.baseUrl() + "/paymentv2/vpcpay.html?" + query + "&vnp_SecureHash="
                + PaymentSignatures.hmacSha512(config.hashSecret(), query);
    }

    @Override
    public GatewayNotice read(Map<String, String> fields) {
        boolean valid = PaymentSignatures.sameSignature(
                PaymentSignatures.bankSecureHash(config.hashSecret(), fields), fields.get("vnp_SecureHash"))
                && config.tmnCode().equals(fields.get("vnp_TmnCode"));
        boolean paid = "00".equals(fields.get("vnp_ResponseCode")) && "00".equals(fields.get("vnp_TransactionStatus"));
        return new GatewayNotice(valid, fields.get("vnp_TxnRef"), vnd(fields.get("vnp_Amount")), paid,
                fields.get("vnp_TransactionNo"));
    }

    @Override
    public Map<String, Object> reply(CallbackReply reply) {
        return switch (reply) {
            case CONFIRMED -> Map.of("RspCode", "00", "Message", "Confirm Success");
            case ALREADY_CONFIRMED -> Map.of("RspCode", "02", "Message", "Order already confirmed");
            case ORDER_NOT_FOUND -> Map.of("RspCode", "01", "Message", "Order not found");
            case INVALID_AMOUNT -> Map.of("RspCode", "04", "Message", "Invalid amount");
            case INVALID_SIGNATURE -> Map.of("RspCode", "97", "Message", "Invalid signature");
            case ERROR -> Map.of("RspCode", "99", "Message", "Unknown error");
        };
    }

    @Override
    public GatewayStatus query(PaymentOrder order) {
        Map<String, String> request = new TreeMap<>();
        request.put("vnp_RequestId", Ids.random());
        request.put("vnp_Version", config.version());
        request.put("vnp_Command", "querydr");
        request.put("vnp_TmnCode", config.tmnCode());
        request.put("vnp_TxnRef", order.transactionId());
        request.put("vnp_OrderInfo", "Truy van giao dich " + order.transactionId());
        request.put("vnp_TransactionDate", DATE.format(order.createdAt().atZoneSameInstant(ZONE)));
        request.put("vnp_CreateDate", DATE.format(java.time.ZonedDateTime.now(ZONE)));
        request.put("vnp_IpAddr", config.serverIp());
        ObjectNode body = mapper.createObjectNode();
        request.forEach(body::put);
        body.put("vnp_SecureHash", PaymentSignatures.hmacSha512(config.hashSecret(), pipe(request, QUERY_SIGNED)));
        JsonNode answer = calls.call(GatewayCalls.QUERY, ID, body);
        Map<String, String> fields = NationalPaymentPlatform.textFields(answer);
        String code = fields.getOrDefault("vnp_ResponseCode", "");
        if ("91".equals(code)) {
            return new GatewayStatus(GatewayStatus.Result.UNKNOWN, null, null);
        }
        if (!PaymentSignatures.sameSignature(PaymentSignatures.hmacSha512(config.hashSecret(),
                pipe(fields, QUERY_ANSWER_SIGNED)), fields.get("vnp_SecureHash"))
                || !order.transactionId().equals(fields.get("vnp_TxnRef"))) {
            throw new PaymentGatewayException(ID, "querydr answer fails verification", null);
        }
        if (!"00".equals(code)) {
            throw new PaymentGatewayException(ID, "querydr answered " + code, null);
        }
        GatewayStatus.Result result = switch (fields.getOrDefault("vnp_TransactionStatus", "")) {
            case "00" -> GatewayStatus.Result.PAID;
            case "01" -> GatewayStatus.Result.PENDING;
            default -> GatewayStatus.Result.FAILED;
        };
        return new GatewayStatus(result, vnd(fields.get("vnp_Amount")), fields.get("vnp_TransactionNo"));
    }

    /** Values of the named fields, joined by '|' (missing ones empty). */
    public static String pipe(Map<String, String> fields, List<String> names) {
        return names.stream().map(n -> fields.getOrDefault(n, "")).collect(Collectors.joining("|"));
    }

    private static String orderInfo(PaymentOrder order) {
        return "Thanh toan phi le phi ho so " + order.dossierCode();
    }

    /** vnp_Amount (VND × 100) as whole VND; null when unreadable or not a whole number of dong. */
    static Long vnd(String vnpAmount) {
        Long hundredths = NationalPaymentPlatform.amount(vnpAmount);
        return hundredths == null || hundredths % 100 != 0 ? null : hundredths / 100;
    }
}
