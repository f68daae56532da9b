package vn.lgsp.hub.adapters.payment;

import java.util.Map;

/**
 * A payment gateway the hub sends citizens to: it starts a payment (answering the URL the payer goes to), reads and
 * verifies the gateway's notifications, answers them in the gateway's own format, and queries a transaction.
 */
public interface PaymentGateway {

    /** The gateway's system id ({@code hub.systems.<id>}): {@code payment} or {@code bank}. */
    String id();

    /** DVCQG DuocThanhToanTrucTuyen of a dossier paid here: 1 national platform, 2 the province's own gateway. */
    int onlinePaymentCode();

    /** Registers the order at the gateway when it needs that, and answers the payment URL. */
    String start(PaymentOrder order);

    /** Reads a notification (JSON fields or query parameters, as text) and checks its signature. */
    GatewayNotice read(Map<String, String> fields);

    /** The gateway's answer to a notification, in its own format and codes. */
    Map<String, Object> reply(CallbackReply reply);

    /** What the gateway knows of the transaction now. */
    GatewayStatus query(PaymentOrder order);
}
