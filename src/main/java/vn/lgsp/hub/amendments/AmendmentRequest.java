package vn.lgsp.hub.amendments;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import vn.lgsp.hub.canonical.DossierDocument;

/**
 * An amendment as a connected system reports it; which one (supplement requested or received, correction,
 * withdrawal, cancellation) the endpoint says. Fields a kind does not use must be absent.
 */
public record AmendmentRequest(
        @JsonPropertyDescription("When it happened; amendments of one dossier apply in this order, and the same "
                + "amendment reported again for the same moment is recognised as a duplicate")
        @NotNull
        OffsetDateTime at,

        @JsonPropertyDescription("Officer who requested or received it")
        @Size(max = 128)
        String officer,

        @JsonPropertyDescription("What is requested or received, what was wrong, or why the applicant withdraws")
        @Size(max = 2000)
        String note,

        @JsonPropertyDescription("Supplement request only: the new due date (NgayHenTraMoi)")
        OffsetDateTime dueAt,

        @JsonPropertyDescription("Supplements only: the documents requested, or supplied")
        @Size(max = 200)
        List<@NotNull @Valid DossierDocument> documents,

        @JsonPropertyDescription("Correction only: new values by field: summary, procedureName, applicant.fullName, "
                + "applicant.address, applicant.phone, applicant.email")
        @Size(max = 20)
        Map<String, @NotNull @Size(max = 2000) String> changes) {

    /** Like a status change: a date this far ahead would pin the dossier's state for ever. */
    @AssertTrue(message = "must be before 2100")
    private boolean isAt() {
        return at == null || at.getYear() < 2100;
    }
}
