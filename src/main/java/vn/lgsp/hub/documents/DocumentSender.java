package vn.lgsp.hub.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Collectors;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.docaxis.DocAxisClient;
import vn.lgsp.hub.adapters.docaxis.DocAxisException;
import vn.lgsp.hub.adapters.docaxis.DocAxisProperties;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.delivery.PermanentDeliveryException;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Sends a stored document request as an edXML package: written with StAX to a temporary file (attachments fetched
 * by {@link AttachmentFetch} and base64-encoded in chunks), validated against {@code mappings/docaxis/edxml.xsd}, streamed to {@code sendEdoc}.
 * A request already sent is not sent again (redelivered message, second node).
 */
@Component
public class DocumentSender {

    public static final String SYSTEM = "docaxis";
    private static final Logger log = LoggerFactory.getLogger(DocumentSender.class);

    private final DocumentRequests requests;
    private final DocAxisClient axis;
    private final DocAxisProperties properties;
    private final EdxmlSchema schema;
    private final DossierTrail trail;
    private final AttachmentFetch attachments;

    public DocumentSender(DocumentRequests requests, DocAxisClient axis, DocAxisProperties properties,
                          EdxmlSchema schema, DossierTrail trail, AttachmentFetch attachments) {
        this.requests = requests;
        this.axis = axis;
        this.properties = properties;
        this.schema = schema;
        this.trail = trail;
        this.attachments = attachments;
    }

    public void send(String documentId, @Header(MessageHeaders.DOSSIER_CODE) String dossierCode) {
        DocumentRequests.Stored stored = requests.find(documentId.strip()).orElseThrow(
                () -> new PermanentDeliveryException("No document request " + documentId));
        if (!"REQUESTED".equals(stored.state())) {
            log.debug("Document {} already sent; redelivery ignored", documentId);
            return;
        }
        Path file = null;
        try {
            file = Files.createTempFile("edxml-out-", ".xml");
            try (OutputStream out = Files.newOutputStream(file)) {
                EdxmlWriter.writeDocument(document(stored), out);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof AttachmentSources.AttachmentRefused refused) {
                    // A redirect to a refused address, or an attachment beyond the limits: trying again changes nothing.
                    throw new PermanentDeliveryException("An attachment of " + documentId + " was not fetched: "
                            + refused.getMessage());
                }
                throw e;
            }
            try {
                schema.validate(file);
            } catch (EdxmlRejected e) {
                throw new PermanentDeliveryException("The package built for " + documentId + " is " + e.getMessage());
            }
            String to = stored.request().recipients().stream().map(DocumentRequest.Recipient::organId)
                    .collect(Collectors.joining(","));
            long size = Files.size(file);
            String axisDocId;
            try {
                axisDocId = axis.sendEdoc(file, to, "edoc");
            } catch (DocAxisException e) {
                if (e.isPermanent()) {
                    throw new PermanentDeliveryException("The axis refused document " + documentId + ": " + e.getMessage());
                }
                throw e;
            }
            if (requests.markSent(stored.documentId(), axisDocId)) {
                trail.record(stored.dossierCode(), TrailKind.DOCUMENT_SENT, SYSTEM, "document " + documentId
                        + " sent as edXML (" + size + " bytes), axis id " + axisDocId);
                trail.record(stored.dossierCode(), TrailKind.DELIVERED, SYSTEM, "document " + documentId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the package of " + documentId, e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        }
    }

    private Edxml.Document document(DocumentRequests.Stored stored) {
        return EdxmlMapping.toEdxml(stored.documentId(), stored.dossierCode(), stored.request(),
                new Edxml.Organ(properties.organId(), properties.organName()), properties.document(), DossierTrail.now(),
                this::content);
    }

    private Edxml.Content content(DocumentRequest.Attachment a) {
        if (a.base64() != null) {
            return () -> new ByteArrayInputStream(Base64.getDecoder().decode(a.base64()));
        }
        return () -> {
            try {
                return attachments.open(a.url());
            } catch (AttachmentSources.AttachmentRefused e) {
                throw new AttachmentSources.AttachmentRefused("attachment " + a.name() + ": " + e.getMessage());
            } catch (IOException e) {
                throw new IOException("attachment " + a.name() + ": " + e.getMessage(), e);
            }
        };
    }
}
