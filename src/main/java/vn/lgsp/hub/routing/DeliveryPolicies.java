package vn.lgsp.hub.routing;

import org.apache.camel.model.OnExceptionDefinition;
import vn.lgsp.hub.platform.HubProperties;

/** The clauses the delivery route configurations share: dead-letter at once, or bounded retries then dead-letter. */
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
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.DEBUG)
                .onRedelivery(deadLetters::recordRetry)
                .useOriginalMessage()
                .process(deadLetters::prepare)
                .toD(TO_DEAD_LETTER_QUEUE);
    }
}
