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
                "--hub.data-dir=" + dataDir,
                // the test class path carries logback-test.xml (WARN); the hub's own log is what some proofs read
                "--logging.level.vn.lgsp.hub=INFO"));
        command.addAll(List.of(extraArgs));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            HubProcess hub = new HubProcess(process, port);
            try {
                hub.awaitHealthy();
            } catch (RuntimeException notHealthy) {
                hub.kill(); // never leave a half-started hub behind
                throw notHealthy;
            }
            return hub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A value of the hub's own metrics ({@code /actuator/metrics/<name>[?tag=k:v]}), read with the admin key. */
    public double metric(String nameAndQuery) {
        return metric(nameAndQuery, null);
    }

    /** One statistic of a metric (COUNT, TOTAL, TOTAL_TIME, MAX, VALUE…); the first one when null. */
    public double metric(String nameAndQuery, String statistic) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(baseUrl() + "/actuator/metrics/" + nameAndQuery))
                    .header("X-Api-Key", "demo-admin-key").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (var measurement : new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body())
                    .get("measurements")) {
                if (statistic == null || statistic.equals(measurement.get("statistic").asText())) {
                    return measurement.get("value").asDouble();
                }
            }
            throw new IllegalArgumentException("No statistic " + statistic + " in " + nameAndQuery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A port free on 127.0.0.1 right now. */
    public static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The operating system's process id (for /proc/<pid>/fd, jcmd). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The simulators as their own JVM ({@code SimulatorsApplication}, no part of the hub), so that they keep what
     * they received while a hub under test is killed and restarted, and several nodes see one set of them. Callbacks
     * (sector progress, payment notifications) go to {@code hubUrl}.
     */
    public static HubProcess startSimulators(int port, Path dataDir, Path log, String hubUrl) {
        // They hold every item they receive until told to forget: room for a benchmark cell of 100 KB dossiers at
        // 1,000 clients (2 GB ran out in the baseline of that cell).
        return start("vn.lgsp.hub.simulators.standalone.SimulatorsApplication", port, dataDir, log,
                List.of("-Xmx4g", "-XX:TieredStopAtLevel=1"), "--logging.level.root=WARN",
                "--hub.simulators.sectors.hub-url=" + hubUrl,
                "--hub.simulators.payment.ipn-url=" + hubUrl + "/api/v1/payments/callbacks/payment",
                "--hub.simulators.bank.ipn-url=" + hubUrl + "/api/v1/payments/callbacks/bank");
    }

    /** Arguments that point a hub at the simulators served by {@code simulators} instead of its own (none then run). */
    public static List<String> systemsAt(HubProcess simulators) {
        return List.of("--spring.profiles.active=demo,remote-simulators",
                "--hub.simulators.url=" + simulators.baseUrl());
    }

    /** Up to 3 minutes: on a machine shared with other builds start-up alone has taken more than 90 s. */
    private void awaitHealthy() {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
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
