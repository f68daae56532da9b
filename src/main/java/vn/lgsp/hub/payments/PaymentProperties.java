package vn.lgsp.hub.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Payment settings, bound from {@code hub.payments.*}.
 *
 * @param onestopQueue queue of payment notices to the one-stop system
 * @param reconcile    settlement of transactions left pending
 */
@ConfigurationProperties("hub.payments")
public record PaymentProperties(String onestopQueue, Reconcile reconcile) {

    /**
     * @param pendingTimeout a transaction still PENDING this long after creation is queried at its gateway
     * @param interval       how often the reconciliation route runs
     * @param batch          transactions queried per run at most
     * @param expireAfter    a transaction the gateway still reports unpaid (or does not know) this long after creation
     *                       is settled FAILED, so abandoned payments do not pile up ahead of newer ones
     */
    public record Reconcile(Duration pendingTimeout, Duration interval, int batch, Duration expireAfter) {
    }
}
