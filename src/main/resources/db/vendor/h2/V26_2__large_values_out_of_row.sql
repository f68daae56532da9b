-- Embedded H2 only (PostgreSQL keeps TEXT, which it stores out of the row by itself when large).
-- In PostgreSQL mode H2 reads TEXT as CHARACTER VARYING and keeps the value inside its B-tree page, so every commit
-- that touched a page rewrote every large dossier of that page: a 100 KB dossier was copied again by each later
-- insert next to it. As CHARACTER LARGE OBJECT a value longer than MAX_LENGTH_INPLACE_LOB (set in the URL) is
-- written once, out of the row; shorter ones stay in the row as before.
ALTER TABLE dossier ALTER COLUMN payload SET DATA TYPE CHARACTER LARGE OBJECT;
ALTER TABLE outbox_message ALTER COLUMN body SET DATA TYPE CHARACTER LARGE OBJECT;
ALTER TABLE dossier_amendment ALTER COLUMN body SET DATA TYPE CHARACTER LARGE OBJECT;
