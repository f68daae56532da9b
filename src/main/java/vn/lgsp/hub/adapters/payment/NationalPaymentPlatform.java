package vn.lgsp.hub.adapters.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Client of the national payment platform (docs/contracts.md "Payment gateways", Keypay-era contract).
 * {@code create} registers the order with its bill and answers the payment URL; notifications are JSON verified with
 * {@code key2}; {@code status == 0} means paid; {@code detail} answers a transaction's state.
 * <p>The contract names the fields of create's check_sum; for the notification and detail it says only "verified
 * with key2": the hub signs and verifies their scalar fields in alphabetical order (as create's are), listed below,
 * which is the configuration point to adjust against the platform's current specification.
 */
@Component
public class NationalPaymentPlatform implements PaymentGateway {

    public static final String ID = "payment";
    public static final List<String> CREATE_SIGNED =
            List.of("addition_fee", "client_id", "command", "trans_amount", "transaction_id", "version");
    public static final List<String> NOTICE_SIGNED = List.of("addition_fee", "client_id", "command", "status",
            "trans_amount", "transaction_code", "transaction_id", "version");
    public static final List<String> DETAIL_SIGNED = List.of("client_id", "transaction_id", "version");
    public static final String PAID = "0";
    public static final String FAILED = "1";
    public static final String PENDING = "2";

    private final NationalPaymentProperties config;
    private final ObjectMapper mapper;
    private final GatewayCalls calls;

    public NationalPaymentPlatform(NationalPaymentProperties config, ObjectMapper mapper, GatewayCalls calls) {
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
        return 1;
    }

    @Override
    public String start(PaymentOrder order) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("client_id", config.clientId());
        signed.put("transaction_id", order.transactionId());
        signed.put("trans_amount", Long.toString(order.amount()));
        signed.put("command", "PAY");
        signed.put("version", config.version());
        signed.put("addition_fee", "0");
        ObjectNode body = mapper.createObjectNode();
        signed.forEach(body::put);
        body.put("return_url", order.returnUrl());
        ObjectNode bill = body.putObject("bill_info").put("MaHoSo", order.dossierCode())
                .put("MaTTHC", order.procedureCode()).put("MaDonVi", order.agencyCode())
                .put("HoTenNguoiNop", order.payer());
        var fees = bill.putArray("PhiLePhi");
        order.fees().forEach(f -> fees.addObject().put("MaPhiLePhi", f.code()).put("TenPhiLePhi", f.name())
                .put("SoTien", f.amount()));
        body.put("check_sum", PaymentSignatures.nationalCheckSum(config.key1(), signed, CREATE_SIGNED));
        JsonNode answer = calls.call(GatewayCalls.CREATE, ID, body);
        String url = answer.path("payment_url").asText("");
        if (!"0".equals(answer.path("error").asText()) || url.isBlank()) {
            throw new PaymentGatewayException(ID, "create refused with error " + answer.path("error").asText("?"), null);
        }
        return url;
    }

    @Override
    public GatewayNotice read(Map<String, String> fields) {
        boolean valid = PaymentSignatures.sameSignature(
                PaymentSignatures.nationalCheckSum(config.key2(), fields, NOTICE_SIGNED), fields.get("check_sum"))
                && config.clientId().equals(fields.get("client_id"));
        return new GatewayNotice(valid, fields.get("transaction_id"), amount(fields.get("trans_amount")),
                PAID.equals(fields.get("status")), fields.get("transaction_code"));
    }

    @Override
    public Map<String, Object> reply(CallbackReply reply) {
        // The platform knows two codes: 0 (received, stop sending) and -1 (not accepted).
        return switch (reply) {
            case CONFIRMED -> Map.of("error_code", 0, "message", "Xác nhận thành công");
            case ALREADY_CONFIRMED -> Map.of("error_code", 0, "message", "Giao dịch đã được xác nhận trước đó");
            case ORDER_NOT_FOUND -> Map.of("error_code", -1, "message", "Không tìm thấy giao dịch");
            case INVALID_AMOUNT -> Map.of("error_code", -1, "message", "Số tiền không khớp");
            case INVALID_SIGNATURE -> Map.of("error_code", -1, "message", "Sai chữ ký (check_sum)");
            case ERROR -> Map.of("error_code", -1, "message", "Lỗi xử lý, đề nghị gửi lại");
        };
    }

    @Override
    public GatewayStatus query(PaymentOrder order) {
        Map<String, String> signed = new HashMap<>();
        signed.put("client_id", config.clientId());
        signed.put("transaction_id", order.transactionId());
        signed.put("version", config.version());
        ObjectNode body = mapper.createObjectNode();
        signed.forEach(body::put);
        body.put("check_sum", PaymentSignatures.nationalCheckSum(config.key1(), signed, DETAIL_SIGNED));
        JsonNode answer = calls.call(GatewayCalls.QUERY, ID, body);
        if (!"0".equals(answer.path("error").asText())) {
            return new GatewayStatus(GatewayStatus.Result.UNKNOWN, null, null);
        }
        Map<String, String> fields = textFields(answer);
        GatewayNotice notice = read(fields);
        if (!notice.signatureValid() || !order.transactionId().equals(notice.transactionId())) {
            throw new PaymentGatewayException(ID, "detail answer fails verification", null);
        }
        GatewayStatus.Result result = switch (fields.getOrDefault("status", "")) {
            case PAID -> GatewayStatus.Result.PAID;
            case FAILED -> GatewayStatus.Result.FAILED;
            default -> GatewayStatus.Result.PENDING;
        };
        return new GatewayStatus(result, notice.amount(), notice.gatewayRef());
    }

    /** The scalar fields of a JSON object, as text (numbers as the platform wrote them). */
    public static Map<String, String> textFields(JsonNode object) {
        Map<String, String> fields = new HashMap<>();
        object.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                fields.put(e.getKey(), e.getValue().asText());
            }
        });
        return fields;
    }

    static Long amount(String text) {
        if (text == null || !text.matches("\\d{1,15}")) {
            return null;
        }
        return Long.parseLong(text);
    }
}
