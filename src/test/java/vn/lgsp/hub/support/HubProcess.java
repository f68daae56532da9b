package vn.lgsp.hub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * The hub as a separate JVM on 127.0.0.1, started from the test class path in the project directory, so that it
 * can be killed with SIGKILL mid-work and started again on the same data directory.
 */
public final class HubProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private HubProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static HubProcess start(int port, Path dataDir, Path log, String... extraArgs) {
        return start(port, dataDir, log, List.of("-XX:TieredStopAtLevel=1"), extraArgs);
    }

    /** Starts with extra JVM options (heap is capped at 512 MB, the target of the benchmarks). */
    public static HubProcess start(int port, Path dataDir, Path log, List<String> jvmOptions, String... extraArgs) {
        return start("vn.lgsp.hub.HubApplication", port, dataDir, log, jvmOptions, extraArgs);
    }

    /** Starts another Spring Boot main class of the project, e.g. the simulators on their own (SimulatorsApplication). */
    public static HubProcess start(String mainClass, int port, Path dataDir, Path log, List<String> jvmOptions,
                                   String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-cp", System.getProperty("java.class.path"),
                mainClass,
                "--server.port=" + port,
                "--hub.data-dir=" + dataDir));
        command.addAll(List.of(extraArgs));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            HubProcess hub = new HubProcess(process, port);
            hub.awaitHealthy();
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("hub exited with " + process.exitValue());
                    }
                    var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200;
                });
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM and wait: a graceful shutdown (flight recordings are written, the broker journal is closed). */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
