-- Raw response bodies, compressed and stored once per distinct body.
CREATE TABLE IF NOT EXISTS snapshots (
    digest TEXT PRIMARY KEY,              -- sha256 of the raw body, hex
    size INTEGER NOT NULL,                -- raw bytes
    stored_size INTEGER NOT NULL,         -- compressed bytes
    compression TEXT NOT NULL,            -- 'zlib', or 'zlib-dict': compressed with the base snapshot as dictionary
    body BLOB NOT NULL,
    base_digest TEXT                      -- for 'zlib-dict': an earlier body of the same URL, itself plain 'zlib'
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
    withdrawn_at TEXT,
    last_checked TEXT,                    -- last capture of any outcome, for the revisit policy
    etag TEXT,                            -- validators of the last full answer, for conditional revisits
    last_modified TEXT,
    year TEXT                             -- of published, for faceting
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
    status TEXT NOT NULL DEFAULT 'running',  -- running | ok | failed | interrupted
    walk TEXT,                               -- full | incremental
    list_pages INTEGER NOT NULL DEFAULT 0,
    pages_fetched INTEGER NOT NULL DEFAULT 0,
    new_documents INTEGER NOT NULL DEFAULT 0,
    new_versions INTEGER NOT NULL DEFAULT 0,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    blocked INTEGER NOT NULL DEFAULT 0,
    not_modified INTEGER NOT NULL DEFAULT 0,
    attachments INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    message TEXT,                            -- why a run failed
    node TEXT,                               -- the scrapyd node a dispatched run went to
    job TEXT                                 -- its scrapyd job id
);
-- One row per fetch of a document URL, whatever it brought. A blocked answer for a URL not yet
-- archived has no document.
CREATE TABLE IF NOT EXISTS captures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER REFERENCES documents(id),
    url TEXT NOT NULL,
    final_url TEXT,                       -- after redirects; NULL when the same as url
    fetched_at TEXT NOT NULL,
    status INTEGER,
    outcome TEXT NOT NULL,                -- new_version | unchanged | reverted | damaged | withdrawn | not_modified | blocked
    version_id INTEGER REFERENCES versions(id),  -- the version this capture brought (its content_hash is there)
    content_type TEXT,
    encoding TEXT,
    encoding_source TEXT,                 -- which candidate won: bom, http-header, meta, detected, fallback
    encoding_candidates TEXT,             -- every candidate considered, JSON
    headers TEXT,                         -- response headers, JSON
    snapshot_digest TEXT REFERENCES snapshots(digest),
    part_digests TEXT,                    -- further pages of a paginated article, JSON list of digests
    reason TEXT,                          -- why withdrawn or blocked (http-404, soft-404, ruishu-412, ...)
    crawl_run_id INTEGER REFERENCES crawl_runs(id)
);
-- Files linked from documents, stored once per URL; their bytes live in snapshots.
CREATE TABLE IF NOT EXISTS attachments (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    name TEXT,                            -- link text
    filename TEXT,                        -- from Content-Disposition, reduced to a safe base name
    content_type TEXT,
    size INTEGER,
    digest TEXT REFERENCES snapshots(digest),
    status TEXT NOT NULL DEFAULT 'pending',  -- pending | stored | too_large | failed
    error TEXT,
    fetched_at TEXT,
    tries INTEGER NOT NULL DEFAULT 0      -- downloads attempted: a failed one is tried again, up to a limit
);
CREATE TABLE IF NOT EXISTS version_attachments (
    version_id INTEGER NOT NULL REFERENCES versions(id),
    attachment_id INTEGER NOT NULL REFERENCES attachments(id),
    PRIMARY KEY (version_id, attachment_id)
);
-- What each list page said about a document the last time it was seen there.
CREATE TABLE IF NOT EXISTS list_entries (
    site TEXT NOT NULL,
    list_url TEXT NOT NULL,               -- the start URL of the list
    url TEXT NOT NULL,
    title TEXT,
    listed_date TEXT,
    signature TEXT,                       -- title and date as listed: a change means the document may have changed
    meta TEXT,                            -- further columns of 信息公开目录 tables (索引号, 文号), JSON
    first_listed TEXT,
    last_listed TEXT,
    last_run_id INTEGER,
    delisted TEXT,                        -- when a walk that should have seen it again did not
    position INTEGER,                     -- where the last walk that saw it met it (0: the list's first entry)
    PRIMARY KEY (site, list_url, url)
);
-- Per crawl and list: what the portal says it holds against what the crawl saw.
CREATE TABLE IF NOT EXISTS list_coverage (
    crawl_run_id INTEGER NOT NULL REFERENCES crawl_runs(id),
    list_url TEXT NOT NULL,
    family TEXT,
    reported_total INTEGER,               -- documents the portal reports, where it does
    pages_walked INTEGER NOT NULL DEFAULT 0,
    entries_seen INTEGER NOT NULL DEFAULT 0,
    archived INTEGER,                     -- entries of this list archived, counted when the run finishes
    walk TEXT,                            -- complete | stopped-at-known | max-pages
    PRIMARY KEY (crawl_run_id, list_url)
);
CREATE INDEX IF NOT EXISTS captures_by_document ON captures(document_id);  -- rows come back in id (= time) order
CREATE INDEX IF NOT EXISTS versions_document ON versions(document_id, version);
CREATE INDEX IF NOT EXISTS documents_site ON documents(site);
CREATE INDEX IF NOT EXISTS crawl_runs_site ON crawl_runs(site, started_at);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, publisher, doc_number, index_number);
