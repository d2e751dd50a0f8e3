"""`zwgk schedule`: APScheduler (3.x) in the foreground, one cron job per site, each crawl a `zwgk crawl` subprocess.

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
from spiders.sites import Site, cron_trigger

log = logging.getLogger("zwgk.schedule")
MISFIRE_GRACE = 3600  # seconds: a run missed by less (the machine was busy or asleep) still happens
STOP_TIMEOUT = 120    # seconds a running crawl gets to finish after SIGTERM before it is killed


class CrawlScheduler:
    def __init__(self, sites: dict[str, Site], sites_file: str, db_path: str, timezone=None, crawl_args: tuple = ()):
        self.sites, self.sites_file, self.db_path, self.crawl_args = sites, sites_file, db_path, crawl_args
        self.scheduler = BlockingScheduler(timezone=timezone, job_defaults={
            "max_instances": 1, "coalesce": True, "misfire_grace_time": MISFIRE_GRACE})
        self.children: set[subprocess.Popen] = set()
        self.lock = threading.Lock()
        self.stopping = False

    def add_jobs(self, now: datetime.datetime | None = None) -> list[str]:
        """One job per site; returns the keys of the sites that get a catch-up run now."""
        now = now or datetime.datetime.now(self.scheduler.timezone)
        caught_up = []
        with Archive(self.db_path) as archive:
            for key, site in self.sites.items():
                trigger = cron_trigger(site.schedule, self.scheduler.timezone)
                last = archive.last_ok_run(key)
                job = self.scheduler.add_job(self.run_crawl, trigger, args=[key], id=key, name=f"crawl {key}")
                if is_overdue(trigger, last["finished_at"] if last else None, now):
                    job.modify(next_run_time=now)
                    caught_up.append(key)
        return caught_up

    def run_crawl(self, key: str) -> int | None:
        with self.lock:
            if self.stopping:
                return None
            command = [sys.executable, "-m", "zwgk", "crawl", key, "--wait", "--sites", self.sites_file, "--db", self.db_path,
                       *self.crawl_args]
            child = subprocess.Popen(command)
            self.children.add(child)
        log.info("crawl %s started (pid %d)", key, child.pid)
        code = child.wait()
        with self.lock:
            self.children.discard(child)
        log.info("crawl %s ended with exit code %d", key, code)
        return code

    def stop(self, *_):
        """SIGTERM/SIGINT: no new crawls; running ones are asked to stop (Scrapy closes them as interrupted)."""
        with self.lock:
            self.stopping = True
            for child in self.children:
                child.send_signal(signal.SIGTERM)
        self.scheduler.shutdown(wait=False)

    def run(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        self.scheduler.start()
        self._wait_for_children()
        self._close_abandoned_runs()

    def _close_abandoned_runs(self) -> None:
        """A crawl killed after the grace time leaves its row running; close it unless some other crawl is live."""
        with contextlib.suppress(ArchiveBusy), crawl_lock(self.db_path), Archive(self.db_path) as archive:
            for key in self.sites:
                archive.close_running(key)

    def _wait_for_children(self) -> None:
        with self.lock:
            children = list(self.children)
        for child in children:
            try:
                child.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def is_overdue(trigger, last_success: str | None, now: datetime.datetime) -> bool:
    """True when the schedule had a run due between the last successful crawl (or never) and now."""
    if last_success is None:
        return True
    finished = datetime.datetime.fromisoformat(last_success)
    due = trigger.get_next_fire_time(None, finished.astimezone(now.tzinfo))
    return due is not None and due <= now


def next_runs(sites: dict[str, Site], timezone, now: datetime.datetime) -> dict[str, datetime.datetime]:
    return {key: cron_trigger(site.schedule, timezone).get_next_fire_time(None, now) for key, site in sites.items()}
