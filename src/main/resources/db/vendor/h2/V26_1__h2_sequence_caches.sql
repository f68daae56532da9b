-- H2 only (spring.flyway.locations adds db/vendor/{vendor}). H2 writes a sequence's state to the file, a full store
-- of every page changed so far, each time its cache of values is used up: by default every 32 values. The
-- intake's batch takes hundreds of trail and outbox ids and code numbers per commit, so those stores cost more than
-- the commit itself. One sequence object serves every session in H2, so the ids stay in order of allocation; a
-- crash only skips the values not yet used (a gap, never a repeat). PostgreSQL keeps its default: there a cache
-- is per session and would hand out ids out of order across connections (the trail and the outbox read by id).
ALTER TABLE dossier_event ALTER COLUMN id SET CACHE 4096;
ALTER TABLE outbox_message ALTER COLUMN id SET CACHE 4096;
ALTER SEQUENCE dossier_code_seq CACHE 4096;
