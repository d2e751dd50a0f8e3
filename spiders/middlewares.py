"""Retries that back off: a portal answering 503 or timing out is given more time before each new try."""
import asyncio

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's RetryMiddleware, waiting RETRY_BACKOFF * 2**(try - 1) seconds (at most RETRY_BACKOFF_MAX) before a retry."""

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff = settings.getfloat("RETRY_BACKOFF", 2.0)
        self.backoff_max = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)

    async def process_response(self, request, response, spider=None):
        return await self._wait_if_retry(super().process_response(request, response))

    async def process_exception(self, request, exception, spider=None):
        return await self._wait_if_retry(super().process_exception(request, exception))

    async def _wait_if_retry(self, result):
        if isinstance(result, Request):
            tries = result.meta.get("retry_times", 1)
            await asyncio.sleep(min(self.backoff_max, self.backoff * 2 ** (tries - 1)))
        return result
