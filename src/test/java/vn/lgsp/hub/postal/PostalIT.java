package vn.lgsp.hub.postal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.simulators.dvcqg.DvcqgSimulator;
import vn.lgsp.hub.simulators.postal.PostalSimulator;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * A dossier whose applicant asked for the result by post: when it is processed the hub orders the delivery at the
 * postal operator (simulator), once; each state the operator reports back reaches the trail and the one-stop system
 * once, repeats included; the delivered result is RESULT_RETURNED at DVCQG (HinhThuc 1: by post), and the fee the
 * operator collected on delivery is settled as paid once.
 */
class PostalIT extends HubIntegrationTest {

    @Autowired
    PostalSimulator postal;

    @Autowired
    DvcqgSimulator portal;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void reset() {
        postal.clearReceived();
        postal.clearFaults();
    }

    @Test
    void resultByPostIsOrderedOnceAndEveryStateComesBackOnce() {
        String ref = Dossiers.newRef("POST");
        var intake = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, """
            {"procedureCode":"1.001022","procedureName":"Đăng ký khai sinh","agencyCode":"H15.50","sourceRef":"%s",
             "applicant":{"type":"CITIZEN","personalId":"002085001234","fullName":"Hoàng Văn Sơn",
                          "address":"Số 8 Nguyễn Trãi, phường Hà Giang 1, tỉnh Tuyên Quang","phone":"0987654321"},
             "summary":"Trả kết quả qua bưu chính","channel":"IN_PERSON","resultDelivery":"POST",
             "dueAt":"2026-12-10T17:00:00+07:00",
             "fees":[{"code":"CUOC01","name":"Cước phát kết quả","amount":25000,"collection":"POST"}]}
            """.formatted(ref));
        assertThat(intake.status()).as(intake.body()).isEqualTo(202);
        String code = intake.json().get("dossierCode").asText();
        String reference = PostalOrderKind.DELIVERY.reference(code);

        // Processed after intake and before the operator's states, which carry the operator's clock.
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(7));
        processed(code, at);
        processed(code, at); // the same report again: still one order
        eventually().until(() -> deliveredTo(code, "postal"));
        var order = postal.order(reference).orElseThrow();
        assertThat(order.request().path("receiver").path("address").asText()).contains("Nguyễn Trãi");
        assertThat(order.request().path("codAmount").asLong()).isEqualTo(25000);
        assertThat(postal.receivedLog().items()).filteredOn(i -> i.key().equals(reference)).singleElement()
                .satisfies(i -> assertThat(i.arrivals()).isEqualTo(1));

        for (String state : new String[] {"ORDERED", "COLLECTING", "COLLECTED"}) {
            assertThat(postal.move(reference, new PostalSimulator.Move(state, null, null)).getBody())
                    .containsEntry("hubStatus", 200);
        }
        var delivered = postal.move(reference, new PostalSimulator.Move("DELIVERED", 25000L, "Đã phát"));
        assertThat(delivered.getBody()).containsEntry("hubStatus", 200);
        var again = postal.move(reference, new PostalSimulator.Move("DELIVERED", 25000L, "Đã phát"));
        assertThat((String) again.getBody().get("hubAnswer")).contains("\"duplicate\":true");

        eventually().until(() -> jdbc.sql("SELECT COUNT(*) FROM dossier_event WHERE dossier_code = ? "
                + "AND kind = 'DELIVERED' AND system_id = 'onestop' AND detail LIKE 'POSTAL_STATE%'")
                .param(code).query(Long.class).single() == 4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dossier_event WHERE dossier_code = ? AND kind = 'POSTAL_STATE'")
                .param(code).query(Long.class).single()).isEqualTo(4);
        assertThat(onestop.receivedLog().items()).filteredOn(i -> i.key().startsWith(code + ":postal:"))
                .hasSize(4).allSatisfy(i -> assertThat(i.arrivals()).isEqualTo(1));

        // Cash on delivery: one PAID transaction, however often DELIVERED is reported.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_transaction WHERE dossier_code = ? AND state = 'PAID' "
                + "AND settled_by = 'cod' AND amount = 25000").param(code).query(Long.class).single()).isEqualTo(1);
        eventually().until(() -> onestop.receivedLog().items().stream()
                .anyMatch(i -> i.key().startsWith(code + ":payment:")));

        // DVCQG: the result was returned, by post.
        eventually().until(() -> portal.held(code) != null && portal.held(code).status() == 10);
        assertThat(portal.held(code).dossier().path("HinhThuc").asInt()).isEqualTo(1);
    }

    @Test
    void aDossierCollectedByPostIsSubmittedByPostAtDvcqg() {
        var intake = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef("COLLECT"),
                "1.009002"));
        assertThat(intake.status()).as(intake.body()).isEqualTo(202);
        String code = intake.json().get("dossierCode").asText();
        String reference = PostalOrderKind.COLLECTION.reference(code);

        var asked = hub.postJson("/api/v1/dossiers/" + code + "/postal-collection", ONESTOP_KEY, "{}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        assertThat(asked.json().get("reference").asText()).isEqualTo(reference);
        assertThat(hub.postJson("/api/v1/dossiers/" + code + "/postal-collection", ONESTOP_KEY, "{}").status())
                .isEqualTo(202);
        eventually().until(() -> postal.order(reference).isPresent() && deliveredTo(code, "postal"));
        var order = postal.order(reference).orElseThrow();
        assertThat(order.request().path("sender").path("address").asText()).contains("Trần Phú");
        assertThat(order.request().path("codAmount").asLong()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM postal_order WHERE dossier_code = ?").param(code)
                .query(Long.class).single()).isEqualTo(1);

        assertThat(postal.move(reference, new PostalSimulator.Move("COLLECTED", null, null)).getBody())
                .containsEntry("hubStatus", 200);
        eventually().until(() -> portal.held(code) != null
                && portal.held(code).dossier().path("KenhThucHien").asInt() == 3);
    }

    @Test
    void aStateOfAnOrderTheHubDidNotPlaceIsRefused() {
        var answer = hub.postJson("/api/v1/postal/callbacks", "demo-postal-key",
                "{\"reference\":\"NO-SUCH:POSTAL_DELIVERY\",\"state\":\"DELIVERED\"}");
        assertThat(answer.status()).isEqualTo(404);
        var wrongCaller = hub.postJson("/api/v1/postal/callbacks", ONESTOP_KEY,
                "{\"reference\":\"NO-SUCH:POSTAL_DELIVERY\",\"state\":\"DELIVERED\"}");
        assertThat(wrongCaller.status()).isEqualTo(403);
    }

    private void processed(String code, OffsetDateTime at) {
        var status = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY,
                "{\"status\":9,\"at\":\"%s\",\"officer\":\"Phạm Thu Trang\"}".formatted(at));
        assertThat(status.status()).as(status.body()).isEqualTo(202);
    }
}
