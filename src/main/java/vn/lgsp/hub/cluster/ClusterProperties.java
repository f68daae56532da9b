package vn.lgsp.hub.cluster;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this node takes part in a cluster of hub nodes, bound from {@code hub.cluster.*}.
 *
 * @param nodeId    this node's name in the singleton locks ({@code shedlock.locked_by}); default {@code pid@host}
 * @param singleton lock durations of the singleton jobs
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(String nodeId, Singleton singleton) {

    public ClusterProperties {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = ManagementFactory.getRuntimeMXBean().getName();
        }
        if (singleton == null) {
            singleton = new Singleton(null, null);
        }
    }

    /**
     * @param lockAtMostFor  how long a job's lock outlives a node that died while running it: the longest takeover
     *                       time of a job killed mid-run. A running job extends its lock every half of this
     *                       (ShedLock's keep-alive needs at least 30 s), so a long run never loses it.
     * @param lockAtLeastFor how long a finished run keeps the lock, so that the other nodes' timers firing a little
     *                       later (clock skew, a cron of the same second) do not run the job again right away
     */
    public record Singleton(Duration lockAtMostFor, Duration lockAtLeastFor) {
        public Singleton {
            lockAtMostFor = lockAtMostFor == null ? Duration.ofSeconds(30) : lockAtMostFor;
            lockAtLeastFor = lockAtLeastFor == null ? Duration.ZERO : lockAtLeastFor;
        }
    }
}
