package vn.lgsp.hub.delivery;

/** A message written to the outbox in the same transaction as the state it announces. */
public record OutboxMessage(long id, String eventId, String destination, String groupKey, String eventType,
                            String body) {
}
