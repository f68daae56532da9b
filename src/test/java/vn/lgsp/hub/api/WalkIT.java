package vn.lgsp.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The README's walk, as the script docs/walk.sh runs it, against a started hub: every step's answer is the one the
 * README shows, so the walk cannot rot without this test failing. Skipped, with the reason, where bash, curl or a
 * JSON reader (jq or python3) is missing.
 */
class WalkIT extends HubIntegrationTest {

    @Test
    void theReadmeWalkRunsAsPastedAgainstAStartedHub() throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("bash") && onPath("curl"), "the walk needs bash and curl");
        Assumptions.assumeTrue(onPath("jq") || onPath("python3"), "the walk needs jq or python3 to read JSON");

        Path log = Files.createTempFile("walk", ".log");
        Process walk = new ProcessBuilder("bash", "docs/walk.sh", hub.baseUrl())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = walk.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            walk.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8); // lenient: a cut answer may end mid-character
        Files.deleteIfExists(log);

        assertThat(finished).as("the walk finished within 5 minutes:%n%s", output).isTrue();
        assertThat(walk.exitValue()).as("the walk's exit status; its output:%n%s", output).isZero();
        assertThat(output).contains("The walk went through:").doesNotContain("FAILED");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }
}
