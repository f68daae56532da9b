package vn.lgsp.hub.adapters.docaxis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The requests and answers of the national document axis (docs/contracts.md "Document-management system via the
 * national document axis") for the routes of {@code routes/docaxis/} that make the calls ({@code sendEdoc},
 * {@code getReceivedEdocList}, {@code getEdoc}, {@code updateStatus}): the signed headers {@code from}, {@code to},
 * {@code servicetype}, {@code messagetype} and {@code hash-header} every request carries, the JSON bodies, and the
 * decoding of a fetched package. No network I/O here.
 */
@Component("docAxisProtocol")
public class DocAxisProtocol {

    /** A package waiting at the axis for the hub. */
    public record Waiting(String docId, String from, String messageType) {
    }

    private final DocAxisProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    public DocAxisProtocol(DocAxisProperties properties) {
        this.properties = properties;
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

    /** Signs a call that names no recipient (list, fetch, acknowledge). */
    public void signEdocCall(Exchange exchange) {
        signedHeaders("", "edoc").forEach(exchange.getMessage()::setHeader);
    }

    /** The axis' id of a package it accepted, from the {@code sendEdoc} answer (the body). */
    public String sentDocId(Exchange exchange) {
        return answer(exchange).path("docId").asText();
    }

    /** The packages a {@code getReceivedEdocList} answer (the body) lists. */
    public List<Waiting> waiting(Exchange exchange) {
        List<Waiting> waiting = new ArrayList<>();
        for (JsonNode item : answer(exchange).path("data")) {
            waiting.add(new Waiting(item.path("docId").asText(), item.path("from").asText(null),
                    item.path("messagetype").asText("edoc")));
        }
        return waiting;
    }

    /** The body of {@code getEdoc}. */
    public String fetchRequest(String docId) {
        return write(Map.of("docId", docId));
    }

    /** The body of {@code updateStatus}: {@code processing}, {@code done} or {@code fail}. */
    public String acknowledgement(String docId, String status) {
        return write(Map.of("docId", docId, "status", status));
    }

    /**
     * Decodes a fetched package (the axis answers its base64) into {@code target} as it is read.
     * @return the package size in bytes
     * @throws PackageTooLarge when the decoded package passes {@code hub.systems.docaxis.max-package-size}
     */
    public long decodePackage(InputStream base64, Path target) throws IOException {
        long limit = properties.maxPackageSize().toBytes();
        try (InputStream decoded = Base64.getMimeDecoder().wrap(base64);
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

    /** A received package larger than the configured limit; reading stopped at the limit. */
    public static class PackageTooLarge extends RuntimeException {
        public PackageTooLarge(long limit) {
            super("package larger than " + limit + " bytes");
        }
    }

    private JsonNode answer(Exchange exchange) {
        try {
            String body = exchange.getMessage().getBody(String.class);
            return json.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException("The document axis answered something that is not JSON", e);
        }
    }

    private String write(Map<String, String> fields) {
        try {
            return json.writeValueAsString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
