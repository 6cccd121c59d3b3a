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
import threading
from collections import Counter, deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from newsarchive.archive import Archive, ArchiveLock, NotAnArchive, check_sqlite_file
from newsarchive.archive.rows import payload_row
from newsarchive.archive.store import StoreResult

from .extract import fetched_page, wait_for

log = logging.getLogger(__name__)

DEFAULT_DB = "data/archive.db"
#: Settings recorded with each crawl, so a run can be told apart from another.
RECORDED_SETTINGS = ("DEPTH_LIMIT", "NEWSARCHIVE_MAX_PAGES", "ROBOTSTXT_OBEY", "USER_AGENT",
                     "DOWNLOAD_DELAY", "AUTOTHROTTLE_ENABLED", "CLOSESPIDER_PAGECOUNT")


def failure_reason(error: str) -> str:
    """The reason a fetch failed, for the per-site `failed` counts: "HTTP 404", "extract",
    or the underlying error's name ("TimeoutError", "DNSLookupError", "ConnectionRefusedError")."""
    if error.startswith("HTTP "):
        return " ".join(error.split()[:2])
    if error.startswith("extract:"):
        return "extract"
    names = [part.strip() for part in error.split(": ")]
    if len(names) >= 3 and names[1].isidentifier():
        return names[1]
    return names[0] if names[0].isidentifier() else "other"


def site_counters(stats: dict, site: str) -> dict:
    """The counters of one site from the crawl stats "newsarchive/<site>/<counter>": flat
    counts, and `skipped_by_kind` / `failed_by_reason` from "skipped/<kind>", "failed/<reason>"."""
    prefix = f"newsarchive/{site}/"
    counters: dict = {"skipped_by_kind": {}, "failed_by_reason": {}}
    for key, value in stats.items():
        if not key.startswith(prefix):
            continue
        name = key[len(prefix):]
        group, _, sub = name.partition("/")
        if sub and group in ("skipped", "failed"):
            bucket = counters["skipped_by_kind" if group == "skipped" else "failed_by_reason"]
            bucket[sub] = bucket.get(sub, 0) + value
        else:
            counters[name] = value
    return counters


#: The counters every site's row has, 0 when nothing was counted.
SITE_COUNTERS = ("discovered", "fetched", "new", "changed", "unchanged", "not_modified",
                 "robots_blocked")


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
    """Writes each item (one page, one transaction) into the archive, holding its lock.

    One `crawls` row per site of the crawl (one for a `-a url=` crawl), each page linked to
    its site's row. A second crawl on a busy archive fails at once with ArchiveBusy, before
    any request (from_crawler runs while the crawl is set up).
    """

    def __init__(self, db_path: str, crawler=None, *, max_mb: float = 0):
        self.db_path = Path(db_path)
        self.crawler = crawler
        self.max_mb = max_mb
        self.archive: Archive | None = None
        self.lock = ArchiveLock(self.db_path, holder="crawl")
        self.crawl_id: int | None = None
        self.crawl_ids: dict[str, int] = {}
        self.counters: Counter = Counter()
        self.site_counts: dict[str, Counter] = {}
        self.write_error: str | None = None
        """Why the archive stopped taking pages (the crawl is being stopped), or None."""

    @classmethod
    def from_crawler(cls, crawler):
        if cls is ArchivePipeline and crawler.settings.getbool("NEWSARCHIVE_WRITER_THREAD"):
            cls = ThreadedArchivePipeline
        pipeline = cls(crawler.settings.get("NEWSARCHIVE_DB") or DEFAULT_DB, crawler,
                       max_mb=crawler.settings.getfloat("NEWSARCHIVE_DB_MAX_MB", 0))
        if crawler.settings.getbool("NEWSARCHIVE_LOCK", True):
            spider = getattr(crawler, "spider", None)
            pipeline.lock.holder = f"scrapy crawl {getattr(spider, 'name', 'news')}"
            try:
                pipeline.lock.acquire()  # ArchiveBusy: the crawl stops before any request
            except OSError as exc:  # a read-only folder: no lock file can be made
                raise ArchiveUnavailable(
                    f"cannot write the archive {pipeline.db_path.resolve()}: cannot create its "
                    f"lock file: {exc}{read_only_hint(pipeline.db_path)}") from exc
        try:
            # here, before the spider opens: a failure in open_spider also costs a Scrapy
            # traceback (its stats extension closing a spider that never started)
            check_sqlite_file(pipeline.db_path)
        except NotAnArchive as exc:
            pipeline.lock.release()
            raise ArchiveUnavailable(f"cannot write the archive {pipeline.db_path.resolve()}: "
                                     f"{exc}") from exc
        return pipeline

    def sites(self) -> dict:
        """The spider's sites by name ({} for a spider without a site list)."""
        spider = self.crawler.spider if self.crawler else None
        return dict(getattr(spider, "sites", None) or {})

    def open_spider(self):
        try:
            self.archive = Archive(self.db_path, max_size=int(self.max_mb * 1024 * 1024) or None)
            self.start_crawls()
        except (sqlite3.Error, OSError) as exc:
            if self.archive is not None:
                self.archive.close()
                self.archive = None
            self.lock.release()
            raise ArchiveUnavailable(
                f"cannot write the archive {self.db_path.resolve()}: {exc}"
                f"{read_only_hint(self.db_path)}") from exc
        log.info("archiving into %s (crawl %s)", self.db_path.resolve(),
                 ", ".join(f"{name} {crawl_id}" for name, crawl_id in self.crawl_ids.items())
                 or self.crawl_id)

    def start_crawls(self) -> None:
        """One `crawls` row per site (one for a spider without sites)."""
        spider = self.crawler.spider if self.crawler else None
        settings = ({name: self.crawler.settings.get(name) for name in RECORDED_SETTINGS}
                    if self.crawler else {})
        sites = self.sites()
        if not sites:
            self.crawl_id = self.archive.start_crawl(
                spider=getattr(spider, "name", "news"),
                start_urls=list(getattr(spider, "start_urls", []) or []), settings=settings)
        for name, site in sites.items():
            self.crawl_ids[name] = self.archive.start_crawl(
                spider=getattr(spider, "name", "news"), start_urls=list(site.start),
                settings=settings, site=name)
        self.crawl_id = self.crawl_id or next(iter(self.crawl_ids.values()))
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.set_value("newsarchive/crawl_ids", dict(self.crawl_ids))

    def process_item(self, item):
        self.check_writable()
        try:
            self.write(item)
        except sqlite3.IntegrityError:
            raise  # a bug in what we store, not a state of the archive: Scrapy logs the item
        except sqlite3.Error as exc:
            self.stop_crawl(exc)
            raise DropItem(f"not archived: {exc}") from exc
        return item

    def check_writable(self) -> None:
        """DropItem once the archive has refused a write (the crawl is being stopped)."""
        if self.write_error is not None:
            raise DropItem(f"not archived, the archive is not writable: {self.write_error}")

    def write(self, item, payload: dict | None = None) -> None:
        """Store one item's page (and article) in one transaction, and count it."""
        self.count_stored(*self.store(item, payload))

    def store(self, item, payload: dict | None = None) -> tuple[ItemAdapter, str | None,
                                                                StoreResult]:
        """Store one item's page (and article), atomically; (adapter, site, result) to count.
        payload: the body's payloads row when made already (Archive.store_page)."""
        adapter = ItemAdapter(item)
        page = fetched_page(adapter)
        article = adapter.get("article")
        stored_article = article if article is not None and article.is_article else None
        site = (adapter.get("hints") or {}).get("site")
        crawl_id = self.crawl_ids.get(site, self.crawl_id)
        spider = self.crawler.spider if self.crawler else None
        # the frontier row of the fetch gets its site's article revisit schedule
        revisit = spider.site_revisit(page.url) if hasattr(spider, "site_revisit") else None
        result = self.archive.store_page(page, stored_article, crawl_id=crawl_id,
                                         error=adapter.get("error"), site=site,
                                         payload=payload,
                                         **({"revisit": revisit} if revisit is not None else {}))
        return adapter, site, result

    def count_stored(self, adapter: ItemAdapter, site: str | None, result: StoreResult) -> None:
        """Count an item once its write is committed."""
        self.count(adapter, result.change)
        self.count_site(site if site in self.crawl_ids else None, adapter, result.change)

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

    def count_site(self, site: str | None, adapter: ItemAdapter, change: str | None) -> None:
        """The site's counters, in the crawl stats "newsarchive/<site>/<counter>": fetched
        (a response came), not_modified (304), new / changed / unchanged articles, and
        failed/<reason> (download failures, error statuses, extraction failures)."""
        stats = self.crawler.stats if self.crawler is not None else None
        if site is None or stats is None:
            return
        prefix = f"newsarchive/{site}/"
        status = adapter.get("status")
        if status is not None:
            stats.inc_value(prefix + "fetched")
        if status == 304:
            stats.inc_value(prefix + "not_modified")
        elif change is not None:
            stats.inc_value(prefix + {"updated": "changed"}.get(change, change))
        error = adapter.get("error")
        if error:
            stats.inc_value(prefix + "failed/" + failure_reason(error))

    def frontier_counters(self) -> dict:
        """What the spider's frontier planned, as frontier_<reason> (newsarchive.archive.frontier:
        new, hub, changed, due, retry, archived, dead, gone, backoff, sitemap_unchanged)."""
        stats = self.crawler.stats.get_stats() if self.crawler and self.crawler.stats else {}
        prefix = "newsarchive/frontier/"
        return {"frontier_" + name[len(prefix):]: value for name, value in stats.items()
                if name.startswith(prefix)}

    def site_status(self, counters: dict) -> str:
        """"archive_error" when the archive refused a write (the crawl was stopped),
        "failed" when every start URL of the site failed, "interrupted" when the crawl
        was stopped (Ctrl-C, SIGTERM) before it finished, else "ok"."""
        if self.write_error is not None:
            return ARCHIVE_ERROR
        if counters.get("start_failed") and not counters.get("start_ok"):
            return "failed"
        crawler = self.crawler
        if crawler is not None and getattr(crawler, "_started", False) and not crawler.crawling:
            return "interrupted"
        return "ok"

    def close_spider(self):
        if self.archive is None:
            self.lock.release()
            return
        try:
            spider = self.crawler.spider if self.crawler else None
            discovered = getattr(spider, "discovered", None)
            if discovered:
                # URLs met but not fetched (the page cap, robots.txt) stay in the frontier, so
                # the next run asks for them
                self.archive.record_seen((url, site, kind, depth)
                                         for url, (site, kind, depth) in discovered.items())
            stats = self.crawler.stats.get_stats() if self.crawler and self.crawler.stats else {}
            if not self.crawl_ids:
                counters = {**self.counters, **self.frontier_counters()}
                if self.write_error is not None:
                    counters.update(status=ARCHIVE_ERROR, archive_error=self.write_error)
                totals = self.archive.finish_crawl(self.crawl_id, counters)
                log.info("archive %s: %s", self.db_path, totals)
            single = len(self.crawl_ids) == 1
            for name, crawl_id in self.crawl_ids.items():
                counters = {counter: 0 for counter in SITE_COUNTERS}
                counters.update(site_counters(stats, name))
                counters["status"] = self.site_status(counters)
                if single:
                    counters.update(self.counters)
                    counters.update(self.frontier_counters())
                totals = self.archive.finish_crawl(crawl_id, counters)
                log.info("archive %s, site %s: %s", self.db_path, name, totals)
        except sqlite3.Error as exc:  # the disk is still full: the crawls rows keep no end
            log.error("cannot record the end of the crawl in %s: %s", self.db_path, exc)
        finally:
            self.archive.close()
            self.archive = None
            self.lock.release()


def item_payload(item) -> dict | None:
    """The `payloads` row of an item's body (None without one)."""
    return payload_row(fetched_page(ItemAdapter(item)))


#: Most items one transaction of the writer thread commits together.
MAX_BATCH = 32


class ThreadedArchivePipeline(ArchivePipeline):
    """ArchivePipeline writing in a thread of its own (NEWSARCHIVE_WRITER_THREAD), in order.

    SQLite, zstd and hashlib release the GIL, so a page's write (its body's digests and
    compression, full-text indexing and the fsync of the commit) overlaps the crawl's parsing
    and downloads instead of stalling the reactor. Items that arrive while the writer is busy
    are committed together (group commit, up to MAX_BATCH): one commit and one fsync for all
    of them, which is what the writer spent most of its time on. Each item's write is still
    atomic (a savepoint), written in the order items arrive, and an item is done only when the
    commit that holds it returned: a killed crawl loses at most the items still in flight,
    as before. When a batch fails, it is rolled back and its items written again one
    transaction each, so that a failing write costs only its own page.

    The writer is handed work only when it is idle (it takes whatever waits when it is done):
    a hand-over per item (a queue put and a thread woken) cost the reactor more than the
    rest of process_item.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.writer: ThreadPoolExecutor | None = None
        self.pending: deque[tuple[object, Future]] = deque()
        self.writer_busy = False
        """True from the hand-over of work to the writer until it found nothing left."""
        self.pending_lock = threading.Lock()

    def open_spider(self):
        super().open_spider()
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="archive-writer")

    async def process_item(self, item):
        self.check_writable()
        written: Future = Future()
        with self.pending_lock:
            self.pending.append((item, written))
            idle, self.writer_busy = not self.writer_busy, True
        if idle:
            self.writer.submit(self.write_pending)
        try:
            await wait_for(written)
        except sqlite3.IntegrityError:
            raise
        except sqlite3.Error as exc:
            self.stop_crawl(exc)  # here, in the reactor's thread
            raise DropItem(f"not archived: {exc}") from exc
        return item

    def next_batch(self) -> list[tuple[object, Future]]:
        """The next items to write, oldest first; [] (and the writer idle) when none wait."""
        with self.pending_lock:
            if not self.pending:
                self.writer_busy = False
            return [self.pending.popleft() for _ in range(min(len(self.pending), MAX_BATCH))]

    def write_pending(self) -> None:
        """In the writer thread: write the items waiting, in batches, settling their futures."""
        try:
            while batch := self.next_batch():
                self.write_batch(batch)
        except BaseException:
            # not to be: write_batch settles every item. Idle again, so the next item hands
            # the writer what waits instead of queueing behind a writer that is gone.
            with self.pending_lock:
                self.writer_busy = False
            raise

    def write_batch(self, entries: list[tuple[object, Future]]) -> None:
        """Write items, one transaction for all when it can (each its own when that fails)."""
        batch = []
        for item, written in entries:
            # the body's payloads row, before the transaction: the archive is not held meanwhile
            try:
                batch.append((item, item_payload(item), written))
            except Exception as exc:  # noqa: BLE001 - raised in process_item
                written.set_exception(exc)
        if len(batch) > 1:
            try:
                with self.archive.batch():
                    stored = [self.store(item, payload) for item, payload, _ in batch]
            except Exception:  # noqa: BLE001 - written again one by one below
                pass
            else:
                for (_, _, written), counts in zip(batch, stored):
                    self.count_stored(*counts)
                    written.set_result(None)
                return
        for item, payload, written in batch:
            try:
                self.write(item, payload)
            except Exception as exc:  # noqa: BLE001 - raised in process_item
                written.set_exception(exc)
            else:
                written.set_result(None)

    def close_spider(self):
        if self.writer is not None:
            self.writer.shutdown(wait=True)
        self.writer = None
        super().close_spider()
