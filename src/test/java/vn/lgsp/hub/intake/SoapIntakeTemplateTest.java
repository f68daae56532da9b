package vn.lgsp.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.amendments.DossierAmendments;
import vn.lgsp.hub.canonical.AmendmentKind;
import vn.lgsp.hub.dossier.IntakeReceipt;
import vn.lgsp.hub.support.RouteTemplateTestSupport;

/**
 * Template {@code soap-intake}: one route made with the civil-status system's real mappings, its CXF endpoint
 * replaced by {@code direct:}, the intake and the amendments by fakes that keep what they were given.
 */
class SoapIntakeTemplateTest extends RouteTemplateTestSupport {

    private static final Path FIXTURES = Path.of("mappings/sector-civil/fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> dossiers = new ArrayList<>();
    private final List<String> amendments = new ArrayList<>();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("intakeEndpoint", new Object() {
            @SuppressWarnings("unused")
            public IntakeReceipt submitJson(String canonicalJson) {
                dossiers.add(canonicalJson);
                return new IntakeReceipt("HS-1", "/api/v1/dossiers/HS-1", "ACCEPTED", false);
            }
        });
        registry.bind("amendmentEndpoint", new Object() {
            @SuppressWarnings("unused")
            public DossierAmendments.Outcome submitJson(String amendmentJson) {
                amendments.add(amendmentJson);
                return new DossierAmendments.Outcome("HS-1", "A-7", AmendmentKind.SUPPLEMENT_RECEIVED, 2, 4, true);
            }
        });
    }

    @Test
    void aNewDossierIsMappedTakenInAndAnswered() throws Exception {
        assertThat(call("GuiHoSo", "dossier")).isEqualTo("<r><d>HS-1</d><u>/api/v1/dossiers/HS-1</u><t>false</t></r>");
        assertThat(dossiers).hasSize(1);
        assertThat(JSON.readTree(dossiers.get(0))).isEqualTo(JSON.readTree(fixture("dossier.soap-to-canonical.expected.json")));
        assertThat(amendments).isEmpty();
    }

    @Test
    void theAmendmentOperationGoesToTheAmendments() throws Exception {
        assertThat(call("CapNhatHoSo", "amendment")).isEqualTo("<r><d>HS-1</d><a>A-7</a><n>2</n><s>4</s><t>true</t></r>");
        assertThat(amendments).hasSize(1);
        assertThat(JSON.readTree(amendments.get(0)))
                .isEqualTo(JSON.readTree(fixture("amendment.soap-to-canonical.expected.json")));
        assertThat(dossiers).isEmpty();
    }

    /** Starts the route and calls {@code operation} with the {@code message}'s SOAP fixture; its answer. */
    private String call(String operation, String message) throws Exception {
        route("soap-intake", "dossier-intake-from-test-system", Map.of(
                "path", "/sector/test/dossier",
                "wsdl", "{{hub.mappings-dir}}/sector-civil/sector-civil-dossier.wsdl",
                "serviceName", "{urn:lgsp:sector:civil:v1}HoSoService",
                "portName", "{urn:lgsp:sector:civil:v1}HoSoPort",
                "dossierMapping", "{{hub.mappings-dir}}/sector-civil/dossier.soap-to-canonical.xsl",
                "dossierResponse", "<r><d>${body.dossierCode}</d><u>${body.trackingUrl}</u><t>${body.duplicate}</t></r>",
                "amendmentOperation", "CapNhatHoSo",
                "amendmentMapping", "{{hub.mappings-dir}}/sector-civil/amendment.soap-to-canonical.xsl",
                "amendmentResponse", "<r><d>${body.dossierCode}</d><a>${body.amendmentId}</a>"
                        + "<n>${body.supplementNo}</n><s>${body.currentStatus}</s><t>${body.duplicate}</t></r>"),
                a -> a.replaceFromWith("direct:soap"));
        return template.requestBodyAndHeader("direct:soap", fixture(message + ".soap-to-canonical.input.xml"),
                "operationName", operation, String.class);
    }

    private static String fixture(String name) throws Exception {
        return Files.readString(FIXTURES.resolve(name));
    }
}
