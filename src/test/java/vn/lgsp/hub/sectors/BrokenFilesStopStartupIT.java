package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import vn.lgsp.hub.HubApplication;

/**
 * An operator's broken route, mapping or routing-table file stops the hub at start-up with a message naming the
 * file and the problem. Each case starts the hub on a temporary copy of routes/ and mappings/ with the breakage.
 */
class BrokenFilesStopStartupIT {

    @TempDir
    Path dir;

    @Test
    void brokenRoutesAndMappingsAreNamedWithTheirProblem() throws IOException {
        copyProject();
        Path land = dir.resolve("routes/sector-land/dossier-delivery-to-sector-land.camel.yaml");
        edit(land, "{{millis:hub.systems.sector-land.response-timeout}}", "{{millis:hub.systems.sector-land.reponse-timeout}}");
        edit(land, "- name: path", "- name: paht");
        edit(dir.resolve("routes/templates/delivery-to-rest-system.camel.yaml"),
                "ref: deliveryLedger\n              method: complete", "ref: deliveryLedgr\n              method: complete");
        edit(dir.resolve("routes/sector-land/amendment-delivery-to-sector-land.camel.yaml"),
                "routeTemplateRef: delivery-to-rest-system", "routeTemplateRef: delivery-to-rest-sytem");
        Files.copy(dir.resolve("routes/onestop/dossier-delivery-to-onestop.camel.yaml"),
                dir.resolve("routes/sector-land/dossier-delivery-to-onestop.camel.yaml"));
        edit(dir.resolve("mappings/sector-labour/changes.sector-labour-to-canonical.jsonata"),
                "\"kind\": \"STATUS\"", "\"kind\": \"STATUS\",,");
        edit(dir.resolve("mappings/sector-civil/status.sector-civil-to-hub.csv"), "4,3,Từ chối", "4,11,Từ chối");

        String message = startupFailure();

        assertThat(message).contains("delivery-to-rest-system.camel.yaml: refers to unknown bean 'deliveryLedgr'")
                .contains("amendment-delivery-to-sector-land.camel.yaml: uses unknown route template 'delivery-to-rest-sytem'")
                .contains("dossier-delivery-to-sector-land.camel.yaml: route template 'delivery-to-rest-system' has no "
                        + "parameter 'paht'")
                .contains("dossier-delivery-to-sector-land.camel.yaml: route template 'delivery-to-rest-system' needs "
                        + "parameter 'path'")
                .contains("dossier-delivery-to-sector-land.camel.yaml: placeholder "
                        + "{{hub.systems.sector-land.reponse-timeout}} is not configured")
                .contains("sector-land/dossier-delivery-to-onestop.camel.yaml: duplicate route id 'dossier-delivery-to-onestop'")
                .contains("changes.sector-labour-to-canonical.jsonata: fails on its fixture")
                .contains("status.sector-civil-to-hub.csv line 7: hub_status must be a hub status 1-10");
    }

    @Test
    void routingTableRowNamingAnUnknownSystemIsNamed() throws IOException {
        copyProject();
        Files.writeString(dir.resolve("mappings/routing/sector-routes.csv"), "1.002345,H15.30*,sector-tourism\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThat(startupFailure()).contains("routing/sector-routes.csv line")
                .contains("unknown system 'sector-tourism'");
    }

    @Test
    void procedureCatalogueRowWithABrokenFeeIsNamed() throws IOException {
        copyProject();
        Files.writeString(dir.resolve("mappings/catalogue/procedures.csv"),
                "1.002345,Cấp giấy phép,GP,Giấy phép,FULL_ONLINE,5,LP01|Lệ phí|năm mươi nghìn|CHARGE\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThat(startupFailure()).contains("catalogue/procedures.csv line")
                .contains("must be code|name|amount|FEE or CHARGE");
    }

    private String startupFailure() {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(HubApplication.class).run(
                "--server.port=0", "--hub.data-dir=" + dir.resolve("data"),
                "--hub.routes-dir=file:" + dir.resolve("routes"), "--hub.mappings-dir=file:" + dir.resolve("mappings"),
                "--hub.simulators.enabled=false").close());
        assertThat(failure).as("the hub must refuse to start").isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private void copyProject() throws IOException {
        for (String top : new String[] {"routes", "mappings"}) {
            Path from = Path.of(top);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path to = dir.resolve(top).resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
        }
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
