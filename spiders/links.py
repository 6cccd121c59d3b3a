"""The links of a web page the news spider follows (page_links), and the process that reads them.

Reading a page's links (parsing it, resolving its hrefs) holds the GIL throughout: lxml's HTML
parser does not let go of it, nor does the URL arithmetic. In the crawl's own process it was
the largest part of the per-page work outside Scrapy (1.6 ms of CPU on a 92 KB demo page), on
the one core that process can use, while the extraction workers leave the other core half idle.
When extraction runs in worker processes, the worker that extracts a page reads its links from
the same parse (spiders.tree_links.links_of_parsed, without Scrapy; pipelines.extract's
read_page). LinkReader serves the rest (no extraction workers, a page a worker gave up, an
archived hub behind a 304): it hands them to a worker process of its own once reading them in
the crawl process has cost as much as starting one (LINK_WORKER_AFTER_CPU); the links are the
same every way.

A module of its own, without the spider: the worker imports this and scrapy.http, nothing of
the crawl.
"""
from __future__ import annotations

import logging
import time
from concurrent.futures import Future, ThreadPoolExecutor, TimeoutError as FutureTimeout

from parsel import Selector
from pebble import ProcessExpired
from scrapy.http import TextResponse, XmlResponse
from scrapy.utils.response import get_base_url

from pipelines.worker_pool import (
    DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, finish_pool, spawn_pool, stop_pool,
)
from spiders.tree_links import links_in_tree

log = logging.getLogger(__name__)

def page_links(response: TextResponse) -> tuple[list[str], list[str]]:
    """(feeds it advertises, pages it links), absolute http(s) URLs in page order, no repeats.

    What Scrapy's LinkExtractor() gives (base href honoured, links to images, documents and
    archives left out), at half its cost: the spider filters by site and URL key itself, so
    the per-link checks LinkExtractor makes (domains, canonical forms) are not needed here.
    """
    try:
        if isinstance(response, XmlResponse):
            # a web page served as XML (text/xml, application/xml: the spider read it as HTML
            # by its content), whose XML selector would see no links in it
            root, base = Selector(text=response.text, type="html").root, get_base_url(response)
        else:
            root, base = response.selector.root, get_base_url(response)
    except ValueError:  # a <base href> urllib cannot read ("http://[..."), which Scrapy's own
        # selector asks for too: the tree as parsel builds it for Scrapy, and the page's own URL
        root, base = Selector(text=response.text, type="html").root, response.url
    return links_in_tree(root, base)


def links_in_worker(response_class: type, url: str, body: bytes, encoding: str
                    ) -> tuple[list[str], list[str]]:
    """What a link worker runs: page_links of the response the crawl got (its class, final URL,
    body and the encoding Scrapy settled on: the same text, base URL and tree)."""
    return page_links(response_class(url=url, body=body, encoding=encoding))


def start_link_worker(memory_mb: int) -> None:
    """A link worker's set-up: the extraction workers' address-space cap."""
    from pipelines.extract_worker import limit_address_space
    limit_address_space(memory_mb)


#: CPU seconds the crawl process spends reading links in its thread before it starts a link
#: worker: what starting one costs (a Python process importing Scrapy's HTTP classes, 0.37-0.41 s
#: measured). A crawl whose hubs are few or small never pays for a process (the bench site's
#: hundred section pages cost 0.01 s in the thread; their worker cost 0.4 s of the two cores
#: the crawl shares); one of many large home and section pages (1.6 ms each) moves them off
#: the crawl process once they cost as much.
LINK_WORKER_AFTER_CPU = 0.4


class LinkReader:
    """page_links() off the reactor: in a thread of the crawl process until it has spent
    `after_cpu` seconds of CPU on them (or always, with `processes` 0), then in a worker process.

    A page whose links cannot be read in the worker (over its time limit, a worker that died)
    is logged and gives no links; the worker is replaced and the crawl goes on.
    """

    def __init__(self, processes: int = 1, *, memory_mb: int = DEFAULT_MEMORY_MB,
                 after_cpu: float = LINK_WORKER_AFTER_CPU, timeout: float = DEFAULT_TIMEOUT):
        self.processes = processes
        self.memory_mb = memory_mb
        self.after_cpu = after_cpu
        self.timeout = timeout
        self.thread_cpu = 0.0
        """CPU seconds the thread has spent reading links so far."""
        self.thread: ThreadPoolExecutor | None = None
        self.pool = None

    def submit(self, response: TextResponse) -> Future:
        """A future of the response's page_links()."""
        # Scrapy's own response classes only: the worker must be able to import the class
        if self.processes > 0 and self.thread_cpu >= self.after_cpu \
                and type(response).__module__.startswith("scrapy.http"):
            pool = self.worker_pool()
            if pool is not None:
                return pool.schedule(links_in_worker, args=(
                    type(response), response.url, response.body, response.encoding),
                    timeout=self.timeout)
        return self.in_thread(response)

    def in_thread(self, response: TextResponse) -> Future:
        """A future of the response's page_links(), read in the crawl process's thread."""
        if self.thread is None:
            self.thread = ThreadPoolExecutor(1, thread_name_prefix="link-parser")
        return self.thread.submit(self.timed_page_links, response)

    def timed_page_links(self, response: TextResponse) -> tuple[list[str], list[str]]:
        """page_links(), in the thread, its CPU time added to thread_cpu."""
        start = time.thread_time()
        try:
            return page_links(response)
        finally:
            self.thread_cpu += time.thread_time() - start

    @staticmethod
    def gave_up(exc: BaseException) -> bool:
        """True when the worker gave up the page (over the time limit, or it died): reading
        it again would do the same. Any other error is the page's to raise, in the thread."""
        return isinstance(exc, (FutureTimeout, ProcessExpired))

    def worker_pool(self):
        """The worker pool, started on first use (None when it cannot be)."""
        if self.pool is None or not self.pool.active:
            if self.pool is not None:
                log.error("the link worker pool stopped: starting a new one")
                pool, self.pool = self.pool, None
                stop_pool(pool)
            try:
                self.pool = spawn_pool(self.processes, start_link_worker, self.memory_mb)
            except OSError as exc:  # no processes left to start: the thread reads them
                log.error("cannot start a link worker (%s): links read in the crawl process",
                          exc)
                self.processes = 0
                return None
        return self.pool

    def failure(self, url: str, exc: BaseException) -> str:
        """Why a page's links could not be read, for the log."""
        if isinstance(exc, FutureTimeout):
            return f"links of {url} not read: over {self.timeout:g} s (worker replaced)"
        return f"links of {url} not read: {type(exc).__name__}: {exc}"

    def close(self) -> None:
        """Stop the thread and the worker, waiting for what they hold."""
        if self.thread is not None:
            self.thread.shutdown(wait=True)
            self.thread = None
        if self.pool is not None:
            pool, self.pool = self.pool, None
            finish_pool(pool)
