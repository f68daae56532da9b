package vn.lgsp.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.ApplicantType;
import vn.lgsp.hub.canonical.Channel;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.DossierDocument;
import vn.lgsp.hub.canonical.Fee;
import vn.lgsp.hub.console.IndicatorFormulas.Figures;
import vn.lgsp.hub.dossier.CanonicalJson;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.support.SqlOnPostgresTest;

/**
 * The indicators' query on real PostgreSQL: a period of dossiers streamed through a cursor inside a read-only
 * transaction, facts read from the columns written with each dossier, and a row from before V10 read from its payload.
 */
class IndicatorSqlOnPostgresIT extends SqlOnPostgresTest {

    static final int DOSSIERS = 2_000;

    @Test
    void aPeriodIsStreamedAndCountedFromTheFactsColumns() {
        OffsetDateTime received = OffsetDateTime.of(2026, 6, 10, 9, 0, 0, 0, ZoneOffset.ofHours(7));
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(postgres.dataSource());
        DossierStore store = new DossierStore(postgres.jdbc());
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            for (int i = 0; i < DOSSIERS; i++) {
                boolean online = i % 2 == 0;
                Dossier d = new Dossier("H15-260610-IPG" + i, "1.001193", "Đăng ký khai sinh", "H15.50.05.13",
                        "onestop", "IPG-" + i, new Applicant(ApplicantType.CITIZEN, "002190012345", null,
                        "Nguyễn Thị Hoà", null, null, null, null), null, online ? Channel.ONLINE : Channel.IN_PERSON,
                        received, received.plusDays(5), 1,
                        List.of(new DossierDocument("TP01", "Tờ khai", null, i % 4 == 0)),
                        List.of(new Fee("LP01", "Lệ phí", i % 5 == 0 ? 8000L : 0L)));
                store.insert(d, "{}"); // the payload is not read for such rows
            }
        });
        jdbc.sql("INSERT INTO dossier_status_change (dossier_code, status, occurred_at, recorded_at, reported_by) "
                + "VALUES ('H15-260610-IPG0', 9, ?, ?, 'onestop')").params(received.plusDays(1), received).update();
        String legacy = "{\"dossierCode\":\"H15-260610-IPGOLD\",\"procedureCode\":\"1.001193\",\"agencyCode\":\"H15\","
                + "\"sourceSystem\":\"onestop\",\"sourceRef\":\"IPG-OLD\",\"applicant\":{\"type\":\"CITIZEN\","
                + "\"personalId\":\"002190012345\",\"fullName\":\"Lê Văn An\"},\"channel\":\"ONLINE\","
                + "\"receivedAt\":\"2026-06-10T10:00:00+07:00\",\"status\":1,"
                + "\"documents\":[{\"code\":\"TP01\",\"name\":\"Tờ khai\",\"digitized\":true},"
                + "{\"code\":\"KQ\",\"name\":\"Kết quả\",\"digitized\":true}],\"fees\":[]}";
        jdbc.sql("INSERT INTO dossier (dossier_code, source_system, source_ref, procedure_code, agency_code, status, "
                        + "status_at, received_at, version, payload) VALUES ('H15-260610-IPGOLD', 'onestop', 'IPG-OLD', "
                        + "'1.001193', 'H15', 1, ?, ?, 1, ?)").params(received, received, legacy).update();
        CanonicalJson json = new CanonicalJson(new ObjectMapper().findAndRegisterModules());

        Figures day = new Indicators(postgres.dataSource(), transactions, json)
                .report(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 10), Indicators.Granularity.DAY).total();

        assertThat(day.received()).isEqualTo(DOSSIERS + 1);
        assertThat(day.online()).isEqualTo(DOSSIERS / 2 + 1);         // every even one, and the old row
        assertThat(day.feeBearing()).isEqualTo(DOSSIERS / 5);
        assertThat(day.finished()).isEqualTo(1);
        assertThat(day.finishedOnTime()).isEqualTo(1);                // processed a day in, due in five
        assertThat(day.digitised()).isEqualTo(1);                     // only the old row has a result document
    }
}
