"""The `news` spider: crawl news sites from home, section, sitemap or feed URLs.

    scrapy crawl news -a url=https://example-news.com/[,URL...] [-s NEWSARCHIVE_DB=PATH]

Run from the project root. Each start URL may be a home page, a section page, a sitemap (or
sitemap index, Google News sitemaps included) or an RSS/Atom feed: the spider tells them apart
by their content, not their URL. It obeys robots.txt and also follows the robots.txt
`Sitemap:` lines of every start site. It follows links on the start URLs' hosts and their
www twins, breadth first, up to DEPTH_LIMIT hops and NEWSARCHIVE_MAX_PAGES requested pages.

The item
--------
Every page the spider fetches, and every download that fails, becomes exactly one item: a
plain dict with the fields of `newsarchive.page.FetchedPage`, so that
`FetchedPage(**{k: item[k] for k in PAGE_FIELDS})` rebuilds it:

    url         str       the URL as requested (before any redirect)
    final_url   str|None  the URL after redirects; None when it equals url
    status      int|None  HTTP status of the final response (error statuses included);
                          None when the download failed
    headers     dict      response headers, names lower-cased, one str value each
                          (repeated headers joined with ", ")
    body        bytes     the raw response body (b"" when the download failed)
    fetched_at  datetime  when the response (or the failure) arrived, timezone-aware UTC
    error       str|None  why the download failed ("DNSLookupError: ...", "HTTP 404 Not
                          Found" for error statuses), else None
    hints       dict      what discovery knew of the page:
                  source   "home" | "section" | "sitemap" | "feed" (start URLs, by content;
                           and pages listed by a sitemap or feed) | "link" (found on a page)
                           | "robots" (a sitemap named in robots.txt)
                  depth    link hops from the start URL (0 for start URLs)
                  lastmod  the sitemap's lastmod / news publication date or the feed's
                           published date, as given; None otherwise
                  kind     what the document is: "html", "sitemap", "sitemap_index",
                           "feed", "other" (None when the download failed)
                  frontier why the page was fetched when the archive knew it already:
                           "retry", "hub", "changed", "due" (see
                           newsarchive.archive.frontier); None for new pages and start URLs

Incremental crawls
------------------
With NEWSARCHIVE_INCREMENTAL (the default), URLs found in sitemaps, feeds and links are
planned against the archive (newsarchive.archive.Frontier): articles archived already are not
fetched again unless their sitemap/feed date is newer than their last fetch or they are older
than NEWSARCHIVE_REVISIT_AFTER seconds (when set); those revisits are conditional, and a
304 answer becomes an item with status 304 and an empty body. Start URLs are always fetched.
Crawl stats count the plans under "newsarchive/frontier/<reason>".

The pipelines add `article` (a newsarchive.Article or None, pipelines.extract) and may set
`error` ("extract: ..."). Requests that robots.txt forbids are never fetched and yield no item.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from http import HTTPStatus
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from newsarchive.archive.frontier import Frontier
from newsarchive.netguard import implicitly_local_hosts, scheme_refusal

from .discovery import (
    FEED, HTML, SITEMAP, SITEMAP_INDEX, classify_document, is_on_site, parse_feed,
    parse_sitemap, site_hosts, split_start_urls, start_source,
)

log = logging.getLogger(__name__)

#: The item keys that make a newsarchive.page.FetchedPage.
PAGE_FIELDS = ("url", "final_url", "status", "headers", "body", "fetched_at", "error", "hints")

#: The IgnoreRequest message of Scrapy's RobotsTxtMiddleware.
ROBOTS_REFUSAL = "Forbidden by robots.txt"
#: Feeds a page advertises in its head (<link rel="alternate" type="application/rss+xml">).
FEED_LINK_XPATH = ('//link[contains(concat(" ", normalize-space(@rel), " "), " alternate ")]'
                   '[contains(@type, "rss") or contains(@type, "atom")]')


def headers_to_dict(headers) -> dict[str, str]:
    """Scrapy Headers as {lower-case name: value}, repeated values joined with ", "."""
    result = {}
    for name, values in headers.items():
        key = name.decode("latin-1").lower() if isinstance(name, bytes) else str(name).lower()
        result[key] = ", ".join(
            value.decode("latin-1") if isinstance(value, bytes) else str(value)
            for value in values)
    return result


def requested_url(response: Response | Request) -> str:
    """The URL first requested for this response (or request), before redirects."""
    redirects = response.meta.get("redirect_urls")
    return redirects[0] if redirects else response.url


def page_hints(meta: dict, *, source: str, kind: str | None) -> dict[str, Any]:
    """The hints of an item from its request's meta."""
    return {"source": source, "depth": meta.get("depth", 0),
            "lastmod": meta.get("newsarchive_lastmod"), "kind": kind,
            "frontier": meta.get("newsarchive_frontier")}


def http_error(status: int, location: str | None = None) -> str | None:
    """The error recorded for an HTTP error status ("HTTP 404 Not Found"), None below 400;
    for a redirect that reached the spider (one not followed: a non-HTTP Location), why."""
    try:
        phrase = f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        phrase = f"HTTP {status}"
    if 300 <= status < 400 and location is not None:
        return f"{phrase}: redirect not followed: {scheme_refusal(location) or location[:200]}"
    if status < 400:
        return None
    return phrase


def redirect_location(response: Response) -> str | None:
    """The absolute Location of a redirect response, or None."""
    location = response.headers.get("Location")
    if location is None or response.status not in (301, 302, 303, 307, 308):
        return None
    return urljoin(response.url, location.decode("latin-1"))


def response_item(response: Response, *, source: str, kind: str) -> dict[str, Any]:
    """The item of a fetched response (any status)."""
    url = requested_url(response)
    return {
        "url": url,
        "final_url": response.url if response.url != url else None,
        "status": response.status,
        "headers": headers_to_dict(response.headers),
        "body": response.body,
        "fetched_at": datetime.now(timezone.utc),
        "error": http_error(response.status, redirect_location(response)),
        "hints": page_hints(response.meta, source=source, kind=kind),
    }


def failure_item(request: Request, error: str) -> dict[str, Any]:
    """The item of a download that failed without a response (on a redirect hop: url is the
    URL first requested, final_url the hop that failed)."""
    url = requested_url(request)
    return {
        "url": url,
        "final_url": request.url if request.url != url else None,
        "status": None,
        "headers": {},
        "body": b"",
        "fetched_at": datetime.now(timezone.utc),
        "error": error,
        "hints": page_hints(request.meta, source=request.meta.get("newsarchive_source", "link"),
                            kind=None),
    }


def root_cause(exception: BaseException) -> BaseException:
    """The error underneath wrapper exceptions (their __cause__, or Twisted's `reasons`)."""
    seen = set()
    while id(exception) not in seen:
        seen.add(id(exception))
        reasons = getattr(exception, "reasons", None)
        if reasons:
            exception = getattr(reasons[0], "value", reasons[0])
        elif exception.__cause__ is not None:
            exception = exception.__cause__
        else:
            break
    return exception


def download_error(exception: BaseException) -> str:
    """Why a download failed, naming the underlying error as well as the wrapper.

    e.g. "DownloadFailedError: ConnectionDone: Connection was closed cleanly."
    """
    root = root_cause(exception)
    names = type(exception).__name__
    if root is not exception:
        names += ": " + type(root).__name__
    detail = str(root).strip()
    return f"{names}: {detail}" if detail else names


def robots_sitemaps(robotparser) -> list[str]:
    """The Sitemap: URLs of a parsed robots.txt (Protego's `sitemaps`, urllib's `site_maps()`)."""
    parser = getattr(robotparser, "rp", None)
    found = getattr(parser, "sitemaps", None)
    if found is None and hasattr(parser, "site_maps"):
        found = parser.site_maps()
    return list(found or [])


class NewsSpider(scrapy.Spider):
    """Discovers and fetches the pages of news sites; see the module docstring."""

    name = "news"

    def __init__(self, url: str | None = None, *args, local: str | bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.start_urls = split_start_urls(url)
        if not self.start_urls:
            raise ValueError("no start URL: scrapy crawl news -a url=URL[,URL...]")
        self.start_urls = self.take_credentials(self.start_urls)
        self.hosts = set().union(*(site_hosts(start) for start in self.start_urls))
        # Hosts the address guard lets resolve to loopback or private addresses: a start URL
        # on a loopback address, or every host of the sites when declared local (-a local=true).
        declared_local = str(local).strip().lower() in ("1", "true", "yes")
        self.local_hosts = set(self.hosts) if declared_local else \
            implicitly_local_hosts(self.start_urls)
        self.requested: set[str] = set()
        self.archived: set[str] = set()
        self.frontier: Frontier | None = None
        self.max_pages = 1000
        self.depth_limit = 0
        self._cap_logged = False
        self.page_links = LinkExtractor()
        self.feed_links = LinkExtractor(tags=("link",), attrs=("href",),
                                        restrict_xpaths=FEED_LINK_XPATH, deny_extensions=[])

    def take_credentials(self, urls: list[str]) -> list[str]:
        """Start URLs without user:password@, the credentials kept for HttpAuthMiddleware
        (http_user, http_pass, for that host only): no URL logged or stored carries them."""
        plain = []
        for url in urls:
            parts = urlsplit(url)
            if parts.username is None and parts.password is None:
                plain.append(url)
                continue
            if getattr(self, "http_user", None) not in (None, unquote(parts.username or "")):
                raise ValueError("start URLs with different credentials")
            self.http_user = unquote(parts.username or "")
            self.http_pass = unquote(parts.password or "")
            self.http_auth_domain = parts.hostname
            plain.append(urlunsplit(parts._replace(netloc=parts.netloc.rsplit("@", 1)[1])))
        return plain

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.max_pages = crawler.settings.getint("NEWSARCHIVE_MAX_PAGES", 1000)
        spider.depth_limit = crawler.settings.getint("DEPTH_LIMIT", 0)
        if crawler.settings.getbool("NEWSARCHIVE_INCREMENTAL", True):
            revisit_after = crawler.settings.getfloat("NEWSARCHIVE_REVISIT_AFTER", 0)
            spider.frontier = Frontier(
                crawler.settings.get("NEWSARCHIVE_DB") or "data/archive.db",
                revisit_after=timedelta(seconds=revisit_after) if revisit_after > 0 else None)
            crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        crawler.signals.connect(spider.on_robots_parsed, signal=signals.robots_parsed)
        return spider

    def on_closed(self) -> None:
        if self.frontier is not None:
            self.frontier.close()

    async def start(self):
        for url in self.start_urls:
            request = self.page_request(url, source="start")
            if request is not None:
                yield request

    def page_request(self, url: str, *, source: str, lastmod: str | None = None) -> Request | None:
        """A request for url, or None when it was requested already, the archive holds it
        unchanged (incremental crawls), or the page cap is hit."""
        key = canonicalize_url(url)
        if key in self.requested or key in self.archived:
            return None
        plan = None
        if self.frontier is not None and source != "start":
            plan = self.frontier.plan(url, lastmod)
            self.crawler.stats.inc_value(f"newsarchive/frontier/{plan.reason}")
            if not plan.fetch:
                self.archived.add(key)
                return None
        if len(self.requested) >= self.max_pages:
            if not self._cap_logged:
                log.info("page cap reached (NEWSARCHIVE_MAX_PAGES=%d)", self.max_pages)
                self._cap_logged = True
            return None
        self.requested.add(key)
        reason = plan.reason if plan is not None and plan.reason != "new" else None
        # dont_filter: `requested` already deduplicates what the spider asks for, and a
        # redirect to a page fetched already must still be followed to be recorded.
        return Request(url, callback=self.parse, errback=self.on_error, dont_filter=True,
                       headers=plan.headers if plan is not None else None,
                       meta={"newsarchive_source": source, "newsarchive_lastmod": lastmod,
                             "newsarchive_frontier": reason})

    def on_robots_parsed(self, robotparser, request: Request) -> None:
        """Schedule the sitemaps a start site's robots.txt names, as new roots (depth 0)."""
        for sitemap_url in robots_sitemaps(robotparser):
            if not is_on_site(sitemap_url, self.hosts):
                continue
            sitemap_request = self.page_request(sitemap_url, source="robots")
            if sitemap_request is not None:
                self.crawler.engine.crawl(sitemap_request)

    def may_go_deeper(self, response: Response) -> bool:
        """True when requests made from this response stay within DEPTH_LIMIT."""
        return not self.depth_limit or response.meta.get("depth", 0) < self.depth_limit

    def parse(self, response: Response):
        source = response.meta.get("newsarchive_source", "link")
        if response.status == 304:
            # a conditional revisit of an archived article that has not changed
            yield response_item(response, source=source, kind=HTML)
            return
        kind = classify_document(response.body, response.headers.get("Content-Type",
                                                                     b"").decode("latin-1"))
        if source == "start":
            source = start_source(response.url, kind)
            # A start URL that redirects (http -> https, old domain -> new) moves the site.
            self.hosts |= site_hosts(response.url)
        yield response_item(response, source=source, kind=kind)
        if response.status >= 400 or not self.may_go_deeper(response):
            return
        yield from self.follow(response, kind)

    def follow(self, response: Response, kind: str):
        """Requests for what a sitemap, feed or web page points to on the site."""
        if kind in (SITEMAP, SITEMAP_INDEX):
            targets = [(entry.url, "sitemap", entry.lastmod)
                       for entry in parse_sitemap(response.body, response.url)]
        elif kind == FEED:
            targets = [(entry.url, "feed", entry.lastmod)
                       for entry in parse_feed(response.body, response.url)]
        elif kind == HTML and isinstance(response, TextResponse):
            links = self.feed_links.extract_links(response) + \
                self.page_links.extract_links(response)
            targets = [(link.url, "link", None) for link in links]
        else:
            targets = []
        for url, source, lastmod in targets:
            if not is_on_site(url, self.hosts):
                continue
            request = self.page_request(url, source=source, lastmod=lastmod)
            if request is not None:
                yield request

    def on_error(self, failure):
        """One item per failed download; robots.txt refusals were never fetched: no item."""
        if failure.check(HttpError):
            response = failure.value.response
            yield response_item(response, source=response.meta.get("newsarchive_source", "link"),
                                kind=classify_document(response.body))
            return
        if failure.check(IgnoreRequest):
            if str(failure.value) == ROBOTS_REFUSAL:  # never fetched, by the site's own wish
                log.debug("not fetched: %s (%s)", failure.request.url, failure.getErrorMessage())
                return
            # refused by the guard, a redirect loop, a body over DOWNLOAD_MAXSIZE once
            # decompressed...: recorded with the reason
            yield failure_item(failure.request, str(failure.value) or type(failure.value).__name__)
            return
        yield failure_item(failure.request, download_error(failure.value))
