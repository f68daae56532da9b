package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.FakeSectorPolling;
import vn.lgsp.hub.support.RouteTemplateTestSupport;

/** The system a delivery route names is found in routes made of a template too, where it is a parameter. */
class DeliveryBacklogsTest extends RouteTemplateTestSupport {

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("sectorPolling", new FakeSectorPolling(null));
    }

    @Test
    void aTemplatedRouteNamesTheSystemOfItsParameters() throws Exception {
        route("change-feed-apply", "changes-apply-from-test-system", Map.of("system", "test-system"),
                a -> a.replaceFromWith("direct:feed"));

        assertThat(DeliveryBacklogs.target(context.getRouteDefinition("changes-apply-from-test-system")))
                .isEqualTo("test-system");
    }
}
