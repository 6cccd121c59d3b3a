"""newsarchive: crawl news sites, extract articles, archive them in SQLite.

    >>> from newsarchive import extract
    >>> article = extract(html_bytes, url="https://example.com/news/1")
    >>> article.headline, article.dateline, article.body
"""
from .article import Article, Boilerplate
from .extract import extract
from .page import FetchedPage

__version__ = "0.1.0"
__all__ = ["Archive", "Article", "Boilerplate", "FetchedPage", "extract", "__version__"]


def __getattr__(name: str):
    # Archive (sqlite-utils, click, the URL tools) is imported when first asked for: an
    # extraction worker imports this package for extract alone, and paid 80 ms more at start.
    if name == "Archive":
        from .archive import Archive
        return Archive
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
