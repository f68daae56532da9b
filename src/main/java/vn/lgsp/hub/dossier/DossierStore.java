package vn.lgsp.hub.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.lgsp.hub.canonical.Dossier;
import vn.lgsp.hub.canonical.StatusChange;

/** Dossier rows and their idempotency keys, in the shared database (H2 embedded, PostgreSQL in production). */
@Repository
public class DossierStore {

    private static final String COLUMNS =
            "dossier_code, source_system, source_ref, status, status_at, received_at, version, payload";

    private static final String INSERT = "INSERT INTO dossier (" + COLUMNS + ", procedure_code, agency_code, due_at, "
            + "indicator_flags) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)";
    private static final String INSERT_KEY = "INSERT INTO idempotency_key (client_id, idem_key, request_hash, "
            + "dossier_code, created_at) VALUES (?, ?, ?, ?, ?)";

    /** A new dossier row: {@code payload} is {@code dossier} in canonical JSON. */
    public record NewDossier(Dossier dossier, String payload) {

        Object[] row() {
            return new Object[] {dossier.dossierCode(), dossier.sourceSystem(), dossier.sourceRef(), dossier.status(),
                    dossier.receivedAt(), dossier.receivedAt(), payload, dossier.procedureCode(),
                    dossier.agencyCode(), dossier.dueAt(), IndicatorFacts.of(dossier).flags()};
        }
    }

    /** An Idempotency-Key of a calling system, with the hash of the request it first came with. */
    public record IdempotencyKey(String clientId, String key, String requestHash, String dossierCode,
                                 OffsetDateTime at) {

        Object[] row() {
            return new Object[] {clientId, key, requestHash, dossierCode, at};
        }
    }

    /** An Idempotency-Key as a calling system sent it. */
    public record ClientKey(String clientId, String key) {
    }

    /** A source system's reference: (sourceSystem, sourceRef) identifies a submission. */
    public record SourceRef(String sourceSystem, String sourceRef) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    @Autowired
    public DossierStore(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** A store that writes one row at a time (SQL tests of what reads dossiers); the batch writes need the other. */
    public DossierStore(JdbcClient jdbc) {
        this(jdbc, null);
    }

    /** {@code payload} is {@code dossier} in canonical JSON. */
    public void insert(Dossier dossier, String payload) {
        jdbc.sql(INSERT).params(new NewDossier(dossier, payload).row()).update();
    }

    /** Inserts the dossiers with one JDBC batch. */
    public void insertAll(List<NewDossier> dossiers) {
        if (!dossiers.isEmpty()) {
            batches.batchUpdate(INSERT, dossiers.stream().map(NewDossier::row).toList());
        }
    }

    /** Inserts the keys with one JDBC batch. */
    public void insertIdempotencyKeys(List<IdempotencyKey> keys) {
        if (!keys.isEmpty()) {
            batches.batchUpdate(INSERT_KEY, keys.stream().map(IdempotencyKey::row).toList());
        }
    }

    /** The stored dossiers of these submissions, by source reference; one query. */
    public Map<SourceRef, StoredDossier> findBySources(Collection<SourceRef> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM dossier WHERE (source_system, source_ref) IN ("
                        + pairs(refs.size()) + ")")
                .params(refs.stream().flatMap(r -> Stream.of(r.sourceSystem(), r.sourceRef())).toList())
                .query(DossierStore::row).list().stream()
                .collect(Collectors.toMap(d -> new SourceRef(d.sourceSystem(), d.sourceRef()), d -> d));
    }

    /** The keys stored of these (calling system, key) pairs, each with its dossier code and request hash; one query. */
    public Map<ClientKey, IdempotencyKey> findIdempotencyKeys(Collection<ClientKey> clientKeys) {
        if (clientKeys.isEmpty()) {
            return Map.of();
        }
        Map<ClientKey, IdempotencyKey> found = new HashMap<>();
        jdbc.sql("SELECT client_id, idem_key, request_hash, dossier_code, created_at FROM idempotency_key "
                        + "WHERE (client_id, idem_key) IN (" + pairs(clientKeys.size()) + ")")
                .params(clientKeys.stream().flatMap(k -> Stream.of(k.clientId(), k.key())).toList())
                .query((rs, n) -> new IdempotencyKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .list().forEach(key -> found.put(new ClientKey(key.clientId(), key.key()), key));
        return found;
    }

    /** Which of these dossier codes are taken; one query. */
    public List<String> existingCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT dossier_code FROM dossier WHERE dossier_code IN (:codes)").param("codes", codes)
                .query(String.class).list();
    }

    private static String pairs(int count) {
        return String.join(", ", Collections.nCopies(count, "(?, ?)"));
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

    /** So many numbers of the dossier code sequence, ascending; one statement (H2 and PostgreSQL). */
    public List<Long> nextSequences(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("SELECT nextval('dossier_code_seq') AS n FROM generate_series(1, ?) ORDER BY n")
                .param(count).query(Long.class).list();
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
