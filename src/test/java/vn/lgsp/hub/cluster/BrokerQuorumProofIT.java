package vn.lgsp.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.HAPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicaPolicyConfiguration;
import org.apache.activemq.artemis.core.config.ha.ReplicatedPolicyConfiguration;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker topology of deploy/artemis cannot split its brain: a live and a backup with replication plus a third
 * broker that only votes, the quorum settings of the shipped broker.xml files (vote-on-replication-failure on the
 * live, quorum-size 2 on both). Each broker is reached only through a TCP proxy of this test, so the live can be cut
 * off from the other two while it keeps running. The brokers' state is sampled every millisecond throughout: the
 * isolated live loses its vote and stops, the backup wins its vote and goes live, and at no sample are two brokers
 * live. The same cut without the voter (the pair as it was) shows what the quorum prevents: two live brokers.
 */
class BrokerQuorumProofIT {

    private static final int QUORUM_SIZE = 2;
    /** The backup replicates only a live of its own group, never the voter. */
    private static final String PAIR = "lgsp-pair";

    @TempDir
    Path dir;

    private final List<ActiveMQServer> servers = new ArrayList<>();
    private final List<Proxy> proxies = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws Exception {
        sampler.shutdownNow();
        for (ActiveMQServer server : servers) {
            server.stop();
        }
        for (Proxy proxy : proxies) {
            proxy.close();
        }
    }

    @Test
    void anIsolatedLiveStopsAndOnlyTheBackupGoesLive() throws Exception {
        Trio trio = startTrio();
        AtomicInteger mostLiveAtOnce = sample(trio.live, trio.backup);

        trio.liveProxy.cut();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> serving(trio.backup));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !serving(trio.live));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> serving(trio.backup) && !serving(trio.live));
        assertThat(serving(trio.voter)).isTrue();
        assertThat(mostLiveAtOnce.get()).as("brokers live at the same sample").isEqualTo(1);
    }

    @Test
    void theLiveKeepsServingWhenItLosesOnlyItsBackup() throws Exception {
        Trio trio = startTrio();

        trio.backup.stop();

        // The replication fails, the live asks for a vote, and the voter, which still sees it, keeps it live.
        Awaitility.await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20))
                .until(() -> serving(trio.live));
    }

    private record Trio(Proxy liveProxy, Proxy backupProxy, ActiveMQServer live, ActiveMQServer backup,
                        ActiveMQServer voter) {
    }

    /** Live, voter and backup with the quorum settings of deploy/artemis, the backup in sync with the live. */
    private Trio startTrio() throws Exception {
        Proxy liveProxy = proxy();
        Proxy backupProxy = proxy();
        Proxy voterProxy = proxy();
        ActiveMQServer voter = start("voter", voterProxy, List.of(liveProxy, backupProxy),
                // Only a replication primary answers quorum votes; its own group keeps the backup off it.
                new ReplicatedPolicyConfiguration().setGroupName("lgsp-voter"));
        ActiveMQServer live = start("live", liveProxy, List.of(voterProxy, backupProxy),
                new ReplicatedPolicyConfiguration().setCheckForActiveServer(true).setGroupName(PAIR)
                        .setVoteOnReplicationFailure(true).setQuorumSize(QUORUM_SIZE));
        ActiveMQServer backup = start("backup", backupProxy, List.of(liveProxy, voterProxy),
                replica(QUORUM_SIZE).setGroupName(PAIR));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(backup::isReplicaSync);
        return new Trio(liveProxy, backupProxy, live, backup, voter);
    }

    @Test
    void withoutTheVoterTheSameCutLeavesTwoLiveBrokers() throws Exception {
        Proxy liveProxy = proxy();
        Proxy backupProxy = proxy();
        ActiveMQServer live = start("live", liveProxy, List.of(backupProxy),
                new ReplicatedPolicyConfiguration().setCheckForActiveServer(true));
        ActiveMQServer backup = start("backup", backupProxy, List.of(liveProxy),
                replica(-1));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(backup::isReplicaSync);
        AtomicInteger mostLiveAtOnce = sample(live, backup);

        liveProxy.cut();

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mostLiveAtOnce.get() == 2);
    }

    /** The backup of deploy/artemis/backup/broker.xml; quorum size -1: the largest cluster it has seen. */
    private static ReplicaPolicyConfiguration replica(int quorumSize) {
        ReplicaPolicyConfiguration replica = new ReplicaPolicyConfiguration();
        replica.setAllowFailBack(false);
        replica.setQuorumSize(quorumSize);
        // Asks again soon when the voter still sees the live (it learns of the cut a moment after the backup).
        replica.setVoteRetryWait(500);
        return replica;
    }

    private ActiveMQServer start(String role, Proxy self, List<Proxy> others, HAPolicyConfiguration ha)
            throws Exception {
        Configuration config = ArtemisNode.configuration("artemis-" + role, dir.resolve(role), self.target,
                        self.address(), others.stream().map(Proxy::address).toList())
                .setHAPolicyConfiguration(ha);
        ActiveMQServer server = new ActiveMQServerImpl(config);
        servers.add(server);
        server.start();
        if (!(ha instanceof ReplicaPolicyConfiguration)) {
            assertThat(server.waitForActivation(60, TimeUnit.SECONDS)).isTrue();
        }
        return server;
    }

    /** The most brokers seen live at one sample, sampled every millisecond from now on. */
    private AtomicInteger sample(ActiveMQServer... brokers) {
        AtomicInteger most = new AtomicInteger();
        // Every broker is read twice, all of them, then all again, and counts as live only when it served at both
        // reads. A broker changes state at most once in seconds, so one that served at both reads served all the
        // time between them, and the brokers counted were live together at one instant between the two passes.
        // Read once each, a sampler thread the machine holds back between two reads could count the live before its
        // stop and the backup after its start as two at once.
        sampler.scheduleAtFixedRate(() -> {
            boolean[] first = new boolean[brokers.length];
            for (int i = 0; i < brokers.length; i++) {
                first[i] = serving(brokers[i]);
            }
            int live = 0;
            for (int i = 0; i < brokers.length; i++) {
                live += first[i] && serving(brokers[i]) ? 1 : 0;
            }
            most.accumulateAndGet(live, Math::max);
        }, 0, 1, TimeUnit.MILLISECONDS);
        return most;
    }

    /** Live: activated and not stopping, so it accepts clients and writes its own journal. */
    private static boolean serving(ActiveMQServer broker) {
        return broker.isActive() && broker.getState() == ActiveMQServer.SERVER_STATE.STARTED;
    }

    private Proxy proxy() throws IOException {
        Proxy proxy = new Proxy(TwoNodeScenario.freePort());
        proxies.add(proxy);
        return proxy;
    }

    /**
     * A TCP forwarder on 127.0.0.1 to a broker's acceptor. {@link #cut()} is the broker's network failing: every
     * connection through it is closed and new ones are refused, while the broker itself keeps running.
     */
    private static final class Proxy implements AutoCloseable {

        final int target;
        private final ServerSocket server;
        private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        private volatile boolean cut;

        Proxy(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(this::accept);
        }

        String address() {
            return "127.0.0.1:" + server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                Socket client;
                try {
                    client = server.accept();
                } catch (IOException closed) {
                    return;
                }
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                try {
                    Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
                    sockets.add(client);
                    sockets.add(broker);
                    daemon(() -> pump(client, broker));
                    daemon(() -> pump(broker, client));
                } catch (IOException notListening) {
                    // the broker is not up (yet): refused, as a direct connection would be
                    closeQuietly(client);
                }
            }
        }

        private void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException broken) {
                // one side closed: close the other below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        void cut() {
            cut = true;
            sockets.forEach(Proxy::closeQuietly);
        }

        @Override
        public void close() throws IOException {
            cut();
            server.close();
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "quorum-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
