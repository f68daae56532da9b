package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.lgsp.hub.adapters.docaxis.DocAxisProperties;

/**
 * The edXML ⇄ canonical mapping. It is Java rather than XSLT because packages carry attachments of any size and
 * are written and read as streams (StAX); its golden fixtures are in {@code mappings/docaxis/fixtures/} and run
 * by the one golden-file kit like every other mapping.
 */
public final class EdxmlMapping {

    private EdxmlMapping() {
    }

    /**
     * A document request of a dossier as the edXML document the hub sends, with the agency's place, code notation,
     * document type and priority from configuration.
     */
    public static Edxml.Document toEdxml(String documentId, String dossierCode, DocumentRequest r, Edxml.Organ hub,
                                         DocAxisProperties.Document agency, OffsetDateTime at,
                                         Function<DocumentRequest.Attachment, Edxml.Content> content) {
        List<Edxml.OutgoingAttachment> attachments = r.attachments().stream()
                .map(a -> new Edxml.OutgoingAttachment(a.name(), a.contentType(), content.apply(a))).toList();
        String number = documentId.substring(Math.min(5, documentId.length()), Math.min(13, documentId.length()));
        return new Edxml.Document(hub, r.recipients().stream().map(t -> new Edxml.Organ(t.organId(), t.name())).toList(),
                number, agency.codeNotation(), agency.place(), at.toLocalDate(), agency.type(), agency.typeName(),
                agency.priority(), r.subject(),
                r.content() == null ? "Hồ sơ " + dossierCode : r.content(), r.signer(), r.dueDate(), null, documentId,
                at, attachments);
    }

    /** What a received package says, as JSON-ready data: header fields, status, attachments by size and SHA-256. */
    public static Map<String, Object> describe(Edxml.Received received) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", received.isStatus() ? "status" : "document");
        view.put("from", received.from());
        view.put("to", received.to());
        view.put("subject", received.subject());
        view.put("documentId", received.documentId());
        view.put("code", received.code());
        view.put("promulgationDate", received.promulgationDate() == null ? null : received.promulgationDate().toString());
        Edxml.Reference ref = received.responseFor();
        if (ref != null) {
            Map<String, Object> responseFor = new LinkedHashMap<>();
            responseFor.put("organId", ref.organId());
            responseFor.put("code", ref.code());
            responseFor.put("promulgationDate", ref.promulgationDate() == null ? null : ref.promulgationDate().toString());
            responseFor.put("documentId", ref.documentId());
            view.put("responseFor", responseFor);
        }
        if (received.isStatus()) {
            Edxml.Status s = received.status();
            view.put("statusCode", s.statusCode());
            view.put("description", s.description());
            view.put("timestamp", s.timestamp().toString());
            view.put("staff", s.staff());
        }
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (Edxml.ReceivedAttachment a : received.attachments()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("contentId", a.contentId());
            item.put("name", a.name());
            item.put("contentType", a.contentType());
            item.put("size", a.size());
            item.put("sha256", sha256(a.file()));
            attachments.add(item);
        }
        view.put("attachments", attachments);
        return view;
    }

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
