package vn.lgsp.hub.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.adapters.docaxis.DocAxisProperties;
import vn.lgsp.hub.adapters.docaxis.DocAxisProtocol;
import vn.lgsp.hub.delivery.DeliveryCommit;
import vn.lgsp.hub.delivery.MessageHeaders;
import vn.lgsp.hub.delivery.PermanentDeliveryException;
import vn.lgsp.hub.trail.DossierTrail;
import vn.lgsp.hub.trail.TrailKind;

/**
 * Sends a stored document request as an edXML package, for route {@code document-send-to-docaxis}: written with
 * StAX to a temporary file (attachments fetched by {@link AttachmentFetch} and base64-encoded in chunks), validated
 * against {@code mappings/docaxis/edxml.xsd}; the route streams it to {@code sendEdoc}. A request already sent is
 * not sent again (redelivered message, second node).
 */
@Component
public class DocumentSender {

    public static final String SYSTEM = "docaxis";
    private static final String DOCUMENT_ID = "hubDocumentId";
    private static final String PACKAGE_SIZE = "hubPackageSize";
    private static final Logger log = LoggerFactory.getLogger(DocumentSender.class);

    private final DocumentRequests requests;
    private final DocAxisProtocol protocol;
    private final DocAxisProperties properties;
    private final EdxmlSchema schema;
    private final DossierTrail trail;
    private final AttachmentFetch attachments;
    private final DeliveryCommit commits;

    public DocumentSender(DocumentRequests requests, DocAxisProtocol protocol, DocAxisProperties properties,
                          EdxmlSchema schema, DossierTrail trail, AttachmentFetch attachments,
                          DeliveryCommit commits) {
        this.requests = requests;
        this.protocol = protocol;
        this.properties = properties;
        this.schema = schema;
        this.trail = trail;
        this.attachments = attachments;
        this.commits = commits;
    }

    /**
     * First step of route {@code document-send-to-docaxis}, the document id being the body: the package as the
     * body (a temporary file, deleted when the exchange completes) with the axis' signed headers, or
     * {@value MessageHeaders#ALREADY_DELIVERED} when the request was sent before.
     */
    public void write(Exchange exchange) throws IOException {
        String documentId = exchange.getMessage().getBody(String.class).strip();
        DocumentRequests.Stored stored = requests.find(documentId).orElseThrow(
                () -> new PermanentDeliveryException("No document request " + documentId));
        exchange.setProperty(DOCUMENT_ID, documentId);
        boolean sentBefore = !"REQUESTED".equals(stored.state());
        exchange.setProperty(MessageHeaders.ALREADY_DELIVERED, sentBefore);
        if (sentBefore) {
            log.debug("Document {} already sent; redelivery ignored", documentId);
            return;
        }
        Path file = Files.createTempFile("edxml-out-", ".xml");
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // temp file
                }
            }
        });
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
        exchange.getMessage().setBody(file.toFile());
        protocol.signedHeaders(to, "edoc").forEach(exchange.getMessage()::setHeader);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/xml; charset=UTF-8");
        exchange.setProperty(PACKAGE_SIZE, Files.size(file));
    }

    /**
     * Last step: the axis accepted the package (its answer is the body); recorded once, with its trail entries, as
     * one unit of the consumers' group commit (it updates only this document's request row).
     */
    public void sent(Exchange exchange) {
        String documentId = exchange.getProperty(DOCUMENT_ID, String.class);
        String axisDocId = protocol.sentDocId(exchange);
        Long size = exchange.getProperty(PACKAGE_SIZE, Long.class);
        commits.run(() -> {
            DocumentRequests.Stored stored = requests.find(documentId).orElseThrow();
            if (requests.markSent(stored.documentId(), axisDocId)) {
                trail.record(stored.dossierCode(), TrailKind.DOCUMENT_SENT, SYSTEM, "document " + documentId
                        + " sent as edXML (" + size + " bytes), axis id " + axisDocId);
                trail.record(stored.dossierCode(), TrailKind.DELIVERED, SYSTEM, "document " + documentId);
            }
            return null;
        });
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
