-- Notices to citizens (docs/citizen-services.md): one row per state a dossier entered that tells the citizen
-- something, keyed by dossier code + status + when the state began, so a state reported again sends nothing.
-- Only the masked phone number is kept; the number itself is read from the dossier when the notice is sent.
CREATE TABLE citizen_notice (
    notice_key    VARCHAR(160) PRIMARY KEY,
    dossier_code  VARCHAR(64)  NOT NULL,
    kind          VARCHAR(32)  NOT NULL,
    status        SMALLINT     NOT NULL,
    channel       VARCHAR(32)  NOT NULL,
    address_masked VARCHAR(64),
    outcome       VARCHAR(16)  NOT NULL,   -- QUEUED (then SENT or FAILED, read from the ledger and trail) or SKIPPED
    reason        VARCHAR(200),
    event_id      VARCHAR(36),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_citizen_notice_dossier ON citizen_notice (dossier_code, created_at);

-- Phone numbers whose owners asked for no notices, as SHA-256 of the normalised number (0xxxxxxxxx): the table is
-- not a list of phone numbers.
CREATE TABLE notice_opt_out (
    address_hash  VARCHAR(64)  PRIMARY KEY,
    opted_out_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by  VARCHAR(64)  NOT NULL
);
