"""Discovery: what a fetched document is, and which URLs it points the crawler to.

What a document is (a web page, a sitemap, a feed) is newsarchive.documents' judgement, by
content, never by URL; the WARC import judges with it too. Sitemaps and feeds are parsed here with lxml,
because Scrapy's sitemap parser drops the nested `news:` elements of Google News sitemaps.
Nothing here imports Scrapy; the spider turns the entries into requests.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from lxml import etree

from newsarchive.documents import (  # noqa: F401 - the crawl's names for them
    BINARY_MAGIC, FEED, GZIP_MAGIC, HTML, MAX_SITEMAP_BYTES, OTHER, SITEMAP, SITEMAP_INDEX,
    SNIFF_BYTES, XML_ROOT_KINDS, classify_document, gunzip_if_compressed, is_json_feed,
    is_text_sitemap, looks_binary, root_element_name,
)
from newsarchive.hosts import join_url


@dataclass(frozen=True)
class Entry:
    """One URL a sitemap or feed lists, with what the document says about it."""

    url: str
    lastmod: str | None = None
    """Last modification or publication time as given (ISO 8601 when it can be read)."""
    is_sitemap: bool = False
    """True for the entries of a sitemap index: they are sitemaps, not pages."""


def parse_xml(body: bytes, base_url: str | None = None) -> etree._Element | None:
    """Parse untrusted XML safely (no entities, no network); None when it is not XML.
    base_url: the document's URL, which relative xml:base values resolve against."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                             remove_comments=True, remove_pis=True)
    try:
        try:
            return etree.fromstring(body, parser=parser, base_url=base_url)
        except ValueError:  # a base_url lxml cannot take: relative xml:base stays relative
            return etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None


def element_base(element: etree._Element, base_url: str | None) -> str | None:
    """The URL an element's relative links resolve against: its xml:base, inherited and
    resolved up the tree against the document's URL (Atom feeds set it: RFC 4287, section 2),
    else base_url."""
    try:
        return element.base or base_url
    except (UnicodeDecodeError, ValueError):  # an xml:base lxml cannot decode
        return base_url


def local_name(element: etree._Element) -> str:
    """An element's tag without its namespace, lower-cased ("" for comments and the like, and
    for a namespace lxml cannot decode)."""
    try:
        tag = element.tag
    except UnicodeDecodeError:  # "&#xD800;" in an xmlns URI, kept as bytes by the recovering parser
        return ""
    if not isinstance(tag, str):
        return ""
    # "{namespace}name", or "prefix:name" where a sitemap forgot to declare the prefix (the
    # recovering parser keeps it in the tag, which etree.QName refuses)
    return tag.rpartition("}")[2].rpartition(":")[2].lower()


def own_text(element: etree._Element) -> str:
    """An element's own text, stripped ("" for none, or for text lxml cannot decode: a
    surrogate's character reference, "&#xD800;", which the recovering parser keeps as bytes)."""
    try:
        return (element.text or "").strip()
    except UnicodeDecodeError:
        return ""


def child_text(element: etree._Element, name: str) -> str | None:
    """Stripped text of the first direct child with this local name, or None."""
    for child in element:
        if local_name(child) == name and (text := own_text(child)):
            return text
    return None


def descendant_text(element: etree._Element, name: str) -> str | None:
    """Stripped text of the first descendant with this local name, or None."""
    for child in element.iter():
        if child is not element and local_name(child) == name and (text := own_text(child)):
            return text
    return None


def parse_sitemap(body: bytes, base_url: str | None = None) -> list[Entry]:
    """The entries of an XML sitemap, sitemap index or text sitemap, in document order.

    A page's lastmod is its <lastmod>, else its Google News <news:publication_date>.
    """
    body = gunzip_if_compressed(body)
    if root_element_name(body) is None and is_text_sitemap(body):
        return [Entry(url=line.strip()) for line in body.decode("utf-8", "replace").splitlines()
                if line.strip()]
    root = parse_xml(body)
    if root is None:
        return []
    is_index = local_name(root) == "sitemapindex"
    entries = []
    for element in root:
        if local_name(element) not in ("url", "sitemap"):
            continue
        loc = child_text(element, "loc")
        if not loc:
            continue
        lastmod = child_text(element, "lastmod") or descendant_text(element, "publication_date")
        url = join_url(base_url, loc)
        if url is not None:  # a <loc> urllib cannot read is skipped, not the sitemap's other entries
            entries.append(Entry(url=url, lastmod=lastmod, is_sitemap=is_index))
    return entries


def rfc822_to_iso(value: str | None) -> str | None:
    """An RSS date ("Thu, 24 Sep 2015 10:00:00 +0000") as ISO 8601; other text unchanged."""
    if not value:
        return value
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value


def _rss_item_url(item: etree._Element) -> str | None:
    for child in item:
        if local_name(child) == "link" and (link := own_text(child)):
            return join_url(element_base(child, None), link) or link
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    if about:
        return about
    for child in item:
        if local_name(child) == "guid" and child.get("isPermaLink", "true") != "false" \
                and (text := own_text(child)).startswith("http"):
            return text
    return None


def _atom_entry_url(entry: etree._Element) -> str | None:
    for child in entry:
        if local_name(child) == "link" and child.get("rel", "alternate") == "alternate" \
                and child.get("href"):
            return join_url(element_base(child, None), child.get("href")) or child.get("href")
    return None


def parse_feed(body: bytes, base_url: str | None = None) -> list[Entry]:
    """The article links of an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed, in document order;
    relative links resolve against their xml:base (Atom), else base_url."""
    body = gunzip_if_compressed(body)
    if is_json_feed(body):
        return parse_json_feed(body, base_url)
    root = parse_xml(body, base_url)
    if root is None:
        return []
    entries = []
    for element in root.iter():
        name = local_name(element)
        try:
            if name == "item":
                url = _rss_item_url(element)
                published = child_text(element, "pubdate") or child_text(element, "date")
            elif name == "entry":
                url = _atom_entry_url(element)
                published = child_text(element, "published") or child_text(element, "updated")
            else:
                continue
        except UnicodeDecodeError:  # an attribute lxml cannot decode ("&#xD800;"): this item only
            continue
        url = join_url(base_url, url) if url else None
        if url is not None:
            entries.append(Entry(url=url, lastmod=rfc822_to_iso(published)))
    return entries


def parse_json_feed(body: bytes, base_url: str | None = None) -> list[Entry]:
    """The items of a JSON Feed (jsonfeed.org): each item's `url` (its page; `external_url`,
    a page elsewhere it links to, is not the item), dated by date_modified, else
    date_published (RFC 3339)."""
    try:
        feed = json.loads(body)
    except (ValueError, RecursionError):  # not JSON after all, or nested past Python's limit
        return []
    items = feed.get("items") if isinstance(feed, dict) else None
    entries = []
    for item in items if isinstance(items, list) else ():
        if not isinstance(item, dict) or not isinstance(item.get("url"), str):
            continue
        url = join_url(base_url, item["url"])
        dated = next((value for value in (item.get("date_modified"), item.get("date_published"))
                      if isinstance(value, str) and value.strip()), None)
        if url is not None:
            entries.append(Entry(url=url, lastmod=dated))
    return entries


def start_source(url: str, kind: str) -> str:
    """How a start URL counts in the hints, by what it turned out to be.

    A web page at the site root is the home page, any other page a section page.
    """
    if kind in (SITEMAP, SITEMAP_INDEX):
        return "sitemap"
    if kind == FEED:
        return "feed"
    path = urlsplit(url).path
    is_root = path in ("", "/") or path == "/index.html"
    return "home" if is_root else "section"


def split_start_urls(value: str | list[str] | None) -> list[str]:
    """Start URLs from the spider's `url` argument: comma-separated, blanks dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [url.strip() for url in value if url and url.strip()]
