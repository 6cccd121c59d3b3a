"""The links of a parsed web page that the news spider follows, read from its lxml tree.

What spiders.links.page_links gives for a Scrapy response, for a tree and base URL: the crawl
process reads a hub's links with it, and an extraction worker the links of the article page it
extracts, from the same parse (links_of_parsed). A module without Scrapy: such a worker imports
newsarchive's extraction and this, and importing Scrapy (0.17 s of CPU) was a third of its start.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from lxml import etree
from w3lib.html import get_base_url as html_base_url

from newsarchive.hosts import join_url

#: Feeds a page advertises in its head (<link rel="alternate" type="application/rss+xml">;
#: atom+xml, and JSON Feed's feed+json: not every "json", which also names WordPress's REST
#: API and oEmbed links).
FEED_LINK_XPATH = ('//link[contains(concat(" ", normalize-space(@rel), " "), " alternate ")]'
                   '[contains(@type, "rss") or contains(@type, "atom")'
                   ' or contains(@type, "feed+json")]')
#: Links of a web page that may lead to pages (<a href>, <area href>), and the feeds it
#: advertises, as plain strings straight from lxml (no Selector object per link).
PAGE_LINKS = etree.XPath("//a/@href | //area/@href", smart_strings=False)
FEED_LINKS = etree.XPath(FEED_LINK_XPATH + "/@href", smart_strings=False)
#: Extensions of links that are not web pages: Scrapy's LinkExtractor's list
#: (scrapy.linkextractors.IGNORED_EXTENSIONS), copied because importing anything of Scrapy costs
#: an extraction worker 0.17 s of CPU at its first page; a test checks that the two agree.
IGNORED_EXTENSIONS = (
    "7z", "7zip", "bz2", "rar", "tar", "tar.gz", "xz", "zip", "mng", "pct", "bmp", "gif", "jpg",
    "jpeg", "png", "pst", "psp", "tif", "tiff", "ai", "drw", "dxf", "eps", "ps", "svg", "cdr",
    "ico", "webp", "mp3", "wma", "ogg", "wav", "ra", "aac", "mid", "au", "aiff", "3gp", "asf",
    "asx", "avi", "mov", "mp4", "mpg", "qt", "rm", "swf", "wmv", "m4a", "m4v", "flv", "webm",
    "xls", "xlsm", "xlsx", "xltm", "xltx", "potm", "potx", "ppt", "pptm", "pptx", "pps", "doc",
    "docb", "docm", "docx", "dotm", "dotx", "odt", "ods", "odg", "odp", "css", "pdf", "exe",
    "bin", "rss", "dmg", "iso", "apk", "jar", "sh", "rb", "js", "hta", "bat", "cpl", "msi",
    "msp", "py",
)
IGNORED_SUFFIXES = frozenset("." + extension for extension in IGNORED_EXTENSIONS)
#: Characters urlsplit() removes from anywhere in a URL: such a URL takes the long way.
_UNSAFE = frozenset("\t\r\n")
#: An absolute http(s) link whose host part holds none of the characters urlsplit checks there
#: (an IPv6 address's brackets, a port's colon): a link with them takes the long way, where a
#: malformed one is dropped instead of raising later.
_PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#\[\]:]*(?:[/?#]|$)")


def path_suffix(url: str) -> str:
    """posixpath.splitext(urlsplit(url).path)[1].lower() of an absolute http(s) URL without
    tabs or line breaks, by string search (urlsplit was a third of page_links' time)."""
    start = url.index("//") + 2
    end = len(url)
    for mark in "/?#":
        found = url.find(mark, start)
        if found != -1 and found < end:
            end = found
    if end == len(url) or url[end] != "/":
        return ""  # no path
    stop = len(url)
    for mark in "?#":
        found = url.find(mark, end)
        if found != -1 and found < stop:
            stop = found
    return posixpath.splitext(url[end:stop])[1].lower()



#: How far into a page's text Scrapy's get_base_url looks for <base href>.
BASE_SCAN_CHARS = 4096


def links_of_parsed(parsed, url: str) -> tuple[list[str], list[str]]:
    """page_links() of a page newsarchive's extraction parsed (newsarchive.extract.parse_page:
    its tree and markup; None when it could not be parsed), whose final URL is `url`: what an
    extraction worker reads before it extracts, so that a page is parsed once for both.

    The base URL is found as Scrapy's get_base_url finds it: a <base href> in the first 4,096
    characters of the text."""
    if parsed is None or parsed.tree is None:
        return [], []
    markup = parsed.markup
    if isinstance(markup, bytes):  # UTF-8 bytes: 4,096 characters take at most 4 bytes each
        markup = markup[:4 * BASE_SCAN_CHARS].decode("utf-8", "ignore")
    try:
        base = html_base_url(markup[:BASE_SCAN_CHARS], url, "utf-8")
    except ValueError:  # a <base href> urllib cannot read ("http://[..."): the page's own URL
        base = url
    return links_in_tree(parsed.tree, base)


def links_in_tree(root, base: str) -> tuple[list[str], list[str]]:
    """page_links() of a page's lxml tree and base URL. A link urllib cannot read ("http://[...",
    a port past 65535) is left out: a request for it would raise in the spider."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
    feeds = [url for url in (join_url(base, href) for href in FEED_LINKS(root)) if url is not None]
    pages, seen = [], set()
    for href in PAGE_LINKS(root):
        href = href.strip()
        if not href or href.startswith("#"):
            continue
        # what urljoin gives an absolute URL or a site-relative path, without its cost
        if "/." not in href and _PLAIN_ABSOLUTE.match(href):
            url = href
        elif href.startswith("/") and not href.startswith("//") and "/." not in href:
            url = origin + href
        else:
            url = join_url(base, href)
            if url is None:
                continue
        if url in seen:
            continue
        seen.add(url)
        if url.startswith(("http://", "https://")) and _UNSAFE.isdisjoint(url):
            suffix = path_suffix(url)
        else:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https"):
                continue
            suffix = posixpath.splitext(parts.path)[1].lower()
        if suffix in IGNORED_SUFFIXES:
            continue
        pages.append(url)
    return feeds, pages
