package vn.lgsp.hub.routing;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;

/**
 * Error policy {@code guaranteed-delivery} for routes that consume a persistent queue transactionally and deliver
 * to an external system. Retryable failures (5xx, 408, 429, timeouts, connection errors) are retried in place
 * with exponential backoff and jitter, holding the message so later messages of the same dossier stay behind it;
 * permanent failures (other 4xx) and exhausted retries move the original message to {@code <queue>.DLQ} with the
 * reason, in the consumer's transaction.
 */
@Component
public class GuaranteedDeliveryConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "guaranteed-delivery";

    private final HubProperties.Delivery policy;
    private final DeadLetters deadLetters;

    public GuaranteedDeliveryConfiguration(HubProperties properties, DeadLetters deadLetters) {
        this.policy = properties.delivery();
        this.deadLetters = deadLetters;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition configuration = routeConfiguration(ID);
        // The hub's own database is unavailable: nothing is wrong with the message. Roll the JMS transaction back
        // so the broker redelivers it later (redelivery delay in the broker's address settings) instead of
        // spending its retries or dead-lettering it.
        configuration.onException(DataAccessResourceFailureException.class, CannotCreateTransactionException.class)
                .handled(false)
                .maximumRedeliveries(0)
                .process(deadLetters::recordInfrastructureFailure);
        DeliveryPolicies.deadLetterAtOnce(configuration.onException(Exception.class)
                .onWhen(exchange -> DeliveryFailures.isPermanent(exchange)), deadLetters);
        DeliveryPolicies.retryThenDeadLetter(configuration.onException(Exception.class), policy, deadLetters);
    }
}
