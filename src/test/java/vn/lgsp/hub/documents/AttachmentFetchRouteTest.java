package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
import vn.lgsp.hub.delivery.DeliveryFailures;
import vn.lgsp.hub.documents.AttachmentSources.AttachmentRefused;
import vn.lgsp.hub.support.YamlRoutes;

/**
 * Route attachment-fetch-from-source with AttachmentFetch against a source on 127.0.0.1 (allow-listed for the test):
 * the body arrives whole, an endless one is cut at max-size without being read to its end, a stalled one at
 * max-time, each redirect is checked before it is followed, and a source's error is judged by DeliveryFailures.
 */
class AttachmentFetchRouteTest {

    private static final int SIZE = 100_000;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer source;
    private String base;
    private DefaultCamelContext camel;
    private AttachmentFetch fetch;

    @BeforeEach
    void route() throws Exception {
        source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        source.setExecutor(threads);
        source.createContext("/file", exchange -> {
            exchange.sendResponseHeaders(200, SIZE);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(new byte[SIZE]);
            }
        });
        source.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                while (true) {
                    out.write(new byte[8192]); // until the hub hangs up
                }
            } catch (IOException hungUp) {
                exchange.close();
            }
        });
        source.createContext("/stalled", exchange -> {
            exchange.sendResponseHeaders(200, SIZE);
            exchange.getResponseBody().write(new byte[10]);
            exchange.getResponseBody().flush();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        source.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/file");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        source.createContext("/to-localhost", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + port() + "/file");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        source.createContext("/gone", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        source.createContext("/busy", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        source.start();
        base = "http://127.0.0.1:" + port();

        AttachmentProperties limits = new AttachmentProperties(List.of("http"), List.of("127.0.0.1:" + port()),
                List.of("127.0.0.0/8"), DataSize.ofBytes(SIZE), Duration.ofSeconds(1), Duration.ofSeconds(2), 3);
        camel = YamlRoutes.load(Map.of("hub.attachments.connect-timeout", "1000", "hub.attachments.max-time", "2000"),
                Map.of(), "docaxis/attachment-fetch-from-source.camel.yaml");
        fetch = new AttachmentFetch(new AttachmentSources(limits, new MockEnvironment(), false,
                InetAddress::getAllByName), limits, camel.createProducerTemplate());
        camel.getRegistry().bind("attachmentFetch", fetch);
        camel.start();
    }

    private int port() {
        return source.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        released.countDown();
        camel.stop();
        source.stop(0);
        threads.shutdownNow();
    }

    @Test
    void anAllowedSourceIsFetchedWholeAndItsRedirectFollowedAfterTheCheck() throws Exception {
        try (InputStream in = fetch.open(base + "/file")) {
            assertThat(in.readAllBytes()).hasSize(SIZE);
        }
        try (InputStream in = fetch.open(base + "/moved")) {
            assertThat(in.readAllBytes()).hasSize(SIZE);
        }
        assertThatThrownBy(() -> fetch.open(base + "/to-localhost")).isInstanceOf(AttachmentRefused.class)
                .hasMessageContaining("redirect target host localhost is not allow-listed");
    }

    @Test
    void anEndlessBodyIsCutAtTheSizeLimitNotReadToItsEnd() {
        assertThatThrownBy(() -> fetch.open(base + "/endless")).isInstanceOf(AttachmentRefused.class)
                .hasMessageContaining("larger than the size limit");
    }

    @Test
    void aStalledBodyIsCutAtTheTimeLimitAsATemporaryFailure() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetch.open(base + "/stalled")).isInstanceOf(IOException.class)
                .isNotInstanceOf(AttachmentRefused.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aSourceThatRefusesIsPermanentOneThatIsBusyTemporary() {
        assertThatThrownBy(() -> fetch.open(base + "/gone")).isInstanceOf(AttachmentRefused.class)
                .hasMessageContaining("HTTP 404")
                .satisfies(e -> assertThat(DeliveryFailures.isPermanent(e.getCause())).isTrue());
        assertThatThrownBy(() -> fetch.open(base + "/busy")).isInstanceOf(IOException.class)
                .isNotInstanceOf(AttachmentRefused.class)
                .satisfies(e -> assertThat(DeliveryFailures.isTemporary(e)).isTrue());
    }
}
