"""ArchivePipeline: store every fetched page, and its article when it is one, in the archive.

The archive file is the Scrapy setting NEWSARCHIVE_DB (default data/archive.db, relative to
the working directory; its folder is created). Each crawl is one `crawls` row with counters.
"""
from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from itemadapter import ItemAdapter

from newsarchive.archive import Archive

from .extract import fetched_page

log = logging.getLogger(__name__)

DEFAULT_DB = "data/archive.db"
#: Settings recorded with each crawl, so a run can be told apart from another.
RECORDED_SETTINGS = ("DEPTH_LIMIT", "NEWSARCHIVE_MAX_PAGES", "ROBOTSTXT_OBEY", "USER_AGENT",
                     "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "CLOSESPIDER_PAGECOUNT")


class ArchivePipeline:
    """Writes each item (one page, one transaction) into the archive."""

    def __init__(self, db_path: str, crawler=None):
        self.db_path = Path(db_path)
        self.crawler = crawler
        self.archive: Archive | None = None
        self.crawl_id: int | None = None
        self.counters: Counter = Counter()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("NEWSARCHIVE_DB") or DEFAULT_DB, crawler)

    def open_spider(self):
        self.archive = Archive(self.db_path)
        spider = self.crawler.spider if self.crawler else None
        settings = ({name: self.crawler.settings.get(name) for name in RECORDED_SETTINGS}
                    if self.crawler else {})
        self.crawl_id = self.archive.start_crawl(
            spider=getattr(spider, "name", "news"),
            start_urls=list(getattr(spider, "start_urls", []) or []),
            settings=settings)
        log.info("archiving into %s (crawl %s)", self.db_path.resolve(), self.crawl_id)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        page = fetched_page(adapter)
        article = adapter.get("article")
        stored_article = article if article is not None and article.is_article else None
        spider = self.crawler.spider if self.crawler else None
        site_options = {}
        if hasattr(spider, "site_name"):
            # the frontier row of the fetch: its site's name and article revisit schedule
            site_options = {"site": spider.site_name(page.url),
                            "revisit": spider.site_revisit(page.url)}
        result = self.archive.store_page(page, stored_article, crawl_id=self.crawl_id,
                                         error=adapter.get("error"), **site_options)
        self.count(adapter, result.change)
        return item

    def count(self, adapter: ItemAdapter, change: str | None) -> None:
        """Crawl counters: items, failed (download or extraction), article_pages (fetches
        stored as an article, a page fetched twice counting twice), other_pages (extracted,
        not an article)."""
        self.counters["items"] += 1
        if adapter.get("error"):
            self.counters["failed"] += 1
        if change is not None:
            self.counters["article_pages"] += 1
        elif adapter.get("article") is not None:
            self.counters["other_pages"] += 1

    def frontier_counters(self) -> dict:
        """What the spider's frontier planned (frontier_archived: archived articles not
        fetched again; frontier_changed, frontier_due, frontier_hub, frontier_retry, frontier_new)."""
        stats = self.crawler.stats.get_stats() if self.crawler and self.crawler.stats else {}
        prefix = "newsarchive/frontier/"
        return {"frontier_" + name[len(prefix):]: value for name, value in stats.items()
                if name.startswith(prefix)}

    def close_spider(self):
        if self.archive is None:
            return
        spider = self.crawler.spider if self.crawler else None
        discovered = getattr(spider, "discovered", None)
        if discovered:
            # URLs met but not fetched (the page cap, a 304 hub's links) stay in the frontier,
            # so the next run asks for them
            self.archive.record_seen((url, site, kind, depth)
                                     for url, (site, kind, depth) in discovered.items())
        totals = self.archive.finish_crawl(self.crawl_id, {**self.counters, **self.frontier_counters()})
        log.info("archive %s: %s", self.db_path, totals)
        self.archive.close()
        self.archive = None
