-- Raw response bodies, compressed and stored once per distinct body.
CREATE TABLE IF NOT EXISTS snapshots (
    digest TEXT PRIMARY KEY,              -- sha256 of the raw body, hex
    size INTEGER NOT NULL,                -- raw bytes
    stored_size INTEGER NOT NULL,         -- compressed bytes
    compression TEXT NOT NULL,            -- 'zlib'
    body BLOB NOT NULL
);
-- One row per document URL, carrying the current version's metadata.
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    site TEXT,
    title TEXT,
    publisher TEXT,
    doc_number TEXT,
    index_number TEXT,
    published TEXT,
    written TEXT,
    topic TEXT,
    validity TEXT,
    status TEXT NOT NULL DEFAULT 'live',  -- live | withdrawn
    current_version INTEGER,              -- versions.version shown as current
    version_count INTEGER NOT NULL DEFAULT 0,
    flags TEXT NOT NULL DEFAULT '[]',     -- damage flags of the current version, JSON list
    first_seen TEXT,
    last_seen TEXT,
    last_changed TEXT,
    withdrawn_at TEXT
);
-- One row per distinct content of a document.
CREATE TABLE IF NOT EXISTS versions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    version INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    doc_number TEXT,
    index_number TEXT,
    published TEXT,
    written TEXT,
    topic TEXT,
    validity TEXT,
    text TEXT NOT NULL,
    text_simplified TEXT,                 -- for search when the text was served in traditional script
    attachments TEXT NOT NULL DEFAULT '[]',
    flags TEXT NOT NULL DEFAULT '[]',
    repairs TEXT NOT NULL DEFAULT '[]',
    extractor TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (document_id, version),
    UNIQUE (document_id, content_hash)
);
CREATE TABLE IF NOT EXISTS crawl_runs (
    id INTEGER PRIMARY KEY,
    site TEXT,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    new_documents INTEGER NOT NULL DEFAULT 0,
    new_versions INTEGER NOT NULL DEFAULT 0,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    blocked INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0
);
-- One row per fetch of a document URL, whatever it brought.
CREATE TABLE IF NOT EXISTS captures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    url TEXT NOT NULL,
    final_url TEXT,
    fetched_at TEXT NOT NULL,
    status INTEGER,
    outcome TEXT NOT NULL,                -- new_version | unchanged | reverted | damaged | withdrawn
    version_id INTEGER REFERENCES versions(id),
    content_hash TEXT,
    content_type TEXT,
    encoding TEXT,
    encoding_source TEXT,                 -- which candidate won: bom, http-header, meta, detected, fallback
    encoding_candidates TEXT,             -- every candidate considered, JSON
    headers TEXT,                         -- response headers, JSON
    snapshot_digest TEXT REFERENCES snapshots(digest),
    crawl_run_id INTEGER REFERENCES crawl_runs(id)
);
CREATE INDEX IF NOT EXISTS captures_document ON captures(document_id, fetched_at);
CREATE INDEX IF NOT EXISTS versions_document ON versions(document_id, version);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text);
