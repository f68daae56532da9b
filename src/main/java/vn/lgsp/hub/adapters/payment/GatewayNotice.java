package vn.lgsp.hub.adapters.payment;

/**
 * A notification (IPN) as read from a gateway.
 *
 * @param signatureValid whether the signature matches the fields with the hub's key
 * @param transactionId  the hub's transaction id it names (null when absent)
 * @param amount         the amount it says was paid, whole VND (null when absent or unreadable)
 * @param paid           whether it reports a successful payment
 * @param gatewayRef     the gateway's own transaction number
 */
public record GatewayNotice(boolean signatureValid, String transactionId, Long amount, boolean paid,
                            String gatewayRef) {
}
