"""The article's own headline, reconciled from JSON-LD, OpenGraph/meta, <h1> and <title>.

Sites decorate titles with their name (" | Site", "Site - ") and sometimes a section; the
article's <h1> usually has neither. The affixes are learned by comparing the candidates with
each other and with the site name, never from a list of sites.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import meta_tables as tables
from .structured import StructuredData

_WORD = re.compile(r"\w+", re.UNICODE)


def norm(text: str | None) -> str:
    """Comparison form: NFKC, case-folded, words only."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text or "").casefold()))


def clean_text(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(unicodedata.normalize("NFC", text).replace("\u00ad", "").split())
    return text or None


@dataclass
class HeadlineFound:
    text: str | None
    element: object | None = None
    """The <h1> (or other element) showing the headline, when one does."""


def site_name_hints(structured: StructuredData, url: str | None, site_name: str | None) -> list[str]:
    """Names the site may go by: declared names plus the host's main label."""
    hints = [site_name] if site_name else []
    for key in tables.SITE_NAME_META_KEYS:
        value = structured.meta.get(key)
        if value and len(value) < 60:
            hints.append(value.lstrip("@"))
    host = urlsplit(url or structured.canonical_url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp", "mobile")]
    if len(labels) >= 2:
        hints.append(labels[-2])
        hints.append(".".join(labels[-2:]))
    return [hint for hint in hints if norm(hint)]


def split_title(text: str) -> list[str]:
    """Split a title at the first separator kind that occurs in it."""
    for separator in tables.TITLE_SEPARATORS:
        if separator in text:
            return [part.strip() for part in text.split(separator)]
    return [text]


def _squash(text: str) -> str:
    return norm(text).replace(" ", "")


def is_site_segment(segment: str, hints: list[str]) -> bool:
    """True when a title segment is (a form of) the site's name."""
    squashed = _squash(segment)
    if not squashed:
        return True
    for hint in hints:
        hint_squashed = _squash(hint)
        if not hint_squashed:
            continue
        if squashed == hint_squashed:
            return True
        if len(hint_squashed) >= 4 and hint_squashed in squashed and len(squashed) <= len(hint_squashed) + 16:
            return True
        if len(squashed) >= 4 and squashed in hint_squashed:
            return True
    return False


def strip_site_affixes(text: str | None, hints: list[str]) -> str | None:
    """Remove leading/trailing title segments that name the site."""
    text = clean_text(text)
    if not text:
        return None
    for separator in tables.TITLE_SEPARATORS:
        if separator not in text:
            continue
        parts = [part.strip() for part in text.split(separator)]
        changed = False
        while len(parts) > 1 and is_site_segment(parts[-1], hints):
            parts.pop()
            changed = True
        while len(parts) > 1 and is_site_segment(parts[0], hints):
            parts.pop(0)
            changed = True
        if changed:
            return strip_site_affixes(separator.join(parts), hints)
    return text


def heading_texts(tree) -> list[tuple[str, object]]:
    """Texts of the page's <h1> elements (those with words), page order."""
    found = []
    for element in tree.xpath("//h1")[:8]:
        text = clean_text(element.text_content())
        if text and len(text) < 400:
            found.append((text, element))
    return found


def _jsonld_headline(structured: StructuredData) -> str | None:
    article = structured.article
    if not article:
        return None
    value = article.get("headline") or article.get("name")
    if isinstance(value, list):
        value = value[0] if value else None
    return clean_text(value) if isinstance(value, str) else None


def read_headline(tree, structured: StructuredData, *, url: str | None = None,
                  site_name: str | None = None) -> HeadlineFound:
    """Reconcile the headline candidates into the article's own headline."""
    hints = site_name_hints(structured, url, site_name)
    jsonld = _jsonld_headline(structured)
    metas = [structured.meta.get(key) for key in tables.HEADLINE_META_KEYS]
    title = structured.title
    h1s = heading_texts(tree)

    declared = [text for text in [jsonld, *metas, title] if text]
    cleaned = [strip_site_affixes(text, hints) for text in declared]
    cleaned = [text for text in cleaned if text]
    # also every segment of the declared titles: catches "Section: Headline | Site"
    segments = {norm(part) for text in declared for part in split_title(clean_text(text) or "") if len(norm(part)) > 8}
    known = {norm(text) for text in cleaned} | segments

    for text, element in h1s:
        if norm(text) in known:
            return HeadlineFound(text, element)
    for text, element in h1s:
        key = norm(text)
        if len(key) > 15 and any(key in candidate or candidate in key for candidate in known if len(candidate) > 15):
            return HeadlineFound(text, element)

    if jsonld:
        best = strip_site_affixes(jsonld, hints)
        # JSON-LD headlines are often cut at 110 characters: a meta title that extends it wins
        stem = norm(best.rstrip(".… "))
        for text in cleaned:
            if len(norm(text)) > len(stem) and norm(text).startswith(stem):
                best = text
        return HeadlineFound(best, None)
    for meta_value in metas:
        if meta_value:
            stripped = strip_site_affixes(meta_value, hints)
            if stripped:
                return HeadlineFound(stripped, None)
    if title:
        stripped = strip_site_affixes(title, hints)
        parts = split_title(stripped or "")
        for text, element in h1s:
            if norm(text) in {norm(part) for part in parts}:
                return HeadlineFound(text, element)
        if len(parts) > 1:
            longest = max(parts, key=len)
            if len(longest.split()) >= 3:
                return HeadlineFound(longest, None)
        return HeadlineFound(stripped, None)
    if h1s:
        return HeadlineFound(*h1s[0])
    return HeadlineFound(None, None)
