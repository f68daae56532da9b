package vn.lgsp.hub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded H2 file database, opened as application.yml opens it ({@code WRITE_DELAY=0}: a chunk per commit),
 * takes 20,000 small commits, each updating a row and appending one, as intake and the trail do. Chunks whose every
 * page was overwritten H2 drops by itself; those keeping a live page (a filled page of the appended rows) stay for
 * good unless something rewrites them. With housekeeping every second the chunks come down to a few once the
 * commits are older than H2's retention time (4 when this was written); with the compaction call taken out they
 * stay at 6,353 (and in a 10-minute soak grew to tens of thousands, each kept in the heap).
 *
 * <p>H2 neither drops nor rewrites a chunk younger than its RETENTION_TIME (45 s by default, kept in the hub: the
 * time it allows the disk to flush what it was given); this test shortens it to 1 s to prove in seconds what the
 * hub sees 45 s later.
 */
class H2HousekeepingIT {

    static final int COMMITS = 20_000;
    static final int ROWS = 100;
    /** Far below the 6,353 chunks left without housekeeping. */
    static final int MAX_CHUNKS = 50;

    @TempDir
    Path dir;

    @Test
    void chunksComeDownToAFewAndNoRowIsLost() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        // The connection held open keeps the database open, as the hub's pool does.
        try (Connection connection = dataSource(dir).getConnection()) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE item (id INT PRIMARY KEY, version INT NOT NULL)");
                s.execute("CREATE TABLE trail (id INT PRIMARY KEY, item INT NOT NULL, note VARCHAR(200))");
            }
            H2Housekeeping housekeeping = new H2Housekeeping(dataSource(dir), Duration.ofSeconds(1), meters);
            housekeeping.start();
            try {
                commit(connection);
                double afterLoad = chunks(meters);
                Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                        .until(() -> chunks(meters), lessThanOrEqualTo((double) MAX_CHUNKS));
                System.out.printf("%,d commits: %.0f chunks right after them, %.0f once housekept%n", COMMITS,
                        afterLoad, chunks(meters));
            } finally {
                housekeeping.stop();
            }
        }
        try (Connection reopened = dataSource(dir).getConnection(); Statement s = reopened.createStatement();
             ResultSet items = s.executeQuery("SELECT COUNT(*), SUM(version) FROM item")) {
            items.next();
            assertThat(items.getInt(1)).isEqualTo(ROWS);
            assertThat(items.getLong(2)).as("every row at its last update").isEqualTo(COMMITS);
            try (ResultSet trail = s.executeQuery("SELECT COUNT(*), SUM(id) FROM trail")) {
                trail.next();
                assertThat(trail.getInt(1)).isEqualTo(COMMITS);
                assertThat(trail.getLong(2)).isEqualTo((long) COMMITS * (COMMITS - 1) / 2);
            }
        }
    }

    /** 20,000 transactions: one row of 100 updated (inserted the first time), one trail row appended. */
    private static void commit(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement item = connection.prepareStatement("MERGE INTO item KEY (id) VALUES (?, ?)");
             PreparedStatement trail = connection.prepareStatement("INSERT INTO trail VALUES (?, ?, ?)")) {
            for (int i = 0; i < COMMITS; i++) {
                item.setInt(1, i % ROWS);
                item.setInt(2, i / ROWS + 1);
                item.executeUpdate();
                trail.setInt(1, i);
                trail.setInt(2, i % ROWS);
                trail.setString(3, "received H15.50.05.13-261123-" + i);
                trail.executeUpdate();
                connection.commit();
            }
        }
    }

    private static double chunks(MeterRegistry meters) {
        return meters.get("lgsp.h2.chunks").gauge().value();
    }

    private static JdbcDataSource dataSource(Path dir) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:file:" + dir.resolve("hub") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;RETENTION_TIME=1000");
        db.setUser("hub");
        db.setPassword("hub-demo");
        return db;
    }
}
