"""Extraction: one page's bytes in, one Article out, as a short pipeline of named passes.

decode -> parse -> structured metadata -> metadata (headline, dates, authors, language)
-> body (prune chrome, score containers, select, separate boilerplate, clean text)
-> dateline (split off the body's opening) -> Article.

Metadata is read before the body pass because body extraction prunes the tree.
"""
from __future__ import annotations

import logging

from ..article import Article
from .decode import ParsedPage, parse_page

log = logging.getLogger(__name__)

__all__ = ["extract", "extract_fetched_page", "extract_parsed", "parse_or_none", "parse_page"]


def extract(html, url=None, *, headers=None, fetched_at=None, include_captions=False,
            profile=None) -> Article:
    """Extract the article from one page.

    html: bytes (decoded with the HTTP charset from `headers`, BOM, meta charset, then
    detection) or str. url: the page's URL (resolves relative links). headers: HTTP response
    headers. fetched_at: the fetch time, for relative dates (default now). include_captions:
    keep image captions and credits in the body. profile: a newsarchive.sites.SiteProfile with
    extra keep/drop selectors (default: looked up by the URL's host in the loaded profiles).
    Never raises on odd input: an unusable page gives an Article with an empty body.
    """
    from .passes import extract_parsed  # imported at the first page, not with the package

    return extract_parsed(parse_or_none(html, headers, url), url, fetched_at=fetched_at,
                          include_captions=include_captions, profile=profile)


def extract_fetched_page(page, extract_fn=None, **options) -> Article:
    """Extract a newsarchive.FetchedPage the way the crawl does (its body, final URL, headers
    and fetch time), with extract_fn (default extract) and its options; re-extraction and
    WARC imports call the same, so that they match the crawl."""
    extract_fn = extract_fn or extract
    return extract_fn(page.body, url=page.address, headers=page.headers,
                      fetched_at=page.fetched_at, **options)


def parse_or_none(html, headers=None, url=None) -> ParsedPage | None:
    """parse_page(html, headers), or None when the page cannot be parsed at all: odd input
    yields an empty Article, never an exception (url: the page's, for the log)."""
    try:
        return parse_page(html, headers)
    except Exception:  # noqa: BLE001 - see the docstring
        log.debug("could not parse %s", url, exc_info=True)
        return None


def __getattr__(name: str):
    # extract_parsed lives with the passes, imported when first asked for (see passes.py)
    if name == "extract_parsed":
        from .passes import extract_parsed
        return extract_parsed
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
