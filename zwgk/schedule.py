"""`zwgk schedule`: APScheduler (3.x) in the foreground, one cron job per site, each crawl a `zwgk crawl`
subprocess, or with --scrapyd a job on the scrapyd node that owns the site's shard (zwgk.dispatch).

Scrapy's reactor cannot restart, so every crawl is its own process; `--wait` makes it queue for the
archive's crawl lock instead of giving up when another crawl (this scheduler's or cron's) holds it.
A job never overlaps itself (max_instances=1), missed runs are coalesced into one, and a site whose
last successful crawl is older than its schedule allows is crawled once at start.
"""

import contextlib
import datetime
import logging
import signal
import subprocess
import sys
import threading

from apscheduler.schedulers.blocking import BlockingScheduler

from archive import Archive
from archive.lock import ArchiveBusy, crawl_lock
from archive.vocabulary import RunStatus
from spiders.sites import Site, cron_trigger

log = logging.getLogger("zwgk.schedule")
MISFIRE_GRACE = 3600  # seconds: a run missed by less (the machine was busy or asleep) still happens
STOP_TIMEOUT = 120  # seconds a running crawl gets to finish after SIGTERM before it is killed


class LocalCrawls:
    """Each crawl a `zwgk crawl KEY --wait` subprocess on this machine, writing the one archive."""

    def __init__(self, sites_file: str, db_path: str):
        self.sites_file, self.db_path = sites_file, db_path
        self.children: set[subprocess.Popen] = set()
        self.lock = threading.Lock()
        self.stopping = False

    def run(self, site: Site) -> int | None:
        with self.lock:
            if self.stopping:
                return None
            command = [
                sys.executable,
                "-m",
                "zwgk",
                "crawl",
                site.key,
                "--wait",
                "--sites",
                self.sites_file,
                "--db",
                self.db_path,
            ]
            child = subprocess.Popen(command)
            self.children.add(child)
        log.info("crawl %s started (pid %d)", site.key, child.pid)
        code = child.wait()
        with self.lock:
            self.children.discard(child)
        log.info("crawl %s ended with exit code %d", site.key, code)
        return code

    def stop(self) -> None:
        """No new crawls; running ones are asked to stop (Scrapy closes them as interrupted)."""
        with self.lock:
            self.stopping = True
            for child in self.children:
                child.send_signal(signal.SIGTERM)

    def wait(self) -> None:
        with self.lock:
            children = list(self.children)
        for child in children:
            try:
                child.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
        # A crawl killed after the grace time leaves its row running; close it unless some other crawl is live.
        with contextlib.suppress(ArchiveBusy), crawl_lock(self.db_path), Archive(self.db_path) as archive:
            for key in archive.crawls.site_keys():
                archive.crawls.close_running(key)


class DispatchedCrawls:
    """Each crawl a scrapyd job on the node that owns the site's shard (zwgk.dispatch); jobs already sent
    run on when the scheduler stops, and are recorded by the next one that looks (as failed if unseen)."""

    def __init__(self, dispatcher):
        self.dispatcher = dispatcher
        self.stopping = False

    def run(self, site: Site) -> int | None:
        if self.stopping:
            return None
        run = self.dispatcher.crawl(site)
        log.info(
            "crawl %s on %s: %s%s",
            site.key,
            run["node"],
            run["status"],
            f" ({run['message']})" if run["message"] else "",
        )
        return 0 if run["status"] == RunStatus.OK else 1

    def stop(self) -> None:
        self.stopping = True

    def wait(self) -> None:
        """Nothing to wait for here: the jobs run on their nodes."""


class CrawlScheduler:
    """One cron job per site; `crawls` says how a crawl runs (LocalCrawls or DispatchedCrawls). With
    `retry_seconds`, every so often each site whose schedule is overdue (its node was down, say) is
    crawled again."""

    def __init__(self, sites: dict[str, Site], db_path: str, crawls, timezone=None, retry_seconds: float | None = None):
        self.sites, self.db_path, self.crawls, self.retry_seconds = sites, db_path, crawls, retry_seconds
        self.scheduler = BlockingScheduler(
            timezone=timezone,
            executors={"default": {"type": "threadpool", "max_workers": max(10, len(sites))}},
            job_defaults={"max_instances": 1, "coalesce": True, "misfire_grace_time": MISFIRE_GRACE},
        )
        self.running: set[str] = set()  # sites whose crawl is under way: never started twice

    def crawl(self, site: Site) -> int | None:
        self.running.add(site.key)
        try:
            return self.crawls.run(site)
        finally:
            self.running.discard(site.key)

    def add_jobs(self, now: datetime.datetime | None = None) -> list[str]:
        """One job per site; returns the keys of the sites that get a catch-up run now."""
        for key, site in self.sites.items():
            trigger = cron_trigger(site.schedule, self.scheduler.timezone)
            self.scheduler.add_job(self.crawl, trigger, args=[site], id=key, name=f"crawl {key}")
        if self.retry_seconds:
            self.scheduler.add_job(
                self.catch_up, "interval", seconds=self.retry_seconds, id="catch-up", name="catch up overdue sites"
            )
        return self.catch_up(now)

    def catch_up(self, now: datetime.datetime | None = None) -> list[str]:
        """Start now every site whose schedule had a run due since its last successful crawl."""
        now = now or datetime.datetime.now(self.scheduler.timezone)
        overdue = []
        with Archive(self.db_path) as archive:
            for key, site in self.sites.items():
                if key in self.running:
                    continue
                last = archive.crawls.last_ok_run(key)
                if is_overdue(
                    cron_trigger(site.schedule, self.scheduler.timezone), last["finished_at"] if last else None, now
                ):
                    self.scheduler.modify_job(key, next_run_time=now)
                    overdue.append(key)
        return overdue

    def stop(self, *_):
        """SIGTERM/SIGINT: no new crawls; running ones are asked to stop."""
        self.crawls.stop()
        self.scheduler.shutdown(wait=False)

    def run(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.scheduler.start()
        self.crawls.wait()


def is_overdue(trigger, last_success: str | None, now: datetime.datetime) -> bool:
    """True when the schedule had a run due between the last successful crawl (or never) and now."""
    if last_success is None:
        return True
    finished = datetime.datetime.fromisoformat(last_success)
    due = trigger.get_next_fire_time(None, finished.astimezone(now.tzinfo))
    return due is not None and due <= now


def next_runs(sites: dict[str, Site], timezone, now: datetime.datetime) -> dict[str, datetime.datetime]:
    return {key: cron_trigger(site.schedule, timezone).get_next_fire_time(None, now) for key, site in sites.items()}
