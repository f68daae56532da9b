package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.adapters.payment.BankGatewayProperties;
import vn.lgsp.hub.adapters.payment.PaymentSignatures;
import vn.lgsp.hub.trail.DossierTrail;

/** Fees paid online through both gateways reach the one-stop system and DVCQG once; bad requests change nothing. */
class PaymentFlowIT extends PaymentTest {

    @Autowired
    BankGatewayProperties bankConfig;

    @ParameterizedTest
    @ValueSource(strings = {"payment", "bank"})
    void paidDossierReachesOnestopAndDvcqgOnce(String gateway) {
        String code = newDossier("PAY-" + gateway);
        String tx = startPayment(code, gateway).get("transactionId").asText();

        simulate(gateway, "pay", tx, "{\"outcome\":\"PAID\"}");

        eventually().until(() -> replies(gateway, tx).size() == 1);
        assertThat(replies(gateway, tx).get(0)).startsWith(gateway.equals("bank") ? "00" : "0:");
        assertThat(state(code, tx)).isEqualTo("PAID");
        assertThat(transaction(code, tx).get("settledBy").asText()).isEqualTo("callback");
        int expected = gateway.equals("bank") ? 2 : 1;
        eventually().until(() -> noticesAtOnestop(tx).size() == 1 && portalOnlinePayment(code) == expected);
        JsonNode notice = noticesAtOnestop(tx).get(0).body();
        assertThat(notice.get("dossierCode").asText()).isEqualTo(code);
        assertThat(notice.get("amount").asLong()).isEqualTo(8000);
        assertThat(notice.get("onlinePayment").asInt()).isEqualTo(expected);
        assertThat(noticesAtOnestop(tx).get(0).arrivals()).isEqualTo(1);
        assertThat(trailHas(code, "PAYMENT_CONFIRMED", gateway)).isTrue();
        assertThat(hub.get("/api/v1/dossiers/" + code, ONESTOP_KEY).json().toString())
                .contains("\"onlinePayment\":" + expected);
        // A second request for the same fee is refused: it is paid.
        assertThat(hub.postJson("/api/v1/dossiers/" + code + "/payments", ONESTOP_KEY, request(gateway)).status())
                .isEqualTo(409);
    }

    @Test
    void forgedWrongAmountDuplicateLateAndOutOfOrderBankNotificationsHaveOneEffectAtMost() {
        String code = newDossier("PAY-BAD");
        String tx = startPayment(code, "bank").get("transactionId").asText();

        simulate("bank", "pay", tx, "{\"outcome\":\"PAID\",\"wrongSignature\":true}");
        eventually().until(() -> replies("bank", tx).size() == 1);
        simulate("bank", "notify", tx, "{\"outcome\":\"PAID\",\"amount\":80000}");
        eventually().until(() -> replies("bank", tx).size() == 2);
        assertThat(replies("bank", tx)).containsExactly("97", "04");
        assertThat(state(code, tx)).isEqualTo("PENDING");
        assertThat(trailCount(code, "PAYMENT_CONFIRMED")).isZero();

        // The real one, then eight copies at once, then a late "failed" one out of order.
        simulate("bank", "notify", tx, "{\"outcome\":\"PAID\"}");
        eventually().until(() -> replies("bank", tx).size() == 3);
        simulate("bank", "notify", tx, "{\"outcome\":\"PAID\",\"notifications\":8,\"delayMs\":0}");
        eventually().until(() -> replies("bank", tx).size() == 11);
        simulate("bank", "notify", tx, "{\"outcome\":\"FAILED\",\"delayMs\":300}");
        eventually().until(() -> replies("bank", tx).size() == 12);

        assertThat(replies("bank", tx).subList(2, 12)).containsExactly("00", "02", "02", "02", "02", "02", "02",
                "02", "02", "02");
        assertThat(state(code, tx)).isEqualTo("PAID");
        eventually().until(() -> noticesAtOnestop(tx).size() == 1);
        assertThat(noticesAtOnestop(tx).get(0).arrivals()).isEqualTo(1);
        assertThat(trailCount(code, "PAYMENT_CONFIRMED")).isEqualTo(1);
        assertThat(trailCount(code, "PAYMENT_FAILED")).isZero();
    }

    @Test
    void bankNotificationOfAnOrderTheHubNeverMadeIsNotFound() {
        Map<String, String> ipn = new TreeMap<>(Map.of("vnp_Amount", "800000", "vnp_ResponseCode", "00",
                "vnp_TmnCode", bankConfig.tmnCode(), "vnp_TransactionNo", "999", "vnp_TransactionStatus", "00",
                "vnp_TxnRef", "PAY-NEVER-MADE"));
        String query = PaymentSignatures.bankSignedData(ipn);
        String url = "/api/v1/payments/callbacks/bank?" + query + "&vnp_SecureHash="
                + PaymentSignatures.hmacSha512(bankConfig.hashSecret(), query);
        var answer = hub.get(url, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("RspCode").asText()).isEqualTo("01");
        // Without any signature: refused as such, still without an API key.
        assertThat(hub.get("/api/v1/payments/callbacks/bank?" + query, null).json().get("RspCode").asText())
                .isEqualTo("97");
    }

    @Test
    void nationalPlatformForgedWrongAmountUnknownAndDuplicateNotifications() {
        String code = newDossier("PAY-NAT-BAD");
        String tx = startPayment(code, "payment").get("transactionId").asText();

        simulate("payment", "pay", tx, "{\"wrongSignature\":true}");
        eventually().until(() -> replies("payment", tx).size() == 1);
        simulate("payment", "notify", tx, "{\"outcome\":\"PAID\",\"amount\":7999}");
        eventually().until(() -> replies("payment", tx).size() == 2);
        assertThat(state(code, tx)).isEqualTo("PENDING");
        simulate("payment", "notify", tx, "{\"outcome\":\"PAID\",\"notifications\":3,\"delayMs\":100}");
        eventually().until(() -> replies("payment", tx).size() == 5);

        var replies = replies("payment", tx);
        assertThat(replies.get(0)).startsWith("-1:").contains("check_sum");
        assertThat(replies.get(1)).startsWith("-1:").contains("Số tiền");
        assertThat(replies.get(2)).isEqualTo("0:Xác nhận thành công");
        assertThat(replies.subList(3, 5)).allMatch(r -> r.startsWith("0:") && r.contains("trước đó"));
        eventually().until(() -> noticesAtOnestop(tx).size() == 1);
        assertThat(trailCount(code, "PAYMENT_CONFIRMED")).isEqualTo(1);

        var unknown = hub.postJson("/api/v1/payments/callbacks/payment", null, """
            {"client_id":"H15-LGSP","transaction_id":"NOPE","trans_amount":1,"status":"0","check_sum":"00"}""");
        assertThat(unknown.json().get("error_code").asInt()).isEqualTo(-1);
        var unreadable = hub.postJson("/api/v1/payments/callbacks/payment", null, "{not json");
        assertThat(unreadable.status()).isEqualTo(200);
        assertThat(unreadable.json().get("error_code").asInt()).isEqualTo(-1);
    }

    @Test
    void paymentRequestsAreCheckedAgainstTheDossiersFees() {
        String code = newDossier("PAY-CHECK");
        String path = "/api/v1/dossiers/" + code + "/payments";
        var notAFee = hub.postJson(path, ONESTOP_KEY, request("bank").replace("LP01", "LP99"));
        assertThat(notAFee.status()).isEqualTo(422);
        assertThat(notAFee.json().get("code").asText()).isEqualTo("PAYMENT_FEES_INVALID");
        assertThat(hub.postJson(path, ONESTOP_KEY, request("bank").replace("\"amount\":8000}", "\"amount\":7000}"))
                .status()).isEqualTo(422);
        assertThat(hub.postJson(path, ONESTOP_KEY, request("bank").replace("\"amount\":8000,", "\"amount\":9000,"))
                .status()).isEqualTo(422);
        assertThat(hub.postJson(path, ONESTOP_KEY, request("cash")).status()).isEqualTo(400);
        assertThat(hub.postJson(path, null, request("bank")).status()).isEqualTo(401);
        assertThat(hub.postJson("/api/v1/dossiers/NO-SUCH/payments", ONESTOP_KEY, request("bank")).status())
                .isEqualTo(404);
        assertThat(hub.get(path, ONESTOP_KEY).json().size()).isZero();

        // Two attempts of one fee are two transactions with their own ids.
        String first = startPayment(code, "bank").get("transactionId").asText();
        String second = startPayment(code, "payment").get("transactionId").asText();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void dailyReportAndIndicator36() {
        String paid = newDossier("PAY-REPORT");
        String tx = startPayment(paid, "bank").get("transactionId").asText();
        simulate("bank", "pay", tx, "{}");
        String pendingCode = newDossier("PAY-REPORT");
        String pending = startPayment(pendingCode, "payment").get("transactionId").asText();
        eventually().until(() -> state(paid, tx).equals("PAID"));

        LocalDate today = LocalDate.now(DossierTrail.ZONE);
        assertThat(hub.get("/api/v1/admin/payments/report?date=" + today, ONESTOP_KEY).status()).isEqualTo(403);
        JsonNode report = hub.get("/api/v1/admin/payments/report?date=" + today, ADMIN_KEY).json();
        assertThat(report.get("paid").toString()).contains(tx);
        assertThat(report.get("pending").toString()).contains(pending);
        assertThat(report.get("paidAmount").asLong()).isGreaterThanOrEqualTo(8000);

        OffsetDateTime now = OffsetDateTime.now();
        JsonNode kpi = hub.get("/api/v1/kpi/payments?from=" + now.minusHours(1).toInstant() + "&to="
                + now.plusHours(1).toInstant(), ONESTOP_KEY).json();
        assertThat(kpi.get("feeBearing").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(kpi.get("paidOnline").asLong()).isBetween(1L, kpi.get("feeBearing").asLong() - 1);
        assertThat(kpi.get("rate").asDouble()).isBetween(0.0, 1.0);
    }
}
