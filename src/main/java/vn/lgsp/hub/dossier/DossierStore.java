package vn.lgsp.hub.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.StatusChange;

/** Dossier rows and their idempotency keys, in the shared database (H2 embedded, PostgreSQL in production). */
@Repository
public class DossierStore {

    private static final String COLUMNS =
            "dossier_code, source_system, source_ref, status, status_at, received_at, version, payload";

    private final JdbcClient jdbc;

    public DossierStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code payload} is {@code dossier} in canonical JSON. */
    public void insert(Dossier dossier, String payload) {
        jdbc.sql("INSERT INTO dossier (" + COLUMNS + ", procedure_code, agency_code, due_at, indicator_flags) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)")
                .params(dossier.dossierCode(), dossier.sourceSystem(), dossier.sourceRef(), dossier.status(),
                        dossier.receivedAt(), dossier.receivedAt(), payload, dossier.procedureCode(),
                        dossier.agencyCode(), dossier.dueAt(), IndicatorFacts.of(dossier).flags())
                .update();
    }

    public Optional<StoredDossier> find(String dossierCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dossier WHERE dossier_code = ?")
                .param(dossierCode).query(DossierStore::row).optional();
    }

    public Optional<StoredDossier> findBySource(String sourceSystem, String sourceRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dossier WHERE source_system = ? AND source_ref = ?")
                .params(sourceSystem, sourceRef).query(DossierStore::row).optional();
    }

    /** Locks the row for the rest of the transaction, so status changes of one dossier apply one at a time. */
    public Optional<StoredDossier> lock(String dossierCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dossier WHERE dossier_code = ? FOR UPDATE")
                .param(dossierCode).query(DossierStore::row).optional();
    }

    /** A new version of the dossier; {@code payload} is {@code updated} in canonical JSON. */
    public void updateStatus(String dossierCode, int status, OffsetDateTime at, Dossier updated, String payload) {
        jdbc.sql("UPDATE dossier SET status = ?, status_at = ?, payload = ?, due_at = ?, indicator_flags = ?, "
                        + "version = version + 1 WHERE dossier_code = ?")
                .params(status, at, payload, updated.dueAt(), IndicatorFacts.of(updated).flags(), dossierCode)
                .update();
    }

    public void insertIdempotencyKey(String clientId, String key, String requestHash, String dossierCode,
                                     OffsetDateTime at) {
        jdbc.sql("INSERT INTO idempotency_key (client_id, idem_key, request_hash, dossier_code, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(clientId, key, requestHash, dossierCode, at).update();
    }

    /** The dossier code and request hash first seen with this key. */
    public Optional<String[]> findIdempotencyKey(String clientId, String key) {
        return jdbc.sql("SELECT dossier_code, request_hash FROM idempotency_key WHERE client_id = ? AND idem_key = ?")
                .params(clientId, key)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    public void insertStatusChange(String dossierCode, StatusChange change, String reportedBy, OffsetDateTime at) {
        jdbc.sql("INSERT INTO dossier_status_change (dossier_code, status, occurred_at, recorded_at, reported_by, "
                        + "officer, note, officer_title, department, result_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(dossierCode, change.status(), change.at(), at, reportedBy, change.officer(), change.note(),
                        change.officerTitle(), change.department(), change.resultCode())
                .update();
    }

    /** Whether this status at this time is already in the dossier's history (the unique key of a status change). */
    public boolean hasStatusChange(String dossierCode, StatusChange change) {
        return jdbc.sql("SELECT COUNT(*) FROM dossier_status_change WHERE dossier_code = ? AND status = ? "
                        + "AND occurred_at = ?")
                .params(dossierCode, change.status(), change.at())
                .query(Long.class).single() > 0;
    }

    public List<StatusChange> statusHistory(String dossierCode) {
        return jdbc.sql("SELECT " + STATUS_CHANGE_COLUMNS + " FROM dossier_status_change WHERE dossier_code = ? "
                        + "ORDER BY occurred_at, id")
                .param(dossierCode)
                .query((rs, n) -> statusChange(rs))
                .list();
    }

    public long nextSequence() {
        return jdbc.sql("SELECT nextval('dossier_code_seq')").query(Long.class).single();
    }

    /** The columns of a status change {@link #statusChange} reads. */
    public static final String STATUS_CHANGE_COLUMNS =
            "status, occurred_at, note, officer, officer_title, department, result_code";

    /** A status change from a row with {@link #STATUS_CHANGE_COLUMNS}. */
    public static StatusChange statusChange(ResultSet rs) throws SQLException {
        return new StatusChange(rs.getInt("status"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("note"), rs.getString("officer"), rs.getString("officer_title"),
                rs.getString("department"), rs.getString("result_code"));
    }

    private static StoredDossier row(ResultSet rs, int n) throws SQLException {
        return new StoredDossier(rs.getString("dossier_code"), rs.getString("source_system"),
                rs.getString("source_ref"), rs.getInt("status"), rs.getObject("status_at", OffsetDateTime.class),
                rs.getObject("received_at", OffsetDateTime.class), rs.getInt("version"), rs.getString("payload"));
    }
}
