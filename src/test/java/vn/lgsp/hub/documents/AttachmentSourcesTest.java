package vn.lgsp.hub.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** Which attachment URLs the hub fetches: allow-listed scheme and host, and only public (or allowed) addresses. */
class AttachmentSourcesTest {

    /** Names as a hostile DNS answers them: allow-listed names that resolve to internal addresses. */
    static final Map<String, String> DNS = Map.of(
            "files.hagiang.gov.vn", "203.113.131.5",
            "intranet.hagiang.gov.vn", "10.20.1.7",
            "rebind.hagiang.gov.vn", "127.0.0.1",
            "metadata.hagiang.gov.vn", "169.254.169.254",
            "v6.hagiang.gov.vn", "::ffff:192.168.1.1",
            "ula.hagiang.gov.vn", "fd12:3456::1",
            "cgnat.hagiang.gov.vn", "100.64.0.9");

    static AttachmentSources sources(List<String> networks, boolean simulators) {
        var properties = new AttachmentProperties(List.of("https"), List.of("*.hagiang.gov.vn", "203.113.131.9",
                "169.254.169.254", "10.0.0.8:8443"), networks, DataSize.ofMegabytes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 3);
        return new AttachmentSources(properties, new MockEnvironment().withProperty("local.server.port", "8080"),
                simulators, AttachmentSourcesTest::resolve);
    }

    static InetAddress[] resolve(String host) throws UnknownHostException {
        return new InetAddress[] {InetAddress.getByName(DNS.getOrDefault(host, host))};
    }

    @Test
    void anAllowListedHostWithPublicAddressesIsFetched() {
        assertThat(sources(List.of(), false).refusal("https://files.hagiang.gov.vn/tep/qd-01.pdf")).isEmpty();
        assertThat(sources(List.of(), false).refusal("https://203.113.131.9/qd.pdf")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://intranet.hagiang.gov.vn/qd.pdf",    // private, by name
            "https://rebind.hagiang.gov.vn/qd.pdf",      // loopback, by name
            "https://metadata.hagiang.gov.vn/latest/",   // link-local, by name
            "https://169.254.169.254/latest/meta-data/", // link-local, allow-listed literally
            "https://v6.hagiang.gov.vn/qd.pdf",          // IPv4-mapped private
            "https://ula.hagiang.gov.vn/qd.pdf",         // IPv6 unique local
            "https://cgnat.hagiang.gov.vn/qd.pdf",       // carrier-grade NAT
            "https://10.0.0.8:8443/qd.pdf"})             // private, allow-listed with its port
    void anAllowListedHostResolvingToAnInternalAddressIsRefused(String url) {
        assertThat(sources(List.of(), false).refusal(url)).get().asString()
                .contains("loopback, private or link-local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://files.hagiang.gov.vn/qd.pdf", "file:///etc/passwd", "jar:file:///x.jar!/a",
            "https://127.0.0.1/x", "https://localhost/x", "https://evilhagiang.gov.vn/x", "https://hagiang.gov.vn.evil.vn/x",
            "https://10.0.0.8/qd.pdf", "https://user:pw@files.hagiang.gov.vn/x", "/relative/path", "https:///nohost",
            "https://no-such-host.invalid/x"})
    void otherSchemesHostsAndShapesAreRefused(String url) {
        assertThat(sources(List.of(), false).refusal(url)).isPresent();
    }

    @Test
    void anAllowListedNetworkLetsAnInternalHostThrough() {
        var sources = sources(List.of("10.20.0.0/16", "10.0.0.8/32"), false);
        assertThat(sources.refusal("https://intranet.hagiang.gov.vn/qd.pdf")).isEmpty();
        assertThat(sources.refusal("https://10.0.0.8:8443/qd.pdf")).isEmpty();
        assertThat(sources.refusal("https://rebind.hagiang.gov.vn/qd.pdf")).isPresent();
    }

    @Test
    void aMalformedAllowListStopsTheStartInsteadOfFailingARequest() {
        var env = new MockEnvironment();
        assertThatThrownBy(() -> new AttachmentSources(new AttachmentProperties(null, List.of("files.hagiang.gov.vn:x"),
                null, null, null, null, null), env, false, AttachmentSourcesTest::resolve))
                .hasMessageContaining("allowed-hosts");
        assertThatThrownBy(() -> new AttachmentSources(new AttachmentProperties(null, null, List.of("10.0.0.0/33"),
                null, null, null, null), env, false, AttachmentSourcesTest::resolve))
                .hasMessageContaining("allowed-networks");
    }

    @Test
    void theHubsOwnSimulatorsAreAllowedOnlyWhileServedAndOnlyUnderSim() {
        var properties = new AttachmentProperties(List.of("http"), List.of(), List.of(), null, null, null, null);
        var env = new MockEnvironment().withProperty("local.server.port", "8080");
        var demo = new AttachmentSources(properties, env, true, AttachmentSourcesTest::resolve);
        var prod = new AttachmentSources(properties, env, false, AttachmentSourcesTest::resolve);
        assertThat(demo.refusal("http://127.0.0.1:8080/sim/docaxis/files/generated?bytes=10")).isEmpty();
        assertThat(prod.refusal("http://127.0.0.1:8080/sim/docaxis/files/generated?bytes=10")).isPresent();
        assertThat(demo.refusal("http://127.0.0.1:8081/sim/docaxis/files/generated")).isPresent();
        assertThat(demo.refusal("http://127.0.0.1:8080/api/v1/admin/audit")).isPresent();
        assertThat(demo.refusal("http://127.0.0.1:8080/sim/../api/v1/admin/audit")).isPresent();
        assertThat(demo.refusal("http://127.0.0.1:8080/sim/%2e%2e/api/v1/admin/audit")).isPresent();
    }
}
