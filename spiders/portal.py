"""The portal spider: walks the lists of one configured site from the top, and asks for what may be new.

What it asks for: documents not yet archived, documents whose list entry changed (title or date, as
when a portal republishes an edited document), documents due for a revisit (spiders.revisit), and
documents that vanished from the part of a list this crawl walked. What it hands on: DocumentPage items
for spiders.pipelines (which archives them) and spiders.attachments (which downloads what they link),
and the attachments an earlier crawl left pending. The archive itself is the crawl's memory: a crawl
that was killed leaves its run unfinished, and the next one walks every list to the end again.
"""

import datetime
import json
import logging
import os
import statistics
from dataclasses import dataclass, field

import scrapy

import settings as defaults
from archive.vocabulary import RunStatus
from crawler.classify import classify
from crawler.decode import decode_bytes
from crawler.response import Response

from . import lists, revisit
from .items import DocumentPage, PendingAttachments
from .lists import trs
from .responses import ALL_BUT_REDIRECTS, to_response
from .run import CrawlRun
from .sites import Site, load_sites

log = logging.getLogger("zwgk.crawl")


@dataclass
class ListWalk:
    """How the walk of one list (one start URL) is going."""

    url: str
    family: str | None = None
    pages: int = 0
    entries: int = 0
    known_run: int = 0
    # (place in this walk, place in the previous walk) of the unchanged entries met since the last one that
    # needed fetching: where the walk stopped, and how far the list moved down above that point.
    settled: list = field(default_factory=list)
    previous: dict = field(default_factory=dict)  # URL -> place in the previous walk
    total: int | None = None
    ended: str | None = None  # complete | stopped-at-known | max-pages | looped | failed: ...
    asked: set = field(default_factory=set)  # the list pages requested, as lists.Fetch.key gives them

    def covered(self) -> tuple[int, int] | None:
        """(deepest place of the previous walk this walk covered, entries that appeared above it), read from
        the run of unchanged entries the walk ended on: an entry edited and moved up from deep down, or a
        pinned one, stands elsewhere and does not stretch the window. None when no entry was met again."""
        if not self.settled:
            return None
        shift = statistics.median_low(place - before for place, before in self.settled)
        return self.settled[-1][0] - shift, shift


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(
        self,
        site: Site | str,
        db_path: str | None = None,
        full: bool | str = False,
        recheck: bool | str = False,
        *args,
        db: str | None = None,
        sites: str = defaults.DEFAULT_SITES,
        site_config: str | None = None,
        **kwargs,
    ):
        """`zwgk crawl` hands over a Site; `scrapy crawl portal -a site=KEY [-a db=PATH] [-a sites=FILE]
        [-a full=1] [-a recheck=1]` names one of the sites file, as Scrapy users expect; a job dispatched to
        scrapyd brings the site's settings along as JSON (`-a site_config=...`), so nodes need no sites file."""
        super().__init__(*args, **kwargs)
        if site_config:
            site = Site(**json.loads(site_config))
        elif isinstance(site, str):
            site = load_sites(sites)[site]
        self.site, self.db_path = site, db_path or db or os.environ.get("ZWGK_DB", defaults.DEFAULT_ARCHIVE)
        self.run: CrawlRun | None = None
        self.full, self.recheck = _flag(full), _flag(recheck)
        self.allowed_domains = site.domains
        self.walks: dict[str, ListWalk] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Scrapy freezes the settings only after the spider exists: each site crawls at its own pace.
        crawler.settings.setdict(spider.site.scrapy_settings(crawler.settings.get("USER_AGENT")), priority="spider")
        # `zwgk crawl` holds the crawl lock for all its sites; `scrapy crawl` and scrapyd do not
        spider.run = CrawlRun.open(spider.site, spider.db_path, crawler.settings.getbool("ZWGK_LOCK_HELD"))
        return spider

    @property
    def archive(self):
        return self.run.archive

    async def start(self):
        key = self.site.key
        self.full = self.full or self.archive.crawls.needs_full_walk(key)
        self.run.start("full" if self.full else "incremental")
        self.archived = self.archive.crawls.archived_urls(key)
        self.listed = self.archive.crawls.list_signatures(key)
        candidates = self.archive.crawls.revisit_candidates(key)
        self.validators = {row["url"]: (row["etag"], row["last_modified"]) for row in candidates}
        for url in self.site.start_urls:
            self.walks[url] = ListWalk(url, self.site.cms, previous=self.archive.crawls.list_positions(key, url))
            yield self.list_request(lists.Fetch(url), url)
        now = datetime.datetime.now(datetime.UTC)
        for row in candidates:
            if self.recheck or revisit.is_due(
                row["published"],
                row["first_seen"],
                row["last_checked"],
                now,
                self.site.revisit_min_days,
                self.site.revisit_max_days,
            ):
                yield self.document_request(row["url"], {}, "revisit")
        if self.site.attachments:
            yield PendingAttachments(self.archive.attachments.pending(key))

    # --- lists ------------------------------------------------------------------------------------
    def list_request(self, fetch: lists.Fetch, list_url: str) -> scrapy.Request:
        self.walks[list_url].asked.add(fetch.key)
        meta = {"list_url": list_url, "state": fetch.state, "handle_httpstatus_list": ALL_BUT_REDIRECTS}
        if fetch.method == "POST":
            return scrapy.FormRequest(
                fetch.url,
                formdata=fetch.form,
                callback=self.parse_list,
                errback=self.list_failed,
                meta=meta,
                dont_filter=True,
            )
        return scrapy.Request(
            fetch.url, callback=self.parse_list, errback=self.list_failed, meta=meta, dont_filter=True
        )

    def parse_list(self, response):
        walk = self.walks[response.meta["list_url"]]
        answer = to_response(response)
        decoded = decode_bytes(answer.body, answer.content_type)
        if response.status != 200:
            yield from self.list_refused(walk, answer, decoded.text)
            return
        page = lists.Page(response.url, decoded.text, tuple(self.site.allowed_domains), decoded.encoding)
        walk.family = walk.family or lists.detect(page)
        listing = lists.parse(walk.family, page, response.meta["state"], self.site.selectors)
        if not listing.entries and not listing.next and walk.entries == 0:
            self.run.count(errors=1)
            yield from self.end_walk(walk, f"failed: {self.why_empty(page)}")
            return
        walk.pages += 1
        walk.total = listing.total if listing.total is not None else walk.total
        first = walk.entries
        yield from self.entries_to_fetch(walk, listing.entries)
        self.archive.crawls.record_listing(
            self.site.key,
            walk.url,
            [{**e.as_dict(), "position": first + i} for i, e in enumerate(listing.entries)],
            self.run.run_id,
        )
        yield from self.next_list_page(walk, listing)

    def list_refused(self, walk: ListWalk, response: Response, text: str):
        verdict = classify(response.status, text, response.url)
        if verdict.kind == "blocked":
            self.archive.record_blocked(response, verdict.reason, self.run.run_id)
        else:
            self.run.count(errors=1)
        yield from self.end_walk(walk, f"failed: {verdict.reason or f'HTTP {response.status}'} at {response.final_url}")

    def why_empty(self, page: lists.Page) -> str:
        """A list that yields nothing at all (its last page reached, no entry seen): a selector that matches
        nothing, a list the portal no longer shows (a redesign), or a start URL that is no list at all.
        Never an 'ok' crawl of nothing. (A column page whose entries come from a further request, as jcms's
        and gkmlpt's do, yields none itself, and is no failure.)"""
        selector = self.site.selectors.get("list_item")
        if selector and lists.matches_nothing(page.text, selector):
            return f"selectors.list_item {selector!r} matched nothing on {page.url}"
        had = self.archive.crawls.listed_count(self.site.key, page.url)
        before = f"; it listed {had} documents before: has the portal changed its markup?" if had else ""
        return (
            f"no document entries on the list page {page.url}{before} (is it a list page? "
            "set `selectors` (list_item, link) for this site if its markup is unusual)"
        )

    def entries_to_fetch(self, walk: ListWalk, entries: list[lists.Entry]):
        for entry in entries:
            place = walk.entries
            walk.entries += 1
            reason = self.why_fetch(entry)
            if reason:
                walk.known_run = 0
                walk.settled.clear()
                yield self.document_request(
                    entry.url, {"title": entry.title, "published": entry.date, **entry.meta}, reason
                )
                continue
            walk.known_run += 1
            if entry.url in walk.previous:
                walk.settled.append((place, walk.previous[entry.url]))

    def next_list_page(self, walk: ListWalk, listing: lists.Listing):
        if not listing.next:
            yield from self.end_walk(walk, "complete")
        elif not self.full and walk.known_run >= self.site.stop_after_known:
            yield from self.end_walk(walk, "stopped-at-known")
        elif self.site.max_pages and walk.pages >= self.site.max_pages:
            yield from self.end_walk(walk, "max-pages")
        elif listing.next.key in walk.asked:  # a pager that leads back (下一页 on the last page to the first)
            yield from self.end_walk(walk, "looped")
        else:
            yield self.list_request(listing.next, walk.url)

    def list_failed(self, failure):
        walk = self.walks[failure.request.meta["list_url"]]
        self.run.count(errors=1)
        log.warning("%s: list %s failed: %s", self.site.key, failure.request.url, failure.value)
        yield from self.end_walk(walk, f"failed: {failure.value.__class__.__name__} at {failure.request.url}")

    def why_fetch(self, entry: lists.Entry) -> str | None:
        if entry.url not in self.archived:
            return "new"
        if self.listed.get(entry.url, entry.signature) != entry.signature:
            return "relisted"
        return None

    def end_walk(self, walk: ListWalk, how: str):
        """Record the list's coverage, and check once each archived entry the walk should have met but did not."""
        walk.ended = how
        self.archive.crawls.record_coverage(
            self.run.run_id, walk.url, walk.family, walk.total, walk.pages, walk.entries, how
        )
        if how.startswith("failed"):
            return
        covered = walk.covered() or (-1, 0)
        reached, shift = (None, 0) if how == "complete" else covered
        for url in self.archive.crawls.delist(self.site.key, walk.url, self.run.run_id, reached, shift):
            yield self.document_request(url, {}, "delisted")

    # --- documents -------------------------------------------------------------------------------
    def document_request(self, url: str, hints: dict, reason: str) -> scrapy.Request:
        headers = {}
        etag, last_modified = self.validators.get(url, (None, None))
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        hints = {k: v for k, v in hints.items() if v}
        meta = {"hints": hints, "reason": reason, "handle_httpstatus_list": ALL_BUT_REDIRECTS}
        return scrapy.Request(
            url, callback=self.parse_document, errback=self.document_failed, headers=headers, meta=meta
        )

    def parse_document(self, response):
        page = to_response(response)
        # createPageHTML's arguments are ASCII, which every charset a portal uses writes as ASCII bytes: read
        # from the bytes as they are, the page is decoded once, by the text path
        more = (
            trs.article_pages(response.url, response.body.decode("latin-1"))
            if response.status == 200 and b"createPageHTML" in response.body
            else []
        )
        yield from self.next_part(page, more, response.meta["hints"])

    def parse_part(self, response):
        page = response.meta["page"]
        if response.status == 200:
            page.parts.append(to_response(response))
        yield from self.next_part(page, response.meta["more"], response.meta["hints"])

    def next_part(self, page: Response, more: list[str], hints: dict):
        """Long TRS articles come in parts (t…_1.html ...): fetch them in turn, then hand on the whole."""
        if more:
            meta = {"page": page, "more": more[1:], "hints": hints, "handle_httpstatus_list": ALL_BUT_REDIRECTS}
            yield scrapy.Request(more[0], callback=self.parse_part, errback=self.document_failed, meta=meta)
        else:
            yield DocumentPage(page, hints)

    def document_failed(self, failure):
        self.run.count(errors=1)
        log.warning("%s: %s failed: %s", self.site.key, failure.request.url, failure.value)

    def closed(self, reason: str):
        failed = [w for w in self.walks.values() if (w.ended or "").startswith("failed")]
        if reason != "finished":
            status, message = RunStatus.INTERRUPTED, f"crawl stopped: {reason}"
        elif failed and len(failed) == len(self.walks):
            status, message = RunStatus.FAILED, "; ".join(w.ended for w in failed)
        elif failed or any(w.ended is None for w in self.walks.values()):
            status, message = RunStatus.PARTIAL, "; ".join(w.ended or f"{w.url} not finished" for w in failed)
        else:
            status, message = RunStatus.OK, None
        self.run.finish(status, message)


def _flag(value: bool | str) -> bool:
    return value is True or str(value).lower() in ("1", "true", "yes")
