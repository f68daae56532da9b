package vn.lgsp.hub.console;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.delivery.DeadLetters;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * The broker's queues as the console shows them, and the dead-letter actions. Depths come from Artemis management
 * messages sent to {@code activemq.management}, which work alike for the embedded broker and an external one (the
 * hub's broker user then needs the {@code manage} permission). Replay and discard each take one message by its id
 * in a transacted JMS session — receive, send to the original queue (replay), commit — inside a database
 * transaction that holds the audit record: nothing moves without its audit row, and a message is never both
 * replayed and left behind.
 */
@Component
public class ConsoleQueues {

    /**
     * A queue, how many messages wait in it (with those being delivered or retried), and when the first message
     * not yet handed to a consumer was sent (epoch millis; null when there is none, and for dead-letter queues).
     */
    public record QueueDepth(String name, long messages, long consumers, boolean deadLetter, Long firstMessageAt) {
    }

    /** A dead letter as the console shows it, and the queue a replay sends it to (null if unknown); payload masked. */
    public record DeadLetter(String messageId, String dossierCode, String eventType, String reason, Integer attempts,
                             String route, OffsetDateTime deadLetteredAt, String maskedPayload, String replayTo) {
    }

    /** Which dead letters "replay all" takes: a reason substring and dead-lettered dates (local), each optional. */
    public record Filter(String reason, LocalDate from, LocalDate to) {
        boolean matches(DeadLetter letter) {
            if (reason != null && !reason.isBlank() && (letter.reason() == null
                    || !letter.reason().toLowerCase(Locale.ROOT).contains(reason.toLowerCase(Locale.ROOT)))) {
                return false;
            }
            if (from == null && to == null) {
                return true;
            }
            if (letter.deadLetteredAt() == null) {
                return false;
            }
            LocalDate day = letter.deadLetteredAt().atZoneSameInstant(DossierTrail.ZONE).toLocalDate();
            return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
        }
    }

    static final int BROWSE_LIMIT = 500;
    private static final long RECEIVE_TIMEOUT_MS = 3000;
    private static final Pattern TEMPORARY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** The broker-wide dead-letter address of the address settings (README, "Profiles"); its messages name their queue. */
    private static final String BROKER_DEAD_LETTERS = "lgsp.broker.DLQ";
    /** Set by the broker on what it dead-letters itself: where the message was going. */
    private static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    private final ConnectionFactory connections;
    private final TransactionTemplate tx;
    private final ConsoleAudit audit;
    private final DossierTrail trail;
    private final String managementAddress;

    public ConsoleQueues(ConnectionFactory connectionFactory, TransactionTemplate tx, ConsoleAudit audit,
                         DossierTrail trail,
                         ConsoleProperties console) {
        // A connection of our own per operation: consumers with message-id selectors must not be cached.
        this.connections = connectionFactory instanceof CachingConnectionFactory caching
                ? caching.getTargetConnectionFactory() : connectionFactory;
        this.tx = tx;
        this.audit = audit;
        this.trail = trail;
        this.managementAddress = console.managementAddress();
    }

    /** Every application queue and dead-letter queue with its depth, by name. */
    public List<QueueDepth> depths() {
        return withSession(false, session -> {
            var reply = session.createTemporaryQueue();
            try (MessageProducer requests = session.createProducer(session.createQueue(managementAddress));
                 MessageConsumer answers = session.createConsumer(reply)) {
                Object[] names = (Object[]) ask(session, requests, answers, reply, "broker", "QueueNames");
                List<QueueDepth> queues = new ArrayList<>();
                for (Object n : names) {
                    String name = String.valueOf(n);
                    if (name.startsWith("activemq.") || TEMPORARY.matcher(name).matches()) {
                        continue;
                    }
                    long count = ((Number) ask(session, requests, answers, reply, "queue." + name, "MessageCount"))
                            .longValue();
                    long consumers = ((Number) ask(session, requests, answers, reply, "queue." + name,
                            "ConsumerCount")).longValue();
                    boolean deadLetter = isDeadLetterQueue(name);
                    // Artemis' first-message timestamp: one peek at the head of the queue, no browsing.
                    Object first = count == 0 || deadLetter ? null
                            : ask(session, requests, answers, reply, "queue." + name, "FirstMessageTimestamp");
                    queues.add(new QueueDepth(name, count, consumers, deadLetter,
                            first instanceof Number at ? at.longValue() : null));
                }
                queues.sort((a, b) -> a.name().compareTo(b.name()));
                return queues;
            } finally {
                reply.delete();
            }
        });
    }

    public static boolean isDeadLetterQueue(String name) {
        return name.endsWith(DeadLetters.SUFFIX) || name.equals("DLQ");
    }

    private static Object ask(Session session, MessageProducer requests, MessageConsumer answers,
                              jakarta.jms.Queue reply, String resource, String attribute) throws JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, resource, attribute);
        request.setJMSReplyTo(reply);
        requests.send(request);
        Message answer = answers.receive(RECEIVE_TIMEOUT_MS);
        if (answer == null) {
            throw new HubException(ErrorCode.BROKER_UNAVAILABLE, "No answer from " + resource);
        }
        try {
            if (!JMSManagementHelper.hasOperationSucceeded(answer)) {
                throw new HubException(ErrorCode.BROKER_UNAVAILABLE, "The broker refused to read " + attribute
                        + " of " + resource + ": " + JMSManagementHelper.getResult(answer));
            }
            return JMSManagementHelper.getResult(answer);
        } catch (HubException e) {
            throw e;
        } catch (Exception e) {
            throw new HubException(ErrorCode.BROKER_UNAVAILABLE, "Unreadable management answer", e);
        }
    }

    /** The first dead letters of a dead-letter queue, oldest first, payloads masked. */
    public List<DeadLetter> browse(String deadLetterQueue) {
        requireDeadLetterQueue(deadLetterQueue);
        return withSession(false, session -> {
            List<DeadLetter> letters = new ArrayList<>();
            try (QueueBrowser browser = session.createBrowser(session.createQueue(deadLetterQueue))) {
                Enumeration<?> messages = browser.getEnumeration();
                while (messages.hasMoreElements() && letters.size() < BROWSE_LIMIT) {
                    letters.add(view(deadLetterQueue, (Message) messages.nextElement()));
                }
            }
            return letters;
        });
    }

    /** Sends one dead letter back to its original queue; false when it is no longer there. */
    public boolean replay(String deadLetterQueue, String messageId, String operator) {
        return move(deadLetterQueue, messageId, operator, true, null);
    }

    /** Replays every dead letter (of the first {@value #BROWSE_LIMIT}) matching the filter; returns how many. */
    public int replayMatching(String deadLetterQueue, Filter filter, String operator) {
        String detail = "filter reason~'" + (filter.reason() == null ? "" : filter.reason()) + "' from "
                + filter.from() + " to " + filter.to();
        int replayed = 0;
        for (DeadLetter letter : browse(deadLetterQueue)) {
            if (filter.matches(letter) && move(deadLetterQueue, letter.messageId(), operator, true, detail)) {
                replayed++;
            }
        }
        return replayed;
    }

    /** Removes one dead letter for good; false when it is no longer there. */
    public boolean discard(String deadLetterQueue, String messageId, String operator) {
        return move(deadLetterQueue, messageId, operator, false, null);
    }

    private boolean move(String deadLetterQueue, String messageId, String operator, boolean replay, String detail) {
        requireDeadLetterQueue(deadLetterQueue);
        if (messageId == null || !messageId.matches("[A-Za-z0-9:._-]{1,128}")) {
            throw new HubException(ErrorCode.CONSOLE_TARGET_NOT_FOUND, "Not a message id");
        }
        Boolean moved = tx.execute(status -> {
            String dossierCode = withSession(true, session -> {
                try (MessageConsumer consumer = session.createConsumer(session.createQueue(deadLetterQueue),
                        "JMSMessageID = '" + messageId + "'")) {
                    Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                    if (message == null) {
                        session.rollback();
                        return null;
                    }
                    String code = message.getStringProperty(MessageHeaders.DOSSIER_CODE);
                    String target = originalQueue(deadLetterQueue, message);
                    audit.record(operator, replay ? "DLQ_REPLAY" : "DLQ_DISCARD", deadLetterQueue + " " + messageId,
                            (code == null ? "" : "dossier " + code + "; ")
                                    + (replay ? "to " + target : "discarded")
                                    + (detail == null ? "" : "; " + detail));
                    trail.recordIfDossier(code, replay ? TrailKind.DEAD_LETTER_REPLAYED
                            : TrailKind.DEAD_LETTER_DISCARDED, null, (replay ? "replayed from " : "discarded from ")
                            + deadLetterQueue + " by " + operator);
                    if (replay) {
                        try (MessageProducer producer = session.createProducer(session.createQueue(target))) {
                            producer.send(copy(session, message, operator));
                        }
                    }
                    session.commit();
                    return code == null ? "" : code;
                }
            });
            if (dossierCode == null) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        });
        return Boolean.TRUE.equals(moved);
    }

    private static String originalQueue(String deadLetterQueue, Message message) throws JMSException {
        String original = replayTarget(deadLetterQueue);
        if (original == null) {
            original = message.getStringProperty(ORIGINAL_ADDRESS);
        }
        if (original == null) {
            throw new HubException(ErrorCode.CONSOLE_TARGET_NOT_FOUND, "The message does not name its original queue");
        }
        return original;
    }

    /** Where every message of a dead-letter queue is replayed to, or null when each message names its own. */
    public static String replayTarget(String deadLetterQueue) {
        return deadLetterQueue.endsWith(DeadLetters.SUFFIX) && !deadLetterQueue.equals(BROKER_DEAD_LETTERS)
                ? deadLetterQueue.substring(0, deadLetterQueue.length() - DeadLetters.SUFFIX.length()) : null;
    }

    /** The message as it was first sent: body, the hub's headers and the message group; no dead-letter headers. */
    private static Message copy(Session session, Message original, String operator) throws JMSException {
        Message copy;
        if (original instanceof TextMessage text) {
            copy = session.createTextMessage(text.getText());
        } else if (original instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage b = session.createBytesMessage();
            b.writeBytes(body);
            copy = b;
        } else {
            throw new HubException(ErrorCode.CONSOLE_TARGET_NOT_FOUND, "Only text and bytes messages can be replayed");
        }
        for (Object n : Collections.list(original.getPropertyNames())) {
            String name = String.valueOf(n);
            boolean internal = name.startsWith("_AMQ") || name.startsWith("JMSX") && !name.equals(MessageHeaders.GROUP_ID)
                    || name.startsWith("hubDeadLetter");
            if (!internal) {
                copy.setObjectProperty(name, original.getObjectProperty(name));
            }
        }
        copy.setStringProperty("hubReplayedBy", operator);
        return copy;
    }

    private static DeadLetter view(String deadLetterQueue, Message m) throws JMSException {
        String body = m instanceof TextMessage text ? text.getText() : "(" + m.getClass().getSimpleName() + ")";
        OffsetDateTime at = null;
        String when = m.getStringProperty(MessageHeaders.DEAD_LETTER_AT);
        try {
            at = when == null ? null : OffsetDateTime.parse(when);
        } catch (DateTimeParseException ignored) {
            // shown without a time
        }
        if (at == null && m.getJMSTimestamp() > 0) {
            at = OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(m.getJMSTimestamp()), DossierTrail.ZONE);
        }
        String replayTo = replayTarget(deadLetterQueue);
        Integer attempts = m.propertyExists(MessageHeaders.DEAD_LETTER_ATTEMPTS)
                ? m.getIntProperty(MessageHeaders.DEAD_LETTER_ATTEMPTS) : null;
        return new DeadLetter(m.getJMSMessageID(), m.getStringProperty(MessageHeaders.DOSSIER_CODE),
                m.getStringProperty(MessageHeaders.EVENT_TYPE), m.getStringProperty(MessageHeaders.DEAD_LETTER_REASON),
                attempts, m.getStringProperty(MessageHeaders.DEAD_LETTER_ROUTE), at, PayloadMasking.mask(body),
                replayTo == null ? m.getStringProperty(ORIGINAL_ADDRESS) : replayTo);
    }

    private static void requireDeadLetterQueue(String name) {
        if (name == null || !isDeadLetterQueue(name) || !name.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new HubException(ErrorCode.CONSOLE_TARGET_NOT_FOUND, "Not a dead-letter queue");
        }
    }

    @FunctionalInterface
    private interface SessionWork<T> {
        T run(Session session) throws JMSException;
    }

    private <T> T withSession(boolean transacted, SessionWork<T> work) {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            try (Session session = connection.createSession(transacted,
                    transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE)) {
                return work.run(session);
            }
        } catch (JMSException e) {
            throw new HubException(ErrorCode.BROKER_UNAVAILABLE, "Broker operation failed: " + e.getMessage(), e);
        }
    }
}
