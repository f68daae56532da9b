package vn.lgsp.hub.delivery;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import vn.lgsp.hub.platform.HubProperties;

/**
 * Error policy {@code guaranteed-delivery} of every route that consumes a persistent queue transactionally and
 * delivers to an external system. Failures are classified once ({@link DeliveryFailures}): a temporary one (5xx,
 * 408, 429, timeouts, refused connections, I/O) is retried in place for as long as the system's patience
 * ({@link DeliveryPatience}: default 3 days, exponential waits capped at {@code hub.delivery.max-delay}, jitter),
 * holding the message so later messages of the same dossier stay behind it, then dead-lettered with that reason;
 * a permanent one (other 4xx, invalid data) moves the original message to {@code <queue>.DLQ} at once; a failure
 * the hub cannot classify (its own defect) gets {@code hub.delivery.max-redeliveries} retries, then the DLQ.
 */
@Component
public class GuaranteedDeliveryConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "guaranteed-delivery";

    private final HubProperties.Delivery policy;
    private final DeadLetters deadLetters;
    private final DeliveryPatience patience;

    public GuaranteedDeliveryConfiguration(HubProperties properties, DeadLetters deadLetters,
                                           DeliveryPatience patience) {
        this.policy = properties.delivery();
        this.deadLetters = deadLetters;
        this.patience = patience;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition configuration = routeConfiguration(ID);
        // A message settled (delivered or dead-lettered) no longer needs its patience clock. A rolled-back one
        // (database away, hub stopping) keeps it: the broker gives it back and its clock goes on.
        configuration.onCompletion().onCompleteOnly().onWhen(patience::isWaiting).process(patience::forget);
        // The hub's own database is unavailable: nothing is wrong with the message. Roll the JMS transaction back
        // so the broker redelivers it later (redelivery delay in the broker's address settings) instead of
        // spending its retries or dead-lettering it.
        configuration.onException(DataAccessResourceFailureException.class, CannotCreateTransactionException.class)
                .handled(false)
                .maximumRedeliveries(0)
                .process(deadLetters::recordInfrastructureFailure);
        DeliveryPolicies.deadLetterAtOnce(configuration.onException(Exception.class)
                .onWhen(DeliveryFailures::isPermanent), deadLetters);
        DeliveryPolicies.waitThenDeadLetter(configuration.onException(Exception.class)
                .onWhen(DeliveryFailures::isTemporary), patience, deadLetters);
        DeliveryPolicies.retryThenDeadLetter(configuration.onException(Exception.class), policy, deadLetters);
    }
}
