"""The item pipeline that archives what the portal spider found, through the coordinator as `zwgk fetch` does.

Each document page is read (decode, classify, extract, check, clean, metadata) in a worker process while
the reactor goes on fetching; what was read is recorded back on the reactor thread, one item at a time,
so the archive keeps one ordered writer.
"""

import atexit
import logging
import sqlite3

from twisted.internet import defer

from coordinator import TextWorkers, known_not_modified, read_answer, record
from crawler.classify import Blocked, NotADocument

from .items import DocumentPage
from .middlewares import stop_for_archive_error

log = logging.getLogger("zwgk.crawl")
_shared_workers: TextWorkers | None = None


def text_workers(count: int | None) -> TextWorkers:
    """One pool of text workers for every site a process crawls, closed when the process ends."""
    global _shared_workers
    if _shared_workers is None:
        _shared_workers = TextWorkers(count)
        atexit.register(_shared_workers.close)
    return _shared_workers


def deferred_from(future) -> defer.Deferred:
    """A Deferred fired on the reactor thread when a concurrent.futures.Future is done."""
    from twisted.internet import reactor  # the one Scrapy installed: importing it earlier would install another

    fired = defer.Deferred()

    def fire(done):
        error = done.exception()
        fired.errback(error) if error is not None else fired.callback(done.result())

    future.add_done_callback(lambda done: reactor.callFromThread(fire, done))
    return fired


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.run = crawler.spider.run
        workers = crawler.settings.get("ZWGK_TEXT_WORKERS")
        self.readers = text_workers(None if workers is None else int(workers))

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        if self.run.failure or not isinstance(item, DocumentPage):
            return item
        if known_not_modified(self.run.archive, item.response):
            self._guarded(self.run.archive.record_not_modified, item.response, self.run.run_id)
            return item
        read = deferred_from(self.readers.submit(read_answer, item.response, item.hints))
        read.addCallbacks(self.archive_document, self.refused, callbackArgs=(item,), errbackArgs=(item,))
        return read.addCallback(lambda _: item)

    def archive_document(self, reading, item: DocumentPage) -> None:
        if self.run.failure:
            return
        run = self.run
        if reading.doc is not None and not run.site.images:
            reading.doc.images = []  # the site keeps its documents' images off (sites file: images = false)
        try:
            doc, result = record(run.archive, item.response, reading, run.site.key, run.run_id)
            if doc:
                item.attachments = run.archive.attachments.still_pending(doc.files)
        except NotADocument as error:
            self.refused_because(error)
            return
        except sqlite3.Error as error:
            stop_for_archive_error(self.crawler, error)
            return
        title = doc.title if doc else item.response.url
        log.info("%s: %-12s v%s %s", run.site.key, result.outcome, result.version or "-", title)

    def refused(self, failure, item: DocumentPage) -> None:
        failure.trap(NotADocument)
        self.refused_because(failure.value)

    def refused_because(self, error: NotADocument) -> None:
        """A blocked answer was recorded as such; any other refusal counts as an error of the run."""
        if not isinstance(error, Blocked):
            self._guarded(self.run.count, errors=1)
        log.warning("%s: %s", self.run.site.key, error)

    def _guarded(self, write, *args, **kwargs) -> None:
        try:
            write(*args, **kwargs)
        except sqlite3.Error as error:
            stop_for_archive_error(self.crawler, error)
