-- Outages never need a person: a message that meets a temporary failure waits, retried in place, for as long as
-- its system's patience. The clock starts at its first failure and is kept here, by the broker's message id, so a
-- hub restart (the message comes back from the broker) continues it instead of starting it again; a replayed dead
-- letter is a new message with a clock of its own. A row lives while its message waits; operators' "oldest
-- waiting" per system reads message_at. Portable between H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE delivery_wait (
    message_id        VARCHAR(200) NOT NULL PRIMARY KEY,
    target            VARCHAR(64)  NOT NULL,
    dossier_code      VARCHAR(64),
    message_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    first_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_delivery_wait_target ON delivery_wait (target, message_at);
