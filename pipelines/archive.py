"""ArchivePipeline: store every fetched page, and its article when it is one, in the archive.

The archive file is the Scrapy setting NEWSARCHIVE_DB (default data/archive.db, relative to
the working directory; its folder is created). Each crawl is one `crawls` row with counters.

An archive that cannot be written stops the crawl, never silently drops pages: an archive
that cannot be opened for writing (read-only file or folder) fails the crawl at start with
ArchiveUnavailable; a write that fails mid-crawl (disk full, NEWSARCHIVE_DB_MAX_MB reached,
the file turned read-only, an I/O error) rolls back its one transaction, logs the reason at
ERROR and closes the spider with the finish reason "archive_error". Every page stored before
stays, whole: each is one transaction.
"""
from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newsarchive.archive import Archive

from .extract import fetched_page

log = logging.getLogger(__name__)

DEFAULT_DB = "data/archive.db"
#: Settings recorded with each crawl, so a run can be told apart from another.
RECORDED_SETTINGS = ("DEPTH_LIMIT", "NEWSARCHIVE_MAX_PAGES", "ROBOTSTXT_OBEY", "USER_AGENT",
                     "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "CLOSESPIDER_PAGECOUNT")


def read_only_hint(path: Path) -> str:
    """" (read-only: ...)" when the archive file or its folder cannot be written, else ""."""
    import os
    target = path if path.exists() else path.parent
    if target.exists() and not os.access(target, os.W_OK):
        return f" (read-only: {target} is not writable)"
    return ""


class ArchiveUnavailable(RuntimeError):
    """The archive cannot be opened for writing: the crawl does not start."""


#: The finish reason of a crawl stopped because the archive could not be written.
ARCHIVE_ERROR = "archive_error"


class ArchivePipeline:
    """Writes each item (one page, one transaction) into the archive."""

    def __init__(self, db_path: str, crawler=None, *, max_mb: float = 0):
        self.db_path = Path(db_path)
        self.crawler = crawler
        self.max_mb = max_mb
        self.archive: Archive | None = None
        self.crawl_id: int | None = None
        self.counters: Counter = Counter()
        self.write_error: str | None = None
        """Why the archive stopped taking pages (the crawl is being stopped), or None."""

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.get("NEWSARCHIVE_DB") or DEFAULT_DB, crawler,
                   max_mb=crawler.settings.getfloat("NEWSARCHIVE_DB_MAX_MB", 0))

    def open_spider(self):
        try:
            self.archive = Archive(self.db_path, max_size=int(self.max_mb * 1024 * 1024) or None)
            spider = self.crawler.spider if self.crawler else None
            settings = ({name: self.crawler.settings.get(name) for name in RECORDED_SETTINGS}
                        if self.crawler else {})
            self.crawl_id = self.archive.start_crawl(
                spider=getattr(spider, "name", "news"),
                start_urls=list(getattr(spider, "start_urls", []) or []),
                settings=settings)
        except (sqlite3.Error, OSError) as exc:
            if self.archive is not None:
                self.archive.close()
                self.archive = None
            raise ArchiveUnavailable(
                f"cannot write the archive {self.db_path.resolve()}: {exc}"
                f"{read_only_hint(self.db_path)}") from exc
        log.info("archiving into %s (crawl %s)", self.db_path.resolve(), self.crawl_id)

    def process_item(self, item):
        adapter = ItemAdapter(item)
        if self.write_error is not None:
            raise DropItem(f"not archived, the archive is not writable: {self.write_error}")
        page = fetched_page(adapter)
        article = adapter.get("article")
        stored_article = article if article is not None and article.is_article else None
        try:
            result = self.archive.store_page(page, stored_article, crawl_id=self.crawl_id,
                                             error=adapter.get("error"))
        except sqlite3.IntegrityError:
            raise  # a bug in what we store, not a state of the archive: Scrapy logs the item
        except sqlite3.Error as exc:
            self.stop_crawl(exc)
            raise DropItem(f"not archived: {exc}") from exc
        self.count(adapter, result.change)
        return item

    def stop_crawl(self, exc: BaseException) -> None:
        """The archive refused a write: stop the crawl cleanly, once, saying why."""
        if self.write_error is not None:
            return
        self.write_error = f"{type(exc).__name__}: {exc}"
        log.error("cannot write the archive %s (%s): stopping the crawl; the pages archived "
                  "so far are intact", self.db_path.resolve(), self.write_error)
        if self.crawler is not None and self.crawler.engine is not None:
            self.crawler.stats.set_value("newsarchive/archive_error", self.write_error)
            from scrapy.utils.defer import deferred_from_coro
            deferred_from_coro(self.crawler.engine.close_spider_async(reason=ARCHIVE_ERROR))

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
        counters = {**self.counters, **self.frontier_counters()}
        if self.write_error is not None:
            counters["archive_error"] = self.write_error
        try:
            totals = self.archive.finish_crawl(self.crawl_id, counters)
            log.info("archive %s: %s", self.db_path, totals)
        except sqlite3.Error as exc:  # the disk is still full: the crawl's row keeps no end
            log.error("cannot record the end of crawl %s in %s: %s", self.crawl_id,
                      self.db_path, exc)
        finally:
            self.archive.close()
            self.archive = None
