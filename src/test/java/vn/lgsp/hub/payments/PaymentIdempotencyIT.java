package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.support.HubClient;

/**
 * Starting a payment is idempotent: a retried request (the same Idempotency-Key, or the same fees at the same
 * gateway while a transaction of them is pending) answers the original transaction and never opens a second one.
 */
class PaymentIdempotencyIT extends PaymentTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "retry-of-LP01"})
    void twoConcurrentIdenticalStartsOpenOneTransaction(String idempotencyKey) throws Exception {
        String code = newDossier("PAY-TWICE");
        String path = "/api/v1/dossiers/" + code + "/payments";
        String[] headers = idempotencyKey.isEmpty() ? new String[0] : new String[] {"Idempotency-Key", idempotencyKey};
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<HubClient.Answer>> starts = List.of(1, 2).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return hub.postJson(path, ONESTOP_KEY, request("payment"), headers);
                    }, two)).toList();
            List<HubClient.Answer> answers = starts.stream().map(CompletableFuture::join).toList();

            assertThat(answers).extracting(HubClient.Answer::status).containsExactlyInAnyOrder(201, 200);
            assertThat(answers.get(0).json().get("transactionId")).isEqualTo(answers.get(1).json().get("transactionId"));
            assertThat(answers.get(0).json().get("paymentUrl")).isEqualTo(answers.get(1).json().get("paymentUrl"));
            assertThat(answers.get(0).json().get("paymentUrl").asText()).startsWith(hub.baseUrl() + "/sim/payment/");
        } finally {
            two.shutdownNow();
        }
        assertThat(hub.get(path, ONESTOP_KEY).json().size()).isEqualTo(1);
        assertThat(trailCount(code, "PAYMENT_REQUESTED")).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheGatewayFailedAnswersTheSameTransactionStartedOnce() {
        String code = newDossier("PAY-503");
        String path = "/api/v1/dossiers/" + code + "/payments";
        assertThat(hub.putJson("/sim/payment/faults", "{\"failNext\":1}").status()).isEqualTo(200);

        var failed = hub.postJson(path, ONESTOP_KEY, request("payment"));
        assertThat(failed.status()).as(failed.body()).isEqualTo(503);
        // A proxy retries the same request, without a key: the pending transaction is started again, not a new one.
        var retried = hub.postJson(path, ONESTOP_KEY, request("payment"));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        var again = hub.postJson(path, ONESTOP_KEY, request("payment"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("transactionId")).isEqualTo(retried.json().get("transactionId"));
        assertThat(again.json().get("paymentUrl")).isEqualTo(retried.json().get("paymentUrl"));
        assertThat(hub.get(path, ONESTOP_KEY).json().size()).isEqualTo(1);

        // Paid, the same fees are refused; another gateway is another attempt.
        String tx = retried.json().get("transactionId").asText();
        simulate("payment", "pay", tx, "{\"outcome\":\"PAID\"}");
        eventually().until(() -> state(code, tx).equals("PAID"));
        assertThat(hub.postJson(path, ONESTOP_KEY, request("payment")).status()).isEqualTo(409);
    }

    @Test
    void aKeyAnswersItsTransactionForGoodAndRefusesAnotherRequest() {
        String code = newDossier("PAY-KEY");
        String path = "/api/v1/dossiers/" + code + "/payments";
        var first = hub.postJson(path, ONESTOP_KEY, request("payment"), "Idempotency-Key", "k-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        String tx = first.json().get("transactionId").asText();
        simulate("payment", "pay", tx, "{}");
        eventually().until(() -> state(code, tx).equals("PAID"));

        var retried = hub.postJson(path, ONESTOP_KEY, request("payment"), "Idempotency-Key", "k-1");
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("transactionId").asText()).isEqualTo(tx);
        assertThat(retried.json().get("state").asText()).isEqualTo("PAID");
        assertThat(retried.json().get("paymentUrl")).isEqualTo(first.json().get("paymentUrl"));

        var otherBody = hub.postJson(path, ONESTOP_KEY, request("bank"), "Idempotency-Key", "k-1");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        var otherDossier = hub.postJson("/api/v1/dossiers/" + newDossier("PAY-KEY") + "/payments", ONESTOP_KEY,
                request("payment"), "Idempotency-Key", "k-1");
        assertThat(otherDossier.status()).isEqualTo(422);
        assertThat(hub.postJson(path, ONESTOP_KEY, request("payment"), "Idempotency-Key", "").status()).isEqualTo(400);
        assertThat(hub.get(path, ONESTOP_KEY).json().size()).isEqualTo(1);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
