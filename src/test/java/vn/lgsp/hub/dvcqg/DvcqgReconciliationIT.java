package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reconciliation finds what the portal lost or holds wrongly, re-pushes it, and reports; the KPI proves the rate. */
class DvcqgReconciliationIT extends DvcqgSyncTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void reconciliationRepairsDossiersCorruptedAtThePortal() {
        String from = Instant.now().toString();
        List<String> codes = dossiersThrough("RECON", 6, 2, 4);
        String to = Instant.now().plusMillis(1).toString();
        eventually().until(() -> codes.stream().allMatch(c -> portalHoldsLife(c, 4, 2)));
        eventually().untilAsserted(() -> assertThat(kpi(from, to).get("upToDate").asInt()).as(kpi(from, to).toString())
                .isEqualTo(6));

        var wrongStatus = codes.get(0);
        var lost = codes.get(1);
        var wrongName = codes.get(2);
        var lostProgress = codes.get(3);
        hub.putJson("/sim/dvcqg/dossiers/" + wrongStatus, "{\"TrangThaiHoSo\":1}");
        hub.delete("/sim/dvcqg/dossiers/" + lost);
        hub.putJson("/sim/dvcqg/dossiers/" + wrongName, "{\"ChuHoSo\":\"Nguyen Thi Hoa\"}");
        hub.delete("/sim/dvcqg/dossiers/" + lostProgress + "/progress");

        var started = hub.postJson("/api/v1/admin/reconcile?from=" + from + "&to=" + to, ADMIN_KEY, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String location = started.header("Location");
        assertThat(started.json().get("state").asText()).isIn("RUNNING", "DONE");

        eventually().until(() -> hub.get(location, ADMIN_KEY).json().get("state").asText().equals("DONE"));
        JsonNode report = hub.get(location, ADMIN_KEY).json();
        assertThat(report.get("checked").asInt()).isEqualTo(6);
        assertThat(report.get("matching").asInt()).isEqualTo(2);
        assertThat(report.get("repushed").asInt()).isEqualTo(4);
        assertThat(report.get("stillFailing").asInt()).isZero();
        assertThat(report.get("repushedDossiers").toString()).contains(wrongStatus, lost, wrongName, lostProgress);

        eventually().until(() -> codes.stream().allMatch(c -> portalHoldsLife(c, 4, 2)));
        eventually().until(() -> portal.held(wrongName).dossier().get("ChuHoSo").asText().equals("Nguyễn Thị Hoà"));
        assertThat(portal.held(wrongStatus).status()).isEqualTo(4);
        for (String code : codes) {
            assertThat(portal.held(code).progress()).as(code).hasSize(2);
        }
        var again = hub.postJson("/api/v1/admin/reconcile?from=" + from + "&to=" + to, ADMIN_KEY, "");
        String secondLocation = again.header("Location");
        within(Duration.ofSeconds(30)).until(() -> hub.get(secondLocation, ADMIN_KEY).json().get("state").asText()
                .equals("DONE"));
        assertThat(hub.get(secondLocation, ADMIN_KEY).json().get("matching").asInt()).isEqualTo(6);
    }

    @Test
    void syncFiguresCountReceivedAndSyncedDossiersOfThePeriod() {
        String from = Instant.now().toString();
        List<String> codes = dossiersThrough("KPI", 3);
        String to = Instant.now().plusMillis(1).toString();

        eventually().until(() -> kpi(from, to).get("synced").asInt() == 3);
        JsonNode kpi = kpi(from, to);
        assertThat(kpi.get("received").asInt()).isEqualTo(3);
        assertThat(kpi.get("syncRate").asDouble()).isEqualTo(1.0);
        assertThat(kpi.has("pendingEvents")).isTrue();
        assertThat(kpi.get("oldestPendingAgeSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(meters.get("hub.dvcqg.sync.pending.events").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(meters.get("hub.dvcqg.sync.rate").gauge()).isNotNull();
    }

    @Test
    void reconciliationIsForAdministratorsAndPeriodsMustBeValid() {
        String now = Instant.now().toString();
        var notAdmin = hub.postJson("/api/v1/admin/reconcile?from=" + now + "&to=" + now, ONESTOP_KEY, "");
        assertThat(notAdmin.status()).isEqualTo(403);
        var backwards = hub.postJson("/api/v1/admin/reconcile?from=" + now + "&to=" + now, ADMIN_KEY, "");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.header("Content-Type")).contains("application/problem+json");
        var missing = hub.get("/api/v1/admin/reconcile/987654321", ADMIN_KEY);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void apiDescriptionListsTheSyncEndpoints() {
        var docs = hub.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/kpi/sync")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/admin/reconcile")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/admin/reconcile/{id}")).isTrue();
        assertThat(docs.body()).doesNotContain("/sim/dvcqg");
    }

    @Test
    void figuresWithoutAPeriodAreTheCurrentMonthAndAMalformedOneIsA400() {
        var month = hub.get("/api/v1/kpi/sync", ADMIN_KEY);
        assertThat(month.status()).as(month.body()).isEqualTo(200);
        var payments = hub.get("/api/v1/kpi/payments?from=&to=", ADMIN_KEY);
        assertThat(payments.status()).as(payments.body()).isEqualTo(200);
        var days = hub.get("/api/v1/kpi/sync?from=2026-01-01&to=2026-02-01", ADMIN_KEY);
        assertThat(days.status()).as(days.body()).isEqualTo(200);

        for (String query : new String[] {"/api/v1/kpi/sync?from=yesterday", "/api/v1/kpi/payments?to=01/02/2026",
                "/api/v1/kpi/sync?from=2026-02-01&to=2026-01-01", "/api/v1/admin/payments/report"}) {
            var refused = hub.get(query, ADMIN_KEY);
            assertThat(refused.status()).as(query + " " + refused.body()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        }
    }

    private JsonNode kpi(String from, String to) {
        var answer = hub.get("/api/v1/kpi/sync?from=" + from + "&to=" + to, ONESTOP_KEY);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
