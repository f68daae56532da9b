package vn.lgsp.hub.console;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.springframework.stereotype.Component;

/**
 * How long each route of this node takes, over its last {@value #WINDOW} exchanges: mean, median, p99 and
 * longest all come from that one sample, so p50 ≤ p99 ≤ max and the mean lies between the shortest and the
 * longest. Micrometer's route timer cannot give that: its mean covers everything since start while its
 * percentiles cover the last two minutes and fall to 0 when a route rests. Applied to every route by a route
 * policy factory.
 */
@Component
public class RouteTimings implements RoutePolicyFactory {

    /** How many of a route's latest exchanges the figures cover. */
    public static final int WINDOW = 1000;

    /** A route's times, in milliseconds, over its latest {@code exchanges} (at most {@value #WINDOW}). */
    public record Timing(int exchanges, double meanMs, double p50Ms, double p99Ms, double maxMs) {
    }

    private static final String STARTED_PROPERTY = "LgspRouteStartedNanos-";

    private final LongSupplier nanoTime;
    private final Map<String, Sample> routes = new ConcurrentHashMap<>();

    public RouteTimings() {
        this(System::nanoTime);
    }

    /** With the given clock, for tests. */
    RouteTimings(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
        String started = STARTED_PROPERTY + routeId;
        return new RoutePolicySupport() {
            @Override
            public void onExchangeBegin(Route route, Exchange exchange) {
                exchange.setProperty(started, nanoTime.getAsLong());
            }

            @Override
            public void onExchangeDone(Route route, Exchange exchange) {
                Long at = exchange.getProperty(started, Long.class);
                if (at != null) {
                    exchange.removeProperty(started);
                    record(routeId, nanoTime.getAsLong() - at);
                }
            }
        };
    }

    /** One exchange of a route took this long. */
    public void record(String routeId, long nanos) {
        routes.computeIfAbsent(routeId, id -> new Sample()).add(Math.max(0, nanos));
    }

    /** The route's times, or null before its first exchange on this node. */
    public Timing of(String routeId) {
        Sample sample = routes.get(routeId);
        return sample == null ? null : figures(sample.snapshot());
    }

    /** Mean, nearest-rank p50 and p99, and longest of the given durations in nanoseconds; null when empty. */
    static Timing figures(long[] nanos) {
        if (nanos.length == 0) {
            return null;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double total = 0;
        for (long n : sorted) {
            total += n;
        }
        return new Timing(sorted.length, ms(total / sorted.length), ms(rank(sorted, 0.5)), ms(rank(sorted, 0.99)),
                ms(sorted[sorted.length - 1]));
    }

    /** The smallest value with at least {@code quantile} of the sample at or below it. */
    private static long rank(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(double nanos) {
        return nanos / TimeUnit.MILLISECONDS.toNanos(1);
    }

    /** A ring of the latest {@value #WINDOW} durations. */
    private static final class Sample {
        private final long[] ring = new long[WINDOW];
        private int next;
        private int size;

        synchronized void add(long nanos) {
            ring[next] = nanos;
            next = (next + 1) % WINDOW;
            size = Math.min(size + 1, WINDOW);
        }

        synchronized long[] snapshot() {
            return Arrays.copyOf(ring, size);
        }
    }
}
