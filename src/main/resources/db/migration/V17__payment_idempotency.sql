-- Starting a payment is idempotent across nodes: the database, not a node's memory, refuses a second row.
-- idem_key: the caller's Idempotency-Key (per calling system), with the hash of the request it first came with;
-- kept for good, so a retry after the payment settled still answers the original transaction.
-- pending_key: SHA-256 of dossier, gateway and fee codes while the transaction is PENDING (cleared when it is
-- settled), so a retry without a key never opens a second pending transaction for the same fees.
-- payment_url: what the gateway answered, to answer a retry the same. NULLs are distinct in both unique constraints
-- (H2 and PostgreSQL alike).
ALTER TABLE payment_transaction ADD COLUMN client_id VARCHAR(64);
ALTER TABLE payment_transaction ADD COLUMN idem_key VARCHAR(128);
ALTER TABLE payment_transaction ADD COLUMN request_hash VARCHAR(64);
ALTER TABLE payment_transaction ADD COLUMN pending_key VARCHAR(64);
ALTER TABLE payment_transaction ADD COLUMN payment_url VARCHAR(4000);
ALTER TABLE payment_transaction ADD CONSTRAINT uq_payment_idempotency_key UNIQUE (client_id, idem_key);
ALTER TABLE payment_transaction ADD CONSTRAINT uq_payment_pending_key UNIQUE (pending_key);
