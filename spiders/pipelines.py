"""The item pipeline that archives what the portal spider found, through the same ingest path as `zwgk fetch`."""
import logging
import sqlite3

from archive import ingest
from crawler.classify import Blocked, NotADocument

from .items import AttachmentFile, DocumentPage
from .middlewares import stop_for_archive_error

log = logging.getLogger("zwgk.crawl")


class ArchivePipeline:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        spider = self.crawler.spider
        if getattr(spider, "fatal", None):
            return item
        try:
            if isinstance(item, DocumentPage):
                self.archive_document(spider, item)
            elif isinstance(item, AttachmentFile):
                spider.archive.record_attachment(item.url, item.status, item.body, item.content_type, item.filename, item.error,
                                                 spider.run_id)
                log.info("%s: attachment %-9s %s", spider.site.key, item.status, item.url)
        except sqlite3.Error as error:
            stop_for_archive_error(self.crawler, error)
        return item

    def archive_document(self, spider, item: DocumentPage) -> None:
        try:
            doc, result = ingest(spider.archive, item.response, spider.site.key, spider.run_id, item.hints)
        except Blocked as error:
            log.warning("%s: %s", spider.site.key, error)
            return
        except NotADocument as error:
            spider.archive.add_to_run(spider.run_id, errors=1)
            log.warning("%s: %s", spider.site.key, error)
            return
        log.info("%s: %-12s v%s %s", spider.site.key, result.outcome, result.version or "-", doc.title if doc else item.response.url)
        if doc and spider.site.attachments:
            for url in spider.archive.still_pending(doc.attachments):
                self.crawler.engine.crawl(spider.attachment_request(url))
