package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hub fetches an attachment only from an allowed source: a URL on loopback (not allow-listed), a private or
 * link-local address, or file: is refused at intake with a 400 naming the attachment and nothing is stored; a
 * redirect from an allowed source to loopback is not followed; an allowed source is fetched.
 */
class AttachmentUrlsIT extends DocumentFlowIntegrationTest {

    /** A service on loopback the hub must never call: it counts every request. */
    HttpServer internal;
    final AtomicInteger internalHits = new AtomicInteger();

    @BeforeEach
    void startInternalService() throws IOException {
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            byte[] secret = "internal secret".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, secret.length);
            exchange.getResponseBody().write(secret);
            exchange.close();
        });
        internal.start();
    }

    @AfterEach
    void stopInternalService() {
        internal.stop(0);
    }

    String internalUrl() {
        return "http://127.0.0.1:" + internal.getAddress().getPort() + "/admin/secret";
    }

    static String request(String url) {
        return """
            {"recipients":[{"organId":"H15.50.05.13","name":"Sở Tư pháp"}],"subject":"Xin ý kiến",
             "attachments":[{"name":"to-trinh.txt","contentType":"text/plain","base64":"VOG7nSB0csOsbmg="},
                            {"name":"ban-ve.pdf","contentType":"application/pdf","url":"%s"}]}
            """.formatted(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"loopback", "http://10.20.30.40/files/qd.pdf", "http://192.168.1.10/qd.pdf",
            "http://169.254.169.254/latest/meta-data/", "http://[::1]:8080/x", "http://[fd00::1]/x",
            "http://0.0.0.0:8080/x", "file:///etc/passwd", "ftp://files.example.vn/qd.pdf"})
    void aUrlOutsideTheAllowedSourcesIsRefusedAtIntakeAndNothingIsStored(String url) {
        String code = newDossier("DOC-SSRF");
        var answer = hub.postJson("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY,
                request(url.equals("loopback") ? internalUrl() : url));

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("attachments[1].url");
        if (url.startsWith("http")) {
            assertThat(answer.json().get("code").asText()).isEqualTo("ATTACHMENT_URL_REFUSED");
            assertThat(error.get("message").asText()).startsWith("attachment ban-ve.pdf: ");
        }
        assertThat(hub.get("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY).json().size()).isZero();
        assertThat(trailCount(code, "DOCUMENT_REQUESTED")).isZero();
        assertThat(internalHits.get()).isZero();
    }

    @Test
    void anAllowedSourceIsFetchedAndItsRedirectToLoopbackIsNotFollowed() {
        String code = newDossier("DOC-SSRF");
        String allowed = hub.baseUrl() + "/sim/docaxis/files/generated?bytes=1000";
        var fetched = hub.postJson("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY, request(allowed));
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(202);
        String documentId = fetched.json().get("documentId").asText();
        eventually().until(() -> axis.receivedLog().get(documentId) != null);
        assertThat(axis.receivedLog().get(documentId).body().get("attachments").toString()).contains("ban-ve.pdf")
                .contains("size=1000");

        String redirecting = hub.baseUrl() + "/sim/docaxis/files/redirect?to="
                + URLEncoder.encode(internalUrl(), StandardCharsets.UTF_8);
        var redirected = hub.postJson("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY, request(redirecting));
        assertThat(redirected.status()).as(redirected.body()).isEqualTo(202);
        String refusedId = redirected.json().get("documentId").asText();
        eventually().until(() -> trailCount(code, "DEAD_LETTERED") == 1);
        assertThat(dossier(code).get("trail").toString()).contains("redirect target host 127.0.0.1 is not allow-listed");
        assertThat(axis.receivedLog().get(refusedId)).isNull();
        assertThat(hub.get("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY).json().toString())
                .contains(refusedId);
        assertThat(internalHits.get()).isZero();
    }

    @Test
    void aSimulatorPathEscapeIsNotTheSimulator() {
        String code = newDossier("DOC-SSRF");
        for (String url : new String[] {hub.baseUrl() + "/sim/../api/v1/admin/audit",
                hub.baseUrl() + "/sim/%2e%2e/api/v1/admin/audit", hub.baseUrl() + "/api/v1/dossiers/" + code}) {
            var answer = hub.postJson("/api/v1/dossiers/" + code + "/documents", ONESTOP_KEY, request(url));
            assertThat(answer.status()).as(url).isEqualTo(400);
        }
    }
}
