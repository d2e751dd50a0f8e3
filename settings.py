"""Scrapy settings for zwgk-archive, and the one home of its defaults: polite by default. A site's own
settings (sites.toml, spiders.sites.Site) start from these and override the politeness ones for its crawl
(Site.scrapy_settings); `zwgk fetch` uses the same user agent, timeout and size caps."""

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
DEFAULT_ARCHIVE = "archive.db"  # unless --db or $ZWGK_DB names another
DEFAULT_SITES = "sites.toml"
MIB = 1024 * 1024
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0  # seconds between requests to a portal
DOWNLOAD_TIMEOUT = 30  # seconds
# Scrapy's own default, said here because `zwgk fetch` follows it too: a portal's certificate is not verified. County
# portals serve expired, self-signed or chain-less certificates as often as not; the archive keeps what was served.
DOWNLOAD_VERIFY_CERTIFICATES = False
# Scrapy's own defaults, said here because `zwgk fetch` follows them too: redirects, and a page's meta refresh sooner
# than this many seconds (a stub that sends the reader on to the document), outside <noscript>.
REDIRECT_MAX_TIMES = 20
METAREFRESH_MAXDELAY = 100
METAREFRESH_IGNORE_TAGS = ["noscript"]
DOWNLOAD_MAXSIZE = 20 * MIB  # a page
DOWNLOAD_WARNSIZE = 0
ATTACHMENT_MAXSIZE = 50 * MIB  # an attachment (a site may set its own cap)
MEDIA_ALLOW_REDIRECTS = True  # an attachment link that redirects is followed, as a browser would
RETRY_TIMES = 3
RETRY_BACKOFF = 2.0  # seconds before the first retry, doubling each time
RETRY_BACKOFF_MAX = 60.0
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.middlewares.BackoffRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "spiders.middlewares.MetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "spiders.middlewares.RedirectMiddleware": 600,
}
SPIDER_MIDDLEWARES = {"spiders.middlewares.ArchiveErrorMiddleware": 50}
ITEM_PIPELINES = {"spiders.pipelines.ArchivePipeline": 300, "spiders.attachments.AttachmentsPipeline": 400}
CONCURRENT_ITEMS = 4  # a callback yields one or two items; Scrapy starts this many workers for each
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
