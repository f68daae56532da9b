package vn.lgsp.hub.payments;

/** The answer to a payment request: where to send the payer. */
public record PaymentStarted(String transactionId, String dossierCode, String gateway, long amount, String state,
                             String paymentUrl) {
}
