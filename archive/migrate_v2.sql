-- Archives made before crawling (schema 1): new columns, and captures rebuilt so that a blocked
-- answer for a URL not yet archived can be recorded without a document. The rows are copied back
-- by Archive._create_schema once schema.sql has made the new captures table.
DROP INDEX IF EXISTS captures_document;
ALTER TABLE captures RENAME TO captures_v1;
ALTER TABLE documents ADD COLUMN last_checked TEXT;
ALTER TABLE documents ADD COLUMN etag TEXT;
ALTER TABLE documents ADD COLUMN last_modified TEXT;
ALTER TABLE crawl_runs ADD COLUMN walk TEXT;
ALTER TABLE crawl_runs ADD COLUMN list_pages INTEGER NOT NULL DEFAULT 0;
ALTER TABLE crawl_runs ADD COLUMN not_modified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE crawl_runs ADD COLUMN attachments INTEGER NOT NULL DEFAULT 0;
ALTER TABLE crawl_runs ADD COLUMN message TEXT;
