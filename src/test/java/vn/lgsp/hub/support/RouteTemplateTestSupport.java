package vn.lgsp.hub.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.function.ThrowingConsumer;

/**
 * A route test of the templates in {@code routes/templates/}, without Spring Boot: a plain Camel context that loads
 * every template through the YAML DSL, makes one route of a template with a test's parameters, lets the test advise
 * it (edges replaced by {@code direct:} and mocks) and then starts. Beans the templates call are the test's fakes,
 * bound in {@link #bindToRegistry}.
 */
public abstract class RouteTemplateTestSupport extends CamelTestSupport {

    private static final Path TEMPLATES = Path.of("routes/templates");

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("hub.mappings-dir", "file:mappings");
        return properties;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                PluginHelper.getRoutesLoader(camel)
                        .loadRoutes(ResourceHelper.resolveMandatoryResource(camel, "file:" + file));
            }
        }
        return camel;
    }

    /** Makes route {@code routeId} of template {@code templateId}, advises it, and starts the context. */
    protected void route(String templateId, String routeId, Map<String, String> parameters,
                         ThrowingConsumer<AdviceWithRouteBuilder, Exception> advice) throws Exception {
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(context, templateId).routeId(routeId);
        parameters.forEach(route::parameter);
        route.add();
        AdviceWith.adviceWith(context, routeId, advice);
        context.start();
    }
}
