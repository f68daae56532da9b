package vn.lgsp.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import vn.lgsp.hub.support.Dossiers;
import vn.lgsp.hub.support.HubClient.Answer;
import vn.lgsp.hub.support.HubIntegrationTest;

/**
 * The commit of an intake fails (the database refuses it, or the connection is lost while committing): the intake
 * endpoint answers 503 {@code STORE_UNAVAILABLE} with {@code Retry-After} as an RFC 7807 problem, not 500. The
 * client's retry is accepted: as a new dossier if the commit did not happen, as the original receipt if it did
 * (its source reference is known), and the dossier is delivered once either way.
 */
@Import(CommitFailureIT.FailingCommits.class)
class CommitFailureIT extends HubIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void commitAgain() {
        FailingCommits.failure.set(null);
    }

    @Test
    void aCommitTheDatabaseRefusesIs503AndTheRetryIsANewDossier() {
        String body = Dossiers.citizen(Dossiers.newRef("REFUSED"));
        long dossiersBefore = dossierCount();

        assertStoreUnavailable(submitWhileCommitsFail(body, Failure.REFUSED));
        assertThat(dossierCount()).as("nothing stored").isEqualTo(dossiersBefore);

        Answer retried = hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().get("duplicate").asBoolean()).as("not a repeat of a stored dossier").isFalse();
        assertDeliveredOnce(retried.json().get("dossierCode").asText());
    }

    @Test
    void aCommitWhoseOutcomeIsUnknownIs503AndTheRetryGetsTheOriginalReceipt() {
        String body = Dossiers.citizen(Dossiers.newRef("UNKNOWN"));
        long dossiersBefore = dossierCount();

        assertStoreUnavailable(submitWhileCommitsFail(body, Failure.LOST_AFTER_COMMIT));
        assertThat(dossierCount()).as("stored, though not acknowledged").isEqualTo(dossiersBefore + 1);

        Answer retried = hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.json().get("duplicate").asBoolean()).as("recognised by its source reference").isTrue();
        assertThat(dossierCount()).isEqualTo(dossiersBefore + 1);
        assertDeliveredOnce(retried.json().get("dossierCode").asText());
    }

    private Answer submitWhileCommitsFail(String body, Failure failure) {
        FailingCommits.failure.set(failure);
        try {
            return hub.postJson("/api/v1/dossiers", LAND_KEY, body);
        } finally {
            FailingCommits.failure.set(null);
        }
    }

    private static void assertStoreUnavailable(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.header("Retry-After")).isNotBlank();
        assertThat(answer.json().get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
        assertThat(answer.json().get("status").asInt()).isEqualTo(503);
        assertThat(answer.json().get("instance").asText()).isEqualTo("/api/v1/dossiers");
        assertThat(answer.json().get("correlationId").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("by the test").doesNotContain("at vn.lgsp");
    }

    private void assertDeliveredOnce(String code) {
        eventually().until(() -> deliveredTo(code, "onestop"));
        assertThat(onestop.receivedLog().items()).filteredOn(i -> i.key().equals(code)).hasSize(1);
    }

    private long dossierCount() {
        return jdbc.sql("SELECT COUNT(*) FROM dossier").query(Long.class).single();
    }

    /** How the commits fail while a test says so. */
    enum Failure {
        /** The database refuses the commit: the transaction is rolled back. */
        REFUSED,
        /** The commit reaches the database, the answer is lost: stored, yet the hub sees a failure. */
        LOST_AFTER_COMMIT
    }

    /**
     * The hub's transaction manager, except that while {@link #failure} is set every commit fails as set, surfacing
     * as Spring's {@link TransactionSystemException} (what a JDBC commit failure becomes).
     */
    @TestConfiguration
    static class FailingCommits {

        static final AtomicReference<Failure> failure = new AtomicReference<>();

        @Bean
        JdbcTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource) {
                @Override
                protected void doCommit(DefaultTransactionStatus status) {
                    Failure now = failure.get();
                    if (now == Failure.REFUSED) {
                        doRollback(status);
                    } else if (now == Failure.LOST_AFTER_COMMIT) {
                        super.doCommit(status);
                    }
                    if (now != null) {
                        throw new TransactionSystemException("Could not commit JDBC transaction",
                                new SQLException("commit failed by the test"));
                    }
                    super.doCommit(status);
                }
            };
        }
    }
}
