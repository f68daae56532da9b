package vn.lgsp.hub.delivery;

/** Names of the JMS properties and exchange properties the hub's messages carry. */
public final class MessageHeaders {

    /** Unique id of the event; the key of the delivery ledger. */
    public static final String EVENT_ID = "hubEventId";
    public static final String EVENT_TYPE = "hubEventType";
    public static final String DOSSIER_CODE = "hubDossierCode";
    /** Standard JMS message-group property: messages of one dossier are consumed in order by one consumer. */
    public static final String GROUP_ID = "JMSXGroupID";

    public static final String DEAD_LETTER_REASON = "hubDeadLetterReason";
    public static final String DEAD_LETTER_ATTEMPTS = "hubDeadLetterAttempts";
    public static final String DEAD_LETTER_ROUTE = "hubDeadLetterRoute";
    public static final String DEAD_LETTER_AT = "hubDeadLetterAt";

    /** Exchange property naming the external system a delivery route targets (set by the route). */
    public static final String TARGET = "hubTarget";
    public static final String ALREADY_DELIVERED = "hubAlreadyDelivered";

    private MessageHeaders() {
    }
}
