package vn.lgsp.hub.simulators.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulator received, by item key, in first-arrival order, with how many times each item arrived.
 * The simulator stores the first copy and ignores later ones, as a real idempotent receiver does.
 *
 * <p>A JSON body is kept as its text and read into a tree again when asked for: the simulators run in the hub's JVM
 * and keep every item of a run, and a tree takes about ten times the memory of its text.
 */
public final class ReceivedLog<T> {

    private static final ObjectMapper TREES = new ObjectMapper();

    /** One received item. */
    public record Item<T>(String key, T body, int arrivals, Instant firstArrivedAt, Instant lastArrivedAt) {
    }

    /** A JSON body as kept: its text. */
    private record JsonText(String json) {
    }

    private final Map<String, Item<Object>> items = new LinkedHashMap<>();
    private long total;

    /** Records an arrival; returns true when the key was new. */
    public synchronized boolean arrive(String key, T body) {
        total++;
        Instant now = Instant.now();
        Item<Object> earlier = items.get(key);
        if (earlier == null) {
            Object kept = body instanceof JsonNode tree ? new JsonText(tree.toString()) : body;
            items.put(key, new Item<>(key, kept, 1, now, now));
            return true;
        }
        items.put(key, new Item<>(key, earlier.body(), earlier.arrivals() + 1, earlier.firstArrivedAt(), now));
        return false;
    }

    public synchronized List<Item<T>> items() {
        return items.values().stream().map(ReceivedLog::<T>asReceived).toList();
    }

    public synchronized Item<T> get(String key) {
        Item<Object> item = items.get(key);
        return item == null ? null : asReceived(item);
    }

    /** How many times each item arrived, by key, in first-arrival order (without reading any body). */
    public synchronized Map<String, Integer> arrivals() {
        Map<String, Integer> arrivals = new LinkedHashMap<>();
        items.values().forEach(item -> arrivals.put(item.key(), item.arrivals()));
        return arrivals;
    }

    /** The item with its body as it arrived (a JSON body read from its text: a tree of its own each time). */
    @SuppressWarnings("unchecked") // a JsonText was a JsonNode given as T
    private static <T> Item<T> asReceived(Item<Object> item) {
        Object body = item.body();
        if (body instanceof JsonText text) {
            try {
                body = TREES.readTree(text.json());
            } catch (IOException e) {
                throw new IllegalStateException("a received JSON body cannot be read again", e);
            }
        }
        return new Item<>(item.key(), (T) body, item.arrivals(), item.firstArrivedAt(), item.lastArrivedAt());
    }

    public synchronized long totalArrivals() {
        return total;
    }

    public synchronized void clear() {
        items.clear();
        total = 0;
    }
}
