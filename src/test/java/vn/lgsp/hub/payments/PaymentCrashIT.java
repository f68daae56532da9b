package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import vn.lgsp.hub.delivery.Outbox;

/**
 * A failure after the callback was verified and the transaction row updated, but before the payment's last effect
 * (the notice to the one-stop system) was stored: the whole settlement rolls back — no PAID state, no dossier
 * flag, no trail, no DVCQG event — the gateway is told to send again, and its next notification applies the
 * payment exactly once. This is what a crash at that point leaves too: nothing committed, the gateway resends.
 */
class PaymentCrashIT extends PaymentTest {

    @MockitoSpyBean
    Outbox outbox;

    final AtomicBoolean failNextNotice = new AtomicBoolean();

    @BeforeEach
    void failTheNoticeOnRequest() {
        doAnswer(call -> {
            if ("lgsp.onestop.payment".equals(call.getArgument(0)) && failNextNotice.getAndSet(false)) {
                throw new IllegalStateException("simulated crash before the status event is stored");
            }
            return call.callRealMethod();
        }).when(outbox).enqueue(any(), any(), any(), any());
    }

    @Test
    void settlementInterruptedBeforeTheStatusEventCommitsNothingAndTheNextNotificationPaysOnce() {
        for (String gateway : new String[] {"bank", "payment"}) {
            String code = newDossier("PAY-CRASH");
            String tx = startPayment(code, gateway).get("transactionId").asText();
            failNextNotice.set(true);

            simulate(gateway, "pay", tx, "{\"outcome\":\"PAID\"}");
            eventually().until(() -> replies(gateway, tx).size() == 1);

            assertThat(replies(gateway, tx).get(0)).startsWith(gateway.equals("bank") ? "99" : "-1:");
            assertThat(state(code, tx)).isEqualTo("PENDING");
            assertThat(trailCount(code, "PAYMENT_CONFIRMED")).isZero();
            assertThat(hub.get("/api/v1/dossiers/" + code, ONESTOP_KEY).json().toString()).doesNotContain("onlinePayment");

            // The gateway sends again (as both do until acknowledged), twice.
            simulate(gateway, "notify", tx, "{\"outcome\":\"PAID\",\"notifications\":2,\"delayMs\":200}");
            eventually().until(() -> replies(gateway, tx).size() == 3);

            assertThat(replies(gateway, tx).get(1)).startsWith(gateway.equals("bank") ? "00" : "0:Xác nhận");
            assertThat(replies(gateway, tx).get(2)).startsWith(gateway.equals("bank") ? "02" : "0:Giao dịch đã");
            assertThat(state(code, tx)).isEqualTo("PAID");
            int expected = gateway.equals("bank") ? 2 : 1;
            eventually().until(() -> noticesAtOnestop(tx).size() == 1 && portalOnlinePayment(code) == expected);
            assertThat(noticesAtOnestop(tx).get(0).arrivals()).isEqualTo(1);
            assertThat(trailCount(code, "PAYMENT_CONFIRMED")).isEqualTo(1);
        }
    }
}
