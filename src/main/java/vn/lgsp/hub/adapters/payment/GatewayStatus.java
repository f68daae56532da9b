package vn.lgsp.hub.adapters.payment;

/**
 * A gateway's answer to a transaction query.
 *
 * @param result     PAID, FAILED, PENDING (payer has not finished) or UNKNOWN (the gateway has no such order)
 * @param amount     amount the gateway holds, whole VND, or null
 * @param gatewayRef the gateway's own transaction number, or null
 */
public record GatewayStatus(Result result, Long amount, String gatewayRef) {

    /** What the gateway says happened. */
    public enum Result { PAID, FAILED, PENDING, UNKNOWN }
}
