"""The anchors for crawl throughput: a bare Scrapy spider that walks the same TRS lists and fetches the
same documents, doing nothing with them (or only trafilatura.extract with --trafilatura).

    python bench/bare_spider.py LIST_URL [--trafilatura]      prints the number of documents fetched
"""

import re
import sys

import scrapy
from scrapy.crawler import CrawlerProcess

PAGER_RE = re.compile(r'createPageHTML\((\d+),\s*(\d+),\s*"(\w+)",\s*"(\w+)"\)')
DETAIL_RE = re.compile(r"t\d{8}_\d+\.html$")


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, list_url: str, extract: bool, **kwargs):
        super().__init__(**kwargs)
        self.start_urls, self.extract, self.documents = [list_url], extract, 0

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            if DETAIL_RE.search(href):
                yield response.follow(href, self.parse_document)
        pager = PAGER_RE.search(response.text)
        if pager and int(pager[2]) + 1 < int(pager[1]):
            yield response.follow(f"{pager[3]}_{int(pager[2]) + 1}.{pager[4]}", self.parse)

    def parse_document(self, response):
        if self.extract:
            import trafilatura

            trafilatura.extract(response.text)
        self.documents += 1

    def closed(self, reason):
        print(self.documents)


if __name__ == "__main__":
    process = CrawlerProcess(
        {
            "CONCURRENT_REQUESTS": 16,
            "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
            "DOWNLOAD_DELAY": 0,
            "ROBOTSTXT_OBEY": False,
            "LOG_LEVEL": "ERROR",
            "TELNETCONSOLE_ENABLED": False,
        }
    )
    process.crawl(BareSpider, list_url=sys.argv[1], extract="--trafilatura" in sys.argv)
    process.start()
