"""Bytes to clean documents: decode -> extract -> clean -> check.

Plain functions with no Scrapy inside, shared by `zwgk fetch`, the spiders and re-extraction.
"""
