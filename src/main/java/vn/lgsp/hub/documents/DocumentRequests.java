package vn.lgsp.hub.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.adapters.docaxis.DocAxisProperties;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.dossier.DossierValidation;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.FieldError;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.errors.SafeText;
import vn.lgsp.hub.platform.Ids;
import vn.lgsp.hub.delivery.Outbox;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Outbound document requests: stored with their outbox message in one transaction (so a 202 is never lost),
 * then sent as edXML by the route {@code document-send-to-docaxis}.
 */
@Service
public class DocumentRequests {

    public static final String DOCUMENT_REQUESTED = "DOCUMENT_REQUESTED";

    /** A stored request and where it stands (REQUESTED, SENT). */
    public record Stored(String documentId, String dossierCode, DocumentRequest request, String state,
                         String axisDocId) {
    }

    private final JdbcClient jdbc;
    private final DossierStore dossiers;
    private final DossierValidation validation;
    private final TransactionTemplate tx;
    private final Outbox outbox;
    private final DossierTrail trail;
    private final ObjectMapper json;
    private final String queue;
    private final AttachmentSources sources;

    public DocumentRequests(JdbcClient jdbc, DossierStore dossiers, DossierValidation validation,
                            TransactionTemplate tx, Outbox outbox, DossierTrail trail, ObjectMapper json,
                            DocAxisProperties properties, AttachmentSources sources) {
        this.jdbc = jdbc;
        this.dossiers = dossiers;
        this.validation = validation;
        this.tx = tx;
        this.outbox = outbox;
        this.trail = trail;
        this.json = json;
        this.queue = properties.queue();
        this.sources = sources;
    }

    public RequestAccepted request(String dossierCode, DocumentRequest request, ConnectedSystem caller) {
        validation.check(request);
        checkAttachments(request.attachments());
        String documentId = "LGSP-" + Ids.random();
        tx.executeWithoutResult(status -> {
            dossiers.find(dossierCode).orElseThrow(() -> new HubException(ErrorCode.DOSSIER_NOT_FOUND,
                    "No dossier with this code"));
            jdbc.sql("INSERT INTO document_request (document_id, dossier_code, requested_by, request, state, created_at) "
                            + "VALUES (?, ?, ?, ?, 'REQUESTED', ?)")
                    .params(documentId, dossierCode, caller.id(), write(request), DossierTrail.now()).update();
            trail.record(dossierCode, TrailKind.DOCUMENT_REQUESTED, caller.id(), "document " + documentId + " to "
                    + request.recipients().stream().map(DocumentRequest.Recipient::organId).toList()
                    + " with " + request.attachments().size() + " attachment(s)");
            outbox.enqueue(queue, dossierCode, DOCUMENT_REQUESTED, documentId);
        });
        return new RequestAccepted(documentId, dossierCode, "REQUESTED");
    }

    public Optional<Stored> find(String documentId) {
        return jdbc.sql("SELECT document_id, dossier_code, request, state, axis_doc_id FROM document_request "
                        + "WHERE document_id = ?")
                .param(documentId)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), read(rs.getString(3)),
                        rs.getString(4), rs.getString(5)))
                .optional();
    }

    public List<RequestSummary> ofDossier(String dossierCode) {
        return jdbc.sql("SELECT document_id, state, axis_doc_id, created_at, sent_at FROM document_request "
                        + "WHERE dossier_code = ? ORDER BY created_at")
                .param(dossierCode)
                .query((rs, n) -> new RequestSummary(rs.getString("document_id"), rs.getString("state"),
                        rs.getString("axis_doc_id"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class)))
                .list();
    }

    /** A document request as accepted: the hub's id for it, its dossier, and its state (REQUESTED). */
    public record RequestAccepted(String documentId, String dossierCode, String state) {
    }

    /** A document request of a dossier and where it stands; axisDocId and sentAt once it is sent. */
    public record RequestSummary(String documentId, String state, String axisDocId, OffsetDateTime createdAt,
                          OffsetDateTime sentAt) {
    }

    /** Marks the request sent; false when another node or an earlier attempt already did. */
    public boolean markSent(String documentId, String axisDocId) {
        return jdbc.sql("UPDATE document_request SET state = 'SENT', axis_doc_id = ?, sent_at = ? "
                        + "WHERE document_id = ? AND state = 'REQUESTED'")
                .params(axisDocId, DossierTrail.now(), documentId).update() == 1;
    }

    private void checkAttachments(List<DocumentRequest.Attachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            DocumentRequest.Attachment a = attachments.get(i);
            boolean hasUrl = a.url() != null;
            boolean hasBase64 = a.base64() != null;
            if (hasUrl == hasBase64) {
                throw new HubException(ErrorCode.VALIDATION_FAILED, "Validation failed",
                        List.of(new FieldError("attachments[" + i + "]", "needs exactly one of url and base64")));
            }
            if (hasUrl) {
                int index = i;
                sources.refusal(a.url()).ifPresent(reason -> {
                    throw new HubException(ErrorCode.ATTACHMENT_URL_REFUSED, "The hub does not fetch attachment "
                            + SafeText.printable(a.name()) + " from this URL",
                            List.of(new FieldError("attachments[" + index + "].url", "attachment "
                                    + SafeText.printable(a.name()) + ": " + SafeText.printable(reason))));
                });
            }
            if (hasBase64) {
                try {
                    Base64.getDecoder().decode(a.base64());
                } catch (IllegalArgumentException e) {
                    throw new HubException(ErrorCode.VALIDATION_FAILED, "Validation failed",
                            List.of(new FieldError("attachments[" + i + "].base64", "is not valid base64")));
                }
            }
        }
    }

    private String write(DocumentRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DocumentRequest read(String stored) {
        try {
            return json.readValue(stored, DocumentRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
