package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.adapters.docaxis.DocAxisProtocol;
import vn.lgsp.hub.adapters.docaxis.DocAxisProperties;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.DossierDocument;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStatusUpdates;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.statuses.DocAxisStatusTable;
import vn.lgsp.hub.statuses.IncomingStatuses;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Inbound side of the document axis, for routes {@code documents-poll-from-docaxis} and {@code docaxis-receive}
 * (which list, fetch and acknowledge the packages waiting for the hub): reads each fetched package safely and turns
 * it into dossier events. Exactly once: the package's docId is recorded in
 * {@code docaxis_received} in the same transaction as its effect, so a package fetched again (restart between
 * {@code getEdoc} and {@code updateStatus}, duplicate delivery, a second node) is acknowledged without being
 * applied again. A document that answers none the hub sent is work for the one-stop system
 * ({@link ReceivedDocuments}). An unreadable package, or a status of a document the hub never sent, is acknowledged
 * {@code fail} and kept in {@code docaxis_dead_letter}.
 */
@Component
public class DocumentInbox {

    public static final String ONESTOP_STATUS = "DOCUMENT_STATUS";
    /** Exchange property: the axis' id of the package being received. */
    public static final String DOC_ID = "hubDocAxisDocId";
    /** Exchange property: the acknowledgement to give the package ({@code done}, {@code fail}), or null. */
    public static final String ACKNOWLEDGEMENT = "hubDocAxisAcknowledgement";
    private static final String WAITING = "hubDocAxisWaiting";
    /** Dossier component code of result documents received from the document-management system. */
    public static final String RESULT_CODE = DossierDocument.RESULT_CODE;
    private static final Logger log = LoggerFactory.getLogger(DocumentInbox.class);

    private final DocAxisProtocol protocol;
    private final DocAxisProperties properties;
    private final EdxmlSchema schema;
    private final DocAxisStatusTable statuses;
    private final DocumentRequests requests;
    private final DossierStatusUpdates statusUpdates;
    private final DossierStore dossiers;
    private final CanonicalJson canonical;
    private final DossierTrail trail;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Path resultsDir;
    private final Path tempDir;
    private final String dvcqgQueue;
    private final ConnectedSystem docaxis;
    private final ReceivedDocuments documents;
    private final DocumentStatusPackages statusPackages;

    public DocumentInbox(DocAxisProtocol protocol, DocAxisProperties properties, EdxmlSchema schema,
                         DocAxisStatusTable statuses, DocumentRequests requests, DossierStatusUpdates statusUpdates,
                         DossierStore dossiers, CanonicalJson canonical, DossierTrail trail, Outbox outbox,
                         JdbcClient jdbc, TransactionTemplate tx, HubProperties hub, ReceivedDocuments documents,
                         DocumentStatusPackages statusPackages) {
        this.documents = documents;
        this.statusPackages = statusPackages;
        this.protocol = protocol;
        this.properties = properties;
        this.schema = schema;
        this.statuses = statuses;
        this.requests = requests;
        this.statusUpdates = statusUpdates;
        this.dossiers = dossiers;
        this.canonical = canonical;
        this.trail = trail;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = tx;
        this.dvcqgQueue = hub.queues().dvcqgSync();
        this.resultsDir = hub.dataDir().resolve("documents");
        this.tempDir = hub.dataDir().resolve("tmp");
        this.docaxis = new ConnectedSystem(DocumentSender.SYSTEM, "Trục liên thông văn bản quốc gia", properties.organId(),
                List.of());
    }

    /**
     * First step of route {@code docaxis-receive} (the body: a waiting package): the acknowledgement already given
     * if the package was processed before ({@value #ACKNOWLEDGEMENT}, else null), and the body of its
     * {@code getEdoc}.
     */
    public void begin(Exchange exchange) {
        DocAxisProtocol.Waiting waiting = exchange.getMessage().getBody(DocAxisProtocol.Waiting.class);
        exchange.setProperty(WAITING, waiting);
        exchange.setProperty(DOC_ID, waiting.docId());
        Optional<String> earlier = earlierOutcome(waiting.docId());
        earlier.ifPresent(ack -> log.info("Package {} was already processed; acknowledging again", waiting.docId()));
        exchange.setProperty(ACKNOWLEDGEMENT, earlier.orElse(null));
        exchange.getMessage().setBody(protocol.fetchRequest(waiting.docId()));
    }

    /**
     * After {@code getEdoc} (the body: the package's base64, streamed): decodes it into a temporary file, reads it
     * safely and applies it; sets the acknowledgement to give ({@code done}, or {@code fail} for a package the hub
     * cannot read or place, kept in {@code docaxis_dead_letter}).
     */
    public void fetched(Exchange exchange) throws IOException {
        DocAxisProtocol.Waiting waiting = exchange.getProperty(WAITING, DocAxisProtocol.Waiting.class);
        Path file = null;
        List<Edxml.ReceivedAttachment> attachments = new ArrayList<>();
        try (InputStream base64 = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            Files.createDirectories(tempDir);
            file = Files.createTempFile(tempDir, "edxml-in-", ".xml");
            Edxml.Received received;
            String acknowledgement;
            try {
                protocol.decodePackage(base64, file);
                try (InputStream in = Files.newInputStream(file)) {
                    received = reader().read(in);
                }
                attachments = received.attachments();
                schema.validate(file);
                acknowledgement = apply(waiting, received);
            } catch (EdxmlRejected | DocAxisProtocol.PackageTooLarge | Unmatched e) {
                acknowledgement = deadLetter(waiting, e.getMessage());
            }
            exchange.setProperty(ACKNOWLEDGEMENT, acknowledgement);
        } catch (InvalidPayloadException e) {
            throw new IllegalStateException("getEdoc answered no package", e);
        } finally {
            EdxmlReader.discard(attachments);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        }
    }

    private EdxmlReader reader() {
        return new EdxmlReader(properties.maxDepth(), properties.maxPackageSize().toBytes(), tempDir);
    }

    private Optional<String> earlierOutcome(String docId) {
        if (jdbc.sql("SELECT COUNT(*) FROM docaxis_received WHERE doc_id = ?").param(docId).query(Long.class).single() > 0) {
            return Optional.of("done");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM docaxis_dead_letter WHERE doc_id = ?").param(docId).query(Long.class).single() > 0) {
            return Optional.of("fail");
        }
        return Optional.empty();
    }

    private String apply(DocAxisProtocol.Waiting waiting, Edxml.Received received) {
        try {
            if (received.isStatus()) {
                return applyStatus(waiting, received.status(), requests.find(received.responseFor().documentId())
                        .orElseThrow(() -> new Unmatched("ResponseFor names a document the hub never sent")));
            }
            Optional<DocumentRequests.Stored> request = Optional.ofNullable(received.responseFor())
                    .flatMap(r -> requests.find(r.documentId()));
            return request.isPresent() ? applyReply(waiting, received, request.get()) : applyNew(waiting, received);
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            return "done";
        }
    }

    private String applyStatus(DocAxisProtocol.Waiting waiting, Edxml.Status s, DocumentRequests.Stored request) {
        String code = request.dossierCode();
        IncomingStatuses.Row row = statuses.row(s.statusCode()).orElseThrow(
                () -> new Unmatched("StatusCode " + s.statusCode() + " is not in " + DocAxisStatusTable.FILE));
        tx.executeWithoutResult(t -> {
            markReceived(waiting.docId(), code, "status", "status " + s.statusCode());
            row.hubStatus().ifPresent(hub -> statusUpdates.record(code,
                    new StatusChange(hub, s.timestamp(), row.meaning() + note(s.description()), s.staff()), docaxis));
            trail.record(code, TrailKind.DOCUMENT_STATUS, DocumentSender.SYSTEM, "document "
                    + request.documentId() + ": " + s.statusCode() + " " + row.meaning());
            onestopEvent(code, waiting.docId(), Map.of("document", request.documentId(),
                    "edxmlStatus", s.statusCode(), "meaning", row.meaning(), "at", s.timestamp().toString()),
                    row.hubStatus().orElse(null), s.description());
        });
        return "done";
    }

    private String applyReply(DocAxisProtocol.Waiting waiting, Edxml.Received received, DocumentRequests.Stored request) {
        String code = request.dossierCode();
        List<Path> stored = keep(code, waiting.docId(), received.attachments());
        tx.executeWithoutResult(t -> {
            markReceived(waiting.docId(), code, "edoc", "reply document");
            if (!documents.known(received.documentId())) {
                documents.record(waiting.docId(), received, ReceivedDocuments.REPLY, code);
                statusPackages.received(received.documentId());
            }
            attachToDossier(code, waiting.docId(), received, stored);
            trail.record(code, TrailKind.DOCUMENT_RECEIVED, DocumentSender.SYSTEM, "reply to document "
                    + request.documentId() + " with " + stored.size() + " attachment(s)");
            onestopEvent(code, waiting.docId(), Map.of("document", request.documentId(), "reply",
                    waiting.docId(), "at", DossierTrail.now().toString()), null, received.subject());
            outbox.enqueue(dvcqgQueue, code, DossierStatusUpdates.STATUS_CHANGED, code);
        });
        return "done";
    }

    /** A document that answers none the hub sent: work for the one-stop system, once per DocumentId. */
    private String applyNew(DocAxisProtocol.Waiting waiting, Edxml.Received received) {
        if (documents.known(received.documentId())) {
            tx.executeWithoutResult(t -> markReceived(waiting.docId(), null, "edoc",
                    "document " + ReceivedDocuments.key(received.documentId()) + " received before"));
            return "done";
        }
        List<Path> kept = documents.keep(received.documentId(), received.attachments());
        tx.executeWithoutResult(t -> {
            markReceived(waiting.docId(), null, "edoc", "new document for the one-stop system");
            documents.acceptNew(waiting.docId(), received, kept);
            statusPackages.received(received.documentId());
        });
        return "done";
    }

    private void markReceived(String docId, String code, String type, String outcome) {
        jdbc.sql("INSERT INTO docaxis_received (doc_id, dossier_code, message_type, outcome, processed_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(docId, code, type, outcome, DossierTrail.now()).update();
    }

    private void onestopEvent(String code, String docId, Map<String, String> fields, Integer hubStatus, String note) {
        Map<String, Object> event = new LinkedHashMap<>(fields);
        event.put("dossierCode", code);
        event.put("eventKey", docId);
        if (hubStatus != null) {
            event.put("status", hubStatus);
        }
        if (note != null) {
            event.put("note", note);
        }
        outbox.enqueue(properties.onestopStatusQueue(), code, ONESTOP_STATUS, canonical.write(event));
    }

    /** Copies the decoded attachments where the hub serves them from (idempotent: same docId, same paths). */
    private List<Path> keep(String code, String docId, List<Edxml.ReceivedAttachment> attachments) {
        return ResultDocuments.keep(resultsDir.resolve(code).resolve(ResultDocuments.folder(docId)), attachments);
    }

    private void attachToDossier(String code, String docId, Edxml.Received received, List<Path> stored) {
        StoredDossier current = dossiers.lock(code).orElseThrow();
        Dossier dossier = canonical.parse(current.payload(), Dossier.class);
        List<DossierDocument> documents = new ArrayList<>(dossier.documents());
        for (int i = 0; i < stored.size(); i++) {
            documents.add(new DossierDocument(RESULT_CODE, received.attachments().get(i).name(),
                    ResultDocuments.url(code, docId, i + 1), true));
        }
        Dossier updated = dossier.withDocuments(documents);
        dossiers.updateStatus(code, current.status(), current.statusAt(), updated, canonical.write(updated));
    }

    private String deadLetter(DocAxisProtocol.Waiting waiting, String reason) {
        log.warn("Package {} from {} dead-lettered: {}", waiting.docId(), waiting.from(), reason);
        try {
            jdbc.sql("INSERT INTO docaxis_dead_letter (doc_id, sender, reason, received_at) VALUES (?, ?, ?, ?)")
                    .params(waiting.docId(), waiting.from(), reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                            DossierTrail.now())
                    .update();
        } catch (DuplicateKeyException alreadyKept) {
            // another node or an earlier attempt kept it
        }
        return "fail";
    }

    public List<AxisDeadLetter> deadLetters() {
        return jdbc.sql("SELECT doc_id, sender, reason, received_at FROM docaxis_dead_letter ORDER BY id")
                .query((rs, n) -> new AxisDeadLetter(rs.getString("doc_id"), rs.getString("sender"),
                        rs.getString("reason"), rs.getObject("received_at", OffsetDateTime.class)))
                .list();
    }

    /** A package from the axis the hub could not read: its id on the axis, its sender, why, and when. */
    public record AxisDeadLetter(String docId, String sender, String reason, OffsetDateTime receivedAt) {
    }

    private static String note(String description) {
        return description == null || description.isBlank() ? "" : ": " + description;
    }

    /** A well-formed package the hub cannot place (unknown document, unknown status code). */
    static class Unmatched extends RuntimeException {
        Unmatched(String reason) {
            super(reason);
        }
    }
}
