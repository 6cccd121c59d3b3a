"""ExtractPipeline: turn each fetched web page into a newsarchive.Article.

Adds `article` to every item: the Article extracted from a successfully fetched HTML page
(2xx status, hints.kind "html"), else None. Extraction never stops the crawl: an exception
is logged and recorded as item["error"] = "extract: <ExceptionName>: <message>".

Extraction runs in the crawl's own thread by default. With NEWSARCHIVE_EXTRACT_WORKERS = N
(> 0) it runs in N worker processes instead, so downloads go on while pages are extracted and
several cores share the work; a worker that dies (a crash in a C library on some page) costs
only the pages it held, which are retried once each in a process of their own and otherwise
recorded with the error "extract: worker process died".
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from itemadapter import ItemAdapter

from newsarchive.archive import extract_fetched_page, is_extractable_page
from newsarchive.archive.store import extraction_error
from newsarchive.page import FetchedPage

log = logging.getLogger(__name__)

#: The item keys that make a FetchedPage (see spiders/news.py for the item).
PAGE_FIELDS = tuple(field.name for field in dataclasses.fields(FetchedPage))


def fetched_page(adapter: ItemAdapter) -> FetchedPage:
    """The FetchedPage an item carries."""
    return FetchedPage(**{name: adapter.get(name) for name in PAGE_FIELDS
                          if adapter.get(name) is not None})


class ExtractPipeline:
    """Calls newsarchive.extract on every web page the spider fetched.

    extract_fn: the extraction function (default newsarchive.extract), called the way
    newsarchive.archive.extract_fetched_page calls it, so re-extraction matches the crawl.
    """

    def __init__(self, extract_fn=None):
        self.extract_fn = extract_fn

    @classmethod
    def from_crawler(cls, crawler):
        workers = crawler.settings.getint("NEWSARCHIVE_EXTRACT_WORKERS", 0)
        if workers > 0:
            return PooledExtractPipeline(workers)
        return cls()

    def process_item(self, item):
        adapter, page = page_to_extract(item)
        if page is None:
            return item
        try:
            adapter["article"] = extract_fetched_page(page, self.extract_fn)
        except Exception as exc:  # noqa: BLE001 - one bad page must never stop the crawl
            log.exception("extraction failed on %s", page.final_url or page.url)
            adapter["error"] = extraction_error(exc)
        return item


def page_to_extract(item) -> tuple[ItemAdapter, FetchedPage | None]:
    """The item's adapter with `article` set to None, and its page when it is one to extract."""
    adapter = ItemAdapter(item)
    adapter["article"] = None
    page = fetched_page(adapter)
    if page.error is not None or not is_extractable_page(page):
        return adapter, None
    return adapter, page


def extract_in_worker(page: FetchedPage):
    """What a worker process runs: the crawl's own extraction of one page."""
    return extract_fetched_page(page)


async def wait_for(future: Future):
    """Await a concurrent.futures.Future from a Scrapy coroutine, on any reactor."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # a Twisted reactor without asyncio drives this coroutine
        from twisted.internet import reactor
        from twisted.internet.defer import Deferred

        deferred: Deferred = Deferred()

        def settle(done: Future) -> None:
            error = done.exception()
            if error is not None:
                deferred.errback(error)
            else:
                deferred.callback(done.result())

        future.add_done_callback(lambda done: reactor.callFromThread(settle, done))
        return await deferred
    return await asyncio.wrap_future(future)


class PooledExtractPipeline(ExtractPipeline):
    """ExtractPipeline with extraction in `workers` processes (NEWSARCHIVE_EXTRACT_WORKERS).

    Workers are started with "spawn": forking a process that runs a Twisted reactor and
    threads is unsafe. Pages reach the workers as FetchedPage objects and come back as Articles.
    """

    def __init__(self, workers: int, worker=extract_in_worker):
        super().__init__()
        self.workers = workers
        self.worker = worker
        """The module-level function a worker runs on one FetchedPage (picklable by name)."""
        self.pool: ProcessPoolExecutor | None = None

    def open_spider(self):
        self.pool = self.new_pool()

    def new_pool(self, workers: int | None = None) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(workers or self.workers,
                                   mp_context=multiprocessing.get_context("spawn"))

    def close_spider(self):
        if self.pool is not None:
            self.pool.shutdown(wait=True)
            self.pool = None

    async def process_item(self, item):
        adapter, page = page_to_extract(item)
        if page is None:
            return item
        if self.pool is None:
            self.open_spider()
        pool = self.pool
        try:
            adapter["article"] = await wait_for(pool.submit(self.worker, page))
        except BrokenProcessPool:
            # a worker died: any page it held may be the cause, or an innocent neighbour
            log.error("an extraction worker died while %s was in the pool",
                      page.final_url or page.url)
            if self.pool is pool:  # the first page to notice replaces the shared pool
                pool.shutdown(wait=False, cancel_futures=True)
                self.pool = self.new_pool()
            await self.retry_alone(adapter, page)
        except Exception as exc:  # noqa: BLE001 - one bad page must never stop the crawl
            log.error("extraction failed on %s: %s", page.final_url or page.url, exc)
            adapter["error"] = extraction_error(exc)
        return item

    async def retry_alone(self, adapter: ItemAdapter, page: FetchedPage) -> None:
        """One more try in a pool of its own, so a page that kills workers kills only its own."""
        solo = self.new_pool(1)
        try:
            adapter["article"] = await wait_for(solo.submit(self.worker, page))
        except BrokenProcessPool:
            log.error("extraction killed its worker again on %s: recorded as failed",
                      page.final_url or page.url)
            adapter["error"] = "extract: worker process died"
        except Exception as exc:  # noqa: BLE001
            adapter["error"] = extraction_error(exc)
        finally:
            solo.shutdown(wait=False)
