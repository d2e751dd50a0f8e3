"""Every read of the archive that serves a reader: `zwgk status`, the exports, `reprocess`, and the
Datasette plugin (which runs these same statements through Datasette's own connections)."""

import sqlite3

from .vocabulary import Outcome

DOCUMENT_BY_URL = "SELECT * FROM documents WHERE url = ?"
DOCUMENT_BY_ID = "SELECT * FROM documents WHERE id = ?"
VERSIONS_OF = "SELECT * FROM versions WHERE document_id = ? ORDER BY version"
CAPTURES_OF = "SELECT * FROM captures WHERE document_id = ? ORDER BY id"
CAPTURE_BY_ID = "SELECT * FROM captures WHERE id = ?"
ATTACHMENT_BY_ID = "SELECT * FROM attachments WHERE id = ?"
DOCUMENT_ATTACHMENTS = (
    "SELECT a.id, a.url, a.name, a.filename, a.content_type, a.size, a.digest, a.status,"
    " min(v.version) AS first_version FROM attachments a JOIN version_attachments va ON va.attachment_id = a.id"
    " JOIN versions v ON v.id = va.version_id WHERE v.document_id = ? GROUP BY a.id ORDER BY a.id"
)
COUNTED_TABLES = ("documents", "versions", "captures", "snapshots", "crawl_runs")
BROUGHT_CONTENT = (Outcome.NEW_VERSION, Outcome.UNCHANGED, Outcome.REVERTED, Outcome.DAMAGED)
LATEST_DOCUMENT_CAPTURES = (
    "SELECT c.*, (SELECT json_object('title', l.title, 'published', l.listed_date, 'meta', json(l.meta))"
    " FROM list_entries l WHERE l.url = d.url ORDER BY l.last_listed DESC LIMIT 1) AS listed"
    " FROM documents d JOIN captures c ON c.id = (SELECT max(id) FROM captures WHERE document_id = d.id"
    f" AND outcome IN ({', '.join(repr(str(o)) for o in BROUGHT_CONTENT)}))"
    " WHERE ?1 IS NULL OR d.site = ?1 ORDER BY d.id"
)
EXPORT_CAPTURES = (
    "SELECT c.url, c.fetched_at, c.status, c.headers, c.snapshot_digest AS digest FROM captures c"
    " LEFT JOIN documents d ON d.id = c.document_id LEFT JOIN crawl_runs r ON r.id = c.crawl_run_id"
    " WHERE ?1 IS NULL OR coalesce(d.site, r.site) = ?1"
    " UNION ALL"
    " SELECT a.url, a.fetched_at, 200, json_object('Content-Type', a.content_type), a.digest FROM attachments a"
    " WHERE a.status = 'stored' AND (?1 IS NULL OR EXISTS (SELECT 1 FROM version_attachments va"
    " JOIN versions v ON v.id = va.version_id JOIN documents d ON d.id = v.document_id"
    " WHERE va.attachment_id = a.id AND d.site = ?1))"
    " ORDER BY fetched_at"
)
EXPORT_VERSIONS = (
    "SELECT d.url, d.site, d.status, v.version, v.created_at, v.content_hash, v.title, v.publisher, v.doc_number,"
    " v.index_number, v.published, v.written, v.topic, v.validity, v.text, v.attachments, v.flags, v.repairs,"
    " v.extractor, d.current_version = v.version AS current FROM versions v JOIN documents d ON d.id = v.document_id"
    " WHERE ?1 IS NULL OR d.site = ?1 ORDER BY d.id, v.version"
)
SITE_TOTALS = (
    "SELECT count(*) AS documents, coalesce(sum(version_count), 0) AS versions,"
    " coalesce(sum(status = 'withdrawn'), 0) AS withdrawn FROM documents WHERE site = ?"
)
RUN_COVERAGE = "SELECT * FROM list_coverage WHERE crawl_run_id = ? ORDER BY list_url"

# The Datasette reading list (zwgk.archivist.reading): named parameters, FTS5 snippet marks passed in.
READING_COLUMNS = "d.id, d.title, d.publisher, d.doc_number, d.published, d.status, d.version_count, d.site, d.url"
READING_FILTERS = (
    "(:site = '' OR d.site = :site) AND (:since = '' OR d.published >= :since)"
    " AND (:until = '' OR d.published <= :until)"
)
READING_ORDER = "ORDER BY d.published IS NULL, d.published DESC, d.id DESC LIMIT :limit"
READING_LIST = f"SELECT {READING_COLUMNS}, null AS snippet FROM documents d WHERE {READING_FILTERS} {READING_ORDER}"
READING_SEARCH = (
    f"SELECT {READING_COLUMNS}, snippet(documents_fts, -1, :mark_open, :mark_close, '…', :snippet_tokens)"
    " AS snippet FROM documents_fts f JOIN documents d ON d.id = f.rowid"
    f" WHERE documents_fts MATCH :match AND {READING_FILTERS} {READING_ORDER}"
)
SITES = "SELECT DISTINCT site FROM documents WHERE site IS NOT NULL"

# What a journalist subscribes to: each new document, each new version, each withdrawal, newest first.
FEED = """
SELECT 'new' AS kind, d.id, d.url, d.site, v.title, v.created_at AS at, v.version FROM versions v
  JOIN documents d ON d.id = v.document_id WHERE v.version = 1 AND (:site = '' OR d.site = :site)
UNION ALL
SELECT 'changed', d.id, d.url, d.site, v.title, v.created_at, v.version FROM versions v
  JOIN documents d ON d.id = v.document_id WHERE v.version > 1 AND (:site = '' OR d.site = :site)
UNION ALL
SELECT 'withdrawn', d.id, d.url, d.site, d.title, d.withdrawn_at, d.current_version FROM documents d
  WHERE d.status = 'withdrawn' AND d.withdrawn_at IS NOT NULL AND (:site = '' OR d.site = :site)
ORDER BY at DESC LIMIT :limit
"""

# Canned queries of the archivist's Datasette (zwgk.archivist.metadata gives them titles).
_DAYS_AGO = "strftime('%Y-%m-%dT%H:%M:%S', 'now', '-' || coalesce(nullif(:days, ''), 7) || ' days')"
NEW_DOCUMENTS = (
    "SELECT id, site, title, publisher, published, first_seen, url FROM documents"
    f" WHERE first_seen >= {_DAYS_AGO} AND (:site = '' OR site = :site) ORDER BY first_seen DESC"
)
CHANGED_DOCUMENTS = (
    "SELECT d.id, d.site, d.title, v.version, v.created_at, d.url FROM versions v"
    " JOIN documents d ON d.id = v.document_id"
    f" WHERE v.version > 1 AND v.created_at >= {_DAYS_AGO} AND (:site = '' OR d.site = :site)"
    " ORDER BY v.created_at DESC"
)
WITHDRAWN_DOCUMENTS = (
    "SELECT id, site, title, publisher, published, withdrawn_at, version_count, url FROM documents"
    f" WHERE status = 'withdrawn' AND withdrawn_at >= {_DAYS_AGO} AND (:site = '' OR site = :site)"
    " ORDER BY withdrawn_at DESC"
)
DAMAGED_COPIES = (
    "SELECT d.id, d.site, d.title, v.version, v.flags, v.repairs, d.url FROM versions v"
    " JOIN documents d ON d.id = v.document_id"
    " WHERE EXISTS (SELECT 1 FROM json_each(v.flags) WHERE value = :flag) ORDER BY v.id DESC"
)
BLOCKED_BY_SITE = (
    "SELECT coalesce(d.site, r.site) AS site, c.reason, count(*) AS captures, max(c.fetched_at) AS last_seen"
    " FROM captures c LEFT JOIN documents d ON d.id = c.document_id LEFT JOIN crawl_runs r ON r.id = c.crawl_run_id"
    " WHERE c.outcome = 'blocked' GROUP BY 1, 2 ORDER BY captures DESC"
)
LARGEST_ATTACHMENTS = (
    "SELECT a.id, a.filename, a.name, a.content_type, a.size, a.status, a.url FROM attachments a"
    " WHERE a.size IS NOT NULL ORDER BY a.size DESC LIMIT 100"
)


class Reader:
    """The reads above on one connection, for the command line and the exports."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def document(self, url: str) -> sqlite3.Row | None:
        return self.conn.execute(DOCUMENT_BY_URL, [url]).fetchone()

    def versions(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(VERSIONS_OF, [document_id]).fetchall()

    def captures(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(CAPTURES_OF, [document_id]).fetchall()

    def counts(self) -> dict:
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}

    def latest_document_captures(self, site: str | None = None):
        """Per document, the newest capture that brought it, with the list entry that last showed it."""
        return self.conn.execute(LATEST_DOCUMENT_CAPTURES, [site])

    def export_captures(self, site: str | None = None):
        """Every capture and stored attachment, oldest first, with what a WARC record needs."""
        return self.conn.execute(EXPORT_CAPTURES, [site])

    def export_versions(self, site: str | None = None):
        return self.conn.execute(EXPORT_VERSIONS, [site])

    def site_totals(self, site: str) -> dict:
        return dict(self.conn.execute(SITE_TOTALS, [site]).fetchone())

    def coverage(self, run_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(RUN_COVERAGE, [run_id]).fetchall()
