package vn.lgsp.hub.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.platform.HubProperties;

/**
 * How long a message waits out temporary failures of its system: retried in place while less than the system's
 * patience ({@code hub.systems.<id>.patience}, else {@code hub.delivery.patience}) has passed since its first
 * failure, each wait exponential, capped and jittered. The first failure is kept in {@code delivery_wait} by the
 * broker's message id, so the clock survives a hub restart (the broker gives the message back, with the same id)
 * and is dropped once the message is settled (delivered or dead-lettered).
 */
@Component("deliveryPatience")
public class DeliveryPatience {

    /** Exchange property: when the message first failed (an Instant). */
    public static final String FIRST_FAILURE = "hubFirstFailureAt";
    /** Exchange property set when the patience ran out: the patience (a Duration). */
    public static final String EXHAUSTED = "hubPatienceExhausted";
    private static final String TEMPORARY_FAILURES = "hubTemporaryFailures";
    private static final String MESSAGE_ID = "hubWaitMessageId";
    private static final Logger log = LoggerFactory.getLogger(DeliveryPatience.class);

    private final HubProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    public DeliveryPatience(HubProperties properties, JdbcClient jdbc) {
        this(properties, jdbc, Clock.systemUTC());
    }

    DeliveryPatience(HubProperties properties, JdbcClient jdbc, Clock clock) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The patience of a system. */
    public Duration patience(String system) {
        HubProperties.ExternalSystem config = system == null ? null : properties.systems().get(system);
        if (config != null && config.patience() != null) {
            return config.patience();
        }
        return properties.delivery().patience();
    }

    /**
     * The retryWhile predicate of a temporary failure: true (and the next wait set on the message) while the
     * patience lasts; false, with {@link #EXHAUSTED} set, once it has passed.
     */
    public boolean allowsRetry(Exchange exchange) {
        Instant now = clock.instant();
        Instant first = exchange.getProperty(FIRST_FAILURE, Instant.class);
        if (first == null) {
            first = recordFirstFailure(exchange, now);
            exchange.setProperty(FIRST_FAILURE, first);
        }
        String target = exchange.getProperty(MessageHeaders.TARGET, String.class);
        Duration patience = patience(target);
        if (Duration.between(first, now).compareTo(patience) >= 0) {
            exchange.setProperty(EXHAUSTED, patience);
            return false;
        }
        int failures = exchange.getProperty(TEMPORARY_FAILURES, 0, Integer.class) + 1;
        exchange.setProperty(TEMPORARY_FAILURES, failures);
        // Camel's own backoff caps after its jitter, so every wait at the cap would be the same; this one keeps the
        // spread at the cap. The header is how Camel takes a computed delay for the next attempt.
        exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, delay(failures, ThreadLocalRandom.current().nextDouble()));
        return true;
    }

    /**
     * The wait before the n-th retry (n from 1): initial-delay × multiplier^(n-1), capped at max-delay, then
     * shortened by up to jitter (random in [0, 1)), so retries of many messages spread out and never exceed the cap.
     */
    long delay(int retry, double random) {
        HubProperties.Delivery policy = properties.delivery();
        double base = policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), Math.max(0, retry - 1));
        double capped = Math.min(base, policy.maxDelay().toMillis());
        return Math.max(1, Math.round(capped * (1 - policy.jitter() * random)));
    }

    /** After the message is settled: its clock is no longer needed. */
    public void forget(Exchange exchange) {
        String id = exchange.getProperty(MESSAGE_ID, String.class);
        if (id == null) {
            return;
        }
        try {
            jdbc.sql("DELETE FROM delivery_wait WHERE message_id = ?").param(id).update();
        } catch (DataAccessException e) {
            log.debug("Could not drop the wait of {}: {}", id, e.getMessage());
        }
    }

    /** Whether the exchange has met a temporary failure (its clock may need forgetting). */
    public boolean isWaiting(Exchange exchange) {
        return exchange.getProperty(MESSAGE_ID) != null;
    }

    /** When the oldest message now waiting out a failure of the system was first sent, if any waits. */
    public Optional<Instant> oldestWaiting(String system) {
        return jdbc.sql("SELECT MIN(message_at) FROM delivery_wait WHERE target = ?").param(system)
                .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant);
    }

    private Instant recordFirstFailure(Exchange exchange, Instant now) {
        Message original = exchange.getUnitOfWork() == null ? null : exchange.getUnitOfWork().getOriginalInMessage();
        Message source = original != null ? original : exchange.getIn();
        String target = exchange.getProperty(MessageHeaders.TARGET, String.class);
        String id = source.getHeader("JMSMessageID", String.class);
        if (id == null) {
            String eventId = exchange.getProperty(MessageHeaders.EVENT_ID, String.class);
            id = eventId == null ? exchange.getExchangeId() : target + ":" + eventId;
        }
        Long sentMillis = source.getHeader("JMSTimestamp", Long.class);
        Instant sent = sentMillis == null || sentMillis == 0 ? now : Instant.ofEpochMilli(sentMillis);
        String dossierCode = exchange.getProperty(MessageHeaders.DOSSIER_CODE, String.class);
        if (dossierCode == null) {
            dossierCode = source.getHeader(MessageHeaders.DOSSIER_CODE, String.class);
        }
        exchange.setProperty(MESSAGE_ID, id);
        try {
            Optional<OffsetDateTime> earlier = jdbc.sql("SELECT first_failure_at FROM delivery_wait WHERE message_id = ?")
                    .param(id).query(OffsetDateTime.class).optional();
            if (earlier.isPresent()) {
                return earlier.get().toInstant(); // the hub restarted while this message waited
            }
            jdbc.sql("INSERT INTO delivery_wait (message_id, target, dossier_code, message_at, first_failure_at) "
                            + "VALUES (?, ?, ?, ?, ?)")
                    .params(id, target == null ? "unknown" : target, dossierCode, sent.atOffset(ZoneOffset.UTC),
                            now.atOffset(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            return jdbc.sql("SELECT first_failure_at FROM delivery_wait WHERE message_id = ?").param(id)
                    .query(OffsetDateTime.class).single().toInstant();
        } catch (DataAccessException e) {
            // The database is away as well: the clock starts in memory, the wait goes on.
            log.debug("Could not record the first failure of {}: {}", id, e.getMessage());
        }
        return now;
    }
}
