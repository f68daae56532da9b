package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A document submitted with a dossier (TaiLieuNop). */
public record DossierDocument(
        @JsonPropertyDescription("Dossier component code (MaThanhPhanHoSo)")
        @Size(max = 64)
        String code,

        @JsonPropertyDescription("Document name (TenTepDinhKem)")
        @NotBlank @Size(max = 500)
        String name,

        @JsonPropertyDescription("Where the file can be fetched (DuongDanTaiTepTin)")
        @Size(max = 2000)
        String url,

        @JsonPropertyDescription("Whether the document was digitised (DuocSoHoa)")
        boolean digitized,

        @JsonPropertyDescription("The submitting system's id of the file (TepDinhKemId)")
        @Size(max = 128)
        String id) {

    /** A document without a file id (the shape before TepDinhKemId was carried). */
    public DossierDocument(String code, String name, String url, boolean digitized) {
        this(code, name, url, digitized, null);
    }

    /** Component code of a result document (KetQua), such as one the document-management system sends back. */
    public static final String RESULT_CODE = "KQ";
}
