package vn.lgsp.hub.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;

/** The poller's store as a route test needs it, in memory: a cursor to hand out and what was applied, in order. */
public class FakeSectorPolling {

    private final String cursor;
    private final List<String> applied = new ArrayList<>();

    public FakeSectorPolling(String cursor) {
        this.cursor = cursor;
    }

    public String since(String system, String initial) {
        return cursor == null ? initial : cursor;
    }

    public int apply(Exchange exchange) {
        applied.add(exchange.getProperty("hubPollSystem") + " " + exchange.getMessage().getBody(String.class));
        return 1;
    }

    public void applyItem(Exchange exchange) {
        applied.add(exchange.getProperty("hubPollSystem") + " item " + exchange.getMessage().getBody(String.class));
    }

    /** What was applied, each as {@code <system> <body>} ({@code <system> item <body>} for one item). */
    public List<String> applied() {
        return applied;
    }
}
