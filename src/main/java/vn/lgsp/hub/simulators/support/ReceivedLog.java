package vn.lgsp.hub.simulators.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a simulator received, by item key, in first-arrival order, with how many times each item arrived.
 * The simulator stores the first copy and ignores later ones, as a real idempotent receiver does.
 */
public final class ReceivedLog<T> {

    /** One received item. */
    public record Item<T>(String key, T body, int arrivals, Instant firstArrivedAt, Instant lastArrivedAt) {
    }

    private final Map<String, Item<T>> items = new LinkedHashMap<>();
    private long total;

    /** Records an arrival; returns true when the key was new. */
    public synchronized boolean arrive(String key, T body) {
        total++;
        Instant now = Instant.now();
        Item<T> earlier = items.get(key);
        if (earlier == null) {
            items.put(key, new Item<>(key, body, 1, now, now));
            return true;
        }
        items.put(key, new Item<>(key, earlier.body(), earlier.arrivals() + 1, earlier.firstArrivedAt(), now));
        return false;
    }

    public synchronized List<Item<T>> items() {
        return new ArrayList<>(items.values());
    }

    public synchronized Item<T> get(String key) {
        return items.get(key);
    }

    public synchronized long totalArrivals() {
        return total;
    }

    public synchronized void clear() {
        items.clear();
        total = 0;
    }
}
