package vn.lgsp.hub.simulators.ministries;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import vn.lgsp.hub.simulators.ministries.MinistryDescriptor.Protocol;
import vn.lgsp.hub.simulators.sectors.ProgressCallback;
import vn.lgsp.hub.simulators.support.FaultInjector;
import vn.lgsp.hub.simulators.support.ReceivedLog;

/**
 * One ministry's system as the hub meets it: holds the dossiers it received (once per dossier code, with arrival
 * counts), takes the shared fault API, and reports progress in its own codes the way its descriptor says: a REST
 * callback with its key (REST, SOAP), an entry of its change feed (FEED) or a status file (FILE_DROP).
 */
public final class MinistrySimulator {

    private static final Logger log = LoggerFactory.getLogger(MinistrySimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final MinistryDescriptor descriptor;
    private final ProgressCallback callback;
    private final FaultInjector faults = new FaultInjector();
    private final ReceivedLog<String> received = new ReceivedLog<>();
    private final List<Map<String, Object>> feed = new ArrayList<>();
    private final AtomicLong statusFiles = new AtomicLong();

    MinistrySimulator(String id, MinistryDescriptor descriptor, String hubUrl) {
        this.id = id;
        this.descriptor = descriptor;
        this.callback = descriptor.apiKey() == null ? null : new ProgressCallback(id, hubUrl, descriptor.apiKey());
    }

    public String id() {
        return id;
    }

    public MinistryDescriptor descriptor() {
        return descriptor;
    }

    public FaultInjector faultInjector() {
        return faults;
    }

    public ReceivedLog<String> receivedLog() {
        return received;
    }

    /** Takes a dossier in the system's own JSON or XML; its code, or empty when the body names none. */
    Optional<String> receive(String body) {
        Optional<String> code = codeOf(body);
        code.ifPresent(c -> received.arrive(c, body));
        return code;
    }

    Optional<String> codeOf(String body) {
        try {
            if (body.stripLeading().startsWith("<")) {
                return codeElement(body).flatMap(e -> nonBlank(e.getTextContent()));
            }
            return nonBlank(JSON.readTree(body).path(descriptor.codeField()).asText(""));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    /** The namespace of the code's element in an XML message (a SOAP system answers in it); empty if none. */
    String namespaceOf(String xml) {
        try {
            return codeElement(xml).map(e -> e.getNamespaceURI() == null ? "" : e.getNamespaceURI()).orElse("");
        } catch (Exception unreadable) {
            return "";
        }
    }

    private Optional<org.w3c.dom.Node> codeElement(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        var nodes = doc.getElementsByTagNameNS("*", descriptor.codeField());
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0));
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    /** Reports progress the system's way; for REST and SOAP systems the hub's answer. */
    public Map<String, Object> reportProgress(String dossierCode, String status, String note, OffsetDateTime at) {
        return switch (descriptor.protocol()) {
            case REST, SOAP -> callback.report(dossierCode, status, note, at);
            case FEED -> appendToFeed(dossierCode, status, note, at);
            case FILE_DROP -> writeStatusFile(dossierCode, status, note, at);
        };
    }

    private Map<String, Object> appendToFeed(String dossierCode, String status, String note, OffsetDateTime at) {
        synchronized (feed) {
            Map<String, Object> change = statusRecord(dossierCode, status, note, at);
            change.put("soThuTu", (long) feed.size() + 1);
            feed.add(change);
            return change;
        }
    }

    /** The feed's changes with a sequence number above {@code since}, at most {@code limit}. */
    List<Map<String, Object>> changesSince(long since, int limit) {
        synchronized (feed) {
            return feed.stream().filter(c -> (long) c.get("soThuTu") > since).limit(Math.max(1, limit)).toList();
        }
    }

    /** A status change in the system's own words; the dossier is named by its code field, as in its dossiers. */
    private Map<String, Object> statusRecord(String dossierCode, String status, String note, OffsetDateTime at) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(descriptor.codeField(), dossierCode);
        record.put("trangThai", status);
        record.put("thoiDiem", at.toString());
        record.put("ghiChu", note == null ? "" : note);
        return record;
    }

    /** A status file in the outbound folder, written under a hidden name and renamed, so no half file is read. */
    private Map<String, Object> writeStatusFile(String dossierCode, String status, String note, OffsetDateTime at) {
        Map<String, Object> record = statusRecord(dossierCode, status, note, at);
        String name = dossierCode + "." + System.currentTimeMillis() + "-" + statusFiles.incrementAndGet();
        record.put("maThongBao", name);
        try {
            Path out = Files.createDirectories(Path.of(descriptor.outboundDir()));
            Path temp = out.resolve("." + name + ".tmp");
            Files.writeString(temp, JSON.writeValueAsString(record), StandardCharsets.UTF_8);
            Files.move(temp, out.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return record;
    }

    /**
     * FILE_DROP: takes every dossier file of the inbound folder (as the ministry's import job does): holds it,
     * removes it and writes a status file with its received code. A file it cannot read is moved to
     * {@code .rejected}; while a fault is injected files wait for the next scan.
     */
    void scanInbound() {
        Path in = Path.of(descriptor.inboundDir());
        if (!Files.isDirectory(in)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(in)) {
            files = listing.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            log.warn("{} simulator cannot list {}: {}", id, in, e.getMessage());
            return;
        }
        for (Path file : files) {
            if (faults.nextCall().isPresent()) {
                return;
            }
            try {
                String body = Files.readString(file, StandardCharsets.UTF_8);
                Optional<String> code = receive(body);
                if (code.isEmpty()) {
                    Path rejected = Files.createDirectories(in.resolve(".rejected"));
                    Files.move(file, rejected.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    continue;
                }
                Files.delete(file);
                writeStatusFile(code.get(), descriptor.receivedStatus(), "Đã nhận hồ sơ",
                        OffsetDateTime.now(ZoneOffset.ofHours(7)));
            } catch (IOException e) {
                log.warn("{} simulator cannot take {}: {}", id, file, e.getMessage());
            }
        }
    }

    /** Starts over: nothing received, no faults. The feed keeps its changes: the hub's cursor points into it. */
    public void reset() {
        received.clear();
        faults.reset();
    }

    Protocol protocol() {
        return descriptor.protocol();
    }
}
