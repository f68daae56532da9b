-- Sector routing: what the hub has taken from polled sector systems, so each item is processed exactly once
-- across restarts and across hub nodes. Portable between H2 (PostgreSQL mode) and PostgreSQL.

-- Where the next poll of a system starts (the system's own "since" value: a sequence number or a timestamp).
CREATE TABLE sector_poll_offset (
    system      VARCHAR(64)  PRIMARY KEY,
    since       VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every item already applied, by the system's own key; written in the transaction that advances the offset.
CREATE TABLE sector_poll_item (
    system        VARCHAR(64)  NOT NULL,
    item_key      VARCHAR(128) NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    dossier_code  VARCHAR(64),
    processed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (system, item_key)
);
