package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.support.FakeDeliveryLedger;
import vn.lgsp.hub.support.FakeSectorPolling;
import vn.lgsp.hub.support.RouteTemplateTestSupport;

/**
 * Templates {@code delivery-to-file-drop} and {@code file-drop-read} on real folders (a temporary directory): the
 * queue replaced by {@code direct:}, the ledger and the poller's store by fakes, the finance system's mappings.
 */
class FileDropTemplatesTest extends RouteTemplateTestSupport {

    private static final Path FIXTURES = Path.of("mappings/sector-finance/fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeDeliveryLedger ledger = new FakeDeliveryLedger();
    private final FakeSectorPolling polling = new FakeSectorPolling(null);

    @TempDir
    Path folder;

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("deliveryLedger", ledger);
        registry.bind("sectorPolling", polling);
    }

    @Test
    void aDossierBecomesOneMappedFileNamedByItsCodeEvenWhenDeliveredAgain() throws Exception {
        route("delivery-to-file-drop", "dossier-delivery-to-test-drop", Map.of(
                "queue", "lgsp.sector.test-drop",
                "target", "test-drop",
                "folder", folder.toString(),
                "mapping", "jsonata:{{hub.mappings-dir}}/sector-finance/dossier.canonical-to-sector-finance.jsonata"
                        + "?inputType=JsonString&outputType=JsonString"), a -> a.replaceFromWith("direct:deliver"));
        String dossier = Files.readString(FIXTURES.resolve("dossier.canonical-to-sector-finance.input.json"));

        template.sendBodyAndHeaders("direct:deliver", dossier, event("E-1", "H15.12-261204-0012"));
        // The hub stopped after writing the file but before the ledger recorded it: the message comes again.
        ledger.delivered().clear();
        template.sendBodyAndHeaders("direct:deliver", "{\"dossierCode\":\"H15.12-261204-0012\"}",
                event("E-1", "H15.12-261204-0012"));

        assertThat(namesIn(folder)).containsExactly("H15.12-261204-0012.json");
        assertThat(JSON.readTree(folder.resolve("H15.12-261204-0012.json").toFile())).as("the first file stays whole")
                .isEqualTo(JSON.readTree(FIXTURES.resolve("dossier.canonical-to-sector-finance.expected.json").toFile()));
        assertThat(ledger.delivered()).containsExactly("test-drop/E-1");
    }

    @Test
    void statusFilesAreAppliedInNameOrderAndAnUnreadableOneEndsInErrorWithItsReason() throws Exception {
        Files.copy(FIXTURES.resolve("status-file.sector-finance-to-canonical.input.json"), folder.resolve("a-1.json"));
        Files.writeString(folder.resolve("b-2.json"), "<html>not a status file</html>");
        Files.writeString(folder.resolve("c-3.json"), Files.readString(
                FIXTURES.resolve("status-file.sector-finance-to-canonical.input.json")).replace(".1733299200000-1", ".9"));
        Files.writeString(folder.resolve(".d-4.json.tmp"), "{half a file");

        route("file-drop-read", "status-files-from-test-drop", Map.of(
                "system", "test-drop",
                "folder", folder.toString(),
                "mapping", "jsonata:{{hub.mappings-dir}}/sector-finance/status-file.sector-finance-to-canonical.jsonata"
                        + "?inputType=JsonString&outputType=JsonString",
                "interval", "50",
                "polling", "true"), a -> { });

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".done/c-3.json"))
                && Files.exists(folder.resolve(".error/b-2.json")));
        assertThat(polling.applied()).hasSize(2);
        assertThat(JSON.readTree(polling.applied().get(0).substring("test-drop ".length())))
                .isEqualTo(JSON.readTree(FIXTURES.resolve("status-file.sector-finance-to-canonical.expected.json").toFile()));
        assertThat(polling.applied().get(1)).contains("H15.12-261204-0012.9");
        assertThat(namesIn(folder.resolve(".done"))).containsExactly("a-1.json", "c-3.json");
        assertThat(Files.readString(folder.resolve(".error/b-2.json.reason.txt"))).isNotBlank();
        assertThat(folder.resolve(".d-4.json.tmp")).as("a file being written is never read").exists();
    }

    private static Stream<String> names(Path dir) throws java.io.IOException {
        return Files.list(dir).filter(Files::isRegularFile).map(f -> f.getFileName().toString()).sorted();
    }

    private static java.util.List<String> namesIn(Path dir) throws java.io.IOException {
        try (Stream<String> names = names(dir)) {
            return names.toList();
        }
    }

    private static Map<String, Object> event(String eventId, String dossierCode) {
        return Map.of(MessageHeaders.EVENT_ID, eventId, MessageHeaders.DOSSIER_CODE, dossierCode);
    }
}
