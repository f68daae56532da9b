package vn.lgsp.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.support.HubClient.Answer;

/**
 * A refusal costs no database write on the request's path: while the database is held by another connection
 * (H2's exclusive mode pauses every other connection), refused requests still answer at once; they are counted,
 * and reach the audit once the database is back.
 */
class RefusalCostSecurityIT extends SecurityIntegrationTest {

    private static final String KPI = "/api/v1/kpi/sync";

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void refusalsAnswerWhileTheDatabaseIsHeldAndReachTheAuditAfterwards() throws Exception {
        int storedBefore = refusalsOf("stranger").size();
        double forbiddenBefore = counted(403);
        double unauthenticatedBefore = counted(401);

        try (Connection holder = dataSource.getConnection(); Statement hold = holder.createStatement()) {
            hold.execute("SET EXCLUSIVE 1");
            try {
                for (int i = 0; i < 10; i++) {
                    long start = System.nanoTime();
                    Answer forbidden = hub.get(KPI, STRANGER_KEY);
                    Answer unauthenticated = hub.get(KPI, "not-a-key-of-anyone");
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertProblem(forbidden, 403, "FORBIDDEN");
                    assertProblem(unauthenticated, 401, "UNAUTHENTICATED");
                    assertThat(millis).as("two refusals while the database is held").isLessThan(2000);
                }
                // Nothing could be stored meanwhile: the records wait for the writer, the answers did not.
                assertThat(accessAudit.backlog()).isPositive();
            } finally {
                hold.execute("SET EXCLUSIVE 0");
            }
        }

        assertThat(counted(403) - forbiddenBefore).isEqualTo(10.0);
        assertThat(counted(401) - unauthenticatedBefore).isEqualTo(10.0);
        var stored = refusalsOf("stranger");
        assertThat(stored).hasSize(storedBefore + 10);
        assertThat(stored.subList(storedBefore, stored.size())).allSatisfy(row ->
                assertThat(row.get("path")).isEqualTo(KPI));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_refusal WHERE status = 401 AND path = ?").param(KPI)
                .query(Long.class).single()).isGreaterThanOrEqualTo(10);
    }

    private double counted(int status) {
        var counter = meters.find("hub.access.refusals").tag("status", Integer.toString(status)).counter();
        return counter == null ? 0 : counter.count();
    }
}
