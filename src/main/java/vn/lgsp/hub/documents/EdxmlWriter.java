package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes edXML packages with StAX straight to a stream, dates and times in QCVN 102:2016's forms ({@link EdxmlDates}). Attachments are read and base64-encoded in chunks of
 * {@value #CHUNK} bytes, so a package of any size passes through a small, fixed amount of memory.
 */
public final class EdxmlWriter {

    /** A multiple of 3, so every chunk encodes to whole base64 quads. */
    static final int CHUNK = 48 * 1024;

    private EdxmlWriter() {
    }

    public static void writeDocument(Edxml.Document d, OutputStream out) {
        write(out, w -> {
            w.writeStartElement("MessageHeader");
            organ(w, "From", d.from());
            for (Edxml.Organ to : d.to()) {
                organ(w, "To", to);
            }
            w.writeStartElement("Code");
            text(w, "CodeNumber", d.codeNumber());
            text(w, "CodeNotation", d.codeNotation());
            w.writeEndElement();
            w.writeStartElement("PromulgationInfo");
            text(w, "Place", d.place());
            text(w, "PromulgationDate", EdxmlDates.date(d.promulgationDate()));
            w.writeEndElement();
            w.writeStartElement("DocumentType");
            text(w, "Type", Integer.toString(d.documentType()));
            text(w, "TypeName", d.documentTypeName());
            w.writeEndElement();
            text(w, "Subject", d.subject());
            optional(w, "Content", d.content());
            if (d.signer() != null) {
                w.writeStartElement("SignerInfo");
                text(w, "FullName", d.signer());
                w.writeEndElement();
            }
            optional(w, "DueDate", EdxmlDates.date(d.dueDate()));
            w.writeStartElement("OtherInfo");
            text(w, "Priority", Integer.toString(d.priority()));
            text(w, "PageAmount", "1");
            w.writeEndElement();
            if (d.responseFor() != null) {
                reference(w, d.responseFor());
            }
            text(w, "DocumentId", d.documentId());
            w.writeEndElement();
            trace(w, d.from().id(), d.sentAt());
        }, d.attachments());
    }

    public static void writeStatus(Edxml.Status s, OutputStream out) {
        write(out, w -> {
            w.writeStartElement("Status");
            reference(w, s.responseFor());
            organ(w, "From", s.from());
            text(w, "StatusCode", s.statusCode());
            optional(w, "Description", s.description());
            text(w, "Timestamp", EdxmlDates.timestamp(s.timestamp()));
            if (s.staff() != null) {
                w.writeStartElement("StaffInfo");
                text(w, "Staff", s.staff());
                w.writeEndElement();
            }
            w.writeEndElement();
            trace(w, s.from().id(), s.timestamp());
        }, List.of());
    }

    private interface Header {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void write(OutputStream out, Header header, List<Edxml.OutgoingAttachment> attachments) {
        try {
            XMLStreamWriter w = SafeXml.outputFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("edXMLEnvelope");
            w.writeDefaultNamespace(Edxml.NS);
            w.setDefaultNamespace(Edxml.NS);
            w.writeStartElement("edXMLHeader");
            header.write(w);
            w.writeEndElement();
            w.writeStartElement("edXMLBody");
            w.writeStartElement("Manifest");
            for (int i = 0; i < attachments.size(); i++) {
                Edxml.OutgoingAttachment a = attachments.get(i);
                w.writeStartElement("Reference");
                text(w, "ContentId", "cid:" + contentId(i));
                text(w, "ContentType", a.contentType());
                text(w, "AttachmentName", a.name());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("AttachmentEncoded");
            for (int i = 0; i < attachments.size(); i++) {
                Edxml.OutgoingAttachment a = attachments.get(i);
                w.writeStartElement("Attachment");
                w.writeAttribute("ContentId", contentId(i));
                w.writeAttribute("ContentType", a.contentType());
                w.writeAttribute("AttachmentName", a.name());
                try (InputStream in = a.content().open()) {
                    encode(in, w);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write edXML package", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read an attachment", e);
        }
    }

    private static void encode(InputStream in, XMLStreamWriter w) throws IOException, XMLStreamException {
        Base64.Encoder encoder = Base64.getEncoder();
        byte[] chunk = new byte[CHUNK];
        int n;
        while ((n = in.readNBytes(chunk, 0, CHUNK)) > 0) {
            w.writeCharacters(n == CHUNK ? encoder.encodeToString(chunk)
                    : encoder.encodeToString(java.util.Arrays.copyOf(chunk, n)));
        }
    }

    static String contentId(int index) {
        return "attachment-" + (index + 1) + "@lgsp-hub";
    }

    private static void trace(XMLStreamWriter w, String organId, OffsetDateTime at) throws XMLStreamException {
        w.writeStartElement("TraceHeaderList");
        w.writeStartElement("TraceHeader");
        text(w, "OrganId", organId);
        text(w, "Timestamp", EdxmlDates.timestamp(at));
        w.writeEndElement();
        w.writeStartElement("Bussiness");
        text(w, "BussinessDocType", "0");
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void reference(XMLStreamWriter w, Edxml.Reference r) throws XMLStreamException {
        w.writeStartElement("ResponseFor");
        text(w, "OrganId", r.organId());
        optional(w, "Code", r.code());
        optional(w, "PromulgationDate", EdxmlDates.date(r.promulgationDate()));
        text(w, "DocumentId", r.documentId());
        w.writeEndElement();
    }

    private static void organ(XMLStreamWriter w, String element, Edxml.Organ organ) throws XMLStreamException {
        w.writeStartElement(element);
        text(w, "OrganId", organ.id());
        optional(w, "OrganName", organ.name());
        w.writeEndElement();
    }

    private static void optional(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        if (value != null && !value.isBlank()) {
            text(w, element, value);
        }
    }

    private static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(value == null ? "" : value);
        w.writeEndElement();
    }
}
