package vn.lgsp.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.registries.ApplicantEnrichment;
import vn.lgsp.hub.support.FakeDeliveryLedger;
import vn.lgsp.hub.support.RouteTemplateTestSupport;

/**
 * Template {@code delivery-to-rest-system}: one route made with test parameters, its queue replaced by
 * {@code direct:}, the system's HTTP endpoint by a mock, the ledger and the enrichment by fakes.
 */
class DeliveryToRestSystemTemplateTest extends RouteTemplateTestSupport {

    private static final String ROUTE = "amendment-delivery-to-test-system";
    private final FakeDeliveryLedger ledger = new FakeDeliveryLedger();
    private int enrichments;

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("deliveryLedger", ledger);
        registry.bind("applicantEnrichment", new Object() {
            @SuppressWarnings("unused")
            public void enrich(Exchange exchange) {
                enrichments++;
                exchange.setProperty(ApplicantEnrichment.KEY_SUFFIX, ":enriched");
            }
        });
    }

    @Test
    void deliversOnceWithTheSystemsPathAndKeyAndNothingElseOfTheMessage() throws Exception {
        start(Map.of());
        MockEndpoint system = getMockEndpoint("mock:test-system");
        system.expectedMessageCount(1);
        system.expectedBodiesReceived("{\"dossierCode\":\"HS-1\"}");
        system.expectedHeaderReceived("Idempotency-Key", "HS-1:amendment:E-1");
        system.expectedHeaderReceived(Exchange.HTTP_PATH, "/api/dossiers/HS-1/amendments");
        system.expectedHeaderReceived(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");

        template.sendBodyAndHeaders("direct:" + ROUTE, "{\"dossierCode\":\"HS-1\"}", event("E-1", "HS-1"));

        system.assertIsSatisfied();
        assertThat(system.getExchanges().get(0).getMessage().getHeaders())
                .as("the queue's headers stay in the hub").doesNotContainKeys("hubEventId", "X-Smuggled");
        assertThat(ledger.delivered()).containsExactly("test-system/E-1");
        assertThat(enrichments).as("enrichment only where asked").isZero();
    }

    @Test
    void aMessageAlreadyDeliveredIsStoppedBeforeTheSystem() throws Exception {
        start(Map.of());
        MockEndpoint system = getMockEndpoint("mock:test-system");
        system.expectedMessageCount(1);

        template.sendBodyAndHeaders("direct:" + ROUTE, "{}", event("E-1", "HS-1"));
        template.sendBodyAndHeaders("direct:" + ROUTE, "{}", event("E-1", "HS-1"));

        system.assertIsSatisfied();
        assertThat(ledger.delivered()).containsExactly("test-system/E-1");
    }

    @Test
    void aMappingTurnsTheCanonicalJsonIntoTheSystemsOwn() throws Exception {
        start(Map.of("mapping", "jsonata:{{hub.mappings-dir}}/sector-land/dossier.canonical-to-sector-land.jsonata"
                + "?inputType=JsonString&outputType=JsonString", "keyHeader", "X-Ma-Giao-Dich",
                "key", "${exchangeProperty.hubEventId}"));
        MockEndpoint system = getMockEndpoint("mock:test-system");
        system.expectedMessageCount(1);
        system.expectedHeaderReceived("X-Ma-Giao-Dich", "E-2");
        Path fixtures = Path.of("mappings/sector-land/fixtures");

        template.sendBodyAndHeaders("direct:" + ROUTE,
                Files.readString(fixtures.resolve("dossier.canonical-to-sector-land.input.json")), event("E-2", "HS-2"));

        system.assertIsSatisfied();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(system.getExchanges().get(0).getMessage().getBody(String.class)))
                .isEqualTo(json.readTree(fixtures.resolve("dossier.canonical-to-sector-land.expected.json").toFile()));
        assertThat(system.getExchanges().get(0).getMessage().getHeaders()).doesNotContainKey("Idempotency-Key");
    }

    @Test
    void enrichmentRunsBeforeTheKeyIsMade() throws Exception {
        start(Map.of("enrich", "true",
                "key", "${exchangeProperty.hubDossierCode}${exchangeProperty.hubDeliveryKeySuffix}"));
        MockEndpoint system = getMockEndpoint("mock:test-system");
        system.expectedHeaderReceived("Idempotency-Key", "HS-3:enriched");

        template.sendBodyAndHeaders("direct:" + ROUTE, "{}", event("E-3", "HS-3"));

        system.assertIsSatisfied();
        assertThat(enrichments).isEqualTo(1);
    }

    private void start(Map<String, String> overrides) throws Exception {
        Map<String, String> parameters = new HashMap<>(Map.of(
                "queue", "lgsp.amendment.test-system",
                "target", "test-system",
                "url", "http://127.0.0.1:9/test-system",
                "path", "/api/dossiers/${exchangeProperty.hubDossierCode}/amendments",
                "key", "${exchangeProperty.hubDossierCode}:amendment:${exchangeProperty.hubEventId}",
                "connectTimeout", "1000",
                "responseTimeout", "1000"));
        parameters.putAll(overrides);
        route("delivery-to-rest-system", ROUTE, parameters, a -> {
            a.replaceFromWith("direct:" + ROUTE);
            // The call to the system is the template's one `to` (the mapping is a toD).
            a.weaveByType(ToDefinition.class).replace().to("mock:test-system");
        });
    }

    private static Map<String, Object> event(String eventId, String dossierCode) {
        return Map.of(MessageHeaders.EVENT_ID, eventId, MessageHeaders.DOSSIER_CODE, dossierCode,
                "X-Smuggled", "from the queue");
    }
}
