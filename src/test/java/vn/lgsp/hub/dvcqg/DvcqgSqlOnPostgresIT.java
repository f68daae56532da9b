package vn.lgsp.hub.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jms.core.BrowserCallback;
import org.springframework.jms.core.JmsTemplate;
import vn.lgsp.hub.canonical.Applicant;
import vn.lgsp.hub.canonical.ApplicantType;
import vn.lgsp.hub.canonical.Channel;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.support.SqlOnPostgresTest;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.DossierStore;
import vn.lgsp.hub.platform.HubProperties;

/** The DVCQG sync tables and queries on real PostgreSQL (production), not only on H2 (the embedded default). */
class DvcqgSqlOnPostgresIT extends SqlOnPostgresTest {


    @Test
    void syncStateStepsAndFiguresWorkOnPostgres() {
        OffsetDateTime received = OffsetDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneOffset.ofHours(7));
        var dossiers = new DossierStore(jdbc);
        var dossier = new Dossier("H15-261123-PG01", "1.001193", "Đăng ký khai sinh", "H15.50.05.13", "onestop", "PG-1",
                new Applicant(ApplicantType.CITIZEN, "002190012345", null, "Nguyễn Thị Hoà", null, null, null, null),
                null, Channel.ONLINE, received, null, 1, List.of(), List.of());
        dossiers.insert(dossier, "{}");
        dossiers.insertStatusChange(dossier.dossierCode(), new StatusChange(4, received.plusHours(2), null, null), "onestop",
                received.plusHours(2));
        dossiers.insertStatusChange(dossier.dossierCode(), new StatusChange(2, received.plusHours(1), "Tiếp nhận", null),
                "onestop", received.plusHours(3));

        var store = new DvcqgSyncStore(jdbc);
        List<DvcqgSyncStore.Step> steps = store.steps(dossier.dossierCode());
        assertThat(steps).extracting(DvcqgSyncStore.Step::status).containsExactly(2, 4);
        assertThat(steps).noneMatch(DvcqgSyncStore.Step::synced);

        store.dossierSynced(dossier.dossierCode(), 2, 4, received.plusHours(4));
        store.dossierSynced(dossier.dossierCode(), 1, 2, received.plusHours(5)); // an older version never lowers it
        store.progressSynced(dossier.dossierCode(), steps.stream().map(DvcqgSyncStore.Step::id).toList(), received);
        store.progressSynced(dossier.dossierCode(), List.of(steps.get(0).id()), received); // again: harmless
        assertThat(store.syncedVersion(dossier.dossierCode())).contains(2);
        assertThat(store.steps(dossier.dossierCode())).allMatch(DvcqgSyncStore.Step::synced);

        var figures = new DvcqgSyncFigures(jdbc, emptyQueue(), hub(), new SimpleMeterRegistry(), Duration.ofDays(30));
        SyncKpi kpi = figures.of(received.minusDays(1), received.plusDays(1));
        assertThat(kpi.received()).isEqualTo(1);
        assertThat(kpi.synced()).isEqualTo(1);
        assertThat(kpi.syncRate()).isEqualTo(1.0);
        assertThat(kpi.oldestPendingAgeSeconds()).isZero();

        store.forgetSteps(List.of(steps.get(1).id()));
        store.forgetDossier(dossier.dossierCode());
        assertThat(store.syncedVersion(dossier.dossierCode())).isEmpty();
        assertThat(figures.of(received.minusDays(1), received.plusDays(1)).oldestPendingAgeSeconds()).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static JmsTemplate emptyQueue() {
        JmsTemplate jms = mock(JmsTemplate.class);
        when(jms.browse(anyString(), any(BrowserCallback.class))).thenReturn(0);
        return jms;
    }

    private static HubProperties hub() {
        return new HubProperties(null, null, null, null, null, null,
                new HubProperties.Queues("lgsp.onestop.dossier", "lgsp.dvcqg.sync"), null, null, null);
    }
}
