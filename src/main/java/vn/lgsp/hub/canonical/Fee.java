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
        Long amount,

        @JsonPropertyDescription("FEE (phí) or CHARGE (lệ phí) (LoaiPhiLePhi); filled from the procedure catalogue "
                + "when absent")
        FeeKind kind,

        @JsonPropertyDescription("How the fee is collected: DIRECT, ONLINE or POST (HinhThucThu); a dossier paid "
                + "online through the hub counts as ONLINE")
        FeeCollection collection) {

    /** A fee as most systems send it: code, name and amount. */
    public Fee(String code, String name, Long amount) {
        this(code, name, amount, null, null);
    }

    /** The same fee of another kind (from the procedure catalogue). */
    public Fee withKind(FeeKind feeKind) {
        return new Fee(code, name, amount, feeKind, collection);
    }
}
