"""Discovery: what a fetched document is, and which URLs it points the crawler to.

Documents are told apart by their content, never by their URL: an XML root of `urlset` is a
sitemap, `sitemapindex` a sitemap index, `rss`/`rdf:RDF`/`feed` a feed, anything with an
`<html>` (or served as HTML) a web page. Sitemaps and feeds are parsed here with lxml,
because Scrapy's sitemap parser drops the nested `news:` elements of Google News sitemaps.
Nothing here imports Scrapy; the spider turns the entries into requests.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from lxml import etree

from newsarchive.hosts import join_url

#: Document kinds returned by classify_document().
HTML, SITEMAP, SITEMAP_INDEX, FEED, OTHER = "html", "sitemap", "sitemap_index", "feed", "other"

#: XML root element (local name, lower-cased) -> document kind.
XML_ROOT_KINDS = {
    "urlset": SITEMAP,
    "sitemapindex": SITEMAP_INDEX,
    "rss": FEED,
    "rdf": FEED,
    "feed": FEED,
    "html": HTML,
}

#: How much of a document's head is looked at to find its root element.
SNIFF_BYTES = 4096
#: Largest decompressed sitemap accepted (the sitemap protocol caps files at 50 MB).
MAX_SITEMAP_BYTES = 50 * 1024 * 1024

GZIP_MAGIC = b"\x1f\x8b"
_PROLOG = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!\[CDATA\[.*?\]\]>|<![^>]*>", re.S)
_FIRST_TAG = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_URL_LINE = re.compile(r"^https?://\S+$")


@dataclass(frozen=True)
class Entry:
    """One URL a sitemap or feed lists, with what the document says about it."""

    url: str
    lastmod: str | None = None
    """Last modification or publication time as given (ISO 8601 when it can be read)."""
    is_sitemap: bool = False
    """True for the entries of a sitemap index: they are sitemaps, not pages."""


def gunzip_if_compressed(body: bytes, max_size: int = MAX_SITEMAP_BYTES) -> bytes:
    """The body, decompressed when it is gzip data (as `.xml.gz` sitemaps are served).

    Stops at max_size bytes so a decompression bomb cannot exhaust memory.
    """
    if not body.startswith(GZIP_MAGIC):
        return body
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        return decompressor.decompress(body, max_size)
    except zlib.error:
        return body


def root_element_name(body: bytes) -> str | None:
    """Local name, lower-cased, of the first element in the document's head (None if none)."""
    head = body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    head = _PROLOG.sub(b"", head)
    match = _FIRST_TAG.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    return name.rsplit(":", 1)[-1].lower()


def is_text_sitemap(body: bytes) -> bool:
    """True when the body is a plain-text sitemap: one absolute URL per line, nothing else.
    Judged by its opening's whole lines (the sniffed bytes end inside a line, maybe inside a
    character, of a longer sitemap)."""
    window = body[:SNIFF_BYTES]
    if len(body) > SNIFF_BYTES and b"\n" in window:
        window = window[:window.rindex(b"\n")]
    try:
        text = window.decode("utf-8")
    except UnicodeDecodeError:
        return False
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(_URL_LINE.match(line) for line in lines)


#: File signatures of binary formats servers are known to label text/html.
BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF",
                b"RIFF", b"OggS", b"fLaC", b"ID3", b"\x00\x00\x01\xba", b"7z\xbc\xaf")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
#: Control bytes no text encoding a web page uses produces (tab, newlines, form feed and ESC,
#: which ISO-2022 encodings use, are text; NUL is judged apart: UTF-16 is full of it).
_CONTROL_BYTES = bytes([*range(1, 9), 11, *range(14, 27), *range(28, 32)])
_STRIP_CONTROL = bytes.maketrans(b"", b"")


def looks_binary(body: bytes, content_type: str | None = None) -> bool:
    """True when a body is not text whatever its Content-Type says: a known binary signature,
    or over 5% of its first 8 KiB (NUL bytes aside) control bytes no text encoding produces.
    A declared or byte-order-marked UTF-16/32 page is text."""
    head = body[:8192]
    if head.startswith(BINARY_MAGIC):
        return True
    if head.startswith(_BOMS) or "utf-16" in (content_type or "").lower() \
            or "utf-32" in (content_type or "").lower():
        return False
    sample = head.replace(b"\x00", b"")
    if not sample:
        return bool(head)
    control = len(sample) - len(sample.translate(_STRIP_CONTROL, _CONTROL_BYTES))
    return control > 0.05 * len(sample)


def classify_document(body: bytes, content_type: str | None = None) -> str:
    """What a fetched document is: HTML, SITEMAP, SITEMAP_INDEX, FEED or OTHER, by content
    (binary data served as text/html is OTHER)."""
    body = gunzip_if_compressed(body)
    if looks_binary(body, content_type):
        return OTHER
    root = root_element_name(body)
    if root in XML_ROOT_KINDS:
        return XML_ROOT_KINDS[root]
    content_type = (content_type or "").lower()
    if "html" in content_type:
        return HTML
    if content_type.startswith("text/plain") and is_text_sitemap(body):
        return SITEMAP
    if root is not None and "xml" not in content_type and _looks_like_html(body):
        return HTML
    return OTHER


def _looks_like_html(body: bytes) -> bool:
    head = body[:SNIFF_BYTES].lower()
    return any(tag in head for tag in (b"<html", b"<head", b"<body", b"<!doctype html"))


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
    """The article links of an RSS 2.0, RSS 1.0 (RDF) or Atom feed, in document order;
    relative links resolve against their xml:base (Atom), else base_url."""
    root = parse_xml(gunzip_if_compressed(body), base_url)
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
