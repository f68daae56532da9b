package vn.lgsp.hub.adapters.payment;

/** What the hub made of a notification; each gateway turns it into its own reply code. */
public enum CallbackReply {
    /** Verified and applied. */
    CONFIRMED,
    /** Verified, but the transaction was settled before (a duplicate or late notification): no second effect. */
    ALREADY_CONFIRMED,
    ORDER_NOT_FOUND,
    INVALID_AMOUNT,
    INVALID_SIGNATURE,
    /** The hub could not apply it now (e.g. its database); the gateway should send it again. */
    ERROR
}
