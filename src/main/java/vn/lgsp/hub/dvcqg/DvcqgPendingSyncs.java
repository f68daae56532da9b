package vn.lgsp.hub.dvcqg;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.lgsp.hub.trail.DossierTrail;

/**
 * The dossiers waiting for their DVCQG sync (table {@code dvcqg_pending_sync}, one row per dossier): what the sync
 * consumer records and the batch sync claims. Every state lives in the table, so any node may run either side.
 */
@Repository
public class DvcqgPendingSyncs {

    /** A row claimed by a batch: the events it had seen, and whether an earlier batch claimed it already. */
    public record Claimed(String dossierCode, long generation, boolean claimedBefore) {
    }

    private final JdbcClient jdbc;

    public DvcqgPendingSyncs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that the dossier needs a sync; returns false when the per-dossier sync owns the dossier (its row waits
     * there), so the event is to be synced on its own. Two statements at most, no read first: an event of a dossier
     * already waiting (or being synced by a batch) only bumps its generation.
     */
    public boolean queue(String dossierCode) {
        OffsetDateTime now = DossierTrail.now();
        int bumped = jdbc.sql("UPDATE dvcqg_pending_sync SET generation = generation + 1, last_enqueued_at = ? "
                        + "WHERE dossier_code = ? AND claimable_at IS NOT NULL")
                .params(now, dossierCode).update();
        if (bumped > 0) {
            return true;
        }
        // A concurrent insert of the same dossier fails on the key: the event is redelivered and bumps it then.
        return jdbc.sql("INSERT INTO dvcqg_pending_sync (dossier_code, first_enqueued_at, last_enqueued_at, generation, "
                        + "attempts, claimable_at) SELECT ?, ?, ?, 1, 0, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM dvcqg_pending_sync WHERE dossier_code = ?)")
                .params(dossierCode, now, now, now, dossierCode).update() > 0;
    }

    /** Hands the dossier to the per-dossier sync (reconciliation, a failed batch): no batch takes it until released. */
    public void perDossier(String dossierCode) {
        OffsetDateTime now = DossierTrail.now();
        int updated = jdbc.sql("UPDATE dvcqg_pending_sync SET claim = NULL, claimable_at = NULL WHERE dossier_code = ?")
                .param(dossierCode).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO dvcqg_pending_sync (dossier_code, first_enqueued_at, last_enqueued_at, generation, "
                            + "attempts) SELECT ?, ?, ?, 1, 0 WHERE NOT EXISTS "
                            + "(SELECT 1 FROM dvcqg_pending_sync WHERE dossier_code = ?)")
                    .params(dossierCode, now, now, dossierCode).update();
        }
    }

    /** The per-dossier sync brought the portal up to date: the dossier's next events go to the batches again. */
    public void release(String dossierCode) {
        jdbc.sql("DELETE FROM dvcqg_pending_sync WHERE dossier_code = ? AND claimable_at IS NULL")
                .param(dossierCode).update();
    }

    /**
     * Claims up to {@code limit} waiting dossiers (and those whose batch's lease ran out), oldest first, for a lease;
     * must run inside a transaction. {@code FOR UPDATE SKIP LOCKED} leaves the rows another node is claiming at the
     * same moment to that node; the lease then keeps them from every other batch once this transaction commits.
     */
    public List<Claimed> claim(String token, int limit, Duration lease) {
        OffsetDateTime now = DossierTrail.now();
        List<Claimed> rows = jdbc.sql("SELECT dossier_code, generation, attempts FROM dvcqg_pending_sync "
                        + "WHERE claimable_at <= ? ORDER BY claimable_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .param(now)
                .query((rs, n) -> new Claimed(rs.getString("dossier_code"), rs.getLong("generation"),
                        rs.getInt("attempts") > 0))
                .list();
        if (!rows.isEmpty()) {
            jdbc.sql("UPDATE dvcqg_pending_sync SET claim = :claim, claimable_at = :until, attempts = attempts + 1 "
                            + "WHERE dossier_code IN (:codes)")
                    .param("claim", token).param("until", now.plus(lease))
                    .param("codes", rows.stream().map(Claimed::dossierCode).toList()).update();
        }
        return rows;
    }

    /**
     * The batch synced the dossier: the row goes, unless an event came while the batch ran (a change the batch may
     * not have read): then it waits for the next batch, as never attempted (everything sent was recorded).
     * Does nothing to a row another batch or the per-dossier sync took over after the lease.
     */
    public void done(String token, Claimed row) {
        int deleted = jdbc.sql("DELETE FROM dvcqg_pending_sync WHERE dossier_code = ? AND claim = ? AND generation = ?")
                .params(row.dossierCode(), token, row.generation()).update();
        if (deleted == 0) {
            jdbc.sql("UPDATE dvcqg_pending_sync SET claim = NULL, claimable_at = ?, attempts = 0 "
                            + "WHERE dossier_code = ? AND claim = ?")
                    .params(DossierTrail.now(), row.dossierCode(), token).update();
        }
    }

    /** Hands a claimed dossier to the per-dossier sync; false when the batch no longer holds it. */
    public boolean handOver(String token, String dossierCode) {
        return jdbc.sql("UPDATE dvcqg_pending_sync SET claim = NULL, claimable_at = NULL "
                        + "WHERE dossier_code = ? AND claim = ?")
                .params(dossierCode, token).update() > 0;
    }

    /** Dossiers waiting for a batch (not those the per-dossier sync owns). */
    public int waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM dvcqg_pending_sync WHERE claimable_at IS NOT NULL")
                .query(Integer.class).single();
    }
}
