-- Schema 2 to 3: the publication year, for faceting in Datasette (which does not list generated columns).
ALTER TABLE documents ADD COLUMN year TEXT;
UPDATE documents SET year = substr(published, 1, 4);
