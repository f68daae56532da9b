-- Orders the hub placed with the postal operator (dịch vụ bưu chính công ích): at most one per dossier and kind
-- (COLLECTION of the dossier at the applicant's, DELIVERY of its result), and each state the operator reported,
-- once: a repeated callback for a state already recorded finds its row and has no second effect.
CREATE TABLE postal_order (
    order_ref     VARCHAR(96)  PRIMARY KEY,
    dossier_code  VARCHAR(64)  NOT NULL REFERENCES dossier (dossier_code),
    kind          VARCHAR(16)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    cod_amount    BIGINT       NOT NULL,
    cod_fees      VARCHAR(2000),
    operator_ref  VARCHAR(128),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_postal_order_dossier ON postal_order (dossier_code);

CREATE TABLE postal_order_state (
    order_ref     VARCHAR(96)  NOT NULL REFERENCES postal_order (order_ref),
    state         VARCHAR(16)  NOT NULL,
    reported_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (order_ref, state)
);
