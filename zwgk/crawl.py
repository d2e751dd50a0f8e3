"""`zwgk crawl`: run the portal spider for each chosen site in one Scrapy process, then report per site.

Scrapy's reactor cannot be restarted, so one process crawls once; callers that crawl repeatedly
(the demo, the scheduler) run `zwgk crawl` in a subprocess each time.
"""

import logging
import sys
import time

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from archive import Archive
from archive.crawls import RUN_COUNTERS
from archive.vocabulary import UNSUCCESSFUL_RUNS, RunStatus
from spiders.portal import PortalSpider
from spiders.run import CrawlRun
from spiders.sites import Site

PROGRESS_INTERVAL = 1.0  # seconds between redraws of the progress line
PROGRESS_SPINNER = "|/-\\"


class ArchiveFailure(Exception):
    """The archive could not be written (disk full, read-only): the crawl stopped; the message says why."""


def run_crawls(
    sites: list[Site],
    db_path: str,
    full: bool = False,
    recheck: bool = False,
    verbose: bool = False,
    log_file: str | None = None,
    show_progress: bool = False,
) -> list[dict]:
    """Crawl the sites (at the same time, each at its own pace) and return one summary per site."""
    Archive(db_path).close()  # create or migrate the schema once, before the spiders open it
    settings = Settings()
    settings.setmodule("settings", priority="project")
    settings.setdict({"LOG_INSTALL_ROOT_HANDLER": False, "ZWGK_LOCK_HELD": True})  # the caller holds the crawl lock
    process = CrawlerProcess(settings)
    _configure_logging(verbose, log_file)
    crawlers = []
    for n, site in enumerate(sites):
        crawler = Crawler(PortalSpider, settings.copy(), init_reactor=n == 0)
        crawlers.append((site, crawler))
        process.crawl(crawler, site=site, db_path=db_path, full=full, recheck=recheck)
    if show_progress and not verbose:
        _report_progress(crawlers)
    process.start()
    failure = next((run.failure for run in (_run(c) for _, c in crawlers) if run and run.failure), None)
    if failure:
        raise ArchiveFailure(failure)
    with Archive(db_path) as archive:
        return [_summary(site, archive, _run_id(crawler)) for site, crawler in crawlers]


def dispatch_crawls(dispatcher, sites: list[Site]) -> list[dict]:
    """Crawl the sites as scrapyd jobs (zwgk.dispatch), all at once, and return one summary per site."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(sites)) as pool:
        runs = list(pool.map(dispatcher.crawl, sites))
    with Archive(dispatcher.ledger) as ledger:
        return [
            {**_summary(site, ledger, run["id"]), "node": run["node"], "job": run["job"]}
            for site, run in zip(sites, runs)
        ]


def _report_progress(crawlers) -> None:
    """On a terminal: one line, redrawn every second, with each site's pages, documents and errors so far."""
    from twisted.internet import reactor, task

    def draw():
        parts = []
        for site, crawler in crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            parts.append(
                f"{site.key}: {stats.get('response_received_count', 0)} pages, "
                f"{stats.get('item_scraped_count', 0)} documents, "
                f"{stats.get('log_count/ERROR', 0) + stats.get('spider_exceptions', 0)} errors"
            )
        sys.stderr.write(
            "\r\033[K" + PROGRESS_SPINNER[int(time.monotonic() * 4) % len(PROGRESS_SPINNER)] + " " + " | ".join(parts)
        )
        sys.stderr.flush()

    def clear():
        if loop.running:
            loop.stop()
        sys.stderr.write("\r\033[K")

    loop = task.LoopingCall(draw)
    reactor.callWhenRunning(loop.start, PROGRESS_INTERVAL)
    reactor.addSystemEventTrigger("before", "shutdown", clear)


def _run(crawler) -> CrawlRun | None:
    """The crawl run the spider opened (none when it could not even start)."""
    return getattr(crawler.spider, "run", None)


def _run_id(crawler) -> int | None:
    run = _run(crawler)
    return run.run_id if run else None


def _summary(site: Site, archive: Archive, run_id: int | None) -> dict:
    run = archive.crawls.run(run_id) if run_id else None
    if run is None:
        return {"site": site.key, "status": RunStatus.FAILED, "message": "the crawl did not start", "seconds": 0.0}
    out = {
        "site": site.key,
        "run_id": run_id,
        "status": run["status"],
        "walk": run["walk"],
        **{k: run[k] for k in RUN_COUNTERS},
        "message": run["message"],
        "seconds": _seconds(run["started_at"], run["finished_at"]),
    }
    out["coverage"] = [dict(row) for row in archive.read.coverage(run_id)]
    return out


def _seconds(started: str, finished: str | None) -> float:
    """The site's own crawl time, from its run's timestamps."""
    import datetime

    if not finished:
        return 0.0
    return round(
        (datetime.datetime.fromisoformat(finished) - datetime.datetime.fromisoformat(started)).total_seconds(), 1
    )


def summary_line(summary: dict) -> str:
    if "walk" not in summary:
        return f"{summary['site']}: {summary['status']}: {summary['message']}"
    counts = "  ".join(f"{k.replace('_', ' ')} {summary[k]}" for k in RUN_COUNTERS)
    where = f" on {summary['node']}" if summary.get("node") else ""
    line = f"{summary['site']}: {summary['status']}{where} ({summary['walk']} walk, {summary['seconds']} s)  {counts}"
    return line + (f"  -- {summary['message']}" if summary["message"] else "")


def failed(summary: dict) -> bool:
    return summary["status"] in UNSUCCESSFUL_RUNS


def _configure_logging(verbose: bool, log_file: str | None) -> None:
    """Quiet for cron: without -v only the summary lines. With -v, a line per document and Scrapy's
    warnings on stderr. A log file gets all of that, with times, whatever -v says."""
    timed = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers = []
    if verbose:
        handlers.append(logging.StreamHandler(sys.stderr))
        handlers[-1].setFormatter(logging.Formatter("%(message)s"))
    if log_file:
        handlers.append(logging.FileHandler(log_file, encoding="utf-8"))
        handlers[-1].setFormatter(timed)
    logging.basicConfig(level=logging.WARNING, handlers=handlers or [logging.NullHandler()], force=True)
    for noisy in ("scrapy", "twisted", "py.warnings"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    logging.getLogger("zwgk").setLevel(logging.INFO)
