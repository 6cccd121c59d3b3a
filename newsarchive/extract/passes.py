"""The passes over one parsed page, in order: what extract() runs once the page is parsed.

A module of its own so that `import newsarchive` stays light: the passes' modules compile
some hundred patterns at import (a tenth of a second), which a crawl process that extracts in
worker processes, or a command that only queries the archive, never needs.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

from ..article import Article
from .body import extract_body
from .dateline import apply_dateline, read_marked_dateline
from .decode import ParsedPage
from .metadata import Metadata, read_metadata
from .structured import read_structured

#: Article fields that the metadata pass reads as they are.
_METADATA_FIELDS = tuple(
    f.name for f in dataclasses.fields(Metadata)
    if f.name in {a.name for a in dataclasses.fields(Article)} and f.name != "url")


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
    _proxies = list(tree.iter())  # noqa: F841 - held until this function returns
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
