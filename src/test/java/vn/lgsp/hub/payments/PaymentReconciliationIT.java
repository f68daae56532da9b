package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.trail.DossierTrail;

/** Transactions whose notification never came are settled by querying the gateway, once. */
class PaymentReconciliationIT extends PaymentTest {

    @Autowired
    PaymentReconciliation reconciliation;

    @Autowired
    JdbcClient jdbc;

    /** Makes the transaction look older than the pending timeout (15 min by default). */
    void ageBeyondTimeout(String transactionId) {
        age(transactionId, OffsetDateTime.now().minusHours(1));
    }

    void age(String transactionId, OffsetDateTime createdAt) {
        jdbc.sql("UPDATE payment_transaction SET created_at = ? WHERE transaction_id = ?")
                .params(createdAt, transactionId).update();
    }

    @Test
    void bankPaymentWhoseNotificationWasLostIsSettledByTheQueryThenALateNotificationChangesNothing() {
        String code = newDossier("PAY-RECON");
        String tx = startPayment(code, "bank").get("transactionId").asText();
        simulate("bank", "pay", tx, "{\"outcome\":\"PAID\",\"notifications\":0}");
        PaymentReconciliation.Run early = reconciliation.run();
        assertThat(state(code, tx)).as("not yet past the timeout: left alone").isEqualTo("PENDING");

        ageBeyondTimeout(tx);
        PaymentReconciliation.Run run = reconciliation.run();

        assertThat(run.settled()).isGreaterThanOrEqualTo(1);
        assertThat(state(code, tx)).isEqualTo("PAID");
        assertThat(transaction(code, tx).get("settledBy").asText()).isEqualTo("reconciliation");
        eventually().until(() -> noticesAtOnestop(tx).size() == 1 && portalOnlinePayment(code) == 2);

        simulate("bank", "notify", tx, "{\"outcome\":\"PAID\"}");
        eventually().until(() -> replies("bank", tx).size() == 1);
        assertThat(replies("bank", tx)).containsExactly("02");
        assertThat(reconciliation.run().queried()).as("nothing left pending of it").isLessThanOrEqualTo(early.queried());
        assertThat(trailCount(code, "PAYMENT_CONFIRMED")).isEqualTo(1);
        assertThat(noticesAtOnestop(tx).get(0).arrivals()).isEqualTo(1);
    }

    @Test
    void nationalPaymentsFailedOrStillOpenAtTheGatewayAreSettledOrLeftPending() {
        String failedCode = newDossier("PAY-RECON-NAT");
        String failed = startPayment(failedCode, "payment").get("transactionId").asText();
        simulate("payment", "pay", failed, "{\"outcome\":\"FAILED\",\"notifications\":0}");
        String openCode = newDossier("PAY-RECON-NAT");
        String open = startPayment(openCode, "payment").get("transactionId").asText();
        ageBeyondTimeout(failed);
        ageBeyondTimeout(open);

        reconciliation.run();

        assertThat(state(failedCode, failed)).isEqualTo("FAILED");
        assertThat(trailCount(failedCode, "PAYMENT_FAILED")).isEqualTo(1);
        assertThat(state(openCode, open)).as("the payer has not finished").isEqualTo("PENDING");

        // The payer finishes later: the notification settles it, the next run has nothing more to do for it.
        simulate("payment", "pay", open, "{\"outcome\":\"PAID\"}");
        eventually().until(() -> state(openCode, open).equals("PAID"));
        assertThat(noticesAtOnestop(failed)).isEmpty();
        eventually().until(() -> noticesAtOnestop(open).size() == 1);
    }

    @Test
    void abandonedPaymentExpiresAndAPaymentReportedAfterwardsIsListedAsMismatched() {
        String code = newDossier("PAY-EXPIRE");
        String tx = startPayment(code, "payment").get("transactionId").asText();
        OffsetDateTime twoDaysAgo = OffsetDateTime.now(DossierTrail.ZONE).minusDays(2);
        age(tx, twoDaysAgo);

        reconciliation.run();

        assertThat(state(code, tx)).isEqualTo("FAILED");
        assertThat(transaction(code, tx).get("settledBy").asText()).isEqualTo("expiry");
        simulate("payment", "pay", tx, "{\"outcome\":\"PAID\"}");
        eventually().until(() -> replies("payment", tx).size() == 1);
        assertThat(replies("payment", tx).get(0)).startsWith("0:Giao dịch đã");
        assertThat(state(code, tx)).isEqualTo("FAILED");
        assertThat(noticesAtOnestop(tx)).isEmpty();
        JsonNode report = hub.get("/api/v1/admin/payments/report?date=" + twoDaysAgo.toLocalDate(), ADMIN_KEY).json();
        assertThat(report.get("failed").toString()).contains(tx);
        assertThat(report.get("mismatched").toString()).contains(tx);
    }
}
