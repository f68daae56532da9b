package vn.lgsp.hub.delivery;

import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Puts the reason on a message that is given up on and names its dead-letter queue ({@code <queue>.DLQ}),
 * and writes retries and dead-lettering to the dossier's trail.
 */
@Component("deadLetters")
public class DeadLetters {

    public static final String QUEUE_PROPERTY = "hubDeadLetterQueue";
    public static final String SUFFIX = ".DLQ";
    /** Retries done so far; kept as a property because the original message is restored before dead-lettering. */
    private static final String RETRIES = "hubRetries";
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final DossierTrail trail;

    public DeadLetters(DossierTrail trail) {
        this.trail = trail;
    }

    /** Called before each redelivery attempt. */
    public void recordRetry(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        exchange.setProperty(RETRIES, attempt);
        String dossierCode = exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class);
        String target = exchange.getProperty(MessageHeaders.TARGET, String.class);
        String reason = DeliveryFailures.describe(failure);
        log.warn("Retry {} of {} to {}: {}", attempt, dossierCode, target, reason);
        trail.recordIfDossier(dossierCode, TrailKind.DELIVERY_RETRY, target, "retry " + attempt + " after " + reason);
    }

    /** Called when the hub's own database fails under a delivery: the message goes back to the broker. */
    public void recordInfrastructureFailure(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        log.warn("Database unavailable while delivering {} to {}; the broker will redeliver it: {}",
                exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class),
                exchange.getProperty(MessageHeaders.TARGET, String.class), DeliveryFailures.describe(failure));
    }

    /** Called once the message is given up on, before it is sent to the dead-letter queue. */
    public void prepare(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = DeliveryFailures.describe(failure);
        Duration patience = exchange.getProperty(DeliveryPatience.EXHAUSTED, Duration.class);
        if (patience != null) {
            reason = "still failing after the patience of " + exchange.getProperty(MessageHeaders.TARGET, String.class)
                    + " (" + patience + ") since the first failure at "
                    + exchange.getProperty(DeliveryPatience.FIRST_FAILURE, Instant.class) + ": " + reason;
        }
        int attempts = exchange.getProperty(RETRIES, 0, Integer.class) + 1;
        String dossierCode = exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class);
        if (dossierCode == null) {
            dossierCode = exchange.getMessage().getHeader(MessageHeaders.DOSSIER_CODE, String.class);
        }
        String target = exchange.getProperty(MessageHeaders.TARGET, String.class);
        var message = exchange.getMessage();
        message.setHeader(MessageHeaders.DEAD_LETTER_REASON, reason);
        message.setHeader(MessageHeaders.DEAD_LETTER_ATTEMPTS, attempts);
        message.setHeader(MessageHeaders.DEAD_LETTER_ROUTE, exchange.getFromRouteId());
        message.setHeader(MessageHeaders.DEAD_LETTER_AT, DossierTrail.now().toString());
        // A replay to the original queue must not carry the duplicate id its first send left in the broker's cache.
        message.removeHeader(OutboxRelay.DUPLICATE_ID);
        exchange.setProperty(QUEUE_PROPERTY, deadLetterQueue(exchange));
        log.error("Dead-lettered {} for {} after {} attempt(s): {}", dossierCode, target, attempts, reason);
        trail.recordIfDossier(dossierCode, TrailKind.DEAD_LETTERED, target,
                "after " + attempts + " attempt(s): " + reason);
    }

    private static String deadLetterQueue(Exchange exchange) {
        if (exchange.getFromEndpoint() instanceof JmsEndpoint jms) {
            return jms.getDestinationName() + SUFFIX;
        }
        return "lgsp." + exchange.getFromRouteId() + SUFFIX;
    }
}
