package vn.lgsp.hub.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The edXML package (QCVN 102:2016) as the hub writes and reads it: a document with its attachments, or a status
 * of a document sent earlier. Attachments are streams (writing) or temporary files (reading), never byte arrays.
 */
public final class Edxml {

    public static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    private Edxml() {
    }

    /** An agency: OrganId in the old (000.00.00.H22) or new (H15.50.05.13) syntax. */
    public record Organ(String id, String name) {
    }

    /** Where an attachment's bytes come from when a package is written. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public record OutgoingAttachment(String name, String contentType, Content content) {
    }

    /** The document this package answers (ResponseFor). */
    public record Reference(String organId, String code, LocalDate promulgationDate, String documentId) {
    }

    /** A document package (MessageHeader); priority as in OtherInfo (0 normal). */
    public record Document(Organ from, List<Organ> to, String codeNumber, String codeNotation, String place,
                           LocalDate promulgationDate, int documentType, String documentTypeName, int priority,
                           String subject,
                           String content, String signer, LocalDate dueDate, Reference responseFor,
                           String documentId, OffsetDateTime sentAt, List<OutgoingAttachment> attachments) {
    }

    /** A status package: what happened to a document sent earlier. */
    public record Status(Reference responseFor, Organ from, String statusCode, String description,
                         OffsetDateTime timestamp, String staff) {
    }

    /** An attachment read from a package, decoded into a temporary file the caller owns. */
    public record ReceivedAttachment(String contentId, String name, String contentType, Path file, long size) {
    }

    /**
     * What the reader found: a document (status null) or a status (subject null). {@code code} is the document's
     * number and notation ({@code 123/QĐ-UBND}).
     */
    public record Received(Organ from, List<Organ> to, String subject, String documentId, String code,
                           LocalDate promulgationDate, Reference responseFor, Status status,
                           List<ReceivedAttachment> attachments) {

        public boolean isStatus() {
            return status != null;
        }
    }
}
