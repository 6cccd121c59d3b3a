"""Scrapy spiders of newsarchive: discovery and politeness only, no extraction."""
