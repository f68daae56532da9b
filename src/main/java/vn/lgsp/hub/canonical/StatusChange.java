package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A status change of a dossier, as reported by the one-stop system or a sector system. */
public record StatusChange(
        @JsonPropertyDescription("New status, DVCQG TrangThaiHoSo 1-10")
        @NotNull @Min(1) @Max(10)
        Integer status,

        @JsonPropertyDescription("When the change happened; changes of one dossier apply in this order")
        @NotNull
        OffsetDateTime at,

        @JsonPropertyDescription("What was done (NoiDungXuLy)")
        @Size(max = 2000)
        String note,

        @JsonPropertyDescription("Officer who made the change (NguoiXuLy)")
        @Size(max = 128)
        String officer,

        @JsonPropertyDescription("The officer's title (ChucDanh), e.g. Chuyên viên, Phó Trưởng phòng")
        @Size(max = 200)
        String officerTitle,

        @JsonPropertyDescription("The department that processed this step (PhongBanXuLy), e.g. Phòng Tư pháp")
        @Size(max = 200)
        String department,

        @JsonPropertyDescription("Code of the result issued with this change (MaKetQua), e.g. the number of the "
                + "certificate or decision; the latest one given is the dossier's")
        @Size(max = 128)
        String resultCode) {

    /** A change as most systems report it: status, time, note and officer. */
    public StatusChange(Integer status, OffsetDateTime at, String note, String officer) {
        this(status, at, note, officer, null, null, null);
    }

    /**
     * A change dated absurdly far ahead (a typo, or a way to pin a status) would stay the current status forever,
     * whatever came after it; before 2100 leaves room for every real date (and for tests that date theirs ahead).
     */
    @AssertTrue(message = "must be before 2100")
    private boolean isAt() {
        return at == null || at.getYear() < 2100;
    }
}
