-- Schema 2 to 3: the publication year, for faceting in Datasette (which does not list generated
-- columns); snapshots packed against an earlier body of the same URL; captures indexed by document
-- alone (id order is time order). archive.schema also drops captures.content_hash: the
-- capture's version holds it.
ALTER TABLE documents ADD COLUMN year TEXT;
UPDATE documents SET year = substr(published, 1, 4);
ALTER TABLE snapshots ADD COLUMN base_digest TEXT;
DROP INDEX IF EXISTS captures_document;
