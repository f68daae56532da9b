package vn.lgsp.hub.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.awaitility.Awaitility;

/**
 * A main class of the test class path as its own JVM, its output in a log file (emptied first), ready when a line of the log
 * starts with a given word (an Artemis broker of the pair, {@link ArtemisNode}). Killed with SIGKILL.
 */
final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static JavaProcess start(Path log, List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            return new JavaProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first log line starting with the word, without it (e.g. the epoch millis after "ACTIVE "). */
    Optional<String> line(String word) {
        try (var lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith(word + " ")).findFirst().map(l -> l.substring(word.length() + 1));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** Waits for the line and returns what follows the word. */
    String await(String word, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(log + ": exited with " + process.exitValue());
            }
            return line(word).isPresent();
        });
        return line(word).orElseThrow();
    }

    /** SIGKILL, and the moment it was sent (epoch millis). */
    long kill() {
        long at = System.currentTimeMillis();
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return at;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
