package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lgsp.hub.documents.DocumentRestartProofIT.HTTP;
import static vn.lgsp.hub.documents.DocumentRestartProofIT.call;
import static vn.lgsp.hub.documents.DocumentRestartProofIT.count;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.simulators.docaxis.DocAxisSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubProcess;

/**
 * A 50 MB attachment both ways through a hub JVM whose heap is capped at {@value #HEAP}: out (fetched from a URL,
 * base64-encoded into an edXML package on disk, validated, streamed to sendEdoc; the axis simulator in the same JVM
 * streams it too) and in (a 50 MB reply fetched with getEdoc, decoded into the dossier's result documents). The
 * base64 package alone is 67 MB, its text as Java chars 134 MB: buffering it whole would not fit.
 */
class LargeAttachmentStreamingProofIT {

    static final String HEAP = "-Xmx128m";
    static final long SIZE = 50L * 1024 * 1024;

    @TempDir
    Path dataDir;

    @Test
    void fiftyMegabytesStreamThroughAHubWithA128MbHeap() throws Exception {
        int port = DocumentRestartProofIT.freePort();
        Path log = Files.createTempFile("hub-docaxis-large", ".log");
        String expected = generatedSha256();
        AtomicLong maxHeap = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (HubProcess hub = HubProcess.start(port, dataDir, log, List.of(HEAP, "-XX:TieredStopAtLevel=1"),
                "--hub.systems.docaxis.poll-interval=300")) {
            sampler.scheduleAtFixedRate(() -> sampleHeap(hub, maxHeap), 0, 100, TimeUnit.MILLISECONDS);
            call(hub, "PUT", "/sim/docaxis/behaviour", "{\"replyDelayMs\":600000}", null);
            String code = call(hub, "POST", "/api/v1/dossiers", Dossiers.citizen(Dossiers.newRef("DOC-BIG")),
                    "demo-sector-land-key").get("dossierCode").asText();
            String documentId = call(hub, "POST", "/api/v1/dossiers/" + code + "/documents", """
                    {"recipients":[{"organId":"H15.50.05.13"}],"subject":"Hồ sơ thiết kế (50 MB)",
                     "attachments":[{"name":"ban-ve.bin","contentType":"application/octet-stream",
                                     "url":"%s/sim/docaxis/files/generated?bytes=%d"}]}
                    """.formatted(hub.baseUrl(), SIZE), "demo-onestop-key").get("documentId").asText();

            // Out: the axis received the package with the whole attachment, byte for byte.
            Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> call(hub, "GET", "/sim/docaxis/received", null, null).get("items").size() == 1);
            JsonNode sent = call(hub, "GET", "/sim/docaxis/received", null, null).get("items").get(0).get("body");
            assertThat(sent.get("attachments").get(0).get("size").asLong()).isEqualTo(SIZE);
            assertThat(sent.get("attachments").get(0).get("sha256").asText()).isEqualTo(expected);
            assertThat(sent.get("packageBytes").asLong()).isGreaterThan(SIZE * 4 / 3);

            // In: a 50 MB reply document comes back and is kept as the dossier's result.
            Path reply = Files.createTempFile(dataDir, "reply", ".xml");
            try (OutputStream out = Files.newOutputStream(reply)) {
                EdxmlWriter.writeDocument(new Edxml.Document(new Edxml.Organ("H15.50.05.13", "Sở Xây dựng"),
                        List.of(new Edxml.Organ("000.00.00.H22", null)), "9", "QĐ-SXD", "Hà Giang", LocalDate.now(), 2,
                        "Quyết định", 0, "Phê duyệt hồ sơ thiết kế", null, null, null,
                        new Edxml.Reference("000.00.00.H22", null, null, documentId), "DMS-big", OffsetDateTime.now(),
                        List.of(new Edxml.OutgoingAttachment("ban-ve-duyet.bin", "application/octet-stream",
                                LargeAttachmentStreamingProofIT::generated))), out);
            }
            HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/sim/docaxis/inject"))
                    .POST(HttpRequest.BodyPublishers.ofFile(reply)).build(), HttpResponse.BodyHandlers.discarding());
            Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> count(hub, code, "DOCUMENT_RECEIVED") == 1);
            String url = null;
            for (JsonNode d : call(hub, "GET", "/api/v1/dossiers/" + code, null, "demo-admin-key").get("dossier")
                    .get("documents")) {
                url = "KQ".equals(d.path("code").asText()) ? d.get("url").asText() : url;
            }
            HttpResponse<InputStream> result = HTTP.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + url))
                    .header("X-Api-Key", "demo-onestop-key").build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(sha256(result.body())).isEqualTo(expected);
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            sampler.shutdownNow();
        }
        System.out.printf("50 MB attachment out and in with %s: highest heap used seen %d MB%n", HEAP,
                maxHeap.get() / (1024 * 1024));
    }

    private static void sampleHeap(HubProcess hub, AtomicLong max) {
        try {
            JsonNode metric = call(hub, "GET", "/actuator/metrics/jvm.memory.used?tag=area:heap", null, "demo-admin-key");
            long used = metric.get("measurements").get(0).get("value").asLong();
            max.accumulateAndGet(used, Math::max);
        } catch (Exception ignored) {
            // the hub is busy or not up yet; the next sample counts
        }
    }

    static InputStream generated() {
        return new InputStream() {
            long position;

            @Override
            public int read() {
                return position < SIZE ? DocAxisSimulator.generatedByte(position++) & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= SIZE) {
                    return -1;
                }
                int n = (int) Math.min(len, SIZE - position);
                for (int i = 0; i < n; i++) {
                    b[off + i] = DocAxisSimulator.generatedByte(position++);
                }
                return n;
            }
        };
    }

    static String generatedSha256() throws Exception {
        return sha256(generated());
    }

    static String sha256(InputStream in) throws Exception {
        try (DigestInputStream digest = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
            digest.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.getMessageDigest().digest());
        }
    }
}
