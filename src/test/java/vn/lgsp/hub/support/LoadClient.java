package vn.lgsp.hub.support;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The one load client of the benchmarks and the fault tests: N threads, each sending its next request as soon as the
 * previous one is answered (closed loop), over HTTP/1.1 on 127.0.0.1. Latencies of answers that both started after
 * the warm-up and ended before the measured window closed go into an HdrHistogram (microseconds); an answer with
 * another status than expected, or no answer, is an error. Runs for a fixed window, or until {@link #stop()}.
 */
public final class LoadClient {

    /** Builds the request number {@code seq} of client {@code client}. */
    @FunctionalInterface
    public interface Requests {
        HttpRequest next(int client, long seq);
    }

    /** Told about every answer with the expected status (e.g. to remember the dossier code of a 202). */
    @FunctionalInterface
    public interface OnSuccess {
        void answered(HttpRequest request, String body);
    }

    /** What one run measured. */
    public record Result(long requests, long errors, double seconds, Histogram latency) {
        public double throughput() {
            return requests / seconds;
        }

        public double millis(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }

        public double maxMillis() {
            return latency.getMaxValue() / 1000.0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final int clients;
    private final int expectedStatus;
    private final Requests requests;
    private final OnSuccess onSuccess;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final Recorder recorder = new Recorder(3);
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private volatile long measureFrom;
    private volatile long measureTo = Long.MAX_VALUE;
    private volatile long startedAt;
    private final AtomicLong tickets = new AtomicLong();
    private volatile double perSecond;
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();
    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern FAILURE_KIND = Pattern.compile("\\(([A-Za-z]+)\\)\"");

    public LoadClient(int clients, int expectedStatus, Requests requests, OnSuccess onSuccess) {
        this.clients = clients;
        this.expectedStatus = expectedStatus;
        this.requests = requests;
        this.onSuccess = onSuccess;
    }

    public LoadClient(int clients, int expectedStatus, Requests requests) {
        this(clients, expectedStatus, requests, null);
    }

    /** Paces all clients together at this many requests per second (an offered rate, as a soak needs). */
    public LoadClient atRate(double requestsPerSecond) {
        this.perSecond = requestsPerSecond;
        return this;
    }

    /** Runs a warm-up, then a measured window, and returns when every client has finished its last request. */
    public Result run(Duration warmup, Duration window) throws InterruptedException {
        long now = System.nanoTime();
        measureFrom = now + warmup.toNanos();
        measureTo = measureFrom + window.toNanos();
        startThreads(now);
        for (Thread thread : threads) {
            thread.join();
        }
        return result((measureTo - measureFrom) / 1e9);
    }

    /** Starts sending in the background until {@link #stop()}; everything sent counts. */
    public LoadClient start() {
        long now = System.nanoTime();
        measureFrom = now;
        startThreads(now);
        return this;
    }

    /** Stops sending, waits for the requests in flight, and returns what was measured since {@link #start()}. */
    public Result stop() throws InterruptedException {
        stopped.set(true);
        long stoppedAt = System.nanoTime();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(40).toMillis());
        }
        return result((stoppedAt - startedAt) / 1e9);
    }

    /** Requests answered (or failed) so far. */
    public long answered() {
        return counted.get();
    }

    /** Answers with the expected status so far. */
    public long succeeded() {
        return ok.get();
    }

    /**
     * The errors of the measured window by kind, most frequent first: {@code "<status> <problem code> (<cause>)"}
     * for an answer with another status (the RFC 7807 {@code code} and the failure's kind the hub names in
     * parentheses at the end of its detail, when present), or the exception's class when there was no answer.
     */
    public Map<String, Long> errorKinds() {
        Map<String, Long> kinds = new TreeMap<>();
        errorKinds.forEach((kind, n) -> kinds.put(kind, n.sum()));
        return kinds;
    }

    private static String errorKind(int status, String body) {
        StringBuilder kind = new StringBuilder(Integer.toString(status));
        if (body != null) {
            Matcher code = PROBLEM_CODE.matcher(body);
            if (code.find()) {
                kind.append(' ').append(code.group(1));
            }
            Matcher cause = FAILURE_KIND.matcher(body);
            if (cause.find()) {
                kind.append(" (").append(cause.group(1)).append(')');
            }
        }
        return kind.toString();
    }

    private Result result(double seconds) {
        return new Result(counted.get(), errors.get(), seconds, recorder.getIntervalHistogram());
    }

    private void startThreads(long now) {
        startedAt = now;
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> loop(client), "load-" + c);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop(int client) {
        long seq = 0;
        while (!stopped.get() && System.nanoTime() < measureTo) {
            if (perSecond > 0) {
                long due = startedAt + (long) (tickets.getAndIncrement() * 1e9 / perSecond);
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
            }
            HttpRequest request = requests.next(client, seq++);
            long t0 = System.nanoTime();
            boolean success;
            String errorKind = null;
            try {
                // Bodies of unexpected answers are read too: they name the kind of error.
                HttpResponse<String> response = http.send(request, onSuccess == null
                        ? responseInfo -> responseInfo.statusCode() == expectedStatus
                                ? HttpResponse.BodySubscribers.replacing(null)
                                : HttpResponse.BodySubscribers.ofString(java.nio.charset.StandardCharsets.UTF_8)
                        : HttpResponse.BodyHandlers.ofString());
                success = response.statusCode() == expectedStatus;
                if (!success) {
                    errorKind = errorKind(response.statusCode(), response.body());
                }
                if (success) {
                    ok.incrementAndGet();
                    if (onSuccess != null) {
                        onSuccess.answered(request, response.body());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                success = false; // refused, reset or timed out: an error of this run
                errorKind = e.getClass().getSimpleName();
                // A real client backs off a little when the server is gone, rather than spinning on refusals.
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            }
            long t1 = System.nanoTime();
            if (t0 >= measureFrom && t1 <= measureTo) {
                recorder.recordValue(Math.max(1, (t1 - t0) / 1000));
                counted.incrementAndGet();
                if (!success) {
                    errors.incrementAndGet();
                    errorKinds.computeIfAbsent(errorKind, k -> new LongAdder()).increment();
                }
            }
        }
    }
}
