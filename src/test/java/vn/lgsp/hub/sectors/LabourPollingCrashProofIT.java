package vn.lgsp.hub.sectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.support.HubProcess;

/**
 * The polling adapter neither loses nor repeats an item when the hub is killed (SIGKILL) in the middle of polling
 * the labour system's change feed: after a restart on the same data directory every change is applied exactly
 * once: one dossier per new-dossier change, one status row per status change, no duplicate submission.
 */
class LabourPollingCrashProofIT {

    private static final int DOSSIERS = 40;
    private static final int CHANGES = DOSSIERS * 3; // each: new dossier, received, under review
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void killedMidPollTheHubResumesWithoutLosingOrRepeatingAnItem() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = dir.resolve("data");
        Path log = Files.createFile(dir.resolve("hub.log"));
        String[] args = {"--hub.simulators.sectors.labour-feed-size=" + DOSSIERS,
                "--hub.systems.sector-labour.poll-interval=50", "--hub.systems.sector-labour.batch-size=3"};

        try (HubProcess first = HubProcess.start(port, data, log, args)) {
            // Kill once a good part, but not all, of the feed was applied: polls go on all the time.
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> highestSince(first) >= CHANGES / 3);
            first.kill();
        }

        try (HubProcess second = HubProcess.start(port, data, log, args)) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> highestSince(second) >= CHANGES);
            second.stop();
        }

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/hub")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "hub", "hub-demo")) {
            assertThat(count(db, "SELECT COUNT(*) FROM dossier WHERE source_system = 'sector-labour'")).isEqualTo(DOSSIERS);
            assertThat(count(db, "SELECT COUNT(DISTINCT source_ref) FROM dossier WHERE source_system = 'sector-labour'"))
                    .isEqualTo(DOSSIERS);
            assertThat(count(db, "SELECT COUNT(*) FROM sector_poll_item WHERE system = 'sector-labour'")).isEqualTo(CHANGES);
            assertThat(count(db, "SELECT since FROM sector_poll_offset WHERE system = 'sector-labour'")).isEqualTo(CHANGES);
            // Every dossier went through received (2) and under review (4), each recorded once.
            Map<String, Integer> perDossier = new HashMap<>();
            try (var rows = db.createStatement().executeQuery("SELECT d.dossier_code, COUNT(s.id) FROM dossier d "
                    + "JOIN dossier_status_change s ON s.dossier_code = d.dossier_code "
                    + "WHERE d.source_system = 'sector-labour' GROUP BY d.dossier_code")) {
                while (rows.next()) {
                    perDossier.put(rows.getString(1), rows.getInt(2));
                }
            }
            assertThat(perDossier).hasSize(DOSSIERS).allSatisfy((code, changes) -> assertThat(changes).isEqualTo(2));
            assertThat(count(db, "SELECT COUNT(*) FROM dossier WHERE source_system = 'sector-labour' AND status = 4"))
                    .isEqualTo(DOSSIERS);
            // A repeated item would leave a duplicate submission or a duplicate status report in the trail.
            assertThat(count(db, "SELECT COUNT(*) FROM dossier_event e JOIN dossier d ON d.dossier_code = e.dossier_code "
                    + "WHERE d.source_system = 'sector-labour' AND e.kind = 'DUPLICATE_SUBMISSION'")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM dossier_event e JOIN dossier d ON d.dossier_code = e.dossier_code "
                    + "WHERE d.source_system = 'sector-labour' AND e.kind = 'STATUS_CHANGED'")).isEqualTo(2 * DOSSIERS);
        }
    }

    /** The highest offset the hub has asked the labour simulator for: every change up to it was applied. */
    private long highestSince(HubProcess hub) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + "/sim/sector-labour/received"))
                .build(), HttpResponse.BodyHandlers.ofString());
        long highest = -1;
        for (JsonNode item : JSON.readTree(response.body()).get("items")) {
            highest = Math.max(highest, Long.parseLong(item.get("key").asText()));
        }
        return highest;
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
