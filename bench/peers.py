"""Peers the referee has no safe adapter for, as `--extractor bench.peers:NAME` functions.

Each takes the page bytes and URL and returns the referee's fields (title, body, published,
authors). They run under bench/netguard.py: none of them may fetch anything.
"""
from __future__ import annotations


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else (str(value) if value else None)


def newspaper4k(html: bytes, url: str | None = None) -> dict:
    """newspaper4k's Article on the given HTML, with image fetching off (the referee's own
    adapter leaves it on, and Article.parse() then downloads every image of the page)."""
    import newspaper

    article = newspaper.Article(url or "http://example.com/", fetch_images=False)
    article.download(input_html=html.decode("utf-8", "replace"))
    article.parse()
    return {"title": article.title, "body": article.text, "published": _iso(article.publish_date),
            "authors": article.authors}


def news_please(html: bytes, url: str | None = None) -> dict:
    """news-please's from_html (its newspaper, readability and date extractors combined)."""
    from newsplease import NewsPlease

    article = NewsPlease.from_html(html.decode("utf-8", "replace"), url=url, fetch_images=False)
    if article is None:
        return {}
    return {"title": article.title, "body": article.maintext, "published": _iso(article.date_publish),
            "authors": article.authors}
