package vn.lgsp.hub.documents;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.delivery.DeliveryFailures;
import vn.lgsp.hub.documents.AttachmentSources.AttachmentRefused;

/**
 * Fetches an attachment a caller named by URL, one hop at a time through route attachment-fetch-from-source
 * ({@link #ENDPOINT}): each hop's URL is checked by {@link AttachmentSources} first (redirects included, at most
 * {@code max-redirects}), the route makes the GET, and {@link #spool} streams the body to a temporary file, cut at
 * {@code max-size} and at {@code max-time} for the whole download. A refused URL, an oversized attachment or a
 * failure {@link DeliveryFailures} calls permanent (a 404) is an {@link AttachmentRefused}; a temporary one (a 503,
 * a time-out) a plain IOException.
 */
@Component("attachmentFetch")
public class AttachmentFetch implements HttpClientConfigurer {

    public static final String ENDPOINT = "direct:attachment-fetch";
    /** The URL of this hop, already checked. */
    public static final String URL = "attachmentUrl";
    /** System.nanoTime() by which the whole download must be done. */
    public static final String DEADLINE = "attachmentDeadline";
    /** Set by {@link #spool} when the hop answered a redirect: its Location. */
    public static final String REDIRECT = "attachmentRedirect";

    private final AttachmentSources sources;
    private final AttachmentProperties properties;
    private final ProducerTemplate template;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(daemon());

    public AttachmentFetch(AttachmentSources sources, AttachmentProperties properties, ProducerTemplate template) {
        this.sources = sources;
        this.properties = properties;
        this.template = template;
    }

    private static CustomizableThreadFactory daemon() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("attachment-deadline-");
        threads.setDaemon(true);
        return threads;
    }

    /** Opens the attachment for reading; the temporary file it was spooled to goes when the stream is closed. */
    public InputStream open(String url) throws IOException {
        long deadline = System.nanoTime() + properties.maxTime().toNanos();
        String current = url;
        for (int hop = 0; ; hop++) {
            Optional<String> refused = sources.refusal(current);
            if (refused.isPresent()) {
                throw new AttachmentRefused(hop == 0 ? "URL " + refused.get() : "redirect target " + refused.get());
            }
            String checked = current;
            Exchange answer = template.send(ENDPOINT, exchange -> {
                exchange.getMessage().setHeader(URL, checked);
                exchange.getMessage().setHeader(DEADLINE, deadline);
            });
            if (answer.getException() != null) {
                throw failure(answer.getException());
            }
            String location = answer.getMessage().getHeader(REDIRECT, String.class);
            if (location == null) {
                return Files.newInputStream(answer.getMessage().getBody(Path.class), StandardOpenOption.DELETE_ON_CLOSE);
            }
            if (hop >= properties.maxRedirects()) {
                throw new AttachmentRefused("more than " + properties.maxRedirects() + " redirects");
            }
            current = URI.create(current).resolve(location).toString();
        }
    }

    private static IOException failure(Exception failure) {
        if (failure instanceof IOException io) {
            return io;
        }
        String reason = DeliveryFailures.describe(failure);
        return DeliveryFailures.isPermanent(failure) ? new AttachmentRefused(reason, failure)
                : new IOException(reason, failure);
    }

    /**
     * Route step after the GET: a redirect leaves its Location in {@link #REDIRECT}; any other answer than 200 is
     * an HTTP failure; a 200 body is copied to a temporary file (the body, which is the exchange's). A refused
     * answer's connection is aborted, not drained.
     */
    public void spool(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        InputStream body = message.getBody(InputStream.class);
        String location = message.getHeader("Location", String.class);
        message.setBody(null);
        if (status / 100 == 3 && location != null) {
            abort(body);
            message.setHeader(REDIRECT, location);
            return;
        }
        if (status != 200) {
            abort(body);
            throw new HttpOperationFailedException(message.getHeader(URL, String.class), status,
                    message.getHeader(Exchange.HTTP_RESPONSE_TEXT, String.class), null, Map.of(), null);
        }
        long max = properties.maxSize().toBytes();
        if (message.getHeader(Exchange.CONTENT_LENGTH, -1L, Long.class) > max) {
            abort(body);
            throw new AttachmentRefused("larger than " + properties.maxSize() + " (hub.attachments.max-size)");
        }
        Path file = Files.createTempFile("attachment-", ".part");
        try (InputStream in = new Bounded(body == null ? InputStream.nullInputStream() : body, max,
                message.getHeader(DEADLINE, Long.class), deadlines);
             OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        message.setBody(file);
    }

    /**
     * For the route's HTTP endpoint: no content decoding, so the bytes counted against max-size are the bytes that
     * arrive and the body is the client's own stream, which {@link #abort} can cut.
     */
    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableContentCompression();
    }

    /** Ends a body without reading the rest of it (closing would drain it to keep the connection). */
    static void abort(InputStream body) throws IOException {
        if (body instanceof EofSensorInputStream sensor) {
            sensor.abort();
        } else if (body != null) {
            body.close();
        }
    }

    /** The body, cut at the size limit and aborted at the deadline (a stalled read ends with an IOException). */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private final long deadline;
        private final ScheduledFuture<?> aborter;
        private long read;
        private boolean ended;

        Bounded(InputStream in, long max, long deadline, ScheduledExecutorService deadlines) {
            super(in);
            this.max = max;
            this.deadline = deadline;
            this.aborter = deadlines.schedule(() -> {
                try {
                    abort(in);
                } catch (IOException ignored) {
                    // aborting to end a stalled download
                }
            }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (System.nanoTime() > deadline) {
                // Not permanent: the same source may answer in time later.
                throw new IOException("not downloaded within the time limit (hub.attachments.max-time)");
            }
            int n = super.read(b, off, len);
            ended = n == -1;
            if (n > 0) {
                read += n;
                if (read > max) {
                    abort(in);
                    throw new AttachmentRefused("larger than the size limit (hub.attachments.max-size)");
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            aborter.cancel(false);
            if (ended) {
                super.close();
            } else {
                abort(in);
            }
        }
    }
}
