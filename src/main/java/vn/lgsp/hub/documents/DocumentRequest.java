package vn.lgsp.hub.documents;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.lgsp.hub.canonical.validation.AgencyCode;

/**
 * What the one-stop system asks the hub to send to the document-management system (a leader's decision, another
 * agency's opinion): recipients, subject, due date and attachments (each by URL or inline base64).
 */
public record DocumentRequest(
        @JsonPropertyDescription("Receiving agencies, agency code in the old (000.00.00.H22) or new (H15.50.05.13) syntax")
        @NotEmpty @Size(max = 50)
        List<@Valid Recipient> recipients,

        @JsonPropertyDescription("Subject of the document (TrichYeu)")
        @NotBlank @Size(max = 1000)
        String subject,

        @JsonPropertyDescription("Content / request to the recipient")
        @Size(max = 4000)
        String content,

        @JsonPropertyDescription("When an answer is due")
        LocalDate dueDate,

        @JsonPropertyDescription("Who signs the request")
        @Size(max = 200)
        String signer,

        @JsonPropertyDescription("Attachments: url (fetched by the hub when sending, streamed) or base64 (small files)")
        @Size(max = 100)
        List<@Valid Attachment> attachments) {

    public DocumentRequest {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public record Recipient(
            @NotBlank @AgencyCode String organId,
            @Size(max = 500) String name) {
    }

    public record Attachment(
            @NotBlank @Size(max = 255) @Pattern(regexp = "^(?!\\.+$)[^/\\\\\\x00-\\x1f]+$", message = "must be a file name")
            String name,
            @NotBlank @Size(max = 255) String contentType,
            @Size(max = 2000) @Pattern(regexp = "^https?://.+", message = "must be an http(s) URL") String url,
            String base64) {
    }
}
