package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.FakeSectorPolling;
import vn.lgsp.hub.support.RouteTemplateTestSupport;

/**
 * Templates {@code change-feed-poll} and {@code change-feed-apply}: routes made with test parameters, the timer and
 * the queue replaced by {@code direct:}, the feed's HTTP endpoint by a mock answering the labour system's real
 * fixture, the poller's store by a fake.
 */
class ChangeFeedTemplatesTest extends RouteTemplateTestSupport {

    private static final Path FIXTURES = Path.of("mappings/sector-labour/fixtures");
    private final FakeSectorPolling polling = new FakeSectorPolling("41");

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("sectorPolling", polling);
    }

    @Test
    void aPollAsksForTheChangesSinceTheCursorAndAppliesThemMapped() throws Exception {
        route("change-feed-poll", "changes-poll-from-test-feed", Map.of(
                "system", "test-feed",
                "url", "http://127.0.0.1:9/test-feed/api/changes",
                "query", "since=${exchangeProperty.since}&limit=50",
                "mapping", "jsonata:{{hub.mappings-dir}}/sector-labour/changes.sector-labour-to-canonical.jsonata"
                        + "?inputType=JsonString&outputType=JsonString",
                "interval", "60000",
                "polling", "true"), a -> {
                    a.replaceFromWith("direct:poll");
                    // The feed is the template's first `to` (the second is the mapping).
                    a.weaveByType(ToDefinition.class).selectFirst().replace().to("mock:feed");
                });
        MockEndpoint feed = getMockEndpoint("mock:feed");
        feed.expectedHeaderReceived(Exchange.HTTP_QUERY, "since=41&limit=50");
        feed.whenAnyExchangeReceived(e -> e.getMessage().setBody(
                Files.readString(FIXTURES.resolve("changes.sector-labour-to-canonical.input.json"))));

        template.sendBody("direct:poll", null);

        feed.assertIsSatisfied();
        assertThat(polling.applied()).hasSize(1);
        String applied = polling.applied().get(0);
        assertThat(applied).startsWith("test-feed ");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(applied.substring("test-feed ".length()))).isEqualTo(
                json.readTree(FIXTURES.resolve("changes.sector-labour-to-canonical.expected.json").toFile()));
    }

    @Test
    void aFailedPollIsLeftForTheNextTick() throws Exception {
        route("change-feed-poll", "changes-poll-from-test-feed", Map.of(
                "system", "test-feed", "url", "http://127.0.0.1:9/test-feed/api/changes", "query", "since=x",
                "mapping", "jsonata:{{hub.mappings-dir}}/sector-labour/changes.sector-labour-to-canonical.jsonata"
                        + "?inputType=JsonString&outputType=JsonString",
                "interval", "60000", "polling", "true"), a -> {
                    a.replaceFromWith("direct:poll");
                    a.weaveByType(ToDefinition.class).selectFirst().replace().throwException(
                            new java.net.ConnectException("feed down"));
                });

        Exchange poll = template.send("direct:poll", e -> { });

        assertThat(poll.getException()).as("caught and logged, not thrown").isNull();
        assertThat(polling.applied()).isEmpty();
    }

    @Test
    void anItemThePollCouldNotApplyIsAppliedOnceMoreFromItsQueue() throws Exception {
        route("change-feed-apply", "changes-apply-from-test-feed", Map.of("system", "test-feed"),
                a -> a.replaceFromWith("direct:feed-items"));

        template.sendBody("direct:feed-items", "{\"kind\":\"STATUS\"}");

        assertThat(polling.applied()).containsExactly("test-feed item {\"kind\":\"STATUS\"}");
    }
}
