"""Crawls dispatched to scrapyd nodes: each site's shard lives on one node, its crawl is a scrapyd job.

The unit of work is what a Scrapy user would run by hand, `scrapy crawl portal -a site=KEY -a db=PATH`,
scheduled on the node through scrapyd's JSON API (`schedule.json`) and watched there (`listjobs.json`).
The job carries the site's settings as JSON, so nodes need the deployed project and no sites file.
The dispatcher keeps its own record of every dispatched run in an ordinary archive (its `crawl_runs`):
node, job id, and, once the job has ended, the walk, counters and status that the node's run reported
in its log (`zwgk-run-summary`). A node that cannot be reached, or stops answering during the job,
makes the run `failed` with the reason; the site is then still overdue and is dispatched again once
the node answers.

A shard is owned by one node, chosen by rendezvous hashing over the node URLs: the same node for the
same list of nodes in any order, and adding a node moves only the shards it wins.
"""

import dataclasses
import hashlib
import json
import logging
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from archive import Archive
from archive.vocabulary import RunStatus
from spiders.run import RUN_SUMMARY
from spiders.sites import Site

log = logging.getLogger("zwgk.dispatch")
PROJECT = "zwgk"  # the scrapyd project the egg is deployed as (scrapy.cfg [deploy] project)
SPIDER = "portal"
POLL_SECONDS = 2.0  # between two looks at a running job
REQUEST_TIMEOUT = 10.0  # seconds a node has to answer one API call


class NodeDown(Exception):
    """A scrapyd node did not answer, or answered with an error; the message says which and why."""


@dataclasses.dataclass(frozen=True)
class ScrapydNode:
    """scrapyd's JSON API on one node."""

    url: str

    def schedule(self, **args: str) -> str:
        answer = self._call("schedule.json", {"project": PROJECT, "spider": SPIDER, **args})
        return answer["jobid"]

    def job_state(self, job: str) -> tuple[str, dict]:
        """(pending | running | finished | unknown, the job's entry in listjobs.json)."""
        jobs = self._call("listjobs.json?" + urllib.parse.urlencode({"project": PROJECT}))
        for state in ("pending", "running", "finished"):
            for entry in jobs.get(state, []):
                if entry["id"] == job:
                    return state, entry
        return "unknown", {}

    def text(self, path: str) -> str:
        try:
            with urllib.request.urlopen(
                urllib.parse.urljoin(self.url + "/", path.lstrip("/")), timeout=REQUEST_TIMEOUT
            ) as answer:
                return answer.read().decode("utf-8", "replace")
        except (OSError, ValueError) as error:
            raise NodeDown(f"scrapyd node {self.url}: {error}") from None

    def _call(self, endpoint: str, form: dict | None = None) -> dict:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with urllib.request.urlopen(
                f"{self.url.rstrip('/')}/{endpoint}", data=data, timeout=REQUEST_TIMEOUT
            ) as answer:
                body = json.load(answer)
        except (OSError, ValueError) as error:
            raise NodeDown(f"scrapyd node {self.url} did not answer: {error}") from None
        if body.get("status") != "ok":
            raise NodeDown(f"scrapyd node {self.url}: {body.get('message', body)}")
        return body


def parse_nodes(value: str) -> list[ScrapydNode]:
    """`URL[,URL…]` as given to --scrapyd."""
    urls = [url.strip().rstrip("/") for url in value.split(",") if url.strip()]
    bad = [url for url in urls if urllib.parse.urlsplit(url).scheme not in ("http", "https")]
    if not urls or bad:
        raise ValueError(f"--scrapyd takes http(s) URLs separated by commas, not {value!r}")
    return [ScrapydNode(url) for url in urls]


def owner(shard: str, nodes: list[ScrapydNode]) -> ScrapydNode:
    """The node that writes this shard: rendezvous hashing over the node URLs."""
    return max(nodes, key=lambda node: hashlib.sha256(f"{node.url}\n{shard}".encode()).digest())


def shard_path(shards_dir: str, shard: str) -> str:
    """Where a shard's archive lives on its node."""
    return str(Path(shards_dir) / f"{shard}.db")


class Dispatcher:
    """Runs a site's crawl as a job on the node that owns its shard, and records it in `ledger` (an archive path)."""

    def __init__(self, nodes: list[ScrapydNode], shards_dir: str, ledger: str, full: bool = False):
        self.nodes, self.shards_dir, self.ledger, self.full = nodes, shards_dir, ledger, full

    def crawl(self, site: Site) -> dict:
        """Dispatch, watch until the job ends, record. Returns the dispatcher's run row."""
        node = owner(site.shard, self.nodes)
        with Archive(self.ledger) as archive:
            run_id = archive.crawls.start_run(site.key, "dispatched", node=node.url)
        try:
            job = node.schedule(
                site=site.key,
                db=shard_path(self.shards_dir, site.shard),
                site_config=json.dumps(dataclasses.asdict(site), ensure_ascii=False),
                full="1" if self.full else "0",
            )
            self._record(run_id, job=job)
            log.info("crawl %s dispatched to %s as job %s", site.key, node.url, job)
            remote = self._watch(node, job)
        except NodeDown as error:
            log.warning("crawl %s: %s", site.key, error)
            return self._record(run_id, remote=_failed(str(error)))
        return self._record(run_id, remote=remote)

    def _watch(self, node: ScrapydNode, job: str) -> dict:
        """Wait for the job to end; then what its run reported, or why it reported nothing."""
        while True:
            try:
                state, entry = node.job_state(job)
            except NodeDown as error:
                raise NodeDown(f"{error} (during job {job})") from None
            if state == "finished":
                return (
                    run_summary(node.text(entry["log_url"]))
                    if entry.get("log_url")
                    else _failed(f"job {job} left no log")
                )
            if state == "unknown":
                return _failed(f"job {job} is no longer known to {node.url}")
            time.sleep(POLL_SECONDS)

    def _record(self, run_id: int, job: str | None = None, remote: dict | None = None) -> dict:
        with Archive(self.ledger) as archive:
            if job:
                archive.crawls.set_run_job(run_id, job)
            if remote:
                archive.crawls.finish_dispatched_run(run_id, remote)
            return dict(archive.crawls.run(run_id))


def run_summary(job_log: str) -> dict:
    """The node's own run row, from the summary line its spider logs when it closes."""
    for line in reversed(job_log.splitlines()):
        _, marker, row = line.partition(RUN_SUMMARY + " ")
        if marker:
            return json.loads(row)
    return _failed("the job's log has no run summary: the crawl was killed or could not open its archive")


def _failed(message: str) -> dict:
    return {"status": RunStatus.FAILED, "message": message}
