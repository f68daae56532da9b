package vn.lgsp.hub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.simulators.bank.BankGatewaySimulator;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.payment.PaymentPlatformSimulator;
import vn.lgsp.hub.simulators.support.PaymentGatewaySimulator;
import vn.lgsp.hub.simulators.support.ReceivedLog;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/** Base of the payment tests: dossiers with a fee, payments started through the API, both gateway simulators. */
abstract class PaymentTest extends HubIntegrationTest {

    @Autowired
    PaymentPlatformSimulator national;

    @Autowired
    BankGatewaySimulator bank;

    @Autowired
    DvcqgSimulator portal;

    @BeforeEach
    void resetGateways() {
        national.reset();
        bank.reset();
    }

    /** A new dossier with one fee, LP01 of 8 000 VND. */
    String newDossier(String prefix) {
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef(prefix)));
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    static String request(String gateway) {
        return """
            {"fees":[{"code":"LP01","amount":8000}],"amount":8000,"payer":"Nguyễn Thị Hoà",
             "returnUrl":"https://dvc.example.vn/thanh-toan/ket-qua","gateway":"%s"}
            """.formatted(gateway);
    }

    /** Starts a payment; for the bank gateway the payer also opens the payment page, as a browser would. */
    JsonNode startPayment(String code, String gateway) {
        var answer = hub.postJson("/api/v1/dossiers/" + code + "/payments", ONESTOP_KEY, request(gateway));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode started = answer.json();
        assertThat(started.get("amount").asLong()).isEqualTo(8000);
        assertThat(started.get("state").asText()).isEqualTo("PENDING");
        String url = started.get("paymentUrl").asText();
        assertThat(url).startsWith(hub.baseUrl() + "/sim/" + gateway + "/");
        if (gateway.equals("bank")) {
            assertThat(hub.get(url.substring(hub.baseUrl().length()), null).status()).isEqualTo(200);
        }
        return started;
    }

    /** Asks the gateway simulator to pay (or notify again) with the given options. */
    void simulate(String gateway, String action, String transactionId, String options) {
        var answer = hub.postJson("/sim/" + gateway + "/" + action + "/" + transactionId, null, options);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    PaymentGatewaySimulator simulator(String gateway) {
        return gateway.equals("bank") ? bank : national;
    }

    /** The hub's replies to the notifications of a transaction, as the reply code of each gateway. */
    List<String> replies(String gateway, String transactionId) {
        return simulator(gateway).notificationsOf(transactionId).stream()
                .map(n -> gateway.equals("bank") ? n.reply().path("RspCode").asText()
                        : n.reply().path("error_code").asText() + ":" + n.reply().path("message").asText())
                .toList();
    }

    JsonNode transaction(String code, String transactionId) {
        JsonNode list = hub.get("/api/v1/dossiers/" + code + "/payments", ONESTOP_KEY).json();
        return StreamSupport.stream(list.spliterator(), false)
                .filter(t -> t.get("transactionId").asText().equals(transactionId)).findFirst().orElseThrow();
    }

    String state(String code, String transactionId) {
        return transaction(code, transactionId).get("state").asText();
    }

    /** Payment notices the one-stop simulator received for the transaction. */
    List<ReceivedLog.Item<JsonNode>> noticesAtOnestop(String transactionId) {
        return onestop.receivedLog().items().stream()
                .filter(i -> transactionId.equals(i.body().path("transactionId").asText())).toList();
    }

    long trailCount(String code, String kind) {
        JsonNode trail = hub.get("/api/v1/dossiers/" + code, ADMIN_KEY).json().get("trail");
        return StreamSupport.stream(trail.spliterator(), false).filter(e -> e.get("kind").asText().equals(kind))
                .count();
    }

    /** The dossier's DuocThanhToanTrucTuyen at the national portal, 0 when it has none (yet). */
    int portalOnlinePayment(String code) {
        DvcqgSimulator.Held held = portal.held(code);
        return held == null || held.dossier() == null ? 0 : held.dossier().path("DuocThanhToanTrucTuyen").asInt(0);
    }
}
