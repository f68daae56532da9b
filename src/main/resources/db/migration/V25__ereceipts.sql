-- Electronic receipts (biên lai điện tử) of settled payments: one per payment transaction, requested in the
-- transaction that settles the payment and completed once with what the provider issued.
CREATE TABLE payment_receipt (
    transaction_id   VARCHAR(64)   PRIMARY KEY REFERENCES payment_transaction (transaction_id),
    dossier_code     VARCHAR(64)   NOT NULL REFERENCES dossier (dossier_code),
    state            VARCHAR(16)   NOT NULL,
    receipt_number   VARCHAR(64),
    lookup_code      VARCHAR(64),
    receipt_url      VARCHAR(2000),
    citizen_notified BOOLEAN       NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_payment_receipt_dossier ON payment_receipt (dossier_code);
