package vn.lgsp.hub.adapters.docaxis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Client of the national document axis (docs/contracts.md "Document-management system via the national document
 * axis"): {@code sendEdoc}, {@code getReceivedEdocList}, {@code getEdoc}, {@code updateStatus}, every request
 * carrying the signed headers {@code from}, {@code to}, {@code servicetype}, {@code messagetype} and
 * {@code hash-header}. Package bodies are streamed from and to files, never held whole in memory. Answers other than
 * 2xx raise {@link DocAxisException} (4xx permanent, others temporary).
 */
@Component
public class DocAxisClient {

    /** A package waiting at the axis for the hub. */
    public record Waiting(String docId, String from, String messageType) {
    }

    private final DocAxisProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public DocAxisClient(DocAxisProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
    }

    /** Sends a package file (streamed) to an agency; answers the axis' id of the sent package. */
    public String sendEdoc(Path packageFile, String to, String messageType) {
        try {
            HttpRequest request = signed("/sendEdoc", to, messageType)
                    .header("Content-Type", "application/xml; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofFile(packageFile)).build();
            return answer(request).path("docId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("sendEdoc failed", e);
        }
    }

    public List<Waiting> receivedList() {
        JsonNode list = answer(signed("/getReceivedEdocList", "", "edoc").GET().build());
        List<Waiting> waiting = new ArrayList<>();
        for (JsonNode item : list.path("data")) {
            waiting.add(new Waiting(item.path("docId").asText(), item.path("from").asText(null),
                    item.path("messagetype").asText("edoc")));
        }
        return waiting;
    }

    /**
     * Fetches a package (the axis answers its base64) and decodes it into {@code target} as it arrives.
     * @return the package size in bytes
     * @throws PackageTooLarge when the decoded package passes {@code hub.systems.docaxis.max-package-size}
     */
    public long getEdoc(String docId, Path target) {
        HttpRequest request = signed("/getEdoc", "", "edoc")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(Map.of("docId", docId)))).build();
        long limit = properties.maxPackageSize().toBytes();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream raw = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw failure(request, response.statusCode(), new String(raw.readNBytes(2000), StandardCharsets.UTF_8));
                }
                try (InputStream decoded = Base64.getMimeDecoder().wrap(raw);
                     OutputStream out = Files.newOutputStream(target)) {
                    byte[] buffer = new byte[64 * 1024];
                    long size = 0;
                    int n;
                    while ((n = decoded.read(buffer)) > 0) {
                        size += n;
                        if (size > limit) {
                            throw new PackageTooLarge(limit);
                        }
                        out.write(buffer, 0, n);
                    }
                    return size;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("getEdoc failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    /** Acknowledges a package: {@code processing}, {@code done} or {@code fail}. */
    public void updateStatus(String docId, String status) {
        answer(signed("/updateStatus", "", "edoc").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(Map.of("docId", docId, "status", status)))).build());
    }

    /** A received package larger than the configured limit; reading stopped at the limit. */
    public static class PackageTooLarge extends RuntimeException {
        public PackageTooLarge(long limit) {
            super("package larger than " + limit + " bytes");
        }
    }

    /**
     * The headers every call to the axis carries: {@code from}, {@code to}, {@code servicetype},
     * {@code messagetype} and their signature {@code hash-header}.
     */
    public Map<String, String> signedHeaders(String to, String messageType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("from", properties.organId());
        headers.put("to", to);
        headers.put("servicetype", properties.serviceType());
        headers.put("messagetype", messageType);
        headers.put(DocAxisSignature.HEADER, DocAxisSignature.sign(properties.secret(), headers));
        return headers;
    }

    private HttpRequest.Builder signed(String path, String to, String messageType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(properties.baseUrl() + path))
                .timeout(properties.responseTimeout());
        signedHeaders(to, messageType).forEach(builder::header);
        return builder;
    }

    private JsonNode answer(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw failure(request, response.statusCode(), response.body());
            }
            return json.readTree(response.body().isEmpty() ? "{}" : response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri().getPath() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    private static DocAxisException failure(HttpRequest request, int status, String body) {
        return new DocAxisException(request.uri().getPath(), status, body);
    }

    private String body(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
