package vn.lgsp.hub.cluster;

import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Singleton work on several hub nodes: every route triggered by a {@code timer:}, {@code scheduler:} or
 * {@code quartz:} endpoint (outbox sweep, pollers, reconciliations, sweeps) runs on one node at a time, through
 * {@link SingletonJobPolicy} over ShedLock's JDBC provider on the shared database (table {@code shedlock}, V9).
 * Applied by a route policy factory, so a new scheduled route is a singleton without saying so. A scheduled route
 * whose work is safe on every node at once (it claims its rows with {@code FOR UPDATE SKIP LOCKED}) says so with
 * {@code group: }{@value #EVERY_NODE}.
 */
@Configuration(proxyBeanMethods = false)
public class SingletonJobs {

    static final Set<String> SCHEDULED_SCHEMES = Set.of("timer", "scheduler", "quartz", "cron");
    /** Route group of scheduled routes that run on every node. */
    public static final String EVERY_NODE = "every-node";
    private static final Logger log = LoggerFactory.getLogger(SingletonJobs.class);

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService singletonLockKeepAlive() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "singleton-lock-keep-alive");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    LockProvider singletonLocks(DataSource dataSource, ClusterProperties cluster,
                                ScheduledExecutorService singletonLockKeepAlive) {
        var jdbc = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .withLockedByValue(cluster.nodeId())
                // The database's clock decides expiry, so skewed node clocks cannot steal a live lock.
                .usingDbTime()
                .build());
        return new KeepAliveLockProvider(jdbc, singletonLockKeepAlive);
    }

    @Bean
    RoutePolicyFactory singletonJobPolicies(LockProvider singletonLocks, ClusterProperties cluster) {
        return new RoutePolicyFactory() {
            @Override
            public RoutePolicy createRoutePolicy(CamelContext context, String routeId, NamedNode route) {
                if (route instanceof RouteDefinition definition && isScheduled(definition.getInput().getEndpointUri())
                        && !EVERY_NODE.equals(definition.getGroup())) {
                    log.debug("Route {} is a singleton job (one node at a time, lock at most {}, at least {})",
                            routeId, cluster.singleton().lockAtMostFor(), cluster.singleton().lockAtLeastFor());
                    return new SingletonJobPolicy(singletonLocks, cluster);
                }
                return null;
            }
        };
    }

    static boolean isScheduled(String uri) {
        int colon = uri == null ? -1 : uri.indexOf(':');
        return colon > 0 && SCHEDULED_SCHEMES.contains(uri.substring(0, colon));
    }
}
