-- Dossiers waiting for their DVCQG sync, one row per dossier however many events asked for it: the batch sync takes
-- them batch-size at a time and sends each batch in one DongBoHoSoMC / CapNhatTienDoHoSoMC call.
--   waiting:     claim NULL, claimable_at = when it was queued
--   claimed:     claim = the batch's token, claimable_at = end of its lease (a node that dies leaves the rows to
--                the next batch after the lease, which hands them to the per-dossier sync: attempts > 0)
--   per dossier: claimable_at NULL; the per-dossier sync (with its TraCuuHoSo lookup) owns the dossier until it
--                succeeds, and so do the dossier's later events
-- generation counts the events; a batch deletes the row only if none came while it ran.
CREATE TABLE dvcqg_pending_sync (
    dossier_code      VARCHAR(64) PRIMARY KEY,
    first_enqueued_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_enqueued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    generation        BIGINT      NOT NULL,
    attempts          INTEGER     NOT NULL,
    claim             VARCHAR(36),
    claimable_at      TIMESTAMP WITH TIME ZONE
);

CREATE INDEX dvcqg_pending_sync_claimable ON dvcqg_pending_sync (claimable_at);
