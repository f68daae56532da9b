-- National registries: the audit log of personal-data lookups, and dossiers delivered unverified.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL: keep to the common subset.

-- Append-only, tamper-evident: each record's hash is SHA-256 over its fields and the previous record's hash.
-- Appends are serialised by locking the single row of registry_audit_head (safe with several hub nodes).
CREATE TABLE registry_audit (
    seq            BIGINT       PRIMARY KEY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    registry       VARCHAR(32)  NOT NULL,
    action         VARCHAR(32)  NOT NULL,
    subject        VARCHAR(32)  NOT NULL,
    caller_system  VARCHAR(64)  NOT NULL,
    officer_id     VARCHAR(128),
    dossier_code   VARCHAR(64),
    purpose        VARCHAR(500),
    result         VARCHAR(32)  NOT NULL,
    correlation_id VARCHAR(64),
    prev_hash      VARCHAR(64)  NOT NULL,
    hash           VARCHAR(64)  NOT NULL
);
CREATE INDEX ix_registry_audit_subject ON registry_audit (subject, seq);
CREATE INDEX ix_registry_audit_dossier ON registry_audit (dossier_code, seq);

CREATE TABLE registry_audit_head (
    id        SMALLINT    PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);
INSERT INTO registry_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Dossiers delivered to the one-stop system unverified because a registry was down; swept until verified,
-- then re-delivered as an update. In the database, so any hub node can finish what another started.
CREATE TABLE registry_unverified_dossier (
    dossier_code    VARCHAR(64)  PRIMARY KEY,
    registry        VARCHAR(32)  NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error      VARCHAR(500)
);
CREATE INDEX ix_unverified_next_attempt ON registry_unverified_dossier (next_attempt_at);
