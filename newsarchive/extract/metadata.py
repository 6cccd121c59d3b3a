"""Article metadata from the whole page: headline, dates, authors, language, site facts.

Runs before the body pass prunes the tree. Each field has its own small reader; this module
only orders them (language before dates, the headline before visible-date search) and fills
the Metadata record.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice

from ..hosts import join_url
from .authors import author_answer
from .dates import read_dates
from .dom import following_elements
from .headline import clean_text, read_headline
from .language import read_language
from .structured import StructuredData, type_names
from .tables import BLOCK_TAGS


@dataclass
class Metadata:
    headline: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    site_name: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    image_url: str | None = None
    canonical_url: str | None = None
    sources: dict[str, str] = field(default_factory=dict)
    """Article.sources for the fields read here: field name -> the rule that produced it."""
    opening_text: str | None = None
    """The first block of text after the headline in the whole page: the lede, where a
    dateline stands even when the body pass keeps only the paragraphs after it."""


def read_metadata(tree, structured: StructuredData, *, url: str | None,
                  fetched_at: datetime | None = None) -> Metadata:
    """Read every metadata field of one page."""
    fetched_at = fetched_at or datetime.now(timezone.utc)
    meta = Metadata()
    if tree is None:
        return meta
    meta.canonical_url = read_canonical_url(structured, url)
    base = url or meta.canonical_url
    meta.site_name = read_site_name(structured)
    meta.language = read_language(tree, structured)
    headline = read_headline(tree, structured, url=base, site_name=meta.site_name)
    meta.headline = headline.text
    if headline.text:
        meta.sources["headline"] = headline.source
    dates = read_dates(tree, structured, url=base, language=meta.language, fetched_at=fetched_at,
                       headline_element=headline.element)
    if dates.published is not None:
        meta.date_published = dates.published.iso()
        meta.sources["date_published"] = dates.published_source
    if dates.modified is not None:
        meta.date_modified = dates.modified.iso()
        meta.sources["date_modified"] = dates.modified_source
    authors = author_answer(tree, structured, site_name=meta.site_name, headline_element=headline.element,
                           url=base)
    meta.authors = authors.value or []
    if meta.authors:
        meta.sources["authors"] = authors.rule
    meta.description = read_description(structured)
    meta.section = read_section(structured)
    meta.tags = read_tags(structured)
    meta.image_url = read_image_url(structured, base)
    meta.opening_text = read_opening_text(headline.element)
    return meta



def read_opening_text(headline_element, window: int = 80, min_chars: int = 80) -> str | None:
    """The first paragraph-like block after the headline (no nested blocks, some length)."""
    if headline_element is None:
        return None
    for element in islice(following_elements(headline_element, "p", "div"), window):
        # the descendants' tags tested in Python until the first block: iterdescendants with the
        # 45 block tags looked every tag up anew on each call (four times the cost)
        for descendant in element.iterdescendants():
            if descendant.tag in BLOCK_TAGS:
                break
        else:
            text = " ".join(" ".join(element.itertext()).split())
            if len(text) >= min_chars:
                return text
    return None


def _first_string(value) -> str | None:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, (str, dict))), None)
    if isinstance(value, dict):
        value = value.get("name") or value.get("url") or value.get("@id")
    return clean_text(value) if isinstance(value, str) else None


def read_site_name(structured: StructuredData) -> str | None:
    """og:site_name, the article's publisher, a WebSite object's name, application-name."""
    if structured.og.get("site_name"):
        return clean_text(structured.og["site_name"])
    article = structured.article or {}
    publisher = _first_string(article.get("publisher"))
    if publisher:
        return publisher
    for obj in structured.json_ld:
        if "WebSite" in type_names(obj) and isinstance(obj.get("name"), str):
            return clean_text(obj["name"])
    for obj in structured.json_ld:
        if {"NewsMediaOrganization", "Organization"} & set(type_names(obj)) and isinstance(obj.get("name"), str):
            return clean_text(obj["name"])
    for key in ("application-name", "apple-mobile-web-app-title"):
        if structured.meta.get(key):
            return clean_text(structured.meta[key])
    return None


def read_canonical_url(structured: StructuredData, url: str | None) -> str | None:
    """link rel=canonical, og:url, or the JSON-LD article's url, made absolute."""
    article = structured.article or {}
    main_entity = article.get("mainEntityOfPage")
    candidates = [structured.canonical_url, structured.og.get("url"), _first_string(article.get("url")),
                  main_entity.get("@id") if isinstance(main_entity, dict) else main_entity]
    for candidate in candidates:
        if isinstance(candidate, str) and candidate.strip() and not candidate.startswith(("javascript:", "#")):
            absolute = join_url(url, candidate)
            if absolute is not None and absolute.startswith(("http://", "https://")):
                return absolute
    return None


def read_description(structured: StructuredData) -> str | None:
    article = structured.article or {}
    for value in (structured.meta.get("description"), structured.og.get("description"),
                  structured.meta.get("twitter:description"), article.get("description")):
        text = clean_text(value) if isinstance(value, str) else None
        if text:
            return text
    return None


def read_section(structured: StructuredData) -> str | None:
    article = structured.article or {}
    for value in (structured.meta.get("article:section"), article.get("articleSection"),
                  structured.meta.get("section"), structured.meta.get("parsely-section"),
                  structured.meta.get("cxenseparse:recs:articlesection")):
        text = _first_string(value)
        if text:
            return text
    return None


def read_tags(structured: StructuredData) -> list[str]:
    """article:tag values, JSON-LD keywords, then meta keywords / news_keywords."""
    article = structured.article or {}
    groups = [structured.meta_all.get("article:tag", []), article.get("keywords"),
              structured.meta.get("news_keywords"), structured.meta.get("keywords")]
    tags: list[str] = []
    seen: set[str] = set()  # the tags casefolded: a set made anew per tag was quadratic in them
    for group in groups:
        if not group:
            continue
        values = group if isinstance(group, list) else [group]
        for value in values:
            if not isinstance(value, str):
                continue
            parts = value.split(",") if len(values) == 1 or "," in value else [value]
            for part in parts:
                tag = clean_text(part)
                if tag and len(tag) < 80 and tag.casefold() not in seen:
                    tags.append(tag)
                    seen.add(tag.casefold())
        if tags:
            break
    return tags


def read_image_url(structured: StructuredData, base: str | None) -> str | None:
    article = structured.article or {}
    image = article.get("image")
    if isinstance(image, list):
        image = image[0] if image else None
    if isinstance(image, dict):
        image = image.get("url") or image.get("contentUrl") or image.get("@id")
    for value in (structured.og.get("image"), structured.og.get("image:url"), structured.og.get("image:secure_url"),
                  structured.meta.get("twitter:image"), structured.meta.get("twitter:image:src"), image):
        if isinstance(value, str) and value.strip() and not value.startswith("data:"):
            absolute = join_url(base, value)
            if absolute is None:
                continue
            if absolute.startswith("//"):
                absolute = "https:" + absolute
            return absolute
    return None
