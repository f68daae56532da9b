package vn.lgsp.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.paging.PagingStore;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.impl.ActiveMQServerImpl;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * A backlog nobody consumes (a system down for hours, delivery stopped) stays out of the heap: past
 * {@code hub.broker.memory} the embedded broker pages to disk, so doubling the backlog does not grow the heap.
 * Without the bound Artemis keeps half the heap's maximum in memory, and these 60,000 messages (≈ 330 MB of buffers)
 * would all be there.
 */
class BrokerMemoryIT {

    static final String QUEUE = "lgsp.test.backlog";
    static final int BATCH = 30_000;
    static final DataSize MEMORY = DataSize.ofMegabytes(16);

    @TempDir
    Path dir;

    @Test
    void aBacklogPagesToDiskAndTheHeapStopsGrowing() throws Exception {
        Configuration config = new ConfigurationImpl().setName("backlog").setPersistenceEnabled(true)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dir.resolve("large").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://7");
        BrokerConfiguration settings = new BrokerConfiguration();
        settings.brokerMemory(MEMORY).customize(config);
        settings.hubBrokerSettings().customize(config);
        ActiveMQServer server = new ActiveMQServerImpl(config);
        server.start();
        // A 1 KB dossier as the outbox relay sends it: text and the relay's properties.
        String body = "{\"dossierCode\":\"H15.50.05.13-261123-0001\",\"summary\":\""
                + "Đăng ký biến động quyền sử dụng đất, ".repeat(25) + "\"}";
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("vm://7");
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            long before = heapAfterGc();
            send(session, producer, body, 0);
            long firstBacklog = heapAfterGc() - before;
            send(session, producer, body, BATCH);
            long doubledBacklog = heapAfterGc() - before;

            PagingStore store = server.getPagingManager().getPageStore(SimpleString.of(QUEUE));
            System.out.printf("backlog of %,d then %,d messages of %,d bytes, hub.broker.memory %s: heap +%d MB, "
                            + "then +%d MB%n", BATCH, 2 * BATCH, body.length(), MEMORY, firstBacklog >> 20,
                    doubledBacklog >> 20);
            assertThat(store.isPaging()).isTrue();
            assertThat(server.locateQueue(QUEUE).getMessageCount()).isEqualTo(2L * BATCH); // none lost
            assertThat(doubledBacklog - firstBacklog).isLessThan(DataSize.ofMegabytes(24).toBytes());
        } finally {
            server.stop();
        }
    }

    private static void send(Session session, MessageProducer producer, String body, int from) throws Exception {
        for (int i = from; i < from + BATCH; i++) {
            TextMessage m = session.createTextMessage(body);
            m.setStringProperty("lgspEventId", "evt-" + i);
            m.setStringProperty("lgspEventType", "DOSSIER_RECEIVED");
            m.setStringProperty("lgspDossierCode", "H15.50.05.13-261123-" + i);
            m.setStringProperty("JMSXGroupID", "H15.50.05.13-261123-" + i);
            m.setStringProperty("_AMQ_DUPL_ID", "evt-" + i);
            producer.send(m);
            if (i % 500 == 499) {
                session.commit();
            }
        }
        session.commit();
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
