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
        boolean digitized) {
}
