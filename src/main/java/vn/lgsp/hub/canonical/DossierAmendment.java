package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One amendment of a dossier after intake (supplement requested or received, correction, withdrawal,
 * cancellation) as the hub stores it and delivers it to the systems that hold the dossier. Supplements become the
 * items of DVCQG's {@code DanhSachHoSoBoSung}.
 */
public record DossierAmendment(
        @JsonPropertyDescription("The hub's id of this amendment; the Idempotency-Key of its deliveries")
        String amendmentId,

        @JsonPropertyDescription("Dossier code (MaHoSo)")
        String dossierCode,

        @JsonPropertyDescription("SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED, CORRECTION, WITHDRAWAL or CANCELLATION")
        AmendmentKind kind,

        @JsonPropertyDescription("When it happened; amendments of one dossier apply in this order")
        OffsetDateTime at,

        @JsonPropertyDescription("Officer who requested or received it (NguoiYeuCauBoSung, NguoiTiepNhanBoSung)")
        String officer,

        @JsonPropertyDescription("What is requested, received, corrected or why the applicant withdraws (NoiDungBoSung)")
        String note,

        @JsonPropertyDescription("Number of the supplement within the dossier (HoSoBoSungId), for supplement kinds")
        Integer supplementNo,

        @JsonPropertyDescription("The new due date a supplement request sets (NgayHenTraMoi)")
        OffsetDateTime dueAt,

        @JsonPropertyDescription("A supplement request: the dossier's due date before it (NgayHenTraTruoc)")
        OffsetDateTime previousDueAt,

        @JsonPropertyDescription("Documents requested or supplied with a supplement (DanhSachGiayToBoSung)")
        List<DossierDocument> documents,

        @JsonPropertyDescription("A correction's new values by field path (summary, applicant.phone, ...)")
        Map<String, String> changes,

        @JsonPropertyDescription("The connected system that reported it")
        String reportedBy,

        @JsonPropertyDescription("The dossier's status this amendment sets (TrangThaiHoSo), when it sets one")
        Integer status) {

    public DossierAmendment {
        documents = documents == null ? List.of() : List.copyOf(documents);
        changes = changes == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(changes));
    }
}
