package vn.lgsp.hub.adapters.payment;

import java.time.OffsetDateTime;
import java.util.List;
import vn.lgsp.hub.canonical.Fee;

/**
 * One payment attempt as a gateway sees it.
 *
 * @param transactionId unique per attempt; the gateway's order reference
 * @param amount        whole VND, the sum of the fees
 * @param payer         payer's name, printed on the bill; never logged
 */
public record PaymentOrder(String transactionId, String dossierCode, String procedureCode, String agencyCode,
                           long amount, List<Fee> fees, String payer, String returnUrl, OffsetDateTime createdAt) {
}
