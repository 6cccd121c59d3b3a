"""ExtractPipeline: turn each fetched web page into a newsarchive.Article.

Adds `article` to every item: the Article extracted from a successfully fetched HTML page
(2xx status, hints.kind "html"), else None. Extraction never stops the crawl: an exception
is logged and recorded as item["error"] = "extract: <ExceptionName>: <message>".
"""
from __future__ import annotations

import dataclasses
import logging

from itemadapter import ItemAdapter

from newsarchive.archive import extract_fetched_page, is_extractable_page
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
        return cls()

    def process_item(self, item):
        adapter = ItemAdapter(item)
        adapter["article"] = None
        page = fetched_page(adapter)
        if page.error is not None or not is_extractable_page(page):
            return item
        try:
            adapter["article"] = extract_fetched_page(page, self.extract_fn)
        except Exception as exc:  # noqa: BLE001 - one bad page must never stop the crawl
            log.exception("extraction failed on %s", page.final_url or page.url)
            adapter["error"] = f"extract: {type(exc).__name__}: {exc}"
        return item
