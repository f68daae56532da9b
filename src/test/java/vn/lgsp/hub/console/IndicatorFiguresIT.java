package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The Decision 766 indicators against a fixture of dossiers whose figures were worked out by hand. The fixture is
 * written straight into the database in March 2025 (local time), a month no other test touches.
 *
 * <pre>
 *  #  received (+07:00)     channel    due              finished               synced fee    paid dig. KQ
 *  F1 2025-03-03 09:00      ONLINE     03-10 17:00      9 at 03-07, 10 at 03-08 yes    8000   1    yes  yes
 *  F2 2025-03-03 10:00      ONLINE     03-10 17:00      10 at 03-12 (late)     yes    8000   -    yes  no
 *  F3 2025-03-01 00:30      IN_PERSON  03-20            -                      yes    0      -    no   no
 *  F4 2025-03-04 08:00      ONLINE     (none)           9 at 03-05             no     50000  2    yes  yes
 *  F5 2025-03-04 09:00      POST       03-06 17:00      status 9 at 03-06 17:00 exactly (no history row)
 *                                                                              yes    -      -    no   yes
 *  F6 2025-03-31 23:30      IN_PERSON  03-20            4 only                 no     20000  -    yes  no
 *  F7 2025-02-28 23:59      ONLINE     outside the month (February)
 *  F8 2025-04-01 00:00      ONLINE     outside the month (April)
 * </pre>
 * March: received 6; synced 4 (F1 F2 F3 F5) → 1.4 = 4/6; finished 4 (F1 F2 F4 F5), on time 3 (F2 late) → 2.1 = 3/4;
 * online 3 (F1 F2 F4) → 3/6 × 4/6 = 1/3 for 3.3; fee above 0: 4 (F1 F2 F4 F6), paid online 2 (F1 F4) → 3.6 = 2/4;
 * digitised documents and an electronic result: 2 (F1 F4; F5 has a result but nothing digitised) → 4.x = 2/6.
 * <p>
 * F1, F3, F5 and F7 are written as the hub writes dossiers (with their indicator facts; F1 is paid by a later
 * version); F2, F4, F6 and F8 as rows written before V10, whose facts the indicators read from the payload.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorFiguresIT extends HubIntegrationTest {

    static final double EPSILON = 1e-9;

    /** Rows as written before V10: no indicator facts beside the payload. */
    static final Set<String> WRITTEN_BEFORE_V10 = Set.of("F2", "F4", "F6", "F8");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DossierStore store;

    @Autowired
    CanonicalJson json;

    @BeforeAll
    void writeTheFixture() {
        dossier("F1", "2025-03-03T09:00:00+07:00", "ONLINE", "2025-03-10T17:00:00+07:00", 10, true, 8000, 1, true, true);
        change("F1", 4, "2025-03-04T08:00:00+07:00");
        change("F1", 9, "2025-03-07T10:00:00+07:00");
        change("F1", 10, "2025-03-08T10:00:00+07:00");
        paid("F1", "payment", 8000);
        dossier("F2", "2025-03-03T10:00:00+07:00", "ONLINE", "2025-03-10T17:00:00+07:00", 10, true, 8000, null, true, false);
        change("F2", 4, "2025-03-04T08:00:00+07:00");
        change("F2", 10, "2025-03-12T09:00:00+07:00");
        dossier("F3", "2025-03-01T00:30:00+07:00", "IN_PERSON", "2025-03-20T17:00:00+07:00", 2, true, 0, null, false, false);
        dossier("F4", "2025-03-04T08:00:00+07:00", "ONLINE", null, 9, false, 50000, 2, true, true);
        change("F4", 9, "2025-03-05T15:00:00+07:00");
        paid("F4", "bank", 50000);
        dossier("F5", "2025-03-04T09:00:00+07:00", "POST", "2025-03-06T17:00:00+07:00", 9, true, null, null, false, true);
        jdbc.sql("UPDATE dossier SET status_at = ? WHERE dossier_code = ?")
                .params(OffsetDateTime.parse("2025-03-06T17:00:00+07:00"), code("F5")).update();
        dossier("F6", "2025-03-31T23:30:00+07:00", "IN_PERSON", "2025-03-20T17:00:00+07:00", 4, false, 20000, null, true, false);
        change("F6", 4, "2025-04-01T08:00:00+07:00");
        dossier("F7", "2025-02-28T23:59:00+07:00", "ONLINE", null, 1, true, null, null, false, false);
        dossier("F8", "2025-04-01T00:00:00+07:00", "ONLINE", null, 1, true, null, null, false, false);
    }

    @Autowired
    Indicators indicators;

    @Test
    void theHubWritesEachDossiersFactsBesideItsPayload() {
        var written = jdbc.sql("SELECT dossier_code FROM dossier WHERE dossier_code LIKE 'H15.99-250301-IND%' "
                + "AND indicator_flags IS NOT NULL").query(String.class).list();
        assertThat(written).containsExactlyInAnyOrder(code("F1"), code("F3"), code("F5"), code("F7"));
        assertThat(jdbc.sql("SELECT indicator_flags FROM dossier WHERE dossier_code = ?").param(code("F1"))
                .query(Integer.class).single()).isEqualTo(1 | 2 | 4 | 8 | 16); // online, fee, paid, digitised, result
    }

    @Test
    void marchMatchesTheHandComputedFigures() {
        Figures march = indicators.report(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31),
                Indicators.Granularity.DAY).total();

        assertThat(march.received()).isEqualTo(6);
        assertThat(march.synced()).isEqualTo(4);
        assertThat(march.syncRate()).isCloseTo(4.0 / 6, within(EPSILON));
        assertThat(march.finished()).isEqualTo(4);
        assertThat(march.finishedOnTime()).isEqualTo(3);
        assertThat(march.onTimeRate()).isCloseTo(0.75, within(EPSILON));
        assertThat(march.online()).isEqualTo(3);
        assertThat(march.onlineRate()).isCloseTo(1.0 / 3, within(EPSILON));
        assertThat(march.feeBearing()).isEqualTo(4);
        assertThat(march.paidOnline()).isEqualTo(2);
        assertThat(march.onlinePaymentRate()).isCloseTo(0.5, within(EPSILON));
        assertThat(march.digitised()).isEqualTo(2);
        assertThat(march.digitisationRate()).isCloseTo(2.0 / 6, within(EPSILON));
    }

    @Test
    void eachDayAndMonthHasItsOwnFiguresAndEmptyOnesHaveNoRate() {
        var days = indicators.report(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31), Indicators.Granularity.DAY)
                .buckets();
        assertThat(days).hasSize(31);
        assertThat(days.get(0).figures().received()).isEqualTo(1);                 // F3, 00:30 local on the 1st
        assertThat(days.get(2).figures().received()).isEqualTo(2);                 // F1 F2 on the 3rd
        assertThat(days.get(2).figures().onTimeRate()).isCloseTo(0.5, within(EPSILON));
        assertThat(days.get(3).figures().received()).isEqualTo(2);                 // F4 F5 on the 4th
        assertThat(days.get(3).figures().syncRate()).isCloseTo(0.5, within(EPSILON));
        assertThat(days.get(30).figures().received()).isEqualTo(1);                // F6, 23:30 local on the 31st
        assertThat(days.get(1).figures().received()).isZero();
        assertThat(days.get(1).figures().syncRate()).isNull();

        var months = indicators.report(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 30),
                Indicators.Granularity.MONTH).buckets();
        assertThat(months).extracting(Indicators.Bucket::label).containsExactly("02/2025", "03/2025", "04/2025");
        assertThat(months).extracting(b -> b.figures().received()).containsExactly(1L, 6L, 1L);
    }

    @Test
    void syncAndPaymentRatesAgreeWithTheHubsOwnKpiEndpoints() {
        String period = "?from=" + encode("2025-03-01T00:00:00+07:00") + "&to=" + encode("2025-04-01T00:00:00+07:00");
        JsonNode sync = hub.get("/api/v1/kpi/sync" + period, ADMIN_KEY).json();
        JsonNode payments = hub.get("/api/v1/kpi/payments" + period, ADMIN_KEY).json();

        assertThat(sync.get("received").asLong()).isEqualTo(6);
        assertThat(sync.get("syncRate").asDouble()).isCloseTo(4.0 / 6, within(EPSILON));
        assertThat(payments.get("feeBearing").asLong()).isEqualTo(4);
        assertThat(payments.get("rate").asDouble()).isCloseTo(0.5, within(EPSILON));
    }

    @Test
    void theConsoleShowsTheFiguresAndTheirBasis() throws Exception {
        ConsoleSession viewer = new ConsoleSession(hub.baseUrl());
        viewer.login("viewer", "demo-viewer-pass");

        String page = viewer.get("/console/indicators?from=2025-03-01&to=2025-03-31&granularity=DAY&lang=en").body();

        assertThat(page).contains("Dossiers received from 01/03/2025 to 31/03/2025")
                .contains("66.7%").contains("75%").contains("33.3%").contains("50%")
                .contains("4 synced / 6 received").contains("3 on time / 4 finished")
                .contains("2 paid online / 4 with a fee");
        // The chart: a line per indicator, both axes, and a legend naming the indicators.
        assertThat(page).contains("<g class=\"axes\">").contains("<polyline points=")
                .contains("id=\"chart-legend\"").contains("1.4 Sync rate");
        JsonNode total = new com.fasterxml.jackson.databind.ObjectMapper().readTree(viewer.get("/console/api/indicators?from=2025-03-01&to=2025-03-31&granularity=MONTH")
                .body()).get("total");
        assertThat(total.get("received").asLong()).isEqualTo(6);
        assertThat(total.get("digitised").asLong()).isEqualTo(2);
        assertThat(total.get("onTimeRate").asDouble()).isCloseTo(0.75, within(EPSILON));
        assertThat(total.get("onlinePaymentRate").asDouble()).isCloseTo(0.5, within(EPSILON));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String code(String id) {
        return "H15.99-250301-IND" + id;
    }

    private void dossier(String id, String received, String channel, String due, int status, boolean synced,
                         Integer fee, Integer onlinePayment, boolean digitised, boolean result) {
        String code = code(id);
        StringBuilder documents = new StringBuilder("[");
        documents.append("{\"code\":\"TP01\",\"name\":\"Tờ khai\",\"digitized\":").append(digitised).append('}');
        if (result) {
            documents.append(",{\"code\":\"KQ\",\"name\":\"Kết quả\",\"url\":\"https://hub.example/kq.pdf\",\"digitized\":true}");
        }
        documents.append(']');
        String payload = "{\"dossierCode\":\"" + code + "\",\"procedureCode\":\"1.001193\",\"agencyCode\":\"H15.99\","
                + "\"sourceSystem\":\"onestop\",\"sourceRef\":\"IND-" + id + "\","
                + "\"applicant\":{\"type\":\"CITIZEN\",\"personalId\":\"001203012345\",\"fullName\":\"Lê Văn An\"},"
                + "\"channel\":\"" + channel + "\",\"receivedAt\":\"" + received + "\","
                + (due == null ? "" : "\"dueAt\":\"" + due + "\",") + "\"status\":" + status + ","
                + "\"documents\":" + documents + ","
                + "\"fees\":[" + (fee == null ? "" : "{\"code\":\"LP01\",\"name\":\"Lệ phí\",\"amount\":" + fee + "}") + "]";
        String unpaid = payload + "}";
        payload += (onlinePayment == null ? "" : ",\"onlinePayment\":" + onlinePayment) + "}";
        OffsetDateTime at = OffsetDateTime.parse(received);
        if (WRITTEN_BEFORE_V10.contains(id)) {
            jdbc.sql("INSERT INTO dossier (dossier_code, source_system, source_ref, procedure_code, agency_code, "
                            + "status, status_at, received_at, version, payload) "
                            + "VALUES (?, 'onestop', ?, '1.001193', 'H15.99', ?, ?, ?, 1, ?)")
                    .params(code, "IND-" + id, status, at, at, payload).update();
        } else {
            store.insert(json.parse(unpaid, Dossier.class), unpaid);
            if (onlinePayment != null) { // paid later: a new version of the dossier
                store.updateStatus(code, status, at, json.parse(payload, Dossier.class), payload);
            }
        }
        if (synced) {
            jdbc.sql("INSERT INTO dvcqg_sync_state (dossier_code, synced_version, synced_status, first_synced_at, "
                    + "synced_at) VALUES (?, 1, ?, ?, ?)").params(code, status, at, at).update();
        }
    }

    private void change(String id, int status, String at) {
        OffsetDateTime when = OffsetDateTime.parse(at);
        jdbc.sql("INSERT INTO dossier_status_change (dossier_code, status, occurred_at, recorded_at, reported_by) "
                + "VALUES (?, ?, ?, ?, 'onestop')").params(code(id), status, when, when).update();
    }

    private void paid(String id, String gateway, long amount) {
        OffsetDateTime at = OffsetDateTime.parse("2025-03-05T10:00:00+07:00");
        jdbc.sql("INSERT INTO payment_transaction (transaction_id, dossier_code, gateway, amount, fee_codes, state, "
                        + "created_at, settled_at) VALUES (?, ?, ?, ?, 'LP01', 'PAID', ?, ?)")
                .params("TX-IND-" + id, code(id), gateway, amount, at, at).update();
    }
}
