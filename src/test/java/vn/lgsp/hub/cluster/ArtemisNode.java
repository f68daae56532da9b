package vn.lgsp.hub.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.server.ActivateCallback;
import org.apache.activemq.artemis.core.config.ClusterConnectionConfiguration;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.cluster.impl.MessageLoadBalancingType;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import vn.lgsp.hub.platform.BrokerConfiguration;

/**
 * One Artemis broker of a live/backup pair with replication (shared nothing), as its own JVM on 127.0.0.1, for the
 * two-node test: {@code ArtemisNode live|backup <port> <other port> <data dir>}. Persistent journal, the hub's
 * address settings ({@link BrokerConfiguration}). Prints {@code BACKUP-SYNCHRONIZED} once a backup holds a copy of
 * the live journal, and {@code ACTIVE <epoch ms>} when the broker serves clients (a backup: after failover).
 */
public final class ArtemisNode {

    private ArtemisNode() {
    }

    public static void main(String[] args) throws Exception {
        // Artemis' audit log writes a line per message at INFO: it would dominate the broker's time (STACK.md).
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.activemq.audit"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        boolean live = args[0].equals("live");
        int port = Integer.parseInt(args[1]);
        int otherPort = Integer.parseInt(args[2]);
        Path dir = Path.of(args[3]);
        Configuration config = configuration("artemis-" + args[0], dir, port, "127.0.0.1:" + port,
                List.of("127.0.0.1:" + otherPort))
                .setHAPolicyConfiguration(live
                        ? new ReplicatedPolicyConfiguration().setCheckForActiveServer(true)
                        : new ReplicaPolicyConfiguration().setAllowFailBack(false).setRestartBackup(false));
        ActiveMQServer server = new ActiveMQServerImpl(config);
        server.registerActivateCallback(new ActivateCallback() {
            @Override
            public void activated() {
                System.out.println("ACTIVE " + System.currentTimeMillis());
            }
        });
        server.start();
        if (!live) {
            ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
            watch.scheduleWithFixedDelay(() -> {
                if (server.isReplicaSync()) {
                    System.out.println("BACKUP-SYNCHRONIZED " + System.currentTimeMillis());
                    watch.shutdown();
                }
            }, 10, 10, TimeUnit.MILLISECONDS);
        }
        Thread.currentThread().join();
    }

    /**
     * A broker of the hub's cluster without its HA policy: persistent journal under {@code dir}, an acceptor on
     * 127.0.0.1:{@code port}, known to the others as {@code advertised} (host:port), a cluster connection with a
     * static connector to each of {@code others} (host:port), the hub's address settings.
     */
    static Configuration configuration(String name, Path dir, int port, String advertised, List<String> others)
            throws Exception {
        Configuration config = new ConfigurationImpl()
                .setName(name)
                .setPersistenceEnabled(true)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setNodeManagerLockDirectory(dir.resolve("lock").toString())
                .setClusterUser("lgsp-cluster")
                .setClusterPassword("lgsp-cluster-test")
                .addAcceptorConfiguration("netty", "tcp://127.0.0.1:" + port)
                .addConnectorConfiguration("self", "tcp://" + advertised);
        List<String> otherNames = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            otherNames.add(i == 0 ? "other" : "other-" + i);
            config.addConnectorConfiguration(otherNames.get(i), "tcp://" + others.get(i));
        }
        // The brokers find each other through a cluster connection with static connectors.
        config.addClusterConfiguration(new ClusterConnectionConfiguration()
                .setName("lgsp-pair").setAddress("").setConnectorName("self")
                .setStaticConnectors(otherNames).setRetryInterval(200)
                .setMessageLoadBalancingType(MessageLoadBalancingType.OFF)
                .setReconnectAttempts(-1));
        new BrokerConfiguration().hubBrokerSettings().customize(config);
        return config;
    }
}
