"""The versioned archive: documents, their versions, every capture, and the raw bytes behind them."""

import json
from dataclasses import dataclass
from pathlib import Path

from crawler import metadata

from . import schema, search
from .clock import now
from .crawls import CrawlRecords
from .database import connect, write
from .files import AttachmentRecords
from .queries import Reader
from .snapshots import Snapshots
from .vocabulary import DocumentStatus, Outcome

META_FIELDS = metadata.FIELDS  # every metadata field a document row and a version row keep


@dataclass
class CaptureResult:
    document_id: int
    capture_id: int
    outcome: str
    version: int | None
    changed: bool


class Archive:
    """An archive file: its parts, each on the one connection, and the captures that tie them together.

    `read` answers readers, `crawls` keeps the crawl's memory, `attachments` and `snapshots` the files and
    bytes; the methods here record one fetched answer each, in one transaction.
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.db = connect(self.path)
        schema.ensure(self.db)
        self.conn = self.db.conn
        self.read = Reader(self.conn)
        self.snapshots = Snapshots(self.conn)
        self.crawls = CrawlRecords(self.conn)
        self.attachments = AttachmentRecords(self.conn, self.snapshots, self.crawls)

    def close(self):
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- writing -------------------------------------------------------------------------
    def record_document(self, response, doc, site: str | None = None, crawl_run_id: int | None = None) -> CaptureResult:
        """A fetch that brought a document: a capture always, a version when the content is new."""
        with write(self.conn):
            document_id, created = self._document_id(response.url, site)
            digest = self.snapshots.store(response.body, self.snapshots.base_for(document_id))
            version_id, number, outcome, new = self._settle_version(document_id, doc)
            parts = [self.snapshots.store(part.body) for part in getattr(response, "parts", [])]
            capture_id = self._insert_capture(
                document_id, response, outcome, version_id, doc, digest, crawl_run_id, parts=parts
            )
            self.conn.execute(
                "UPDATE documents SET last_seen = ?, status = 'live', withdrawn_at = NULL, etag = ?, last_modified = "
                "? WHERE id = ?",
                [now(), response.header("etag"), response.header("last-modified"), document_id],
            )
            self.crawls.count(crawl_run_id, pages_fetched=1, new_documents=int(created), new_versions=int(new))
        return CaptureResult(document_id, capture_id, outcome, number, changed=new)

    def record_reextraction(self, document_id: int, doc) -> tuple[str, int]:
        """A stored capture extracted again: a version (made current) only when the content differs. No capture:
        nothing was fetched."""
        with write(self.conn):
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
        self.attachments.link(version_id, doc.files)
        return version_id, number, outcome, row is None

    def record_gone(self, response, crawl_run_id: int | None = None, reason: str | None = None) -> CaptureResult | None:
        """A known document that is no longer there: the capture is kept, the document marked withdrawn, its versions
        untouched."""
        with write(self.conn):
            known = self.read.document(response.url)
            if known is None:
                return None
            digest = self.snapshots.store(response.body, self.snapshots.base_for(known["id"]))
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
            self.crawls.count(crawl_run_id, pages_fetched=1, withdrawn=int(newly))
        return CaptureResult(known["id"], capture_id, Outcome.WITHDRAWN, known["current_version"], False)

    def record_not_modified(self, response, crawl_run_id: int | None = None) -> CaptureResult:
        """A 304 to a conditional revisit: the current version was confirmed, nothing else changes."""
        with write(self.conn):
            known = self.read.document(response.url)
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
            self.crawls.count(crawl_run_id, not_modified=1)
        return CaptureResult(known["id"], capture_id, Outcome.NOT_MODIFIED, known["current_version"], False)

    def record_blocked(self, response, reason: str, crawl_run_id: int | None = None) -> int:
        """An anti-bot answer: kept as evidence, but the document (if known) is left exactly as it was."""
        with write(self.conn):
            known = self.read.document(response.url)
            digest = self.snapshots.store(response.body)
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
            self.crawls.count(crawl_run_id, blocked=1)
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
        search.index_document(self.conn, document_id, doc.text, {f: getattr(doc, f) for f in search.INDEXED_FIELDS})

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
