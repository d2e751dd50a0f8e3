-- Schema 3 to 4: documents.year was left NULL for first versions (the UPDATE read the old row's
-- published); set it from published for every document. Archive._create_schema also adds
-- list_entries.position (where a walk met an entry) to archives whose list_entries lack it.
-- The search index gains 发布机构, 文号 and 索引号: it is dropped here, made anew by schema.sql, and filled
-- again from the documents by Archive._create_schema.
UPDATE documents SET year = substr(published, 1, 4) WHERE year IS NOT substr(published, 1, 4);
DROP TABLE IF EXISTS documents_fts;
