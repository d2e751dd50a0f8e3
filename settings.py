"""Scrapy settings for zwgk-archive: polite by default. A site's own settings (sites.toml) override the
politeness ones; see spiders.sites.Site.scrapy_settings."""

from importlib.metadata import PackageNotFoundError, version

BOT_NAME = "zwgk"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
try:
    VERSION = version("zwgk-archive")
except PackageNotFoundError:  # run from a checkout that was never installed
    VERSION = "0"
# The one user agent: Scrapy's crawls (plus a site's contact), `zwgk fetch` and the WARC export's request records.
USER_AGENT = f"zwgk-archive/{VERSION} (+https://pypi.org/project/zwgk-archive/; archive of open government information)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024  # a page; attachments have their own cap per site
DOWNLOAD_WARNSIZE = 0
RETRY_TIMES = 3
RETRY_BACKOFF = 2.0  # seconds before the first retry, doubling each time
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
}
SPIDER_MIDDLEWARES = {"spiders.middlewares.ArchiveErrorMiddleware": 50}
ITEM_PIPELINES = {"spiders.pipelines.ArchivePipeline": 300}
CONCURRENT_ITEMS = 4  # a callback yields one or two items; Scrapy starts this many workers for each
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
