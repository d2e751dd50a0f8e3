"""Scrapy settings for zwgk-archive (the spiders arrive with the crawling work; the defaults here are polite)."""
BOT_NAME = "zwgk"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
USER_AGENT = "zwgk-archive/0.1 (+https://pypi.org/project/zwgk-archive/; archive of open government information)"
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
