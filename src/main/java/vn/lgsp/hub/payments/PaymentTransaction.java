package vn.lgsp.hub.payments;

import java.time.OffsetDateTime;

/** One payment attempt as stored; {@code amount} in whole VND; {@code payer} is personal data, never logged. */
public record PaymentTransaction(String transactionId, String dossierCode, String gateway, long amount,
                                 String feeCodes, String payer, String returnUrl, PaymentState state,
                                 String gatewayRef, String settledBy, OffsetDateTime createdAt,
                                 OffsetDateTime settledAt) {
}
