"""Attachments: one row per URL, bytes stored once per digest in snapshots, linked to the versions that cite them."""

import sqlite3

from crawler.filenames import safe_filename

from .clock import now
from .crawls import CrawlRecords
from .database import write
from .snapshots import Snapshots
from .vocabulary import AttachmentStatus

ATTACHMENT_TRIES = 3  # downloads of an attachment in all: one that failed is tried again by the next crawls
# To download: never tried, or failed (a 5xx, a timeout, a dropped connection) fewer times than that. Too large
# stays as it is: the same cap would refuse it again.
TO_DOWNLOAD = f"(status = 'pending' OR (status = 'failed' AND tries < {ATTACHMENT_TRIES}))"


class AttachmentRecords:
    """The attachments table and its links to versions; the bytes go to snapshots."""

    def __init__(self, conn: sqlite3.Connection, snapshots: Snapshots, crawls: CrawlRecords):
        self.conn, self.snapshots, self.crawls = conn, snapshots, crawls

    def link(self, version_id: int, attachments: list[dict]) -> None:
        for attachment in attachments:
            self.conn.execute(
                "INSERT OR IGNORE INTO attachments (url, name) VALUES (?, ?)",
                [attachment["url"], attachment.get("name")],
            )
            self.conn.execute(
                "INSERT OR IGNORE INTO version_attachments (version_id, attachment_id) SELECT ?, id FROM attachments "
                "WHERE url = ?",
                [version_id, attachment["url"]],
            )

    def pending(self, site: str | None = None) -> dict[str, str]:
        """Attachments still to download, of documents of `site` (or of all sites): URL -> the address of a document
        that links it, to ask for it from."""
        rows = self.conn.execute(
            "SELECT a.url, MIN(d.url) FROM attachments a JOIN version_attachments va ON va.attachment_id = a.id"
            " JOIN versions v ON v.id = va.version_id JOIN documents d ON d.id = v.document_id"
            f" WHERE a.id IN (SELECT id FROM attachments WHERE {TO_DOWNLOAD}) AND (? IS NULL OR d.site = ?)"
            " GROUP BY a.id ORDER BY a.id",
            [site, site],
        )
        return {url: page for url, page in rows}

    def still_pending(self, attachments: list[dict]) -> list[str]:
        """The URLs among a document's attachments still to download."""
        urls = [a["url"] for a in attachments]
        if not urls:
            return []
        pending = {
            row[0]
            for row in self.conn.execute(
                f"SELECT url FROM attachments WHERE {TO_DOWNLOAD} AND url IN ({', '.join('?' * len(urls))})", urls
            )
        }
        return [url for url in urls if url in pending]

    def record(
        self,
        url: str,
        status: str,
        body: bytes | None = None,
        content_type: str | None = None,
        filename: str | None = None,
        error: str | None = None,
        crawl_run_id: int | None = None,
    ) -> None:
        """The outcome of downloading an attachment: stored (with its bytes), too_large or failed."""
        with write(self.conn):
            digest = self.snapshots.store(body) if body is not None else None
            self.conn.execute(
                "UPDATE attachments SET status = ?, digest = ?, size = ?, content_type = ?, filename = ?, error = ?,"
                " fetched_at = ?, tries = tries + 1 WHERE url = ?",
                [
                    status,
                    digest,
                    len(body) if body is not None else None,
                    content_type,
                    safe_filename(filename),
                    error,
                    now(),
                    url,
                ],
            )
            self.crawls.count(crawl_run_id, attachments=int(status == AttachmentStatus.STORED))
