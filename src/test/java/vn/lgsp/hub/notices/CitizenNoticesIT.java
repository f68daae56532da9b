package vn.lgsp.hub.notices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.simulators.sms.SmsSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.simulators.support.ReceivedLog;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * Notices to citizens end to end: intake and status reports through the hub's API, the notice through the outbox,
 * route notice-delivery-to-sms and the SMS gateway's simulator.
 */
class CitizenNoticesIT extends HubIntegrationTest {

    @Autowired
    SmsSimulator sms;

    @BeforeEach
    void resetGateway() {
        sms.clearFaults();
        sms.clearReceived();
    }

    @Test
    void aReceivedDossierSendsOneSmsWithItsCodeAndTheLogsAndListShowTheNumberMasked() {
        String phone = newPhone();
        String code = submit(phone);

        eventually().until(() -> smsFor(code).size() == 1 && "SENT".equals(notices(code).get(0).path("outcome").asText()));
        JsonNode message = (JsonNode) smsFor(code).get(0).body();
        assertThat(message.get("to").asText()).isEqualTo(phone);
        assertThat(message.get("message").asText()).startsWith("Hồ sơ " + code + " (Đăng ký khai sinh) đã được tiếp nhận");
        assertThat(message.get("brandName").asText()).isNotBlank();
        JsonNode notice = notices(code).get(0);
        assertThat(notice.get("kind").asText()).isEqualTo("RECEIVED");
        assertThat(notice.get("address").asText()).isEqualTo(phone.substring(0, 3) + "*****" + phone.substring(8));
        assertThat(notice.toString()).doesNotContain(phone);
    }

    @Test
    void theSameStateReportedTwiceSendsOneSmsAndTheNextStateItsOwn() {
        String code = submit(newPhone());
        eventually().until(() -> smsFor(code).size() == 1);
        OffsetDateTime at = OffsetDateTime.now().plusMinutes(1).truncatedTo(ChronoUnit.SECONDS);

        // 1 then 2: both "received"; 5 twice (the second at another time): one "supplement needed"
        report(code, 2, at);
        report(code, 5, at.plusMinutes(1));
        report(code, 5, at.plusMinutes(1));
        report(code, 5, at.plusMinutes(2));

        eventually().until(() -> smsFor(code).size() == 2 && notices(code).stream()
                .allMatch(n -> n.path("outcome").asText().equals("SENT")));
        assertThat(notices(code)).extracting(n -> n.get("kind").asText())
                .containsExactly("RECEIVED", "SUPPLEMENT_NEEDED");
        assertThat(smsFor(code)).allSatisfy(item -> assertThat(item.arrivals()).isEqualTo(1));
    }

    @Test
    void anOptedOutNumberGetsNothingAndTheNoticeIsRecordedSkipped() {
        String phone = newPhone();
        var optOut = hub.postJson("/api/v1/notices/opt-outs", ONESTOP_KEY, "{\"phone\":\"+84 " + phone.substring(1) + "\"}");
        assertThat(optOut.status()).isEqualTo(201);
        assertThat(optOut.body()).doesNotContain(phone.substring(1));

        String code = submit(phone);

        List<JsonNode> notices = notices(code);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(notices.get(0).get("reason").asText()).isEqualTo("opted out");
        String other = submit(newPhone());
        eventually().until(() -> smsFor(other).size() == 1); // notices sent after it have gone out
        assertThat(smsFor(code)).isEmpty();

        assertThat(hub.postJson("/api/v1/notices/opt-ins", ONESTOP_KEY, "{\"phone\":\"" + phone + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void aGatewayAnswering503IsRetriedAndTheSmsSentOnce() {
        sms.injectFaults(new Faults(null, 503, null, null, 3));

        String code = submit(newPhone());

        eventually().until(() -> smsFor(code).size() == 1
                && "SENT".equals(notices(code).get(0).path("outcome").asText()));
        assertThat(smsFor(code).get(0).arrivals()).isEqualTo(1);
        assertThat(sms.faults().failNext()).isZero();
        assertThat(trailHas(code, "DELIVERY_RETRY", "sms")).isTrue();
    }

    @Test
    void aNoticeTheGatewayRefusesIsDeadLetteredAndShownFailed() {
        sms.injectFaults(new Faults(1.0, 400, null, null, null));

        String code = submit(newPhone());

        eventually().until(() -> "FAILED".equals(notices(code).get(0).path("outcome").asText()));
        assertThat(trailHas(code, "DEAD_LETTERED", "sms")).isTrue();
        assertThat(smsFor(code)).isEmpty();
    }

    private String submit(String phone) {
        String dossier = Dossiers.citizen(Dossiers.newRef("notice"), "1.009999").replace("0912345678", phone);
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, dossier);
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    private void report(String code, int status, OffsetDateTime at) {
        var answer = hub.postJson("/api/v1/dossiers/" + code + "/status", ONESTOP_KEY,
                "{\"status\":%d,\"at\":\"%s\",\"note\":\"cán bộ một cửa\"}".formatted(status, at));
        assertThat(answer.status()).isBetween(200, 299);
    }

    private List<ReceivedLog.Item<JsonNode>> smsFor(String code) {
        return sms.receivedLog().items().stream().filter(i -> i.key().startsWith(code + ":")).toList();
    }

    private List<JsonNode> notices(String code) {
        var answer = hub.get("/api/v1/dossiers/" + code + "/notices", ONESTOP_KEY);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> list = new java.util.ArrayList<>();
        answer.json().forEach(list::add);
        return list;
    }

    private static String newPhone() {
        return "09" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
