package vn.lgsp.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.support.HubProcess;

/** {@code --help} prints the options an operator changes most and starts nothing. */
class HubHelpTest {

    @TempDir
    Path dataDir;

    @Test
    void helpPrintsTheCommonOptionsAndStartsNothing() throws IOException {
        int port = HubProcess.freePort();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            HubApplication.main(new String[] {"--server.port=" + port, "--hub.data-dir=" + dataDir, "--help"});
        } finally {
            System.setOut(out);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("--server.port=8080", "--hub.data-dir=./data", "HUB_DATA_DIR", "--spring.profiles.active",
                        "--logging.level.vn.lgsp.hub=DEBUG", "HUB_DB_URL", "HUB_DB_PASSWORD", "HUB_ARTEMIS_URL",
                        "HUB_ARTEMIS_PASSWORD", "java -jar target/lgsp-hub.jar", "-Dspring-boot.run.arguments=")
                .containsPattern("(?m)^  demo +the default")
                .containsPattern("(?m)^  prod +external PostgreSQL and Artemis")
                .containsPattern("(?m)^  postgres-demo +the demo on PostgreSQL")
                .doesNotContain("Spring Boot ::");
        try (ServerSocket stillFree = new ServerSocket(port)) {
            assertThat(stillFree.getLocalPort()).as("nothing listens on the port").isEqualTo(port);
        }
        try (var written = Files.list(dataDir)) {
            assertThat(written).as("no database or broker journal in the data directory").isEmpty();
        }
    }

    @Test
    void onlyHelpOrHAskForIt() {
        assertThat(HubHelp.asked("--help")).isTrue();
        assertThat(HubHelp.asked("--server.port=8085", "-h")).isTrue();
        assertThat(HubHelp.asked("--server.port=8085")).isFalse();
        assertThat(HubHelp.asked("--helpful=true")).isFalse();
    }
}
