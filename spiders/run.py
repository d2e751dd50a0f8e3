"""One site's crawl as the spider, its pipelines and its middlewares share it: the archive it writes, its
run row, and why it failed, if it did. The spider opens it in `from_crawler`; the others take it from
there (`crawler.spider.run`) in theirs."""

import contextlib
import json
import logging
import sqlite3
from dataclasses import dataclass, field

from archive import Archive
from archive.lock import crawl_lock
from archive.vocabulary import RunStatus

from .sites import Site

log = logging.getLogger("zwgk.crawl")
RUN_SUMMARY = "zwgk-run-summary"  # logged with the finished run's row as JSON


@dataclass
class CrawlRun:
    site: Site
    db_path: str
    archive: Archive
    held: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)
    run_id: int | None = None
    failure: str | None = None  # set once: the archive could not be written, nothing more is kept

    @classmethod
    def open(cls, site: Site, db_path: str, lock_held: bool) -> "CrawlRun":
        """Open the archive, taking the crawl lock first unless the caller (`zwgk crawl`) holds it."""
        held = contextlib.ExitStack()
        if not lock_held:
            held.enter_context(crawl_lock(db_path, wait=True))
        return cls(site, db_path, Archive(db_path), held)

    def start(self, walk: str) -> None:
        self.run_id = self.archive.crawls.start_run(self.site.key, walk)

    def count(self, **increments: int) -> None:
        self.archive.crawls.add_to_run(self.run_id, **increments)

    def fail(self, error: sqlite3.Error) -> bool:
        """Note that the archive failed; True the first time, when the crawl must be stopped."""
        if self.failure is not None:
            return False
        self.failure = f"archive {self.db_path}: {error}"
        return True

    def finish(self, status: RunStatus, message: str | None) -> None:
        """Close the run row, log it for a dispatcher reading scrapyd's log, and let go of the archive. If the
        archive is what failed, the row stays 'running' and the next crawl marks it interrupted."""
        if self.failure:
            status, message = RunStatus.FAILED, self.failure
        with contextlib.suppress(sqlite3.Error):
            self.archive.crawls.finish_run(self.run_id, status, message)
            row = dict(self.archive.crawls.run(self.run_id))
            log.info("%s %s", RUN_SUMMARY, json.dumps(row, ensure_ascii=False))
        self.archive.close()
        self.held.close()
