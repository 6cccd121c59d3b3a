"""What an extraction worker process runs (pipelines.extract.PooledExtractPipeline).

A module of its own so that a worker imports newsarchive's extraction and only what its tasks
name: the pipeline module imports Scrapy's itemadapter and pebble, which a worker started with
"spawn" would otherwise import too, a quarter second of CPU per worker for nothing (the link
reader a crawl hands to extract_reading_links, spiders.tree_links, comes with its first such
page, and imports nothing of Scrapy either).
The extractor itself is imported by the first call (start_worker warms it up): the link worker
(spiders.links) shares limit_address_space and needs none of it.
"""
from __future__ import annotations

from newsarchive.page import FetchedPage


def extract_in_worker(page: FetchedPage):
    """What a worker process runs: the crawl's own extraction of one page."""
    from newsarchive.extract import extract_fetched_page
    return extract_fetched_page(page)


def extract_reading_links(page: FetchedPage, read_links):
    """What a worker runs for a page the spider also wants the links of: the page parsed once,
    its links read from the tree (`read_links(parsed, url)`, a module-level function), then the
    crawl's own extraction of the same tree; (article, links).

    A crawl's link reading parsed every page a second time in a process of its own (a third
    of the CPU extraction took, counting the hand-off of every page to it)."""
    from newsarchive.extract import extract_parsed, parse_or_none

    url = page.address
    parsed = parse_or_none(page.body, page.headers, url)  # None: no article, no links
    links = read_links(parsed, url)
    return extract_parsed(parsed, url, fetched_at=page.fetched_at), links


def limit_address_space(memory_mb: int) -> None:
    """Cap this process's address space at memory_mb (0: no cap; never above the hard limit)."""
    if memory_mb > 0:
        try:
            import resource
            limit = memory_mb * 1024 * 1024
            soft, hard = resource.getrlimit(resource.RLIMIT_AS)
            if hard != resource.RLIM_INFINITY:
                limit = min(limit, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        except (ImportError, ValueError, OSError):  # no RLIMIT_AS on this platform
            pass


def start_worker(memory_mb: int) -> None:
    """A worker's set-up: cap its address space, and load the extractor before the first page."""
    limit_address_space(memory_mb)
    import newsarchive.extract.passes  # noqa: F401 - warm-up: the first page should not pay for imports
