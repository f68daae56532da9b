package vn.lgsp.hub.cluster;

import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a scheduled route's tick run only on the node that takes the job's lock (ShedLock, one row per route id in
 * the shared database); on every other node the tick ends at once. The lock is released when the run ends (kept
 * at least {@code lockAtLeastFor}), extended while the run lasts, and expires {@code lockAtMostFor} after a node
 * died holding it, so another node's next tick takes the job over.
 */
public class SingletonJobPolicy extends RoutePolicySupport {

    static final String LOCK_PROPERTY = "hubSingletonLock";
    private static final Logger log = LoggerFactory.getLogger(SingletonJobPolicy.class);

    private final LockProvider locks;
    private final ClusterProperties.Singleton durations;
    private final String nodeId;

    public SingletonJobPolicy(LockProvider locks, ClusterProperties cluster) {
        this.locks = locks;
        this.durations = cluster.singleton();
        this.nodeId = cluster.nodeId();
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        Optional<SimpleLock> lock;
        try {
            lock = locks.lock(new LockConfiguration(Instant.now(), route.getRouteId(),
                    durations.lockAtMostFor(), durations.lockAtLeastFor()));
        } catch (RuntimeException e) {
            // Database away: no node can prove it is alone, so none runs the job this tick.
            log.warn("Singleton job {} skipped: its lock cannot be taken ({})", route.getRouteId(), e.toString());
            lock = Optional.empty();
        }
        if (lock.isEmpty()) {
            // Another node runs it now (or ran it moments ago): this tick does nothing.
            exchange.setRouteStop(true);
            return;
        }
        log.debug("Singleton job {} runs on {}", route.getRouteId(), nodeId);
        exchange.setProperty(LOCK_PROPERTY, lock.get());
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        SimpleLock lock = exchange.getProperty(LOCK_PROPERTY, SimpleLock.class);
        if (lock != null) {
            exchange.removeProperty(LOCK_PROPERTY);
            try {
                lock.unlock();
            } catch (RuntimeException e) {
                log.warn("Singleton job {}: lock not released, it expires by itself ({})", route.getRouteId(),
                        e.toString());
            }
        }
    }
}
