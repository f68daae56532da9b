package vn.lgsp.hub.documents;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.errors.ErrorCode;
import vn.lgsp.hub.errors.HubException;
import vn.lgsp.hub.platform.HubProperties;
import vn.lgsp.hub.security.AccessRights;
import vn.lgsp.hub.security.Callers;
import vn.lgsp.hub.security.HubService;

/** Documents of a dossier exchanged with the document-management system over the national document axis. */
@RestController
@Tag(name = "Documents", description = "Send a dossier's documents to the document-management system (edXML)")
@SecurityRequirement(name = "apiKey")
public class DocumentController {

    private final DocumentRequests requests;
    private final DocumentInbox inbox;
    private final ReceivedDocuments received;
    private final Path resultsDir;
    private final AccessRights rights;

    public DocumentController(DocumentRequests requests, DocumentInbox inbox, ReceivedDocuments received,
                              HubProperties hub, AccessRights rights) {
        this.requests = requests;
        this.inbox = inbox;
        this.received = received;
        this.resultsDir = hub.dataDir().resolve("documents");
        this.rights = rights;
    }

    @PostMapping(path = "/api/v1/dossiers/{dossierCode}/documents", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a document to the document-management system",
            description = "Stores the request durably and answers 202; the hub then sends it as an edXML package "
                    + "(QCVN 102:2016) over the national document axis. Statuses and the reply come back as dossier "
                    + "events.")
    public ResponseEntity<DocumentRequests.RequestAccepted> request(@PathVariable String dossierCode,
                                                             @RequestBody DocumentRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(requests.request(dossierCode, request, Callers.current()));
    }

    @GetMapping(path = "/api/v1/dossiers/{dossierCode}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Document requests of a dossier and where they stand")
    public List<DocumentRequests.RequestSummary> requests(@PathVariable String dossierCode) {
        return requests.ofDossier(dossierCode);
    }

    @GetMapping("/api/v1/dossiers/{dossierCode}/results/{folder}/{index}")
    @Operation(summary = "A result document received from the document-management system")
    public ResponseEntity<Resource> result(@PathVariable String dossierCode, @PathVariable String folder,
                                           @PathVariable int index) {
        if (!dossierCode.matches("[0-9A-Za-z.\\-_]{1,64}") || !folder.matches("[0-9a-f]{24}")) {
            throw new HubException(ErrorCode.NOT_FOUND, "No such result document");
        }
        Path file = resultsDir.resolve(dossierCode).resolve(folder).resolve(Integer.toString(index));
        if (!Files.isRegularFile(file)) {
            throw new HubException(ErrorCode.NOT_FOUND, "No such result document");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(new FileSystemResource(file));
    }

    @GetMapping(path = "/api/v1/documents/received/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A document received over the document axis, with its trail",
            description = "key: DOC-<hash of the sender's DocumentId>, as the one-stop system received it (documentKey)")
    public ReceivedDocuments.ReceivedDocument received(@PathVariable String key) {
        return received.view(key).orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND, "No such received document"));
    }

    /** The dossier a received document became. */
    public record TakenUp(String dossierCode) {
    }

    @PutMapping(path = "/api/v1/documents/received/{key}/dossier", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The one-stop system took a received document up as a dossier",
            description = "Ties the document to the dossier: its sender gets status 04 (assigned) now, then 05 "
                    + "(processing) and 06 (completed) as the dossier progresses (mappings/docaxis/status.hub-to-docaxis.csv). "
                    + "The caller must own or be assigned the dossier (403 otherwise).")
    public ReceivedDocuments.ReceivedDocument takenUp(@PathVariable String key, @RequestBody TakenUp body) {
        if (body.dossierCode() == null || body.dossierCode().isBlank()) {
            throw new HubException(ErrorCode.VALIDATION_FAILED, "dossierCode is required");
        }
        // The dossier is named in the body, not the path, so the dossier-scope check is made here: the caller must
        // own or be assigned it, as for every endpoint under /api/v1/dossiers/{dossierCode}.
        rights.requireOwnerOrAssigned(Callers.current(), body.dossierCode(), HubService.DOCUMENTS, false);
        return received.takenUp(key, body.dossierCode());
    }

    @GetMapping("/api/v1/documents/received/{key}/{index}")
    @Operation(summary = "An attachment of a new document received over the document axis")
    public ResponseEntity<Resource> receivedAttachment(@PathVariable String key, @PathVariable int index) {
        Path file = received.attachment(key, index)
                .orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND, "No such received document"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(new FileSystemResource(file));
    }

    @GetMapping(path = "/api/v1/admin/documents/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Packages from the document axis the hub could not read, with the reason")
    public AxisDeadLetters deadLetters() {
        return new AxisDeadLetters(inbox.deadLetters());
    }

    /** Packages from the document axis the hub could not read. */
    public record AxisDeadLetters(List<DocumentInbox.AxisDeadLetter> items) {
    }
}
