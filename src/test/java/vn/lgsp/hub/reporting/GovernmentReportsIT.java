package vn.lgsp.hub.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.platform.ReportingPeriod;
import vn.lgsp.hub.simulators.reporting.ReportingSimulator;
import vn.lgsp.hub.simulators.support.Faults;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * Monthly reports end to end: dossiers received in a month long past (no other test uses it), sent on demand through
 * the outbox and route report-delivery-to-reporting to the reporting system's simulator.
 */
class GovernmentReportsIT extends HubIntegrationTest {

    @Autowired
    ReportingSimulator reporting;
    @Autowired
    GovernmentReports reports;

    @BeforeEach
    void resetReceiver() {
        reporting.clearFaults();
        reporting.clearReceived();
    }

    @Test
    void aMonthsReportHoldsTheFiguresOfTheDossiersReceivedThatMonthAndIsKeptAsSent() throws Exception {
        String code = dossier("2024-02-05T09:00:00+07:00", "ONLINE");
        dossier("2024-02-20T15:30:00+07:00", "IN_PERSON");
        dossier("2024-03-01T08:00:00+07:00", "ONLINE"); // the next month: not in February's report
        assertThat(hub.postJson("/api/v1/ratings", "demo-ratings-key", """
                {"ratingId":"feb-%s","dossierCode":"%s","channel":"QR","score":5}""".formatted(code, code)).status())
                .isEqualTo(201);

        var sent = hub.postJson("/api/v1/admin/reports/2024-02/send", ADMIN_KEY, "");

        assertThat(sent.status()).isEqualTo(202);
        eventually().until(() -> reporting.reports().containsKey("H15:2024-02"));
        JsonNode report = reporting.reports().get("H15:2024-02");
        assertThat(report.at("/dossiers/received").asLong()).isEqualTo(2);
        assertThat(report.at("/dossiers/online").asLong()).isEqualTo(1);
        assertThat(report.at("/ratings/count").asLong()).isEqualTo(1);
        assertThat(report.at("/indicators/6.x").asDouble()).isEqualTo(1.0);
        assertThat(report.at("/indicators").has("1.4")).isTrue();
        eventually().until(() -> kept("2024-02").get(0).hasNonNull("sentAt"));
        JsonNode kept = kept("2024-02").get(0);
        assertThat(kept.get("answerStatus").asInt()).isEqualTo(201);
        assertThat(kept.get("trigger").asText()).isEqualTo("ON_DEMAND");
        assertThat(new ObjectMapper().readTree(kept.get("body").asText())).isEqualTo(report);
    }

    @Test
    void aMonthSentTwiceIsHeldOnceByTheReceiverAndKeptTwiceByTheHub() {
        dossier("2024-04-10T10:00:00+07:00", "ONLINE");

        hub.postJson("/api/v1/admin/reports/2024-04/send", ADMIN_KEY, "");
        eventually().until(() -> reporting.receivedLog().get("H15:2024-04") != null);
        hub.postJson("/api/v1/admin/reports/2024-04/send", ADMIN_KEY, "");

        eventually().until(() -> reporting.receivedLog().get("H15:2024-04").arrivals() == 2);
        assertThat(reporting.reports().keySet().stream().filter(k -> k.endsWith("2024-04"))).hasSize(1);
        eventually().until(() -> kept("2024-04").size() == 2 && kept("2024-04").stream()
                .allMatch(r -> r.hasNonNull("sentAt")));
        assertThat(kept("2024-04").get(1).get("answerStatus").asInt()).isEqualTo(200);
    }

    @Test
    void aReceiverAnswering503IsRetriedUntilTheReportIsTaken() {
        reporting.injectFaults(new Faults(null, 503, null, null, 3));

        hub.postJson("/api/v1/admin/reports/2024-05/send", ADMIN_KEY, "");

        eventually().until(() -> reporting.reports().containsKey("H15:2024-05"));
        assertThat(reporting.faults().failNext()).isZero();
        assertThat(reporting.receivedLog().get("H15:2024-05").arrivals()).isEqualTo(1);
        eventually().until(() -> kept("2024-05").get(0).hasNonNull("sentAt"));
    }

    @Test
    void theScheduledRunReportsTheLastFinishedMonthOnce() {
        String lastMonth = YearMonth.now(ReportingPeriod.ZONE).minusMonths(1).toString();

        reports.sendDue();
        reports.sendDue();

        assertThat(reports.of(lastMonth)).hasSize(1).allSatisfy(r -> assertThat(r.trigger()).isEqualTo("SCHEDULE"));
        // The timer of the shared hub may have made it earlier in the run: either way one report, answered.
        eventually().until(() -> reports.of(lastMonth).get(0).sentAt() != null);
    }

    @Test
    void aPeriodThatIsNoMonthOrHasNotBegunIsRefused() {
        assertThat(hub.postJson("/api/v1/admin/reports/2024-13/send", ADMIN_KEY, "").status()).isEqualTo(400);
        assertThat(hub.postJson("/api/v1/admin/reports/2999-01/send", ADMIN_KEY, "").status()).isEqualTo(400);
        assertThat(hub.postJson("/api/v1/admin/reports/2024-02/send", ONESTOP_KEY, "").status()).isEqualTo(403);
    }

    private String dossier(String receivedAt, String channel) {
        String json = Dossiers.citizen(Dossiers.newRef("report"), "1.009999")
                .replace("\"channel\":\"ONLINE\"", "\"channel\":\"" + channel + "\",\"receivedAt\":\"" + receivedAt + "\"");
        var answer = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, json);
        assertThat(answer.status()).isEqualTo(202);
        return answer.json().get("dossierCode").asText();
    }

    private List<JsonNode> kept(String period) {
        var list = new ArrayList<JsonNode>();
        hub.get("/api/v1/admin/reports/" + period, ADMIN_KEY).json().forEach(list::add);
        return list;
    }
}
