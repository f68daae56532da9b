-- The refusal audit records 401 and 429 beside 403 (written asynchronously, README "Security"): the answer given.
ALTER TABLE access_refusal ADD COLUMN status SMALLINT DEFAULT 403 NOT NULL;
