"""The versioned archive: documents, their versions, every capture, and the raw bytes behind them."""

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from crawler import metadata

from . import search, snapshots
from .clock import now
from .crawls import CrawlRecords
from .files import AttachmentRecords
from .vocabulary import DocumentStatus, Outcome

BUSY_TIMEOUT_MS = 30_000
SCHEMA_VERSION = 5
MIGRATIONS = [
    (2, "migrate_v2.sql"),
    (3, "migrate_v3.sql"),
    (4, "migrate_v4.sql"),
]  # (version reached, script) for archives made earlier
OBSOLETE_COLUMNS = [("captures", "content_hash")]  # dropped from older archives: the capture's version holds the hash
SEARCH_INDEX_REBUILT = 4  # archives older than this get their search index filled anew (migrate_v4.sql)
ADDED_COLUMNS = [
    ("list_entries", "position", "INTEGER"),
    ("crawl_runs", "node", "TEXT"),
    ("crawl_runs", "job", "TEXT"),
]  # added to older archives' tables that schema.sql leaves as they are
META_FIELDS = metadata.FIELDS  # every metadata field a document row and a version row keep


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass
class CaptureResult:
    document_id: int
    capture_id: int
    outcome: str
    version: int | None
    changed: bool


class Archive(CrawlRecords, AttachmentRecords):
    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA journal_mode=WAL")
        # In WAL mode NORMAL never corrupts the archive; a power cut may lose the last captures, which the next crawl
        # fetches again.
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self._create_schema()

    def _create_schema(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version >= SCHEMA_VERSION:
            return
        existing = self._has_table("captures")
        rebuilding_captures = existing and version < 2
        with self._transaction():
            for reached, script in MIGRATIONS:
                if existing and version < reached:
                    _run_script(self.conn, script)
            _run_script(self.conn, "schema.sql")
            if rebuilding_captures:
                columns = ", ".join(sorted(self._columns("captures_v1") & self._columns("captures")))
                self.conn.execute(f"INSERT INTO captures ({columns}) SELECT {columns} FROM captures_v1")
                self.conn.execute("DROP TABLE captures_v1")
            for table, column in OBSOLETE_COLUMNS:
                if column in self._columns(table):
                    self.conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
            for table, column, kind in ADDED_COLUMNS:
                if column not in self._columns(table):
                    self.conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            if existing and version < SEARCH_INDEX_REBUILT:
                self._reindex()
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _columns(self, table: str) -> set[str]:
        return {row["name"] for row in self.conn.execute(f"PRAGMA table_info({table})")}

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone() is not None

    def close(self):
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _transaction(self):
        return _Transaction(self.conn)

    # --- reading -------------------------------------------------------------------------
    def document(self, url: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM documents WHERE url = ?", [url]).fetchone()

    def versions(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM versions WHERE document_id = ? ORDER BY version", [document_id]
        ).fetchall()

    def captures(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM captures WHERE document_id = ? ORDER BY id", [document_id]).fetchall()

    def snapshot_body(self, digest: str) -> bytes:
        row = self.conn.execute(
            "SELECT compression, body, base_digest FROM snapshots WHERE digest = ?", [digest]
        ).fetchone()
        base = self.snapshot_body(row["base_digest"]) if row["base_digest"] else None
        return snapshots.unpack(row["compression"], row["body"], base)

    def counts(self) -> dict:
        tables = ("documents", "versions", "captures", "snapshots", "crawl_runs")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def latest_document_captures(self, site: str | None = None):
        """Per document, the newest capture that brought it, with the list entry that last showed it."""
        return self.conn.execute(
            "SELECT c.*, (SELECT json_object('title', l.title, 'published', l.listed_date, 'meta', json(l.meta))"
            " FROM list_entries l WHERE l.url = d.url ORDER BY l.last_listed DESC LIMIT 1) AS listed"
            " FROM documents d JOIN captures c ON c.id = (SELECT max(id) FROM captures WHERE document_id = d.id"
            " AND outcome IN ('new_version', 'unchanged', 'reverted', 'damaged'))"
            " WHERE ?1 IS NULL OR d.site = ?1 ORDER BY d.id",
            [site],
        )

    def export_captures(self, site: str | None = None):
        """Every capture and stored attachment, oldest first, with what a WARC record needs."""
        return self.conn.execute(
            "SELECT c.url, c.fetched_at, c.status, c.headers, c.snapshot_digest AS digest FROM captures c"
            " LEFT JOIN documents d ON d.id = c.document_id LEFT JOIN crawl_runs r ON r.id = c.crawl_run_id"
            " WHERE ?1 IS NULL OR coalesce(d.site, r.site) = ?1"
            " UNION ALL"
            " SELECT a.url, a.fetched_at, 200, json_object('Content-Type', a.content_type), a.digest FROM attachments a"
            " WHERE a.status = 'stored' AND (?1 IS NULL OR EXISTS (SELECT 1 FROM version_attachments va"
            " JOIN versions v ON v.id = va.version_id JOIN documents d ON d.id = v.document_id"
            " WHERE va.attachment_id = a.id AND d.site = ?1))"
            " ORDER BY fetched_at",
            [site],
        )

    def export_versions(self, site: str | None = None):
        return self.conn.execute(
            "SELECT d.url, d.site, d.status, v.version, v.created_at, v.content_hash, v.title, v.publisher, "
            "v.doc_number,"
            " v.index_number, v.published, v.written, v.topic, v.validity, v.text, v.attachments, v.flags, v.repairs,"
            " v.extractor, d.current_version = v.version AS current FROM versions v JOIN documents d ON d.id = "
            "v.document_id"
            " WHERE ?1 IS NULL OR d.site = ?1 ORDER BY d.id, v.version",
            [site],
        )

    # --- writing -------------------------------------------------------------------------
    def record_document(self, response, doc, site: str | None = None, crawl_run_id: int | None = None) -> CaptureResult:
        """A fetch that brought a document: a capture always, a version when the content is new."""
        with self._transaction():
            document_id, created = self._document_id(response.url, site)
            digest = self._store_snapshot(response.body, self._base_snapshot(document_id))
            version_id, number, outcome, new = self._settle_version(document_id, doc)
            parts = [self._store_snapshot(part.body) for part in getattr(response, "parts", [])]
            capture_id = self._insert_capture(
                document_id, response, outcome, version_id, doc, digest, crawl_run_id, parts=parts
            )
            self.conn.execute(
                "UPDATE documents SET last_seen = ?, status = 'live', withdrawn_at = NULL, etag = ?, last_modified = "
                "? WHERE id = ?",
                [now(), response.header("etag"), response.header("last-modified"), document_id],
            )
            self._count(crawl_run_id, pages_fetched=1, new_documents=int(created), new_versions=int(new))
        return CaptureResult(document_id, capture_id, outcome, number, changed=new)

    def record_reextraction(self, document_id: int, doc) -> tuple[str, int]:
        """A stored capture extracted again: a version (made current) only when the content differs. No capture:
        nothing was fetched."""
        with self._transaction():
            _, number, outcome, _ = self._settle_version(document_id, doc)
        return outcome, number

    def _settle_version(self, document_id: int, doc) -> tuple[int, int, str, bool]:
        """The version this content is (made if new) and whether it becomes current: (id, number, outcome, new)."""
        row = self.conn.execute(
            "SELECT id, version FROM versions WHERE document_id = ? AND content_hash = ?",
            [document_id, doc.content_hash],
        ).fetchone()
        current = self._current(document_id)
        if row is None:
            version_id, number = self._insert_version(document_id, doc)
            outcome = Outcome.NEW_VERSION
        else:
            version_id, number = row["id"], row["version"]
            outcome = Outcome.UNCHANGED if current and current["id"] == version_id else Outcome.REVERTED
        # A damaged copy never replaces a clean current version; it stays recorded and visible.
        if doc.flags and current is not None and not json.loads(current["flags"]) and current["id"] != version_id:
            outcome = Outcome.DAMAGED
        elif outcome != Outcome.UNCHANGED:
            self._make_current(document_id, version_id, doc)
        self._link_attachments(version_id, doc.attachments)
        return version_id, number, outcome, row is None

    def record_gone(self, response, crawl_run_id: int | None = None, reason: str | None = None) -> CaptureResult | None:
        """A known document that is no longer there: the capture is kept, the document marked withdrawn, its versions
        untouched."""
        with self._transaction():
            known = self.document(response.url)
            if known is None:
                return None
            digest = self._store_snapshot(response.body, self._base_snapshot(known["id"]))
            capture_id = self._insert_capture(
                known["id"],
                response,
                "withdrawn",
                None,
                None,
                digest,
                crawl_run_id,
                reason=reason or f"http-{response.status}",
            )
            newly = known["status"] != DocumentStatus.WITHDRAWN
            if newly:
                self.conn.execute(
                    "UPDATE documents SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?", [now(), known["id"]]
                )
            self._count(crawl_run_id, pages_fetched=1, withdrawn=int(newly))
        return CaptureResult(known["id"], capture_id, Outcome.WITHDRAWN, known["current_version"], False)

    def record_not_modified(self, response, crawl_run_id: int | None = None) -> CaptureResult:
        """A 304 to a conditional revisit: the current version was confirmed, nothing else changes."""
        with self._transaction():
            known = self.document(response.url)
            current = self._current(known["id"])
            capture_id = self._insert_capture(
                known["id"],
                response,
                Outcome.NOT_MODIFIED,
                current["id"] if current else None,
                None,
                None,
                crawl_run_id,
            )
            self.conn.execute("UPDATE documents SET last_seen = ? WHERE id = ?", [now(), known["id"]])
            self._count(crawl_run_id, not_modified=1)
        return CaptureResult(known["id"], capture_id, Outcome.NOT_MODIFIED, known["current_version"], False)

    def record_blocked(self, response, reason: str, crawl_run_id: int | None = None) -> int:
        """An anti-bot answer: kept as evidence, but the document (if known) is left exactly as it was."""
        with self._transaction():
            known = self.document(response.url)
            digest = self._store_snapshot(response.body)
            capture_id = self._insert_capture(
                known["id"] if known else None,
                response,
                Outcome.BLOCKED,
                None,
                None,
                digest,
                crawl_run_id,
                reason=reason,
            )
            self._count(crawl_run_id, blocked=1)
        return capture_id

    def _document_id(self, url: str, site: str | None) -> tuple[int, bool]:
        created = self.conn.execute(
            "INSERT OR IGNORE INTO documents (url, site, first_seen) VALUES (?, ?, ?)", [url, site, now()]
        ).rowcount
        if site:
            self.conn.execute("UPDATE documents SET site = ? WHERE url = ? AND site IS NULL", [site, url])
        return self.conn.execute("SELECT id FROM documents WHERE url = ?", [url]).fetchone()[0], bool(created)

    def _current(self, document_id: int):
        return self.conn.execute(
            "SELECT v.* FROM versions v JOIN documents d ON d.id = v.document_id AND d.current_version = v.version "
            "WHERE d.id = ?",
            [document_id],
        ).fetchone()

    def _store_snapshot(self, body: bytes, base_digest: str | None = None) -> str:
        """Store a body once per digest; packed against `base_digest` (an earlier body of the same URL) when given."""
        digest = body_digest(body)
        if self.conn.execute("SELECT 1 FROM snapshots WHERE digest = ?", [digest]).fetchone() is None:
            base = self.snapshot_body(base_digest) if base_digest else None
            compression, packed = snapshots.pack(body, base)
            self.conn.execute(
                "INSERT INTO snapshots (digest, size, stored_size, compression, body, base_digest) VALUES (?, ?, ?, "
                "?, ?, ?)",
                [digest, len(body), len(packed), compression, packed, base_digest],
            )
        return digest

    def _base_snapshot(self, document_id: int) -> str | None:
        """The plain-packed snapshot behind the document's latest capture: the dictionary for its next body."""
        row = self.conn.execute(
            "SELECT coalesce(s.base_digest, s.digest) FROM captures c JOIN snapshots s ON s.digest = c.snapshot_digest"
            " WHERE c.document_id = ? ORDER BY c.id DESC LIMIT 1",
            [document_id],
        ).fetchone()
        return row[0] if row else None

    def _insert_version(self, document_id: int, doc) -> tuple[int, int]:
        number = self.conn.execute(
            "SELECT coalesce(max(version), 0) + 1 FROM versions WHERE document_id = ?", [document_id]
        ).fetchone()[0]
        cursor = self.conn.execute(
            "INSERT INTO versions (document_id, version, content_hash, title, publisher, doc_number, index_number, "
            "published, written,"
            " topic, validity, text, text_simplified, attachments, flags, repairs, extractor, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                document_id,
                number,
                doc.content_hash,
                *(getattr(doc, f) for f in META_FIELDS),
                doc.text,
                doc.text_simplified,
                json.dumps(doc.attachments, ensure_ascii=False),
                json.dumps(doc.flags),
                json.dumps(doc.repairs, ensure_ascii=False),
                doc.method,
                now(),
            ],
        )
        self.conn.execute("UPDATE documents SET version_count = version_count + 1 WHERE id = ?", [document_id])
        return cursor.lastrowid, number

    def _make_current(self, document_id: int, version_id: int, doc) -> None:
        number = self.conn.execute("SELECT version FROM versions WHERE id = ?", [version_id]).fetchone()[0]
        assignments = ", ".join(f"{f} = ?" for f in META_FIELDS)
        self.conn.execute(
            f"UPDATE documents SET {assignments}, year = ?, current_version = ?, flags = ?, last_changed = ?"
            " WHERE id = ?",
            [
                *(getattr(doc, f) for f in META_FIELDS),
                (doc.published or "")[:4] or None,
                number,
                json.dumps(doc.flags),
                now(),
                document_id,
            ],
        )
        self._index(document_id, doc.text, {f: getattr(doc, f) for f in search.INDEXED_FIELDS})

    def _index(self, document_id: int, text: str, fields: dict) -> None:
        self.conn.execute("DELETE FROM documents_fts WHERE rowid = ?", [document_id])
        self.conn.execute(
            "INSERT INTO documents_fts (rowid, text, title, publisher, doc_number, index_number) VALUES (?, ?, ?, ?, "
            "?, ?)",
            [
                document_id,
                search.index_text(text),
                *(search.index_text(fields[f] or "") for f in search.INDEXED_FIELDS),
            ],
        )

    def _reindex(self) -> None:
        """Fill the search index from every document's current version (after the index gained columns)."""
        rows = self.conn.execute(
            "SELECT d.id, v.text, d.title, d.publisher, d.doc_number, d.index_number FROM documents d"
            " JOIN versions v ON v.document_id = d.id AND v.version = d.current_version"
        ).fetchall()
        for row in rows:
            self._index(row["id"], row["text"], dict(row))

    def _insert_capture(
        self, document_id, response, outcome, version_id, doc, digest, crawl_run_id, parts=(), reason=None
    ) -> int:
        decoded = getattr(doc, "decoded", None)
        fetched_at = now()
        cursor = self.conn.execute(
            "INSERT INTO captures (document_id, url, final_url, fetched_at, status, outcome, version_id, content_type,"
            " encoding, encoding_source, encoding_candidates, headers, snapshot_digest, part_digests, reason, "
            "crawl_run_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                document_id,
                response.url,
                response.final_url if response.final_url != response.url else None,
                fetched_at,
                response.status,
                outcome,
                version_id,
                response.content_type,
                decoded.encoding if decoded else None,
                decoded.source if decoded else None,
                json.dumps(decoded.candidates) if decoded else None,
                json.dumps(response.headers, ensure_ascii=False, separators=(",", ":")),
                digest,
                json.dumps(list(parts)) if parts else None,
                reason,
                crawl_run_id,
            ],
        )
        if document_id is not None:
            self.conn.execute("UPDATE documents SET last_checked = ? WHERE id = ?", [fetched_at, document_id])
        return cursor.lastrowid

    def _count(self, crawl_run_id: int | None, **increments: int) -> None:
        """Crawl counters move in the same transaction as the captures they count, so a killed crawl's row stays
        true."""
        if crawl_run_id is None:
            return
        assignments = ", ".join(f"{name} = {name} + ?" for name in increments)
        self.conn.execute(f"UPDATE crawl_runs SET {assignments} WHERE id = ?", [*increments.values(), crawl_run_id])


def _run_script(conn, name: str) -> None:
    """Statement by statement, because executescript() would commit the open transaction."""
    statement = ""
    for line in files("archive").joinpath(name).read_text("utf-8").splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error so nothing is half-written."""

    def __init__(self, conn):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *_):
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
