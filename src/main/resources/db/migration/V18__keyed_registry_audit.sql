-- The registry audit chain is keyed: each record names the key id of its HMAC-SHA256 seal (the key itself is in
-- configuration, hub.audit.chain-keys, never in the database). Records written before are sealed with unkeyed
-- SHA-256: key id 'legacy-sha256', accepted by verification only up to legacy_until_seq, the last record at the
-- time of this migration.
ALTER TABLE registry_audit ADD COLUMN key_id VARCHAR(64) DEFAULT 'legacy-sha256' NOT NULL;
ALTER TABLE registry_audit ALTER COLUMN key_id DROP DEFAULT;
ALTER TABLE registry_audit_head ADD COLUMN legacy_until_seq BIGINT DEFAULT 0 NOT NULL;
UPDATE registry_audit_head SET legacy_until_seq = last_seq WHERE id = 1;
