package vn.lgsp.hub.dvcqg;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.lgsp.hub.canonical.StatusChange;
import vn.lgsp.hub.dossier.DossierStore;

/** What the hub has synced to DVCQG: the dossier version the portal holds, and the progress steps it accepted. */
@Repository
public class DvcqgSyncStore {

    /** A status change of a dossier, and whether the portal already has it as a progress step. */
    public record Step(long id, StatusChange change, OffsetDateTime recordedAt, boolean synced) {

        public int status() {
            return change.status();
        }

        public OffsetDateTime at() {
            return change.at();
        }
    }

    private final JdbcClient jdbc;

    public DvcqgSyncStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The dossier's status changes in the order they happened (by occurred_at, then arrival). */
    public List<Step> steps(String dossierCode) {
        return jdbc.sql("SELECT c.id, " + DossierStore.STATUS_CHANGE_COLUMNS + ", c.recorded_at, "
                        + "p.status_change_id AS synced FROM dossier_status_change c "
                        + "LEFT JOIN dvcqg_progress_synced p ON p.status_change_id = c.id "
                        + "WHERE c.dossier_code = ? ORDER BY c.occurred_at, c.id")
                .param(dossierCode)
                .query((rs, n) -> new Step(rs.getLong("id"), DossierStore.statusChange(rs),
                        rs.getObject("recorded_at", OffsetDateTime.class), rs.getObject("synced") != null))
                .list();
    }

    public Optional<Integer> syncedVersion(String dossierCode) {
        return jdbc.sql("SELECT synced_version FROM dvcqg_sync_state WHERE dossier_code = ?")
                .param(dossierCode).query(Integer.class).optional();
    }

    /** Records that the portal holds this version; never lowers the recorded version. */
    public void dossierSynced(String dossierCode, int version, int status, OffsetDateTime at) {
        int updated = jdbc.sql("UPDATE dvcqg_sync_state SET synced_version = ?, synced_status = ?, synced_at = ? "
                        + "WHERE dossier_code = ? AND synced_version < ?")
                .params(version, status, at, dossierCode, version).update();
        if (updated == 0 && syncedVersion(dossierCode).isEmpty()) {
            try {
                jdbc.sql("INSERT INTO dvcqg_sync_state (dossier_code, synced_version, synced_status, first_synced_at, "
                                + "synced_at) VALUES (?, ?, ?, ?, ?)")
                        .params(dossierCode, version, status, at, at).update();
            } catch (DuplicateKeyException concurrent) {
                dossierSynced(dossierCode, version, status, at);
            }
        }
    }

    public void progressSynced(String dossierCode, List<Long> statusChangeIds, OffsetDateTime at) {
        for (long id : statusChangeIds) {
            try {
                jdbc.sql("INSERT INTO dvcqg_progress_synced (status_change_id, dossier_code, synced_at) VALUES (?, ?, ?)")
                        .params(id, dossierCode, at).update();
            } catch (DuplicateKeyException already) {
                // Recorded by an earlier attempt; nothing to add.
            }
        }
    }

    /** Forgets what was synced, so the next sync event pushes the whole dossier again (reconciliation). */
    public void forgetDossier(String dossierCode) {
        jdbc.sql("DELETE FROM dvcqg_sync_state WHERE dossier_code = ?").param(dossierCode).update();
    }

    /** Forgets progress steps the portal turned out not to hold. */
    public void forgetSteps(List<Long> statusChangeIds) {
        for (long id : statusChangeIds) {
            jdbc.sql("DELETE FROM dvcqg_progress_synced WHERE status_change_id = ?").param(id).update();
        }
    }
}
