package vn.lgsp.hub.payments;

import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.payment.CallbackReply;
import vn.lgsp.hub.adapters.payment.GatewayStatus;
import vn.lgsp.hub.adapters.payment.PaymentGateway;
import vn.lgsp.hub.adapters.payment.PaymentGatewayException;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * Settles transactions left PENDING past the timeout (a lost notification, a payer who never came back): queries
 * each at its gateway and settles what the gateway reports paid or failed exactly as a callback would, through
 * {@link Payments#settle}, so a notification arriving at the same time on another node has no second effect.
 * Transactions the gateway still reports unpaid (or does not know) past {@code expire-after} are settled FAILED
 * ("expiry"); a payment reported after that is answered "already confirmed" and listed as mismatched in the report.
 * Run by the route payments-reconcile-with-gateways.
 */
@Component("paymentReconciliation")
public class PaymentReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PaymentStore store;
    private final Payments payments;
    private final PaymentProperties.Reconcile config;

    public PaymentReconciliation(PaymentStore store, Payments payments, PaymentProperties properties) {
        this.store = store;
        this.payments = payments;
        this.config = properties.reconcile();
    }

    /** What one run did. */
    public record Run(int queried, int settled, int stillPending, int failedQueries) {
    }

    public Run run() {
        OffsetDateTime now = DossierTrail.now();
        OffsetDateTime before = now.minus(config.pendingTimeout());
        OffsetDateTime expiredBefore = now.minus(config.expireAfter());
        List<PaymentTransaction> pending = store.pendingSince(before, config.batch());
        int settled = 0;
        int still = 0;
        int failed = 0;
        for (PaymentTransaction t : pending) {
            PaymentGateway gateway = payments.gateway(t.gateway());
            try {
                GatewayStatus status = gateway.query(payments.order(t));
                boolean finalState = status.result() == GatewayStatus.Result.PAID
                        || status.result() == GatewayStatus.Result.FAILED;
                if (finalState && payments.settle(gateway, t.transactionId(),
                        status.result() == GatewayStatus.Result.PAID, status.amount(), status.gatewayRef(),
                        "reconciliation") == CallbackReply.CONFIRMED) {
                    settled++;
                } else if (!finalState && t.createdAt().isBefore(expiredBefore)
                        && payments.settle(gateway, t.transactionId(), false, t.amount(), null, "expiry")
                        == CallbackReply.CONFIRMED) {
                    settled++;
                } else {
                    still++;
                }
            } catch (PaymentGatewayException e) {
                failed++;
                log.warn("Reconciliation query of {} failed: {}", t.transactionId(), e.getMessage());
            }
        }
        if (!pending.isEmpty()) {
            log.info("Payment reconciliation: {} queried, {} settled, {} still pending, {} queries failed",
                    pending.size(), settled, still, failed);
        }
        return new Run(pending.size(), settled, still, failed);
    }
}
