-- Citizens' satisfaction ratings (docs/citizen-services.md) from counter devices, QR codes and the portal, one row per
-- rating: the caller's own rating id makes a repeat a duplicate. "satisfied" is decided on arrival (the score against
-- hub.ratings.satisfied-from then), so the indicator of a past period does not change with the setting.
CREATE TABLE satisfaction_rating (
    source_system VARCHAR(64)   NOT NULL,
    rating_id     VARCHAR(128)  NOT NULL,
    dossier_code  VARCHAR(64)   NOT NULL REFERENCES dossier (dossier_code),
    officer       VARCHAR(128),
    channel       VARCHAR(16)   NOT NULL,
    score         SMALLINT      NOT NULL,
    satisfied     BOOLEAN       NOT NULL,
    comment       VARCHAR(1000),
    rated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (source_system, rating_id)
);
CREATE INDEX ix_satisfaction_rating_dossier ON satisfaction_rating (dossier_code);
