package vn.lgsp.hub.payments;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.adapters.payment.BankGateway;
import vn.lgsp.hub.adapters.payment.CallbackReply;
import vn.lgsp.hub.adapters.payment.GatewayNotice;
import vn.lgsp.hub.adapters.payment.NationalPaymentPlatform;
import vn.lgsp.hub.adapters.payment.PaymentGateway;

/**
 * The gateways' notifications (IPN). No API key: each gateway signs its notifications, and the signature is the
 * authentication (SecurityConfiguration opens exactly /api/v1/payments/callbacks/**). Every answer is in the
 * gateway's own format; the HTTP status is 200 as the gateways expect.
 */
@RestController
@RequestMapping(path = "/api/v1/payments/callbacks", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Payment callbacks", description = "Signed notifications from the payment gateways")
public class PaymentCallbackController {

    private final Payments payments;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public PaymentCallbackController(Payments payments, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.payments = payments;
        this.mapper = mapper;
    }

    @PostMapping(path = "/" + NationalPaymentPlatform.ID, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Notification of the national payment platform",
            description = "JSON verified with key2; status 0 = paid. Answers {error_code: 0 | -1, message}.")
    public Map<String, Object> national(@RequestBody String notification) {
        PaymentGateway gateway = payments.gateway(NationalPaymentPlatform.ID);
        JsonNode fields;
        try {
            fields = mapper.readTree(notification);
        } catch (java.io.IOException unreadable) {
            fields = null;
        }
        if (fields == null || !fields.isObject()) {
            // Answered in the platform's format too: a notification that cannot be read cannot be verified.
            return gateway.reply(payments.refuseSignature(gateway, null));
        }
        return handle(gateway, NationalPaymentPlatform.textFields(fields));
    }

    @GetMapping("/" + BankGateway.ID)
    @Operation(summary = "Notification (IPN) of the bank gateway",
            description = "vnp_* query parameters signed with HMAC-SHA512. Answers {RspCode, Message}: 00 confirmed, "
                    + "01 order not found, 02 already confirmed, 04 invalid amount, 97 invalid signature, 99 error.")
    public Map<String, Object> bank(@RequestParam Map<String, String> parameters) {
        return handle(payments.gateway(BankGateway.ID), parameters);
    }

    private Map<String, Object> handle(PaymentGateway gateway, Map<String, String> fields) {
        GatewayNotice notice = gateway.read(fields);
        CallbackReply reply = notice.signatureValid()
                ? payments.settle(gateway, notice.transactionId(), notice.paid(), notice.amount(), notice.gatewayRef(),
                        "callback")
                : payments.refuseSignature(gateway, notice.transactionId());
        return gateway.reply(reply);
    }
}
