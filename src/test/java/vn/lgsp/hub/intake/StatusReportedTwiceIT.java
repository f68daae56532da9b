package vn.lgsp.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.DossierStatusUpdates;
import vn.lgsp.hub.security.ConnectedSystem;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * A status already in a dossier's history, reported again inside a caller's transaction (the document axis applies
 * a package's status and its trail, one-stop notice and acknowledgement record in one transaction): the repeat is
 * recognised and the caller's transaction still commits. It used to doom that transaction, so the package was
 * fetched and failed again at every poll.
 */
class StatusReportedTwiceIT extends HubIntegrationTest {

    @Autowired
    DossierStatusUpdates statusUpdates;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepeatedStatusInsideAnotherTransactionIsADuplicateAndTheTransactionCommits() {
        String code = hub.postJson("/api/v1/dossiers", ONESTOP_KEY, Dossiers.citizen(Dossiers.newRef("twice")))
                .json().get("dossierCode").asText();
        ConnectedSystem axis = new ConnectedSystem("docaxis", "Document axis", "H15", List.of());
        StatusChange inProgress = new StatusChange(4, OffsetDateTime.now().plusMinutes(1).truncatedTo(ChronoUnit.MILLIS),
                "Đang xử lý", null);

        List<DossierStatusUpdates.Outcome> outcomes = tx.execute(status -> List.of(
                statusUpdates.record(code, inProgress, axis),
                statusUpdates.record(code, inProgress, axis)));

        assertThat(outcomes.get(0).duplicate()).isFalse();
        assertThat(outcomes.get(1).duplicate()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dossier_status_change WHERE dossier_code = ? AND status = 4")
                .param(code).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT status FROM dossier WHERE dossier_code = ?").param(code).query(Integer.class).single())
                .isEqualTo(4);
    }
}
