-- Schema 3 to 4: documents.year was left NULL for first versions (the UPDATE read the old row's
-- published); set it from published for every document. List entries remember where a walk met them,
-- so that a walk knows which part of a list it covered without assuming the list is sorted by date.
UPDATE documents SET year = substr(published, 1, 4) WHERE year IS NOT substr(published, 1, 4);
ALTER TABLE list_entries ADD COLUMN position INTEGER;
