"""Attachments downloaded the way Scrapy's FilesPipeline downloads files: the pipeline asks for the
attachments of each archived document (and for those an earlier crawl left pending), Scrapy's engine
downloads them beside the crawl, and each outcome is recorded as it arrives. Nothing but the outcome's
status stays in memory."""

import logging
import sqlite3

from scrapy import Request
from scrapy.exceptions import DownloadCancelledError
from scrapy.pipelines.media import MediaPipeline

from coordinator import AttachmentFile, attachment_answer, attachment_failure, record_attachment
from crawler.response import TooLarge

from .items import DocumentPage, PendingAttachments
from .middlewares import stop_for_archive_error
from .responses import to_response

log = logging.getLogger("zwgk.crawl")
PRIORITY = -1  # after the lists and documents waiting beside them
ASKED_FOR = "zwgk_attachment"  # request meta: the attachment's URL as the archive holds it


class AttachmentsPipeline(MediaPipeline):
    LOG_FAILED_RESULTS = False  # each failure is recorded with the attachment and logged once

    def __init__(self, crawler):
        super().__init__(crawler=crawler)
        self.run = crawler.spider.run

    def get_media_requests(self, item, info) -> list[Request]:
        if self.run.failure or not self.run.site.attachments:
            return []
        if isinstance(item, DocumentPage):
            page = item.response.final_url or item.response.url
            linked = dict.fromkeys(item.attachments, page)
        elif isinstance(item, PendingAttachments):
            linked = item.linked
        else:
            return []
        meta = {"download_maxsize": self.run.site.attachment_max_bytes, "download_warnsize": 0, "allow_offsite": True}
        return [  # each with the page it is linked from as the Referer, as browsers ask for it
            Request(url, headers={"Referer": page}, meta={**meta, ASKED_FOR: url}, priority=PRIORITY)
            for url, page in linked.items()
        ]

    def media_to_download(self, request, info, *, item=None):
        return None  # every attachment asked for is still pending

    def media_downloaded(self, response, request, info, *, item=None) -> str:
        # keyed by the URL as the archive holds it: not where it redirected, nor as the request escaped it (an
        # archive's attachment linked by its Chinese name before addresses were kept as sent)
        return self.keep(attachment_answer(request.meta[ASKED_FOR], to_response(response)))

    def media_failed(self, failure, request, info) -> str:
        error = failure.value
        if isinstance(error, DownloadCancelledError) and self.crawler.crawling:
            # the one download a running crawl cancels: an answer past download_maxsize (Scrapy says so only in
            # the message; the type says it was cut short on purpose)
            error = TooLarge(str(error))
        return self.keep(attachment_failure(request.meta[ASKED_FOR], error))

    def keep(self, file: AttachmentFile) -> str:
        if self.run.failure:
            return file.status
        try:
            record_attachment(self.run.archive, file, self.run.run_id)
        except sqlite3.Error as error:
            stop_for_archive_error(self.crawler, error)
        log.info("%s: attachment %-9s %s", self.run.site.key, file.status, file.url)
        return file.status

    def file_path(self, request, response=None, info=None, *, item=None) -> str:
        return request.url  # nothing is written to disk: the archive keeps the bytes
