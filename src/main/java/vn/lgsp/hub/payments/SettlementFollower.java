package vn.lgsp.hub.payments;

import java.time.OffsetDateTime;

/**
 * Told of every payment settled as paid — online through a gateway or collected in cash by the postal operator —
 * inside the transaction that settles it, so what it records or queues commits with the payment or not at all.
 */
public interface SettlementFollower {

    void paid(PaymentTransaction transaction, OffsetDateTime paidAt);
}
