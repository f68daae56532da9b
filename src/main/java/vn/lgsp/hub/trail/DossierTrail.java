package vn.lgsp.hub.trail;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The trail of every dossier across systems: received, each hop, each retry, each external answer.
 * Stored in the shared database, so every hub node sees the same trail.
 */
@Component
public class DossierTrail {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_DETAIL = 2000;

    private static final String INSERT =
            "INSERT INTO dossier_event (dossier_code, at, kind, system_id, detail) VALUES (?, ?, ?, ?, ?)";

    /** An entry to record in a dossier's trail. */
    public record Note(String dossierCode, TrailKind kind, String system, String detail) {

        Object[] row(OffsetDateTime at) {
            return new Object[] {dossierCode, at, kind.name(), system, truncate(detail)};
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public DossierTrail(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** The current time in the province, to the millisecond (as every system downstream stores it). */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZONE).truncatedTo(ChronoUnit.MILLIS);
    }

    public void record(String dossierCode, TrailKind kind, String system, String detail) {
        jdbc.sql(INSERT).params(new Note(dossierCode, kind, system, detail).row(now())).update();
    }

    /** Records the entries, in this order, with one JDBC batch. */
    public void recordAll(List<Note> notes) {
        if (!notes.isEmpty()) {
            OffsetDateTime at = now();
            batches.batchUpdate(INSERT, notes.stream().map(note -> note.row(at)).toList());
        }
    }

    /**
     * Records like {@link #record} when the code has a trail: a dossier's, or a received document's (a new document
     * from the document axis keeps its trail under its key); does nothing otherwise (a message of neither, such as a
     * sector feed item, also passes through retries, dead letters and replays). One statement, so it never fails the
     * transaction around it.
     */
    public void recordIfDossier(String dossierCode, TrailKind kind, String system, String detail) {
        if (dossierCode == null) {
            return;
        }
        jdbc.sql("INSERT INTO dossier_event (dossier_code, at, kind, system_id, detail) SELECT ?, ?, ?, ?, ? "
                        + "WHERE EXISTS (SELECT 1 FROM dossier WHERE dossier_code = ?) "
                        + "OR EXISTS (SELECT 1 FROM docaxis_document WHERE document_key = ?)")
                .params(dossierCode, now(), kind.name(), system, truncate(detail), dossierCode, dossierCode)
                .update();
    }

    public List<TrailEntry> of(String dossierCode) {
        return jdbc.sql("SELECT at, kind, system_id, detail FROM dossier_event WHERE dossier_code = ? ORDER BY id")
                .param(dossierCode)
                .query((rs, n) -> new TrailEntry(rs.getObject("at", OffsetDateTime.class),
                        TrailKind.valueOf(rs.getString("kind")), rs.getString("system_id"), rs.getString("detail")))
                .list();
    }

    /**
     * The sector system the routing table gave the dossier to (its ROUTED entry), if any: the system that holds a
     * dossier the one-stop system handed over. A dossier not routed is held by the one-stop system.
     */
    public Optional<String> routedTo(String dossierCode) {
        return jdbc.sql("SELECT system_id FROM dossier_event WHERE dossier_code = ? AND kind = ? ORDER BY id")
                .params(dossierCode, TrailKind.ROUTED.name()).query(String.class).list().stream().findFirst();
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
