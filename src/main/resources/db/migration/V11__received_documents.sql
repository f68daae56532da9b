-- Documents received over the document axis (edXML): replies to documents the hub sent, and new documents, which
-- become work for the one-stop system. Each is kept once by its sender's DocumentId (document_key is a hash of it:
-- the message group, trail key and attachment folder); dossier_code is the dossier it belongs to, when known.
-- Portable between H2 (PostgreSQL mode) and PostgreSQL.
CREATE TABLE docaxis_document (
    document_key      VARCHAR(64)   PRIMARY KEY,
    document_id       VARCHAR(4000) NOT NULL,
    axis_doc_id       VARCHAR(128)  NOT NULL,
    kind              VARCHAR(16)   NOT NULL,
    sender_id         VARCHAR(64)   NOT NULL,
    sender_name       VARCHAR(4000),
    code              VARCHAR(4000),
    promulgation_date DATE,
    subject           VARCHAR(4000),
    dossier_code      VARCHAR(64),
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_docaxis_document_dossier ON docaxis_document (dossier_code);
