package vn.lgsp.hub.documents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.docaxis.DocAxisProperties;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.StoredDossier;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailEntry;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Documents received over the document axis, kept once by their sender's DocumentId ({@code docaxis_document}).
 * A new document (one that answers no document the hub sent) is work for the one-stop system: its attachments are
 * kept under {@code <data-dir>/documents/received/<key>/<n>} and served at
 * {@code /api/v1/documents/received/<key>/<n>}, and it is queued, in the transaction that records it, for the route
 * {@code document-delivery-to-onestop}. Its trail is kept under its key ({@code DOC-<hash of the DocumentId>}).
 * When the one-stop system takes it up as a dossier ({@link #takenUp}), its sender hears the dossier's progress.
 */
@Component
public class ReceivedDocuments {

    public static final String NEW = "NEW";
    public static final String REPLY = "REPLY";
    /** Event type of a new document queued for the one-stop system. */
    public static final String DOCUMENT_RECEIVED = "DOCUMENT_RECEIVED";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final DossierTrail trail;
    private final CanonicalJson json;
    private final String onestopQueue;
    private final Path dir;
    private final TransactionTemplate tx;
    private final DossierStore dossiers;
    private final DocumentStatusPackages statusPackages;

    public ReceivedDocuments(JdbcClient jdbc, Outbox outbox, DossierTrail trail, CanonicalJson json,
                             DocAxisProperties properties, TransactionTemplate tx, DossierStore dossiers,
                             DocumentStatusPackages statusPackages, HubProperties hub) {
        this.tx = tx;
        this.dossiers = dossiers;
        this.statusPackages = statusPackages;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.trail = trail;
        this.json = json;
        this.onestopQueue = properties.onestopDocumentQueue();
        this.dir = hub.dataDir().resolve("documents").resolve("received");
    }

    /** The hub's key of a document: {@code DOC-} and a hash of its DocumentId, safe as a file name and a group. */
    public static String key(String documentId) {
        return "DOC-" + ResultDocuments.folder(documentId);
    }

    public static String url(String key, int index) {
        return "/api/v1/documents/received/" + key + "/" + index;
    }

    /** Whether a document with this DocumentId was received before (under any axis docId). */
    public boolean known(String documentId) {
        return jdbc.sql("SELECT COUNT(*) FROM docaxis_document WHERE document_key = ?").param(key(documentId))
                .query(Long.class).single() > 0;
    }

    /** Records a received document; inside the transaction of its effect. */
    void record(String axisDocId, Edxml.Received received, String kind, String dossierCode) {
        jdbc.sql("INSERT INTO docaxis_document (document_key, document_id, axis_doc_id, kind, sender_id, sender_name, "
                        + "code, promulgation_date, subject, dossier_code, received_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(key(received.documentId()), received.documentId(), axisDocId, kind, received.from().id(),
                        received.from().name(), received.code(), received.promulgationDate(), received.subject(),
                        dossierCode, DossierTrail.now())
                .update();
    }

    /** Copies a new document's decoded attachments where the hub serves them from (idempotent). */
    List<Path> keep(String documentId, List<Edxml.ReceivedAttachment> attachments) {
        return ResultDocuments.keep(dir.resolve(key(documentId)), attachments);
    }

    /**
     * A new document becomes work for the one-stop system: recorded, its trail started, and queued for delivery,
     * all in the caller's transaction.
     */
    void acceptNew(String axisDocId, Edxml.Received received, List<Path> kept) {
        String key = key(received.documentId());
        record(axisDocId, received, NEW, null);
        trail.record(key, TrailKind.DOCUMENT_RECEIVED, DocumentSender.SYSTEM, "new document " + received.documentId()
                + " from " + received.from().id() + " with " + kept.size() + " attachment(s), for the one-stop system");
        outbox.enqueue(onestopQueue, key, DOCUMENT_RECEIVED, json.write(forOnestop(key, axisDocId, received, kept)));
    }

    private static Map<String, Object> forOnestop(String key, String axisDocId, Edxml.Received received,
                                                  List<Path> kept) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("documentKey", key);
        document.put("documentId", received.documentId());
        document.put("axisDocId", axisDocId);
        document.put("from", received.from());
        document.put("to", received.to());
        document.put("code", received.code());
        document.put("promulgationDate", received.promulgationDate() == null ? null
                : received.promulgationDate().toString());
        document.put("subject", received.subject());
        document.put("receivedAt", DossierTrail.now().toString());
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Edxml.ReceivedAttachment a = received.attachments().get(i);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", a.name());
            item.put("contentType", a.contentType());
            item.put("size", a.size());
            item.put("sha256", EdxmlMapping.sha256(kept.get(i)));
            item.put("url", url(key, i + 1));
            attachments.add(item);
        }
        document.put("attachments", attachments);
        return document;
    }

    /**
     * The one-stop system took a received document up as a dossier: the document is tied to it, so its sender hears
     * 04 (assigned) now and the dossier's progress from here on. Tying it again to the same dossier changes nothing.
     */
    public ReceivedDocument takenUp(String key, String dossierCode) {
        tx.executeWithoutResult(t -> {
            StoredDossier dossier = dossiers.lock(dossierCode).orElseThrow(() -> new HubException(
                    ErrorCode.DOSSIER_NOT_FOUND, "No dossier with this code"));
            List<String> tied = jdbc.sql("SELECT COALESCE(dossier_code, '') FROM docaxis_document WHERE document_key = ?")
                    .param(key).query(String.class).list();
            if (tied.isEmpty()) {
                throw new HubException(ErrorCode.NOT_FOUND, "No such received document");
            }
            if (tied.get(0).equals(dossierCode)) {
                return;
            }
            if (!tied.get(0).isEmpty()) {
                throw new HubException(ErrorCode.VALIDATION_FAILED, "The document belongs to dossier " + tied.get(0));
            }
            jdbc.sql("UPDATE docaxis_document SET dossier_code = ? WHERE document_key = ?").params(dossierCode, key)
                    .update();
            trail.record(key, TrailKind.DOCUMENT_RECEIVED, "onestop", "taken up as dossier " + dossierCode);
            trail.record(dossierCode, TrailKind.DOCUMENT_RECEIVED, "onestop", "opened for received document " + key);
            statusPackages.assigned(key, dossier.status());
        });
        return view(key).orElseThrow();
    }

    /** A kept attachment of a received document, if there is one at this key and index. */
    public Optional<Path> attachment(String key, int index) {
        if (!key.matches("DOC-[0-9a-f]{24}") || index < 1) {
            return Optional.empty();
        }
        Path file = dir.resolve(key).resolve(Integer.toString(index));
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** A received document as the hub holds it, with its trail; empty if the key is unknown. */
    public Optional<ReceivedDocument> view(String key) {
        return jdbc.sql("SELECT document_key, document_id, axis_doc_id, kind, sender_id, sender_name, code, "
                        + "promulgation_date, subject, dossier_code, received_at FROM docaxis_document WHERE document_key = ?")
                .param(key)
                .query((rs, n) -> new ReceivedDocument(rs.getString("document_key"), rs.getString("document_id"),
                        rs.getString("axis_doc_id"), rs.getString("kind"), rs.getString("sender_id"),
                        rs.getString("sender_name"), rs.getString("code"),
                        rs.getObject("promulgation_date", LocalDate.class), rs.getString("subject"),
                        rs.getString("dossier_code"), rs.getObject("received_at", OffsetDateTime.class), List.of()))
                .optional()
                .map(view -> view.withTrail(trail.of(key)));
    }

    /**
     * A received document as the API shows it: the hub's key, the sender's DocumentId, the axis id, its kind, sender,
     * code, promulgation date, subject, the dossier it became (once taken up), when it arrived, and its trail.
     */
    public record ReceivedDocument(String documentKey, String documentId, String axisDocId, String kind,
                                   String senderId, String senderName, String code, LocalDate promulgationDate,
                                   String subject, String dossierCode, OffsetDateTime receivedAt,
                                   List<TrailEntry> trail) {

        ReceivedDocument withTrail(List<TrailEntry> entries) {
            return new ReceivedDocument(documentKey, documentId, axisDocId, kind, senderId, senderName, code,
                    promulgationDate, subject, dossierCode, receivedAt, entries);
        }
    }
}
