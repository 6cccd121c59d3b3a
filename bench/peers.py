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


def _fundus_publishers() -> list[tuple[str, object]]:
    """(host without www., publisher) for every publisher Fundus knows, current and old domains."""
    from urllib.parse import urlsplit

    from fundus import PublisherCollection

    hosts = []
    for publisher in PublisherCollection:
        for domain in [publisher.domain, *(getattr(publisher, "deprecated_domains", None) or [])]:
            host = (urlsplit(domain if "//" in domain else "//" + domain).hostname or "").lower()
            if host:
                hosts.append((host.removeprefix("www."), publisher))
    return hosts


_FUNDUS_HOSTS: list | None = None


def fundus(html: bytes, url: str | None = None) -> dict:
    """Fundus's hand-written parser for the page's publisher; {} for sites Fundus does not cover
    (Fundus is a set of per-publisher parsers, not a generic extractor). The parser version is
    the one valid on the page's own publishing date, as Fundus picks it when crawling."""
    from urllib.parse import urlsplit

    global _FUNDUS_HOSTS
    if _FUNDUS_HOSTS is None:
        _FUNDUS_HOSTS = _fundus_publishers()
    host = (urlsplit(url or "").hostname or "").lower().removeprefix("www.")
    publisher = next((p for h, p in _FUNDUS_HOSTS if host == h or host.endswith("." + h)), None)
    if publisher is None:
        return {}
    text = html.decode("utf-8", "replace")
    parsed = publisher.parser().parse(text, error_handling="suppress")
    published = parsed.get("publishing_date")
    if published is not None:
        parsed = publisher.parser(published).parse(text, error_handling="suppress") or parsed
    body = parsed.get("body")
    return {"title": parsed.get("title"), "body": str(body) if body is not None else None,
            "published": _iso(parsed.get("publishing_date")), "authors": parsed.get("authors") or []}
