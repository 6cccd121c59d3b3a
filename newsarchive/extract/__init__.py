"""Extraction: one page's bytes in, one Article out, as a short pipeline of named passes.

decode -> parse -> structured metadata -> metadata (headline, dates, authors, language)
-> body (prune chrome, score containers, select, separate boilerplate, clean text)
-> dateline (split off the body's opening) -> Article.

Metadata is read before the body pass because body extraction prunes the tree.
"""
from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timezone

from ..article import Article
from .body import extract_body
from .dateline import apply_dateline, read_marked_dateline
from .decode import ParsedPage, parse_page
from .metadata import Metadata, read_metadata
from .structured import read_structured

log = logging.getLogger(__name__)

#: Article fields that the metadata pass reads as they are.
_METADATA_FIELDS = tuple(
    f.name for f in dataclasses.fields(Metadata)
    if f.name in {a.name for a in dataclasses.fields(Article)} and f.name != "url")

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
    return extract_parsed(parse_or_none(html, headers, url), url, fetched_at=fetched_at,
                          include_captions=include_captions, profile=profile)


def extract_fetched_page(page, extract_fn=None, **options) -> Article:
    """Extract a newsarchive.FetchedPage the way the crawl does (its body, final URL, headers
    and fetch time), with extract_fn (default extract) and its options; re-extraction and
    WARC imports call the same, so that they match the crawl."""
    extract_fn = extract_fn or extract
    return extract_fn(page.body, url=page.final_url or page.url, headers=page.headers,
                      fetched_at=page.fetched_at, **options)


def parse_or_none(html, headers=None, url=None) -> ParsedPage | None:
    """parse_page(html, headers), or None when the page cannot be parsed at all: odd input
    yields an empty Article, never an exception (url: the page's, for the log)."""
    try:
        return parse_page(html, headers)
    except Exception:  # noqa: BLE001 - see the docstring
        log.debug("could not parse %s", url, exc_info=True)
        return None


def extract_parsed(parsed: ParsedPage | None, url=None, *, fetched_at=None,
                   include_captions=False, profile=None) -> Article:
    """extract() of a page parse_page() has parsed (None: it could not be), for a caller that
    reads the same tree first (a crawl's links): one parse for both. The tree is pruned here,
    so it is read before, never after."""
    fetched_at = fetched_at or datetime.now(timezone.utc)
    article = Article(url=url)
    if parsed is None or parsed.tree is None:
        return article
    tree, markup = parsed
    # the markup is searched while it is still in the CPU's cache from the parse (later the
    # scan cost twice as much); the metadata passes do not change the tree
    marked_dateline = read_marked_dateline(tree, markup)  # before the body pass prunes it away
    # Every pass walks the tree, and each walk made and freed a Python proxy per element
    # (some 0.4 ms a page); proxies held for the whole extraction are made once, and later
    # walks reuse them. The list frees them last-first, descendants before their ancestors,
    # so a removed subtree is freed in one pass (see prune.holding_removed).
    _proxies = list(tree.iter())  # noqa: F841 - held until extract() returns
    structured = read_structured(tree, url)
    meta = read_metadata(tree, structured, url=url, fetched_at=fetched_at)
    body = extract_body(tree, structured, headline=meta.headline, url=url,
                        include_captions=include_captions, profile=profile)
    dateline = apply_dateline(body.paragraphs, meta, fetched_at=fetched_at, marked=marked_dateline)
    fields = {name: getattr(meta, name) for name in _METADATA_FIELDS}
    if body.source and dateline.paragraphs:
        meta.sources["body"] = body.source
    return Article(
        **fields,
        url=url or meta.canonical_url,
        is_article=body.is_article,
        dateline=dateline.text,
        dateline_place=dateline.place,
        dateline_date=dateline.date,
        body="\n\n".join(dateline.paragraphs),
        boilerplate=body.boilerplate,
    )
