"""Retries that back off, redirects that no duplicate filter drops, and a crawl that stops cleanly when the archive
cannot be written."""

import asyncio
import sqlite3

from scrapy import Request
from scrapy.downloadermiddlewares import redirect
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.utils.defer import deferred_from_coro

import settings as defaults

ARCHIVE_ERROR = "archive-error"


def stop_for_archive_error(crawler, error: sqlite3.Error) -> None:
    """A full disk or a read-only archive: stop fetching (nothing more could be kept) and say why once."""
    if crawler.spider.run.fail(error):
        deferred_from_coro(crawler.engine.close_spider_async(reason=ARCHIVE_ERROR))


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, waiting RETRY_BACKOFF * 2**(try - 1) seconds (at most RETRY_BACKOFF_MAX)
    before a retry.

    The wait happens when the retry enters the downloader, not when the failure is seen: a request
    waiting there counts as active, so the engine does not mistake the pause for the end of the crawl.
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff = settings.getfloat("RETRY_BACKOFF", defaults.RETRY_BACKOFF)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", defaults.RETRY_BACKOFF_MAX)

    async def process_request(self, request, spider=None):
        delay = request.meta.pop("retry_backoff", 0)
        if delay:
            await asyncio.sleep(delay)
        return None

    def process_response(self, request, response, spider=None):
        return self._with_backoff(super().process_response(request, response))

    def process_exception(self, request, exception, spider=None):
        return self._with_backoff(super().process_exception(request, exception))

    def _with_backoff(self, result):
        if isinstance(result, Request):
            tries = result.meta.get("retry_times", 1)
            result.meta["retry_backoff"] = min(self.backoff_max, self.backoff * 2 ** (tries - 1))
        return result


class _HopsPassTheDuplicateFilter:
    """A redirect is the next hop of the one fetch, not a new request for the duplicate filter to drop: a session
    check sends the reader back to the very address it asked for (with a cookie set), which the filter had seen and
    dropped, losing the document without a word. Hops stay bounded by REDIRECT_MAX_TIMES."""

    def process_response(self, request, response, spider=None):
        answer = super().process_response(request, response)
        if isinstance(answer, Request):
            answer.dont_filter = True
        return answer


class RedirectMiddleware(_HopsPassTheDuplicateFilter, redirect.RedirectMiddleware):
    """Scrapy's, its hops past the duplicate filter."""


class MetaRefreshMiddleware(_HopsPassTheDuplicateFilter, redirect.MetaRefreshMiddleware):
    """Scrapy's, its hops past the duplicate filter."""


class ArchiveErrorMiddleware:
    """Spider middleware: an archive write that fails inside a callback stops the crawl instead of logging a
    traceback."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_exception(self, response, exception):
        if isinstance(exception, sqlite3.Error):
            stop_for_archive_error(self.crawler, exception)
            return []
        return None
