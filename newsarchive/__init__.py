"""newsarchive: crawl news sites, extract articles, archive them in SQLite.

    >>> from newsarchive import extract
    >>> article = extract(html_bytes, url="https://example.com/news/1")
    >>> article.headline, article.dateline, article.body
"""
from .archive import Archive
from .article import Article, Boilerplate
from .extract import extract
from .page import FetchedPage

__version__ = "0.1.0"
__all__ = ["Archive", "Article", "Boilerplate", "FetchedPage", "extract", "__version__"]
