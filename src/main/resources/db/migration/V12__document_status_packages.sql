-- Status packages to the senders of received documents: the last edXML StatusCode queued for each document, so a
-- code is sent once per change (dossier statuses 4, 5 and 6 all say 05) and never again for a repeated report.
ALTER TABLE docaxis_document ADD COLUMN last_status_code VARCHAR(2);
