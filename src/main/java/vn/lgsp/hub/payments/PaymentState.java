package vn.lgsp.hub.payments;

/** A payment transaction's state: PENDING until a verified callback or the reconciliation settles it, once. */
public enum PaymentState { PENDING, PAID, FAILED }
