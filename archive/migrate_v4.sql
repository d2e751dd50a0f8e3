-- Schema 3 to 4: documents.year was left NULL for first versions (the UPDATE read the old row's
-- published); set it from published for every document. Archive._create_schema also adds
-- list_entries.position (where a walk met an entry) to archives whose list_entries lack it.
UPDATE documents SET year = substr(published, 1, 4) WHERE year IS NOT substr(published, 1, 4);
