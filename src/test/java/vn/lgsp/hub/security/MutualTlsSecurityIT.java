package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The SOAP endpoints over mutual TLS: a second connector requires a client certificate trusted by the hub's trust
 * store, and the certificate's subject identifies the registered system. Keys and certificates are generated for
 * the test with the JDK's keytool.
 */
class MutualTlsSecurityIT extends HubIntegrationTest {

    private static final String PASSWORD = "test-only-store";
    private static final String CIVIL_SUBJECT = "CN=sector-civil, O=So Tu phap Ha Giang, C=VN";
    private static Path dir;
    private static int port;

    @DynamicPropertySource
    static void mutualTls(DynamicPropertyRegistry registry) throws Exception {
        dir = Files.createTempDirectory("lgsp-mtls");
        keytool("-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", file("hub.p12"));
        for (String[] client : new String[][] {{"civil", CIVIL_SUBJECT}, {"intruder", "CN=intruder, O=Unknown, C=VN"},
                {"untrusted", "CN=sector-civil, O=So Tu phap Ha Giang, C=VN"}}) {
            keytool("-genkeypair", "-alias", client[0], "-keyalg", "EC", "-groupname", "secp256r1", "-dname", client[1],
                    "-validity", "2", "-keystore", file(client[0] + ".p12"));
        }
        // The hub trusts the civil-status system's and the intruder's certificates, not the third one's.
        for (String trusted : new String[] {"civil", "intruder"}) {
            keytool("-exportcert", "-alias", trusted, "-keystore", file(trusted + ".p12"), "-file", file(trusted + ".cer"));
            keytool("-importcert", "-noprompt", "-alias", trusted, "-file", file(trusted + ".cer"), "-keystore",
                    file("hub-trust.p12"));
        }
        keytool("-exportcert", "-alias", "hub", "-keystore", file("hub.p12"), "-file", file("hub.cer"));
        keytool("-importcert", "-noprompt", "-alias", "hub", "-file", file("hub.cer"), "-keystore", file("client-trust.p12"));
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        registry.add("hub.security.mtls.port", () -> port);
        registry.add("hub.security.mtls.key-store", () -> file("hub.p12"));
        registry.add("hub.security.mtls.key-store-password", () -> PASSWORD);
        registry.add("hub.security.mtls.trust-store", () -> file("hub-trust.p12"));
        registry.add("hub.security.mtls.trust-store-password", () -> PASSWORD);
        registry.add("hub.clients.sector-civil.certificate-subjects[0]", () -> CIVIL_SUBJECT);
    }

    @Test
    void theCivilStatusSystemPostsADossierIdentifiedByItsCertificateAlone() throws Exception {
        HttpResponse<String> answer = soap("civil");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String code = answer.body().replaceAll("(?s).*<hs:MaHoSo>([^<]+)</hs:MaHoSo>.*", "$1");
        eventually().until(() -> deliveredTo(code, "onestop"));
        assertThat(onestop.receivedLog().get(code).body().get("sourceSystem").asText()).isEqualTo("sector-civil");
    }

    @Test
    void aTrustedCertificateOfNoRegisteredSystemIsRefused() throws Exception {
        HttpResponse<String> answer = soap("intruder");
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("<f:code>UNAUTHENTICATED</f:code>");
    }

    @Test
    void anUntrustedCertificateOrNoneDoesNotGetThroughTheHandshake() {
        assertThatThrownBy(() -> soap("untrusted")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> soap(null)).isInstanceOf(IOException.class);
        assertThat(onestop.receivedLog().items()).isEmpty();
    }

    private HttpResponse<String> soap(String client) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(client == null ? null : load(client + ".p12"), PASSWORD.toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("client-trust.p12"));
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(client == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        String fixture = Files.readString(Path.of("mappings/sector-civil/fixtures/dossier.soap-to-canonical.input.xml"),
                StandardCharsets.UTF_8);
        String envelope = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + fixture.substring(fixture.indexOf("?>") + 2).replace("HT-2026-000123", Dossiers.newRef("MTLS"))
                + "</soapenv:Body></soapenv:Envelope>";
        return http.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/services/sector/civil/dossier"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String file(String name) {
        return dir.resolve(name).toString();
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
