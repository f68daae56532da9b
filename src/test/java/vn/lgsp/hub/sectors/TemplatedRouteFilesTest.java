package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

/**
 * The files of {@code routes/} read in one go, sorted as a walk of the folder gives them: {@code routes/templates/} comes after
 * {@code routes/onestop/} and the other folders whose templated routes use it, and every templated route is still
 * made from its template, under its file's name.
 */
class TemplatedRouteFilesTest {

    @Test
    void templatedRoutesAreMadeWhereverTheirTemplatesSortAmongTheFiles() throws Exception {
        List<Path> files = routeFiles();
        assertThat(files.indexOf(Path.of("routes/templates/delivery-to-rest-system.camel.yaml")))
                .as("a template read after a route made of it")
                .isGreaterThan(files.indexOf(Path.of("routes/onestop/dossier-delivery-to-onestop.camel.yaml")));

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            List<Resource> resources = files.stream()
                    .map(f -> ResourceHelper.resolveResource(camel, "file:" + f)).toList();
            PluginHelper.getRoutesLoader(camel).loadRoutes(resources);

            for (Path file : files) {
                String text = Files.readString(file);
                if (text.contains("- templatedRoute:")) {
                    String id = file.getFileName().toString().replace(".camel.yaml", "");
                    RouteDefinition route = camel.getRouteDefinition(id);
                    assertThat(route).as(id).isNotNull();
                    assertThat(route.isCreatedFromTemplate()).as(id).isTrue();
                }
            }
        }
    }

    private static List<Path> routeFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("routes"))) {
            return walk.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList();
        }
    }
}
