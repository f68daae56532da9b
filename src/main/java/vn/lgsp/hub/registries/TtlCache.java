package vn.lgsp.hub.registries;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded cache whose entries expire a fixed time after they were stored; the least recently used entry goes
 * first when full. Counts hits and misses for the cache hit ratio.
 */
public final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAtMillis) {
    }

    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;
    private final LinkedHashMap<K, Entry<V>> entries;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    public TtlCache(Duration ttl, int maxSize, Clock clock) {
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > TtlCache.this.maxSize;
            }
        };
    }

    public synchronized Optional<V> get(K key) {
        Entry<V> e = entries.get(key);
        if (e != null && e.expiresAtMillis() > clock.millis()) {
            hits.incrementAndGet();
            return Optional.of(e.value());
        }
        if (e != null) {
            entries.remove(key);
        }
        misses.incrementAndGet();
        return Optional.empty();
    }

    public synchronized void put(K key, V value) {
        if (ttl.isZero() || ttl.isNegative()) {
            return;
        }
        entries.put(key, new Entry<>(value, clock.millis() + ttl.toMillis()));
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }
}
