package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an edXML package with StAX in one pass. Header fields are collected (each at most {@value #MAX_TEXT}
 * characters); attachments are base64-decoded in chunks into temporary files. Rejects, with a reason, any DTD
 * (so XXE and entity expansion), elements nested deeper than the limit, and attachments beyond the size limit.
 */
public final class EdxmlReader {

    static final int MAX_TEXT = 8_000;

    private final int maxDepth;
    private final long maxAttachmentBytes;
    private final Path tempDir;

    public EdxmlReader(int maxDepth, long maxAttachmentBytes, Path tempDir) {
        this.maxDepth = maxDepth;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.tempDir = tempDir;
    }

    /** Reads the package; on rejection every temporary file already written is removed. */
    public Edxml.Received read(InputStream in) {
        List<Edxml.ReceivedAttachment> attachments = new ArrayList<>();
        try {
            return parse(in, attachments);
        } catch (XMLStreamException e) {
            discard(attachments);
            throw new EdxmlRejected("not well-formed XML: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            discard(attachments);
            throw e instanceof EdxmlRejected r ? r : new EdxmlRejected("unreadable package: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            discard(attachments);
            throw new UncheckedIOException(e);
        }
    }

    public static void discard(List<Edxml.ReceivedAttachment> attachments) {
        for (Edxml.ReceivedAttachment a : attachments) {
            try {
                Files.deleteIfExists(a.file());
            } catch (IOException ignored) {
                // a temporary file; the OS cleans the temp directory
            }
        }
    }

    private Edxml.Received parse(InputStream in, List<Edxml.ReceivedAttachment> attachments)
            throws XMLStreamException, IOException {
        XMLStreamReader r = SafeXml.inputFactory().createXMLStreamReader(in);
        Deque<String> path = new ArrayDeque<>();
        Map<String, String> fields = new HashMap<>();
        List<Edxml.Organ> to = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String organId = null;
        String organName = null;
        long total = 0;
        boolean root = true;
        while (r.hasNext()) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new EdxmlRejected("DOCTYPE is not allowed in a package");
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new EdxmlRejected("entity references are not allowed in a package");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (root) {
                        if (!Edxml.NS.equals(r.getNamespaceURI()) || !"edXMLEnvelope".equals(r.getLocalName())) {
                            throw new EdxmlRejected("root element must be edXMLEnvelope in " + Edxml.NS);
                        }
                        root = false;
                    }
                    path.push(r.getLocalName());
                    if (path.size() > maxDepth) {
                        throw new EdxmlRejected("elements nested deeper than " + maxDepth);
                    }
                    text.setLength(0);
                    if ("Attachment".equals(r.getLocalName()) && parentIs(path, "AttachmentEncoded")) {
                        Edxml.ReceivedAttachment a = attachment(r, total);
                        attachments.add(a);
                        total += a.size();
                        path.pop();
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (text.length() + r.getTextLength() > MAX_TEXT) {
                        throw new EdxmlRejected("text of " + path.peek() + " longer than " + MAX_TEXT + " characters");
                    }
                    text.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    String name = path.pop();
                    String parent = path.peek();
                    String value = text.toString().strip();
                    text.setLength(0);
                    if ("OrganId".equals(name)) {
                        organId = value;
                    } else if ("OrganName".equals(name)) {
                        organName = value;
                    } else if ("To".equals(name) && "MessageHeader".equals(parent)) {
                        to.add(new Edxml.Organ(organId, organName));
                    } else if ("From".equals(name)) {
                        fields.put(parent + "/From", organId);
                        fields.put(parent + "/FromName", organName);
                    } else if (!value.isEmpty()) {
                        fields.putIfAbsent(parent + "/" + name, value);
                    }
                    if ("From".equals(name) || "To".equals(name)) {
                        organId = null;
                        organName = null;
                    } else if ("ResponseFor".equals(name) && organId != null) {
                        fields.put(parent + "/ResponseFor/OrganId", organId);
                        organId = null;
                    }
                }
                default -> {
                    // comments, processing instructions: ignored
                }
            }
        }
        r.close();
        if (root) {
            throw new EdxmlRejected("empty package");
        }
        return received(fields, to, attachments);
    }

    private static boolean parentIs(Deque<String> path, String parent) {
        var it = path.iterator();
        it.next();
        return it.hasNext() && parent.equals(it.next());
    }

    private Edxml.ReceivedAttachment attachment(XMLStreamReader r, long before) throws XMLStreamException, IOException {
        String contentId = r.getAttributeValue(null, "ContentId");
        String name = r.getAttributeValue(null, "AttachmentName");
        String type = r.getAttributeValue(null, "ContentType");
        if (contentId == null || name == null || type == null) {
            throw new EdxmlRejected("Attachment without ContentId, AttachmentName or ContentType");
        }
        Path file = Files.createTempFile(tempDir, "edxml-", ".bin");
        long size = 0;
        Base64.Decoder decoder = Base64.getDecoder();
        StringBuilder pending = new StringBuilder();
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.CHARACTERS && event != XMLStreamConstants.CDATA
                        && event != XMLStreamConstants.SPACE) {
                    throw new EdxmlRejected("Attachment may contain only base64 text");
                }
                char[] chars = r.getTextCharacters();
                int end = r.getTextStart() + r.getTextLength();
                for (int i = r.getTextStart(); i < end; i++) {
                    if (!Character.isWhitespace(chars[i])) {
                        pending.append(chars[i]);
                    }
                }
                int whole = pending.length() - pending.length() % 4;
                if (whole >= EdxmlWriter.CHUNK) {
                    size += decode(decoder, pending, whole, out, before + size);
                }
            }
            if (pending.length() % 4 != 0) {
                throw new EdxmlRejected("Attachment " + contentId + " is not valid base64");
            }
            size += decode(decoder, pending, pending.length(), out, before + size);
        } catch (RuntimeException | IOException | XMLStreamException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Edxml.ReceivedAttachment(contentId, name, type, file, size);
    }

    private long decode(Base64.Decoder decoder, StringBuilder pending, int length, OutputStream out, long sofar)
            throws IOException {
        byte[] bytes;
        try {
            bytes = decoder.decode(pending.substring(0, length));
        } catch (IllegalArgumentException e) {
            throw new EdxmlRejected("an attachment is not valid base64");
        }
        pending.delete(0, length);
        if (sofar + bytes.length > maxAttachmentBytes) {
            throw new EdxmlRejected("attachments larger than " + maxAttachmentBytes + " bytes");
        }
        out.write(bytes);
        return bytes.length;
    }

    private static Edxml.Received received(Map<String, String> f, List<Edxml.Organ> to,
                                           List<Edxml.ReceivedAttachment> attachments) {
        if (f.containsKey("Status/StatusCode")) {
            Edxml.Reference ref = reference(f, "Status");
            Edxml.Status status = new Edxml.Status(ref, new Edxml.Organ(f.get("Status/From"), f.get("Status/FromName")),
                    f.get("Status/StatusCode"), f.get("Status/Description"), dateTime(f.get("Status/Timestamp")),
                    f.get("StaffInfo/Staff"));
            return new Edxml.Received(status.from(), List.of(), null, null, null, null, ref, status, attachments);
        }
        if (!f.containsKey("MessageHeader/DocumentId")) {
            throw new EdxmlRejected("package has neither a MessageHeader with a DocumentId nor a Status");
        }
        Edxml.Reference ref = f.containsKey("ResponseFor/DocumentId") ? reference(f, "MessageHeader") : null;
        String number = f.get("Code/CodeNumber");
        String notation = f.get("Code/CodeNotation");
        String code = number == null ? notation : notation == null ? number : number + "/" + notation;
        return new Edxml.Received(new Edxml.Organ(f.get("MessageHeader/From"), f.get("MessageHeader/FromName")), to,
                f.get("MessageHeader/Subject"), f.get("MessageHeader/DocumentId"), code,
                EdxmlDates.parseDate(f.get("PromulgationInfo/PromulgationDate")), ref, null, attachments);
    }

    private static Edxml.Reference reference(Map<String, String> f, String parent) {
        String documentId = f.get("ResponseFor/DocumentId");
        if (documentId == null) {
            throw new EdxmlRejected(parent + " without ResponseFor/DocumentId");
        }
        String date = f.get("ResponseFor/PromulgationDate");
        return new Edxml.Reference(f.get(parent + "/ResponseFor/OrganId"), f.get("ResponseFor/Code"),
                EdxmlDates.parseDate(date), documentId);
    }

    private static OffsetDateTime dateTime(String value) {
        if (value == null) {
            throw new EdxmlRejected("Status without Timestamp");
        }
        return EdxmlDates.parseTimestamp(value);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
