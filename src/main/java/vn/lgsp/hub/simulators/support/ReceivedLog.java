package vn.lgsp.hub.simulators.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulator received, by item key, in first-arrival order, with how many times each item arrived.
 * The simulator stores the first copy and ignores later ones, as a real idempotent receiver does.
 *
 * <p>A JSON body is kept compact ({@link CompactJson}) and read into a tree again when asked for: the simulators run
 * in the hub's JVM and keep every item of a run.
 */
public final class ReceivedLog<T> {

    /** One received item. */
    public record Item<T>(String key, T body, int arrivals, Instant firstArrivedAt, Instant lastArrivedAt) {
    }

    private final Map<String, Item<Object>> items = new LinkedHashMap<>();
    private long total;

    /** Records an arrival; returns true when the key was new. */
    public synchronized boolean arrive(String key, T body) {
        total++;
        Instant now = Instant.now();
        Item<Object> earlier = items.get(key);
        if (earlier == null) {
            Object kept = body instanceof JsonNode tree ? CompactJson.of(tree) : body;
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

    /** The item with its body as it arrived (a JSON body read from what was kept: a tree of its own each time). */
    @SuppressWarnings("unchecked") // a CompactJson was a JsonNode given as T
    private static <T> Item<T> asReceived(Item<Object> item) {
        Object body = item.body() instanceof CompactJson kept ? kept.tree() : item.body();
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
