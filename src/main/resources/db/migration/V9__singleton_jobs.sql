-- Scale-out (issue 11): one row per singleton job (a scheduled route), held by the node that runs it now.
-- ShedLock's JDBC provider owns the rows (cluster.SingletonJobs): a node takes the lock with a conditional
-- INSERT/UPDATE on lock_until, so two nodes never run the same job at once, and a dead node's lock expires.
-- TIMESTAMP without zone on purpose: ShedLock writes the database's own UTC time (usingDbTime), so no node clock
-- and no session time zone takes part. Portable between H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP    NOT NULL,
    locked_at   TIMESTAMP    NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
