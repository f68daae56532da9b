package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.xmlunit.builder.DiffBuilder;
import vn.lgsp.hub.support.FakeDeliveryLedger;
import vn.lgsp.hub.support.RouteTemplateTestSupport;

/**
 * Template {@code delivery-to-soap-system}: one route made with test parameters and the civil-status system's real
 * mapping, its queue replaced by {@code direct:}, the CXF call by a mock, the ledger by a fake.
 */
class DeliveryToSoapSystemTemplateTest extends RouteTemplateTestSupport {

    private static final String ROUTE = "dossier-delivery-to-test-soap-system";
    private static final Path FIXTURES = Path.of("mappings/sector-civil/fixtures");
    private final FakeDeliveryLedger ledger = new FakeDeliveryLedger();

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("deliveryLedger", ledger);
    }

    @Test
    void deliversTheMappedPayloadOnceAndStopsARedelivery() throws Exception {
        start();
        MockEndpoint system = getMockEndpoint("mock:test-soap-system");
        system.expectedMessageCount(1);
        String dossier = fixtureParameter("dossier.canonical-to-sector-civil.params.properties", "dossierJson");

        template.sendBodyAndHeaders("direct:" + ROUTE, dossier, event("E-1", "HS-1"));
        template.sendBodyAndHeaders("direct:" + ROUTE, dossier, event("E-1", "HS-1"));

        system.assertIsSatisfied();
        String payload = system.getExchanges().get(0).getMessage().getBody(String.class);
        var diff = DiffBuilder.compare(Files.readString(FIXTURES.resolve("dossier.canonical-to-sector-civil.expected.xml")))
                .withTest(payload).ignoreWhitespace().checkForSimilar().build();
        assertThat(diff.hasDifferences()).as(diff.toString()).isFalse();
        assertThat(system.getExchanges().get(0).getMessage().getHeaders())
                .as("neither the queue's headers nor the mapping's parameters reach the system")
                .doesNotContainKeys("hubEventId", "dossierJson", "eventId");
        assertThat(ledger.delivered()).containsExactly("test-soap-system/E-1");
    }

    private void start() throws Exception {
        route("delivery-to-soap-system", ROUTE, Map.of(
                "queue", "lgsp.sector.test-soap-system",
                "target", "test-soap-system",
                "mapping", "{{hub.mappings-dir}}/sector-civil/dossier.canonical-to-sector-civil.xsl",
                "mappingParameter", "dossierJson",
                "url", "http://127.0.0.1:9/test-soap-system",
                "wsdl", "{{hub.mappings-dir}}/sector-civil/sector-civil-receive.wsdl",
                "serviceName", "{urn:lgsp:sector:civil:receive:v1}TiepNhanHoSoService",
                "portName", "{urn:lgsp:sector:civil:receive:v1}TiepNhanHoSoPort",
                "operation", "NhanHoSo",
                "operationNamespace", "urn:lgsp:sector:civil:receive:v1"), a -> {
                    a.replaceFromWith("direct:" + ROUTE);
                    // The call to the system is the template's last `to` (the first is the mapping).
                    a.weaveByType(ToDefinition.class).selectLast().replace().to("mock:test-soap-system");
                });
    }

    private static String fixtureParameter(String file, String name) throws Exception {
        Properties parameters = new Properties();
        try (Reader reader = Files.newBufferedReader(FIXTURES.resolve(file), StandardCharsets.UTF_8)) {
            parameters.load(reader);
        }
        return parameters.getProperty(name);
    }

    private static Map<String, Object> event(String eventId, String dossierCode) {
        return Map.of(MessageHeaders.EVENT_ID, eventId, MessageHeaders.DOSSIER_CODE, dossierCode);
    }
}
