"""The versioned archive: documents, their versions, every capture, and the raw bytes behind them."""
import hashlib
import json
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.resources import files
from pathlib import Path

from . import search

BUSY_TIMEOUT_MS = 30_000
META_FIELDS = ("title", "publisher", "doc_number", "index_number", "published", "written", "topic", "validity")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


@dataclass
class CaptureResult:
    document_id: int
    capture_id: int
    outcome: str
    version: int | None
    changed: bool


class Archive:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(files("archive").joinpath("schema.sql").read_text("utf-8"))

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
        return self.conn.execute("SELECT * FROM versions WHERE document_id = ? ORDER BY version", [document_id]).fetchall()

    def captures(self, document_id: int) -> list[sqlite3.Row]:
        return self.conn.execute("SELECT * FROM captures WHERE document_id = ? ORDER BY id", [document_id]).fetchall()

    def snapshot_body(self, digest: str) -> bytes:
        row = self.conn.execute("SELECT body FROM snapshots WHERE digest = ?", [digest]).fetchone()
        return zlib.decompress(row["body"])

    def counts(self) -> dict:
        tables = ("documents", "versions", "captures", "snapshots", "crawl_runs")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def search(self, query: str) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT documents.* FROM documents_fts JOIN documents ON documents.id = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY documents.published DESC",
            [search.fts_query(query)],
        ).fetchall()

    # --- writing -------------------------------------------------------------------------
    def record_document(self, response, doc, site: str | None = None, crawl_run_id: int | None = None) -> CaptureResult:
        """A fetch that brought a document: a capture always, a version when the content is new."""
        with self._transaction():
            document_id = self._document_id(response.url, site)
            digest = self._store_snapshot(response.body)
            row = self.conn.execute(
                "SELECT id, version, flags FROM versions WHERE document_id = ? AND content_hash = ?", [document_id, doc.content_hash]
            ).fetchone()
            current = self._current(document_id)
            if row is None:
                version_id, number = self._insert_version(document_id, doc)
                outcome = "new_version"
            else:
                version_id, number = row["id"], row["version"]
                outcome = "unchanged" if current and current["id"] == version_id else "reverted"
            # A damaged copy never replaces a clean current version; it stays recorded and visible.
            if doc.flags and current is not None and not json.loads(current["flags"]) and current["id"] != version_id:
                outcome = "damaged"
            else:
                self._make_current(document_id, version_id, doc, changed=outcome != "unchanged")
            capture_id = self._insert_capture(document_id, response, outcome, version_id, doc, digest, crawl_run_id)
            self.conn.execute("UPDATE documents SET last_seen = ?, status = 'live', withdrawn_at = NULL WHERE id = ?", [now(), document_id])
        return CaptureResult(document_id, capture_id, outcome, number, changed=row is None)

    def record_gone(self, response, crawl_run_id: int | None = None) -> CaptureResult | None:
        """404/410 of a known document: the capture is kept, the document marked withdrawn, its versions untouched."""
        with self._transaction():
            known = self.document(response.url)
            if known is None:
                return None
            digest = self._store_snapshot(response.body)
            capture_id = self._insert_capture(known["id"], response, "withdrawn", None, None, digest, crawl_run_id)
            if known["status"] != "withdrawn":
                self.conn.execute("UPDATE documents SET status = 'withdrawn', withdrawn_at = ? WHERE id = ?", [now(), known["id"]])
        return CaptureResult(known["id"], capture_id, "withdrawn", known["current_version"], False)

    def _document_id(self, url: str, site: str | None) -> int:
        self.conn.execute("INSERT OR IGNORE INTO documents (url, site, first_seen) VALUES (?, ?, ?)", [url, site, now()])
        if site:
            self.conn.execute("UPDATE documents SET site = ? WHERE url = ? AND site IS NULL", [site, url])
        return self.conn.execute("SELECT id FROM documents WHERE url = ?", [url]).fetchone()[0]

    def _current(self, document_id: int):
        return self.conn.execute(
            "SELECT v.* FROM versions v JOIN documents d ON d.id = v.document_id AND d.current_version = v.version WHERE d.id = ?",
            [document_id],
        ).fetchone()

    def _store_snapshot(self, body: bytes) -> str:
        digest = body_digest(body)
        packed = zlib.compress(body, 6)
        self.conn.execute(
            "INSERT OR IGNORE INTO snapshots (digest, size, stored_size, compression, body) VALUES (?, ?, ?, 'zlib', ?)",
            [digest, len(body), len(packed), packed],
        )
        return digest

    def _insert_version(self, document_id: int, doc) -> tuple[int, int]:
        number = self.conn.execute("SELECT coalesce(max(version), 0) + 1 FROM versions WHERE document_id = ?", [document_id]).fetchone()[0]
        cursor = self.conn.execute(
            "INSERT INTO versions (document_id, version, content_hash, title, publisher, doc_number, index_number, published, written,"
            " topic, validity, text, text_simplified, attachments, flags, repairs, extractor, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [document_id, number, doc.content_hash, *(getattr(doc, f) for f in META_FIELDS), doc.text, doc.text_simplified,
             json.dumps(doc.attachments, ensure_ascii=False), json.dumps(doc.flags), json.dumps(doc.repairs, ensure_ascii=False),
             doc.method, now()],
        )
        self.conn.execute("UPDATE documents SET version_count = version_count + 1 WHERE id = ?", [document_id])
        return cursor.lastrowid, number

    def _make_current(self, document_id: int, version_id: int, doc, changed: bool) -> None:
        number = self.conn.execute("SELECT version FROM versions WHERE id = ?", [version_id]).fetchone()[0]
        assignments = ", ".join(f"{f} = ?" for f in META_FIELDS)
        self.conn.execute(
            f"UPDATE documents SET {assignments}, current_version = ?, flags = ?"
            + (", last_changed = ?" if changed else "") + " WHERE id = ?",
            [*(getattr(doc, f) for f in META_FIELDS), number, json.dumps(doc.flags)] + ([now()] if changed else []) + [document_id],
        )
        self.conn.execute("DELETE FROM documents_fts WHERE rowid = ?", [document_id])
        self.conn.execute(
            "INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)",
            [document_id, search.index_text(doc.title or ""), search.index_text(doc.text)],
        )

    def _insert_capture(self, document_id, response, outcome, version_id, doc, digest, crawl_run_id) -> int:
        decoded = getattr(doc, "decoded", None)
        cursor = self.conn.execute(
            "INSERT INTO captures (document_id, url, final_url, fetched_at, status, outcome, version_id, content_hash, content_type,"
            " encoding, encoding_source, encoding_candidates, headers, snapshot_digest, crawl_run_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [document_id, response.url, response.final_url, now(), response.status, outcome, version_id,
             doc.content_hash if doc else None, response.content_type,
             decoded.encoding if decoded else None, decoded.source if decoded else None,
             json.dumps(decoded.candidates) if decoded else None,
             json.dumps(response.headers, ensure_ascii=False), digest, crawl_run_id],
        )
        return cursor.lastrowid


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error so nothing is half-written."""

    def __init__(self, conn):
        self.conn = conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *_):
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")
