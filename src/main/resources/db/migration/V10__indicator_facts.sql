-- What the Decision 766 indicators count of each dossier, written with its payload (dossier.IndicatorFacts), so the
-- indicators never re-read payloads: a month of 100 KB dossiers read once a minute took the heap of a hub.
-- NULL on rows written before this version: the indicators read those rows' payload instead.
ALTER TABLE dossier ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE dossier ADD COLUMN indicator_flags SMALLINT;
