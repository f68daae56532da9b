package vn.lgsp.hub.canonical;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A fee or charge of a dossier (DanhSachLePhi); amounts are whole Vietnamese dong. */
public record Fee(
        @JsonPropertyDescription("Fee code (MaPhiLePhi)")
        @Size(max = 64)
        String code,

        @JsonPropertyDescription("Fee name (TenPhiLePhi)")
        @NotBlank @Size(max = 500)
        String name,

        @JsonPropertyDescription("Amount in VND, a whole number")
        @NotNull @PositiveOrZero
        Long amount) {
}
