package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One supplement of a dossier, from its request to its receipt: an item of DVCQG's {@code DanhSachHoSoBoSung}.
 * Built from the dossier's amendments; the receipt fields are empty while the supplement is awaited.
 */
public record Supplement(
        @JsonPropertyDescription("Number of the supplement within the dossier (HoSoBoSungId)")
        int no,
        @JsonPropertyDescription("When it was requested (NgayBoSung)")
        OffsetDateTime requestedAt,
        @JsonPropertyDescription("Officer who requested it (NguoiYeuCauBoSung)")
        String requestedBy,
        @JsonPropertyDescription("What is requested (NoiDungBoSung)")
        String content,
        @JsonPropertyDescription("The new due date the request set (NgayHenTraMoi)")
        OffsetDateTime dueAt,
        @JsonPropertyDescription("The dossier's due date before the request (NgayHenTraTruoc)")
        OffsetDateTime previousDueAt,
        @JsonPropertyDescription("Documents requested")
        List<DossierDocument> requestedDocuments,
        @JsonPropertyDescription("When it was received (NgayTiepNhanBoSung); empty while awaited")
        OffsetDateTime receivedAt,
        @JsonPropertyDescription("Officer who received it (NguoiTiepNhanBoSung)")
        String receivedBy,
        @JsonPropertyDescription("What was received (ThongTinTiepNhan)")
        String receivedNote,
        @JsonPropertyDescription("Documents supplied (DanhSachGiayToBoSung)")
        List<DossierDocument> documents) {

    /** A supplement as requested, not yet received. */
    public static Supplement requested(DossierAmendment request) {
        return new Supplement(request.supplementNo(), request.at(), request.officer(), request.note(),
                request.dueAt(), request.previousDueAt(), request.documents(), null, null, null, List.of());
    }

    /** This supplement, received as the amendment says. */
    public Supplement receivedBy(DossierAmendment receipt) {
        return new Supplement(no, requestedAt, requestedBy, content, dueAt, previousDueAt, requestedDocuments, receipt.at(),
                receipt.officer(), receipt.note(), receipt.documents());
    }
}
