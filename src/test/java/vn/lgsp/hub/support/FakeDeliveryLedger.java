package vn.lgsp.hub.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import vn.lgsp.hub.delivery.MessageHeaders;

/**
 * The delivery ledger as a route test needs it, in memory: {@code begin} copies the event's identity into
 * properties and flags an event already completed for the route's target, {@code complete} records it.
 */
public class FakeDeliveryLedger {

    private final List<String> delivered = new ArrayList<>();

    public void begin(Exchange exchange) {
        String eventId = exchange.getMessage().getHeader(MessageHeaders.EVENT_ID, String.class);
        exchange.setProperty(MessageHeaders.EVENT_ID, eventId);
        exchange.setProperty(MessageHeaders.DOSSIER_CODE,
                exchange.getMessage().getHeader(MessageHeaders.DOSSIER_CODE, String.class));
        exchange.setProperty(MessageHeaders.EVENT_TYPE,
                exchange.getMessage().getHeader(MessageHeaders.EVENT_TYPE, String.class));
        exchange.setProperty(MessageHeaders.ALREADY_DELIVERED, delivered.contains(key(eventId, exchange)));
    }

    public void complete(Exchange exchange) {
        delivered.add(key(exchange.getProperty(MessageHeaders.EVENT_ID, String.class), exchange));
    }

    /** Events completed, as {@code <target>/<event id>}, in order. */
    public List<String> delivered() {
        return delivered;
    }

    private static String key(String eventId, Exchange exchange) {
        return exchange.getProperty(MessageHeaders.TARGET, String.class) + "/" + eventId;
    }
}
