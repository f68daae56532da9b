package vn.lgsp.hub.routing;

import java.io.IOException;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import vn.lgsp.hub.platform.HubProperties;

/**
 * Error policy {@code patient-delivery} for targets whose outages last hours (the national portal): a failure
 * known to be temporary (portal unavailable, 5xx/408/429, I/O, database unavailable) is retried in place without
 * limit, with exponential backoff capped at {@code hub.delivery.patient.max-delay} and jitter, so the message and
 * those queued behind it wait durably in the broker. A permanent failure (the target rejects the data) moves the
 * original message to {@code <queue>.DLQ} at once with the reason; other failures (hub defects) get the bounded
 * {@code hub.delivery} retries, then the DLQ, so they cannot hold a consumer forever.
 */
@Component
public class PatientDeliveryConfiguration extends RouteConfigurationBuilder {

    public static final String ID = "patient-delivery";

    private final HubProperties.Delivery bounded;
    private final DeadLetters deadLetters;
    private final Duration initialDelay;
    private final Duration maxDelay;
    private final double jitter;

    public PatientDeliveryConfiguration(HubProperties properties, DeadLetters deadLetters,
                                        @Value("${hub.delivery.patient.initial-delay:1s}") Duration initialDelay,
                                        @Value("${hub.delivery.patient.max-delay:2m}") Duration maxDelay,
                                        @Value("${hub.delivery.patient.jitter:0.3}") double jitter) {
        this.bounded = properties.delivery();
        this.deadLetters = deadLetters;
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.jitter = jitter;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition configuration = routeConfiguration(ID);
        DeliveryPolicies.deadLetterAtOnce(configuration.onException(Exception.class)
                .onWhen(PatientDeliveryConfiguration::isPermanent), deadLetters);
        configuration.onException(Exception.class)
                .onWhen(PatientDeliveryConfiguration::isTemporary)
                .maximumRedeliveries(-1)
                .redeliveryDelay(initialDelay.toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2.0)
                .maximumRedeliveryDelay(maxDelay.toMillis())
                .useCollisionAvoidance()
                .collisionAvoidanceFactor(jitter)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .onRedelivery(deadLetters::recordRetry);
        DeliveryPolicies.retryThenDeadLetter(configuration.onException(Exception.class), bounded, deadLetters);
    }

    static boolean isPermanent(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof ClassifiedFailure classified) {
            return !classified.isRetryable();
        }
        return DeliveryFailures.isPermanent(failure);
    }

    static boolean isTemporary(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof ClassifiedFailure classified) {
            return classified.isRetryable();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof HttpOperationFailedException
                    || t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }
}
