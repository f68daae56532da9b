package vn.lgsp.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which routes of {@code routes/} the singleton-job policy covers: every scheduled one, and no consumer of a queue. */
class SingletonJobsTest {

    private static final Pattern FROM_URI = Pattern.compile("from:\\s*\\n\\s*uri:\\s*\"?([^\"\\s]+)");
    private static final Pattern TEMPLATE_REF = Pattern.compile("routeTemplateRef:\\s*\"?([^\"\\s]+)");

    @Test
    void everyScheduledRouteIsASingletonJob() throws IOException {
        Set<String> singletons = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                String text = Files.readString(file);
                if (text.contains("- routeTemplate:")) {
                    continue; // a template is no route; the routes made from it are checked through it
                }
                Matcher template = TEMPLATE_REF.matcher(text);
                if (template.find()) {
                    text = Files.readString(Path.of("routes/templates", template.group(1) + ".camel.yaml"));
                }
                Matcher from = FROM_URI.matcher(text);
                assertThat(from.find()).as(file.toString()).isTrue();
                if (SingletonJobs.isScheduled(from.group(1)) && !text.contains("group: " + SingletonJobs.EVERY_NODE)) {
                    singletons.add(file.getFileName().toString().replace(".camel.yaml", ""));
                }
            }
        }
        assertThat(singletons).containsExactlyInAnyOrder("outbox-relay-sweep", "documents-poll-from-docaxis",
                "changes-poll-from-sector-labour", "dossiers-reconcile-with-dvcqg", "registry-reverification-sweep",
                "payments-reconcile-with-gateways", "catalogue-refresh-schedule", "changes-poll-from-sector-health",
                "changes-poll-from-sector-agriculture", "reports-schedule-to-reporting");
        // Claims its dossiers with FOR UPDATE SKIP LOCKED: every node runs it.
        assertThat(Files.readString(Path.of("routes/dvcqg/dvcqg-sync-batch.camel.yaml")))
                .contains("group: " + SingletonJobs.EVERY_NODE);
        assertThat(SingletonJobs.isScheduled("jms:queue:lgsp.onestop.dossier")).isFalse();
        assertThat(SingletonJobs.isScheduled("platform-http:/api")).isFalse();
    }
}
