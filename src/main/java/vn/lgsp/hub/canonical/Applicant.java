package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.lgsp.hub.canonical.validation.EnterpriseCode;
import vn.lgsp.hub.canonical.validation.PersonalId;

/** The citizen or business a dossier is for (ChuHoSo). */
public record Applicant(
        @JsonPropertyDescription("CITIZEN or BUSINESS (LoaiDoiTuong 1 or 2)")
        @NotNull
        ApplicantType type,

        @JsonPropertyDescription("Personal identification number (số định danh cá nhân), 12 digits; required for CITIZEN")
        @PersonalId
        String personalId,

        @JsonPropertyDescription("Enterprise code (mã số doanh nghiệp), 10 digits or NNNNNNNNNN-NNN; required for BUSINESS")
        @EnterpriseCode
        String enterpriseCode,

        @JsonPropertyDescription("Full name with Vietnamese diacritics")
        @Size(max = 200)
        String fullName,

        @JsonPropertyDescription("Birth date of a citizen")
        LocalDate birthDate,

        @JsonPropertyDescription("Address, full text")
        @Size(max = 500)
        String address,

        @JsonPropertyDescription("Phone number (SoDienThoai)")
        @Size(max = 20) @Pattern(regexp = "^\\+?[0-9 .\\-]{6,20}$", message = "must be a phone number")
        String phone,

        @JsonPropertyDescription("E-mail address")
        @Size(max = 254) @Email
        String email,

        @JsonPropertyDescription("Enterprise type as registered (BUSINESS); filled from the business registry")
        @Size(max = 200)
        String enterpriseType,

        @JsonPropertyDescription("Legal representative (BUSINESS); filled from the business registry")
        @Size(max = 200)
        String representative,

        @JsonPropertyDescription("Set by the hub: whether the applicant was verified against a national registry; "
                + "a submitted value is replaced")
        Verification verification) {

    @AssertTrue(message = "is required for a CITIZEN applicant")
    private boolean isPersonalId() {
        return type != ApplicantType.CITIZEN || personalId != null;
    }

    @AssertTrue(message = "is required for a BUSINESS applicant")
    private boolean isEnterpriseCode() {
        return type != ApplicantType.BUSINESS || enterpriseCode != null;
    }

    /** The applicant as submitted, without enrichment fields (what the hub compares with a registry). */
    public Applicant(ApplicantType type, String personalId, String enterpriseCode, String fullName,
                     LocalDate birthDate, String address, String phone, String email) {
        this(type, personalId, enterpriseCode, fullName, birthDate, address, phone, email, null, null, null);
    }

    /** The same applicant with data taken from a registry and the verification that says so. */
    public Applicant verifiedAs(String name, LocalDate birth, String registeredAddress, String type,
                                String legalRepresentative, Verification result) {
        return new Applicant(this.type, personalId, enterpriseCode, name, birth, registeredAddress, phone, email,
                type, legalRepresentative, result);
    }

    /** The same applicant with only the verification changed. */
    public Applicant withVerification(Verification result) {
        return new Applicant(type, personalId, enterpriseCode, fullName, birthDate, address, phone, email,
                enterpriseType, representative, result);
    }

    /** The identifier that names this applicant at the national registries (MaDoiTuong). */
    public String identifier() {
        return type == ApplicantType.BUSINESS ? enterpriseCode : personalId;
    }
}
