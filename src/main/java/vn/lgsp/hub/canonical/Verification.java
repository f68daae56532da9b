package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Whether and where the hub verified an applicant against a national registry. {@code source} is the registry's
 * code as DVCQG records it (MaCSDL): CSDLQG_DAN_CU for the population database, CSDL_DKDN for business registration.
 */
public record Verification(
        @JsonPropertyDescription("VERIFIED, UNVERIFIED (registry unavailable; an update follows) or NOT_FOUND")
        Status status,

        @JsonPropertyDescription("Registry consulted (DVCQG MaCSDL)")
        String source,

        @JsonPropertyDescription("When the registry answered")
        OffsetDateTime verifiedAt,

        @JsonPropertyDescription("Applicant fields whose values come from the registry")
        List<String> verifiedFields,

        @JsonPropertyDescription("Where the submitted dossier disagreed with the registry; the registry's value was delivered")
        List<Discrepancy> discrepancies) {

    /** Outcome of a verification. */
    public enum Status {
        VERIFIED,
        UNVERIFIED,
        NOT_FOUND
    }

    /** A field the submitter gave differently from the registry. */
    public record Discrepancy(String field, String submitted, String registry) {
    }

    public Verification {
        verifiedFields = verifiedFields == null ? List.of() : List.copyOf(verifiedFields);
        discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
    }
}
