package vn.lgsp.hub.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request to pay some of a dossier's fees online.
 *
 * @param fees      the fees to pay: each must be a fee of the dossier, with its amount
 * @param amount    optional total; when given it must equal the sum of the fees
 * @param payer     the payer's name, printed on the bill
 * @param returnUrl where the gateway sends the payer back
 * @param gateway   {@code payment} (national payment platform) or {@code bank} (the province's own gateway)
 */
public record PaymentRequest(
        @NotEmpty @Size(max = 50) List<@NotNull @Valid FeeToPay> fees,
        @PositiveOrZero Long amount,
        @NotBlank @Size(max = 200) String payer,
        @NotBlank @Size(max = 2000) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL")
        String returnUrl,
        @NotBlank @Pattern(regexp = "^(payment|bank)$", message = "must be payment or bank") String gateway) {

    /** One fee to pay, as the dossier lists it. */
    public record FeeToPay(
            @Schema(description = "Fee code (MaPhiLePhi)") @NotBlank @Size(max = 64) String code,
            @Schema(description = "Amount in whole VND") @NotNull @PositiveOrZero Long amount) {
    }
}
