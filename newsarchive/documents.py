"""What a fetched document is, judged by its bytes (and its Content-Type where the bytes
leave it open): a web page, a sitemap, a sitemap index, a feed, or something else.

Documents are told apart by their content, never by their URL: an XML root of `urlset` is a
sitemap, `sitemapindex` a sitemap index, `rss`/`rdf:RDF`/`feed` a feed, anything with an
`<html>` (or served as HTML) a web page; binary data is never a page, whatever it is served
as. The crawl (spiders.discovery) and the WARC import (newsarchive.archive.warc) judge with
the same function, so a page one archives the other archives too.
"""
from __future__ import annotations

import re
import zlib

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


#: How a JSON Feed (jsonfeed.org) names its version, also with the slashes PHP escapes.
JSON_FEED_VERSION_MARKS = (b"jsonfeed.org/version/", b"jsonfeed.org\\/version\\/")


def is_json_feed(body: bytes) -> bool:
    """A JSON Feed (jsonfeed.org, 1.0 and 1.1): a JSON object naming its version URL in its
    opening bytes."""
    head = body[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and any(mark in head for mark in JSON_FEED_VERSION_MARKS)


def classify_document(body: bytes, content_type: str | None = None) -> str:
    """What a fetched document is: HTML, SITEMAP, SITEMAP_INDEX, FEED (RSS, Atom or JSON Feed)
    or OTHER, by content (binary data served as text/html is OTHER)."""
    body = gunzip_if_compressed(body)
    if looks_binary(body, content_type):
        return OTHER
    if is_json_feed(body):
        return FEED
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
