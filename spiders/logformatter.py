"""PageLogFormatter: log lines name a page, never print it.

Scrapy's default formatter prints every scraped, dropped or failed item whole: here that is
a page's raw bytes and its response headers (Set-Cookie included) in the log. This one logs
the URL, the status and the error instead (LOG_FORMATTER in spiders/settings.py).
"""
from __future__ import annotations

import os

from itemadapter import ItemAdapter
from scrapy.logformatter import LogFormatter


def item_summary(item) -> str:
    """<url> (status, error) of a page item; the item's type for anything else."""
    try:
        adapter = ItemAdapter(item)
        url, status, error = adapter.get("url"), adapter.get("status"), adapter.get("error")
    except TypeError:
        return f"<{type(item).__name__}>"
    return f"<{url}> (status {status}{', ' + error if error else ''})"


class PageLogFormatter(LogFormatter):
    def scraped(self, item, response, spider=None):
        entry = super().scraped(item, response, spider)
        entry["msg"] = "Scraped from %(src)s" + os.linesep + "%(item)s"
        entry["args"] = {**entry["args"], "item": item_summary(item)}
        return entry

    def dropped(self, item, exception, response, spider=None):
        entry = super().dropped(item, exception, response, spider)
        entry["args"] = {**entry["args"], "item": item_summary(item)}
        return entry

    def item_error(self, item, exception, response, spider=None):
        entry = super().item_error(item, exception, response, spider)
        entry["args"] = {**entry["args"], "item": item_summary(item)}
        return entry
