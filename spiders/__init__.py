"""Scrapy spiders that find document pages in portal sections; they hand bytes to crawler/ and archive/."""
