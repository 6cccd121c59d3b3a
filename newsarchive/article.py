"""The Article: what newsarchive extracts from one page.

Field names follow schema.org NewsArticle, spelled snake_case. Each field's
docstring (the comment under it) is its spec; the archive stores these fields
as columns of the same names.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields

#: The fixed vocabulary of boilerplate labels.
BOILERPLATE_LABELS = (
    "related", "navigation", "share", "newsletter", "comments", "advertisement",
    "caption", "byline", "footer", "other",
)


@dataclass
class Boilerplate:
    """One block separated from the article page, kept so a user can audit it."""

    label: str
    """One of BOILERPLATE_LABELS: what kind of block this is."""
    heading: str | None
    """The block's own heading as shown ("Latest news"), or None when it has none."""
    text: str
    """The block's text without its heading, lines joined by newlines."""

    def to_dict(self) -> dict:
        return {"label": self.label, "heading": self.heading, "text": self.text}


@dataclass
class Article:
    """One extracted page. An unusable page is an Article with an empty body."""

    url: str | None = None
    """The URL given to extract(), else the page's canonical URL."""
    canonical_url: str | None = None
    """The page's own canonical URL (link rel=canonical, og:url, JSON-LD url), absolute."""
    is_article: bool = False
    """True for a single news article; False for hubs, listings, error and empty pages: a
    page with less running text than an article has (200 Latin characters, 80 with a
    declared article type), one that declares a collection (CollectionPage, SearchResultsPage) and
    no article, or one whose body would be a list of headlines (80% of its text in links) or
    of teasers (opening with a linked headline, a line or two under each), no article
    declared."""
    headline: str | None = None
    """The article's own headline, without site-name affixes or section prefixes."""
    dateline: str | None = None
    """The dateline the body opened with, without its dash ("London, 24 Sep"); None if none."""
    dateline_place: str | None = None
    """The place part of the dateline ("London")."""
    dateline_date: str | None = None
    """The date part of the dateline as ISO 8601 date ("2015-09-24"), year filled in when absent."""
    date_published: str | None = None
    """ISO 8601: a datetime with offset when the page gives time and zone, a date alone otherwise."""
    date_modified: str | None = None
    """ISO 8601 like date_published; the last modification the page declares, else the one it
    shows (a <time> marked as the update, an "Updated: ..." line); never before date_published."""
    authors: list[str] = field(default_factory=list)
    """Names of the people (or, when no person is given, organisations) who wrote the article."""
    body: str = ""
    """Plain text: paragraphs separated by one blank line; dateline and boilerplate removed."""
    boilerplate: list[Boilerplate] = field(default_factory=list)
    """Blocks removed from in or around the article, labelled, in page order."""
    language: str | None = None
    """Lower-case primary language subtag ("en", "de", "zh")."""
    site_name: str | None = None
    """The publication's name ("Iran Focus")."""
    description: str | None = None
    """The page's summary (meta description / og:description / JSON-LD description)."""
    section: str | None = None
    """The site section the article belongs to ("World", "Sport")."""
    tags: list[str] = field(default_factory=list)
    """Keywords and tags the page declares."""
    image_url: str | None = None
    """The article's lead image, absolute URL."""
    sources: dict[str, str] = field(default_factory=dict)
    """Which declared rule produced each field, by field name: the provenance of the values above.

    A key is present when its field has a value:
    - "headline": a HEADLINE rule ("json-ld", "h1-declared", "meta-title", "heading-nearest-body",
      "title", ...).
    - "date_published": a DATE_PUBLISHED rule ("json-ld", "meta", "itemprop", "time", "script",
      "url-path", "text-dated-element", "text-near-headline", ...), "dateline" (the dateline's
      date), "<rule>-modified" (the modified date stands in), "time-shown" (the shown <time>
      corrects a meta value).
    - "date_modified": a DATE_MODIFIED rule ("json-ld", "meta", "itemprop", "time",
      "text-updated").
    - "authors": an AUTHORS rule ("json-ld", "meta", "byline-marked", "site-owner", ...) or
      "dateline-agency" (the agency a byline-less wire story's dateline names).
    - "dateline": where the dateline pass found it.
    - "body": a BODY_CONTAINER rule ("site-profile", "container:<tag>", "whole-page") or the text
      that replaced the container's ("json-ld-articlebody", "discussion", "app-state").
    The rules, with what each reads and why it ranks where it does, are declared in
    newsarchive.extract (cascade.CASCADES) and listed in docs/extraction.md ("Provenance").
    Replaces the former `date_published_source` (now `sources["date_published"]`)."""

    def to_dict(self) -> dict:
        """JSON-ready: the fields in declaration order, lists copied, blocks as dicts.

        Built field by field rather than with dataclasses.asdict, whose recursive deep copy
        of every boilerplate block cost more than the rest of this call.
        """
        data = {}
        for name in _ARTICLE_FIELDS:
            value = getattr(self, name)
            data[name] = list(value) if isinstance(value, list) else dict(value) if isinstance(value, dict) else value
        data["boilerplate"] = [block.to_dict() for block in self.boilerplate]
        return data


_ARTICLE_FIELDS = tuple(f.name for f in fields(Article))
