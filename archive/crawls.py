"""Crawl bookkeeping: runs and their counters, what lists said, per-list coverage, revisit candidates."""

import json
import sqlite3

from .clock import now
from .database import write
from .vocabulary import RunStatus

RUN_COUNTERS = (
    "list_pages",
    "pages_fetched",
    "new_documents",
    "new_versions",
    "withdrawn",
    "blocked",
    "not_modified",
    "attachments",
    "errors",
)


class CrawlRecords:
    """The crawl_runs, list_entries and list_coverage tables."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def start_run(self, site: str, walk: str, node: str | None = None) -> int:
        """Open a crawl_runs row. A run of this site still marked running was killed (the crawl lock says none is
        live): say so."""
        self.close_running(site)
        with write(self.conn):
            return self.conn.execute(
                "INSERT INTO crawl_runs (site, started_at, walk, node) VALUES (?, ?, ?, ?)", [site, now(), walk, node]
            ).lastrowid

    def set_run_job(self, run_id: int, job: str) -> None:
        with write(self.conn):
            self.conn.execute("UPDATE crawl_runs SET job = ? WHERE id = ?", [job, run_id])

    def finish_dispatched_run(self, run_id: int, remote: dict) -> None:
        """Close a dispatched run with what the node's own run row said: its walk, counters, status and message."""
        counters = {name: remote.get(name, 0) for name in RUN_COUNTERS}
        with write(self.conn):
            self.conn.execute(
                f"UPDATE crawl_runs SET walk = ?, {', '.join(f'{name} = ?' for name in counters)} WHERE id = ?",
                [remote.get("walk"), *counters.values(), run_id],
            )
        self.finish_run(run_id, remote["status"], remote.get("message"))

    def close_running(self, site: str) -> None:
        with write(self.conn):
            self.conn.execute(
                "UPDATE crawl_runs SET status = 'interrupted', finished_at = ? WHERE site = ? AND status = 'running'",
                [now(), site],
            )

    def last_ok_run(self, site: str):
        return self.conn.execute(
            "SELECT * FROM crawl_runs WHERE site = ? AND status = 'ok' ORDER BY id DESC LIMIT 1", [site]
        ).fetchone()

    def site_keys(self) -> list[str]:
        """Every site the archive has crawled or holds documents of."""
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT site FROM crawl_runs UNION SELECT site FROM documents WHERE site IS NOT NULL ORDER BY 1"
            )
        ]

    def site_totals(self, site: str) -> dict:
        row = self.conn.execute(
            "SELECT count(*) AS documents, coalesce(sum(version_count), 0) AS versions,"
            " coalesce(sum(status = 'withdrawn'), 0) AS withdrawn FROM documents WHERE site = ?",
            [site],
        ).fetchone()
        return dict(row)

    def finish_run(self, run_id: int, status: str, message: str | None = None) -> None:
        """Close the run, and count per list how many of its entries are now archived."""
        with write(self.conn):
            self.conn.execute(
                "UPDATE crawl_runs SET status = ?, finished_at = ?, message = ? WHERE id = ?",
                [status, now(), message, run_id],
            )
            self.conn.execute(
                "UPDATE list_coverage SET archived = (SELECT count(*) FROM list_entries l JOIN documents d ON d.url "
                "= l.url"
                " WHERE l.list_url = list_coverage.list_url AND l.delisted IS NULL AND d.site = l.site) WHERE "
                "crawl_run_id = ?",
                [run_id],
            )

    def add_to_run(self, run_id: int, **increments: int) -> None:
        with write(self.conn):
            self.count(run_id, **increments)

    def count(self, run_id: int | None, **increments: int) -> None:
        """Move a run's counters, inside the caller's transaction: counters move with the captures they count, so
        a killed crawl's row stays true."""
        if run_id is None:
            return
        assignments = ", ".join(f"{name} = {name} + ?" for name in increments)
        self.conn.execute(f"UPDATE crawl_runs SET {assignments} WHERE id = ?", [*increments.values(), run_id])

    def run(self, run_id: int):
        return self.conn.execute("SELECT * FROM crawl_runs WHERE id = ?", [run_id]).fetchone()

    def last_run(self, site: str):
        return self.conn.execute("SELECT * FROM crawl_runs WHERE site = ? ORDER BY id DESC LIMIT 1", [site]).fetchone()

    def needs_full_walk(self, site: str) -> bool:
        """Until a crawl of the site has finished, the lists must be walked to the end: this is how a killed crawl
        resumes."""
        last = self.last_run(site)
        return last is None or last["status"] != RunStatus.OK

    # --- lists ---------------------------------------------------------------------------
    def record_listing(self, site: str, list_url: str, entries: list[dict], run_id: int | None) -> None:
        with write(self.conn):
            for entry in entries:
                self.conn.execute(
                    "INSERT INTO list_entries (site, list_url, url, title, listed_date, signature, meta, "
                    "first_listed, last_listed,"
                    " last_run_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (site, list_url, url) DO UPDATE SET title = excluded.title, listed_date = "
                    "excluded.listed_date,"
                    " signature = excluded.signature, meta = excluded.meta, last_listed = excluded.last_listed,"
                    " last_run_id = excluded.last_run_id, position = excluded.position, delisted = NULL",
                    [
                        site,
                        list_url,
                        entry["url"],
                        entry.get("title"),
                        entry.get("date"),
                        entry.get("signature"),
                        json.dumps(entry.get("meta") or {}, ensure_ascii=False),
                        now(),
                        now(),
                        run_id,
                        entry.get("position"),
                    ],
                )
            self.count(run_id, list_pages=1)

    def list_signatures(self, site: str) -> dict[str, str]:
        """URL -> how it was last listed, for the URLs of this site that are archived."""
        rows = self.conn.execute(
            "SELECT l.url, l.signature FROM list_entries l JOIN documents d ON d.url = l.url WHERE l.site = ? ORDER "
            "BY l.last_listed",
            [site],
        )
        return {row["url"]: row["signature"] for row in rows}

    def listed_count(self, site: str, list_url: str) -> int:
        """How many entries earlier walks of this list recorded."""
        return self.conn.execute(
            "SELECT count(*) FROM list_entries WHERE site = ? AND list_url = ?", [site, list_url]
        ).fetchone()[0]

    def archived_urls(self, site: str) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT url FROM documents WHERE site = ?", [site])}

    def list_positions(self, site: str, list_url: str) -> dict[str, int]:
        """URL -> where the last walk that saw it met it in this list."""
        rows = self.conn.execute(
            "SELECT url, position FROM list_entries WHERE site = ? AND list_url = ? AND position IS NOT NULL",
            [site, list_url],
        )
        return {row["url"]: row["position"] for row in rows}

    def delist(self, site: str, list_url: str, run_id: int, reached: int | None, shift: int = 0) -> list[str]:
        """Archived entries of a list that this run's walk should have seen again but did not.

        `reached` is the deepest place, in the previous walks' order, of an entry this walk met again (None:
        the whole list was walked). Whatever stood above it then and was not met now has left the part of
        the list this walk covered, however the list is sorted (pinned entries, sort numbers, back-dated
        documents): those entries are marked delisted and returned, so the crawl checks each once whether it
        was withdrawn or only moved. Entries below it were simply not reached: their places move down by
        `shift`, the entries that appeared above them, so that the next walk compares like with like.
        """
        with write(self.conn):
            rows = self.conn.execute(
                "SELECT l.url FROM list_entries l JOIN documents d ON d.url = l.url WHERE l.site = ? AND l.list_url = ?"
                " AND l.delisted IS NULL AND l.last_run_id IS NOT ? AND (? IS NULL OR l.position <= ?)",
                [site, list_url, run_id, reached, reached],
            ).fetchall()
            urls = [row["url"] for row in rows]
            self.conn.executemany(
                "UPDATE list_entries SET delisted = ? WHERE site = ? AND list_url = ? AND url = ?",
                [(now(), site, list_url, u) for u in urls],
            )
            if reached is not None and shift:
                self.conn.execute(
                    "UPDATE list_entries SET position = position + ? WHERE site = ? AND list_url = ? AND last_run_id "
                    "IS NOT ?"
                    " AND position > ?",
                    [shift, site, list_url, run_id, reached],
                )
        return urls

    def record_coverage(
        self,
        run_id: int,
        list_url: str,
        family: str,
        reported_total: int | None,
        pages_walked: int,
        entries_seen: int,
        walk: str,
    ) -> None:
        with write(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO list_coverage (crawl_run_id, list_url, family, reported_total, pages_walked, "
                "entries_seen, walk)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [run_id, list_url, family, reported_total, pages_walked, entries_seen, walk],
            )

    def coverage(self, run_id: int) -> list:
        return self.conn.execute(
            "SELECT * FROM list_coverage WHERE crawl_run_id = ? ORDER BY list_url", [run_id]
        ).fetchall()

    # --- revisits ------------------------------------------------------------------------
    def revisit_candidates(self, site: str) -> list:
        """Every archived document of the site with what the revisit policy and a conditional request need."""
        return self.conn.execute(
            "SELECT url, published, first_seen, last_checked, etag, last_modified FROM documents WHERE site = ?", [site]
        ).fetchall()
