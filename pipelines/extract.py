"""ExtractPipeline: turn each fetched web page into a newsarchive.Article.

Adds `article` to every item: the Article extracted from a successfully fetched HTML page
(2xx status, hints.kind "html"), else None. Extraction never stops the crawl: an exception
is logged and recorded as item["error"] = "extract: <ExceptionName>: <message>".

By default extraction runs in worker processes (NEWSARCHIVE_EXTRACT_WORKERS, default: one per
core the crawl may use), off the reactor, so downloads go on while pages are extracted:

- a page may take at most NEWSARCHIVE_EXTRACT_TIMEOUT seconds (default 20); a page over it
  is recorded with the error "extract: timed out after 20 s", its worker is killed and
  replaced, and the crawl goes on;
- a worker may use at most NEWSARCHIVE_EXTRACT_MEMORY_MB of address space (default 3072): a
  page that needs more fails with "extract: MemoryError" instead of exhausting the machine;
- a worker that dies (a crash in a C library on some page) costs only the page it held,
  recorded as "extract: worker process died (exit code N)"; a fresh worker takes its place;
- at most NEWSARCHIVE_EXTRACT_QUEUE pages (default 4 per worker) wait for or sit in the
  workers: further items wait in the pipeline, which holds back Scrapy's downloads;
- the spider hands a page whose links it follows to read_page instead: the worker parses it
  once, reads its links and extracts it, and the item then passes through process_item.

The pool is pebble's ProcessPool: its schedule(..., timeout=) kills and replaces the one
worker whose page ran over, and attributes a dead worker to the one page it held, which a
concurrent.futures pool cannot do (a dead worker breaks the whole pool, a running task
cannot be cancelled).

NEWSARCHIVE_EXTRACT_WORKERS = 0 extracts in the crawl's own thread, for debugging (pdb,
profilers): no time or memory limit applies there.
"""
from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
from concurrent.futures import Future, TimeoutError as FutureTimeout

from itemadapter import ItemAdapter
from pebble import ProcessExpired, ProcessPool

from newsarchive.archive import extract_fetched_page, is_extractable_page
from newsarchive.archive.store import extraction_error
from newsarchive.page import FetchedPage

from .extract_worker import extract_in_worker, extract_reading_links, start_worker
from .worker_pool import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, finish_pool, spawn_pool, stop_pool

log = logging.getLogger(__name__)

#: The item keys that make a FetchedPage (see spiders/news.py for the item).
PAGE_FIELDS = tuple(field.name for field in dataclasses.fields(FetchedPage))
#: Pages per worker that may wait for or sit in the workers by default (NEWSARCHIVE_EXTRACT_QUEUE).
QUEUE_PER_WORKER = 4


def fetched_page(adapter: ItemAdapter) -> FetchedPage:
    """The FetchedPage an item carries."""
    return FetchedPage(**{name: adapter.get(name) for name in PAGE_FIELDS
                          if adapter.get(name) is not None})


def default_workers() -> int:
    """One extraction worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def configured_workers(settings) -> int:
    """NEWSARCHIVE_EXTRACT_WORKERS from the settings, else the environment, else the cores."""
    value = settings.get("NEWSARCHIVE_EXTRACT_WORKERS")
    if value is None or value == "":
        value = os.environ.get("NEWSARCHIVE_EXTRACT_WORKERS", "")
    if value is None or str(value).strip() == "":
        return default_workers()
    return max(0, int(value))


class ExtractPipeline:
    """Calls newsarchive.extract on every web page the spider fetched, in the crawl's thread.

    extract_fn: the extraction function (default newsarchive.extract), called the way
    newsarchive.archive.extract_fetched_page calls it, so re-extraction matches the crawl.
    from_crawler gives the PooledExtractPipeline unless NEWSARCHIVE_EXTRACT_WORKERS is 0.
    """

    def __init__(self, extract_fn=None):
        self.extract_fn = extract_fn

    @classmethod
    def from_crawler(cls, crawler):
        workers = configured_workers(crawler.settings)
        if workers > 0:
            settings = crawler.settings
            return PooledExtractPipeline(
                workers,
                timeout=settings.getfloat("NEWSARCHIVE_EXTRACT_TIMEOUT", DEFAULT_TIMEOUT),
                memory_mb=settings.getint("NEWSARCHIVE_EXTRACT_MEMORY_MB", DEFAULT_MEMORY_MB),
                queue_size=settings.getint("NEWSARCHIVE_EXTRACT_QUEUE", 0) or None)
        return cls()

    def process_item(self, item):
        adapter, page = page_to_extract(item)
        if page is None:
            return item
        try:
            adapter["article"] = extract_fetched_page(page, self.extract_fn)
        except Exception as exc:  # noqa: BLE001 - one bad page must never stop the crawl
            log.exception("extraction failed on %s", page.address)
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


def extraction_input(page: FetchedPage) -> FetchedPage:
    """The page as a worker gets it: what extraction reads (extract_fetched_page), without the
    request and response heads, hints and error, which would only be pickled for nothing."""
    return FetchedPage(url=page.url, final_url=page.final_url, status=page.status,
                       headers=page.headers, body=page.body, fetched_at=page.fetched_at)


def timeout_error(timeout: float) -> str:
    """The item error recorded for a page whose extraction ran over the time limit."""
    return f"extract: timed out after {timeout:g} s"


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


def first_done(futures) -> Future:
    """A Future settled (with None) as soon as any of `futures` is done, or at once when there
    is none left: `futures` may be a set the pool's threads empty meanwhile (in_flight), and a
    signal that nothing can settle would hold its item, and the crawl, forever."""
    signal: Future = Future()

    def settle(_done) -> None:
        if not signal.done():
            try:
                signal.set_result(None)
            except Exception:  # noqa: BLE001 - another callback settled it meanwhile
                pass

    waiting = list(futures)
    for future in waiting:
        future.add_done_callback(settle)
    if not waiting:
        settle(None)
    return signal


class PooledExtractPipeline(ExtractPipeline):
    """ExtractPipeline with extraction in `workers` processes, each page under a time limit.

    Workers are started and let go as pipelines.worker_pool says. Pages reach the workers as
    FetchedPage objects and come back as Articles.
    worker: the module-level function a worker runs on one FetchedPage (picklable by name).
    """

    def __init__(self, workers: int, worker=extract_in_worker, *,
                 timeout: float | None = DEFAULT_TIMEOUT, memory_mb: int = DEFAULT_MEMORY_MB,
                 queue_size: int | None = None):
        super().__init__()
        self.workers = workers
        self.worker = worker
        self.timeout = timeout if timeout and timeout > 0 else None
        self.memory_mb = memory_mb
        self.queue_size = queue_size or workers * QUEUE_PER_WORKER
        """Most pages scheduled on the pool at once; more wait in process_item."""
        self.pool: ProcessPool | None = None
        self.in_flight: set[Future] = set()
        self.peak_in_flight = 0

    def open_spider(self):
        self.pool = self.new_pool()

    def new_pool(self) -> ProcessPool:
        return spawn_pool(self.workers, start_worker, self.memory_mb)

    def close_spider(self):
        if self.pool is not None:
            pool, self.pool = self.pool, None
            finish_pool(pool)  # the pages already handed over are finished first

    async def process_item(self, item):
        if "article" in item:  # extracted already, with its links (read_page)
            return item
        adapter, page = page_to_extract(item)
        if page is not None:
            adapter["article"] = await self.in_worker(adapter, page, self.worker)
        return item

    async def read_page(self, item, read_links) -> tuple[list[str], list[str]] | None:
        """Extract an item's page and read its links in one worker task: the page parsed and
        handed over once for both (pipelines.extract_worker.extract_reading_links).

        Sets the item's `article` (or `error`) as process_item would, which then passes the
        item on. read_links: a module-level function (parsed page, URL) -> links. The links,
        or None when they were not read (not a page to extract; the worker gave it up or
        failed): the caller reads them its own way."""
        adapter, page = page_to_extract(item)
        if page is None:
            return None
        result = await self.in_worker(adapter, page, extract_reading_links, read_links)
        if result is None:
            return None
        adapter["article"], links = result
        return links

    async def in_worker(self, adapter: ItemAdapter, page: FetchedPage, task, *args):
        """task(page as a worker gets it, *args) on a worker, once a place in the queue is
        free; its result, or None with the item's `error` saying why it failed."""
        while len(self.in_flight) >= self.queue_size:  # back-pressure: wait for a free place
            await wait_for(first_done(self.in_flight))
        future = self.schedule(page, task, args)
        self.in_flight.add(future)
        self.peak_in_flight = max(self.peak_in_flight, len(self.in_flight))
        future.add_done_callback(self.in_flight.discard)
        url = page.address
        try:
            return await wait_for(future)
        except FutureTimeout:
            log.error("extraction of %s ran over %g s: worker replaced", url, self.timeout)
            adapter["error"] = timeout_error(self.timeout)
        except ProcessExpired as exc:
            log.error("an extraction worker died on %s (exit code %s): worker replaced",
                      url, exc.exitcode)
            adapter["error"] = f"extract: worker process died (exit code {exc.exitcode})"
        except Exception as exc:  # noqa: BLE001 - one bad page must never stop the crawl
            log.error("extraction failed on %s: %s", url, exc)
            adapter["error"] = extraction_error(exc)
        return None

    def schedule(self, page: FetchedPage, task, args: tuple = ()) -> Future:
        """task(page, *args) handed to a worker; a pool that stopped (it should not) is
        started again."""
        if self.pool is None or not self.pool.active:
            if self.pool is not None:
                log.error("the extraction pool stopped: starting a new one")
                stop_pool(self.pool)
            self.open_spider()
        return self.pool.schedule(task, args=(extraction_input(page), *args),
                                  timeout=self.timeout)
