"""The peers of bench/crawl.py's end-to-end comparison: plain Scrapy over the same site.

    scrapy runspider bench/peer_spider.py -a url=http://127.0.0.1:PORT/ [-a extract=trafilatura]

A spider as a Scrapy user would write it to archive a news site without newsarchive: from the
home page and the robots.txt sitemaps, it follows the site's links (DEPTH_LIMIT) and the URLs
its sitemaps list, and per web page either does nothing more (fetching only: Scrapy's own
floor) or calls trafilatura.extract() in the callback, as trafilatura's documentation shows,
and yields the text. No archive is written: both peers get the benefit of the doubt.
"""
from __future__ import annotations

import scrapy
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots


class PeerSpider(scrapy.Spider):
    name = "peer"

    def __init__(self, url: str, extract: str = "", *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_url = url.rstrip("/") + "/"
        self.extract = extract
        host = scrapy.http.Request(self.start_url).url.split("/")[2]
        self.links = LinkExtractor(allow_domains=[host.split(":")[0]])
        if extract == "trafilatura":
            import trafilatura
            self.trafilatura = trafilatura

    async def start(self):
        yield scrapy.Request(self.start_url, callback=self.parse)
        yield scrapy.Request(self.start_url + "robots.txt", callback=self.parse_robots)

    def parse_robots(self, response):
        for url in sitemap_urls_from_robots(response.text, base_url=response.url):
            yield scrapy.Request(url, callback=self.parse_sitemap)

    def parse_sitemap(self, response):
        sitemap = Sitemap(response.body)
        callback = self.parse_sitemap if sitemap.type == "sitemapindex" else self.parse
        for entry in sitemap:
            yield scrapy.Request(entry["loc"], callback=callback)

    def parse(self, response):
        if not isinstance(response, scrapy.http.TextResponse):
            return
        if self.extract == "trafilatura":
            text = self.trafilatura.extract(response.text, url=response.url)
            yield {"url": response.url, "text": text}
        for link in self.links.extract_links(response):
            yield scrapy.Request(link.url, callback=self.parse)
