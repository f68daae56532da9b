package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.adapters.payment.BankGateway;
import vn.lgsp.hub.adapters.payment.BankGatewayProperties;
import vn.lgsp.hub.adapters.payment.CallbackReply;
import vn.lgsp.hub.adapters.payment.GatewayNotice;
import vn.lgsp.hub.adapters.payment.NationalPaymentPlatform;
import vn.lgsp.hub.adapters.payment.NationalPaymentProperties;
import vn.lgsp.hub.adapters.payment.PaymentSignatures;

/**
 * Both gateways' signature schemes against fixed vectors computed independently with Python's hmac module, e.g.
 * {@code hmac.new(b'demo-payment-key1', b'0|H15-LGSP|PAY|58000|PAY0001|1.0', hashlib.sha256).hexdigest()} and, for
 * the bank, {@code urllib.parse.quote_plus} on each sorted name and value, joined by '&', then HMAC-SHA512.
 */
class PaymentSignaturesTest {

    static final NationalPaymentPlatform NATIONAL = new NationalPaymentPlatform(new NationalPaymentProperties(
            "http://127.0.0.1:1/none", "H15-LGSP", "demo-payment-key1", "demo-payment-key2", "1.0",
            Duration.ofSeconds(1), Duration.ofSeconds(1)), new ObjectMapper(), null);
    static final BankGateway BANK = new BankGateway(new BankGatewayProperties("http://127.0.0.1:1/none", "LGSPHG01",
            "demo-bank-hash-secret", "2.1.0", "127.0.0.1", Duration.ofSeconds(1), Duration.ofSeconds(1)),
            new ObjectMapper(), null);

    @Test
    void nationalCreateCheckSumIsHmacSha256OverTheFieldsInContractOrder() {
        Map<String, String> fields = new HashMap<>(Map.of("client_id", "H15-LGSP", "transaction_id", "PAY0001",
                "trans_amount", "58000", "command", "PAY", "version", "1.0", "addition_fee", "0"));
        assertThat(PaymentSignatures.nationalCheckSum("demo-payment-key1", fields,
                NationalPaymentPlatform.CREATE_SIGNED))
                .isEqualTo("02a425be0568e90eb8ef2b4b0889113119a19ea78d4573a9439948f037e7c474");
    }

    @Test
    void nationalNotificationIsVerifiedWithKey2() {
        Map<String, String> notice = new HashMap<>(Map.of("addition_fee", "0", "client_id", "H15-LGSP",
                "command", "PAY", "status", "0", "trans_amount", "58000", "transaction_code", "K123",
                "transaction_id", "PAY0001", "version", "1.0",
                "check_sum", "93fffc1b6ae4ece3a2c734114846e0e7f654d84aca2001a692b60a0f0b0951ee"));
        assertThat(NATIONAL.read(notice)).isEqualTo(new GatewayNotice(true, "PAY0001", 58000L, true, "K123"));

        notice.put("trans_amount", "5800");
        assertThat(NATIONAL.read(notice).signatureValid()).as("amount changed after signing").isFalse();
        notice.put("trans_amount", "58000");
        notice.put("check_sum", PaymentSignatures.nationalCheckSum("demo-payment-key1", notice,
                NationalPaymentPlatform.NOTICE_SIGNED));
        assertThat(NATIONAL.read(notice).signatureValid()).as("signed with key1 instead of key2").isFalse();
    }

    @Test
    void bankSignedDataIsSortedUrlEncodedWithoutHashFieldsOrEmptyValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("vnp_Version", "2.1.0");
        params.put("vnp_Command", "pay");
        params.put("vnp_TmnCode", "LGSPHG01");
        params.put("vnp_Amount", "5800000");
        params.put("vnp_CurrCode", "VND");
        params.put("vnp_TxnRef", "PAY0001");
        params.put("vnp_OrderInfo", "Thanh toán hồ sơ H15 & lệ phí");
        params.put("vnp_ReturnUrl", "https://dvc.example.vn/ket-qua?x=1");
        params.put("vnp_CreateDate", "20261123120000");
        params.put("vnp_SecureHashType", "HmacSHA512");
        params.put("vnp_Empty", "");
        assertThat(PaymentSignatures.bankSignedData(params)).isEqualTo("vnp_Amount=5800000&vnp_Command=pay"
                + "&vnp_CreateDate=20261123120000&vnp_CurrCode=VND"
                + "&vnp_OrderInfo=Thanh+to%C3%A1n+h%E1%BB%93+s%C6%A1+H15+%26+l%E1%BB%87+ph%C3%AD"
                + "&vnp_ReturnUrl=https%3A%2F%2Fdvc.example.vn%2Fket-qua%3Fx%3D1&vnp_TmnCode=LGSPHG01"
                + "&vnp_TxnRef=PAY0001&vnp_Version=2.1.0");
        assertThat(PaymentSignatures.bankSecureHash("demo-bank-hash-secret", params)).isEqualTo(
                "5b56505550a979968cabdc984d1ca25b2c3d1bda7f816a59e2f945ee5f7a154a"
                + "def9ae01268b81fbfc13bc739722f8705e25430e312a5eb9da7f41742c5adf79");
    }

    @Test
    void bankNotificationPaidOnlyWhenBothCodesAre00AndAmountIsHundredths() {
        Map<String, String> ipn = new HashMap<>(Map.of("vnp_Amount", "5800000", "vnp_ResponseCode", "00",
                "vnp_TmnCode", "LGSPHG01", "vnp_TransactionNo", "14123", "vnp_TransactionStatus", "00",
                "vnp_TxnRef", "PAY0001", "vnp_SecureHashType", "HmacSHA512",
                "vnp_SecureHash", "d6ba8b6b76d98253427c3fc14b91172837d47d98502bb9e8536b6be1fa33fcde"
                        + "f633726ea63c638f291fa1cbd8fd9c134cd69644c1694b9bca8d46fd0c0b1006"));
        assertThat(BANK.read(ipn)).isEqualTo(new GatewayNotice(true, "PAY0001", 58000L, true, "14123"));

        ipn.put("vnp_TransactionStatus", "02");
        ipn.put("vnp_SecureHash", PaymentSignatures.bankSecureHash("demo-bank-hash-secret", ipn));
        GatewayNotice failed = BANK.read(ipn);
        assertThat(failed.signatureValid()).isTrue();
        assertThat(failed.paid()).isFalse();

        ipn.put("vnp_Amount", "5800001");
        assertThat(BANK.read(ipn).signatureValid()).isFalse();
    }

    @Test
    void eachGatewayAnswersInItsOwnCodes() {
        assertThat(BANK.reply(CallbackReply.CONFIRMED)).containsEntry("RspCode", "00");
        assertThat(BANK.reply(CallbackReply.ORDER_NOT_FOUND)).containsEntry("RspCode", "01");
        assertThat(BANK.reply(CallbackReply.ALREADY_CONFIRMED)).containsEntry("RspCode", "02");
        assertThat(BANK.reply(CallbackReply.INVALID_AMOUNT)).containsEntry("RspCode", "04");
        assertThat(BANK.reply(CallbackReply.INVALID_SIGNATURE)).containsEntry("RspCode", "97");
        assertThat(BANK.reply(CallbackReply.ERROR)).containsEntry("RspCode", "99");
        assertThat(NATIONAL.reply(CallbackReply.CONFIRMED)).containsEntry("error_code", 0);
        assertThat(NATIONAL.reply(CallbackReply.ALREADY_CONFIRMED)).containsEntry("error_code", 0);
        assertThat(NATIONAL.reply(CallbackReply.INVALID_SIGNATURE)).containsEntry("error_code", -1);
        assertThat(NATIONAL.reply(CallbackReply.INVALID_AMOUNT)).containsEntry("error_code", -1);
    }
}
