package vn.lgsp.hub.delivery;

import org.apache.camel.LoggingLevel;
import org.apache.camel.model.OnExceptionDefinition;
import vn.lgsp.hub.platform.HubProperties;

/** The clauses of the delivery error policy: dead-letter at once, wait out with patience, or bounded retries. */
final class DeliveryPolicies {

    private static final String TO_DEAD_LETTER_QUEUE =
            "jms:queue:${exchangeProperty." + DeadLetters.QUEUE_PROPERTY + "}?exchangePattern=InOnly";

    private DeliveryPolicies() {
    }

    /** Moves the original message to its dead-letter queue with the reason, without retrying. */
    static void deadLetterAtOnce(OnExceptionDefinition clause, DeadLetters deadLetters) {
        clause.handled(true)
                .maximumRedeliveries(0)
                .useOriginalMessage()
                .process(deadLetters::prepare)
                .toD(TO_DEAD_LETTER_QUEUE);
    }

    /**
     * Retries in place while the system's patience lasts (the waits are {@link DeliveryPatience}'s), then moves the
     * original message to its dead-letter queue with the reason.
     */
    static void waitThenDeadLetter(OnExceptionDefinition clause, DeliveryPatience patience, DeadLetters deadLetters) {
        clause.handled(true)
                .retryWhile(patience::allowsRetry)
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .onRedelivery(deadLetters::recordRetry)
                .useOriginalMessage()
                .process(deadLetters::prepare)
                .toD(TO_DEAD_LETTER_QUEUE);
    }

    /** Retries in place with exponential backoff and jitter, then moves the original message to its dead-letter queue. */
    static void retryThenDeadLetter(OnExceptionDefinition clause, HubProperties.Delivery policy,
                                    DeadLetters deadLetters) {
        clause.handled(true)
                .maximumRedeliveries(policy.maxRedeliveries())
                .redeliveryDelay(policy.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(policy.multiplier())
                .maximumRedeliveryDelay(policy.maxDelay().toMillis())
                .useCollisionAvoidance()
                .collisionAvoidanceFactor(policy.jitter())
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .onRedelivery(deadLetters::recordRetry)
                .useOriginalMessage()
                .process(deadLetters::prepare)
                .toD(TO_DEAD_LETTER_QUEUE);
    }
}
