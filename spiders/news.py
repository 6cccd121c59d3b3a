"""The `news` spider: crawl news sites from home, section, sitemap or feed URLs.

    scrapy crawl news -a url=https://example-news.com/[,URL...] [-s NEWSARCHIVE_DB=PATH]
    scrapy crawl news -a sites=sites.toml [-a site=NAME[,NAME...]] [-s NEWSARCHIVE_DB=PATH]

Run from the project root (or anywhere with SCRAPY_SETTINGS_MODULE=spiders.settings, or as
`python -m spiders crawl news ...`). Each start URL may be a home page, a section page, a sitemap (or
sitemap index, Google News sitemaps included) or an RSS, Atom or JSON feed: the spider tells them apart
by their content, not their URL. It obeys robots.txt and also follows the robots.txt
`Sitemap:` lines of every start site. It follows links on the start URLs' hosts and their
www twins, breadth first, up to DEPTH_LIMIT hops and NEWSARCHIVE_MAX_PAGES requested pages.

A site list
-----------
With `-a sites=FILE` the spider crawls the sites of a site list (newsarchive.sites: one
[sites.NAME] table each), all at once in this one process, each on its own terms: its own
hosts, allow/deny patterns, depth and page cap, and its own download slot
("newsarchive:NAME", meta `download_slot`, configured through DOWNLOAD_SLOTS) with the site's
`concurrency` and `delay` (raised to robots.txt's `Crawl-delay` for our user agent, up to
NEWSARCHIVE_MAX_CRAWL_DELAY seconds; AutoThrottle leaves these slots alone). `-a site=a,b`
picks sites by name. A mistake in the file stops the spider before any request
(SiteListError). A `-a url=` crawl is one site named after its first start URL's host, with
the DEPTH_LIMIT, NEWSARCHIVE_MAX_PAGES and download settings of the run; when its robots.txt
asks for a Crawl-delay longer than DOWNLOAD_DELAY, the site's later requests go through a
slot of its own at that delay (capped the same way), with CONCURRENT_REQUESTS_PER_DOMAIN and
no jitter, which AutoThrottle leaves alone.

Per-site counters are Scrapy stats "newsarchive/<site>/<counter>": the spider counts
`discovered` (distinct URLs of the site met), `robots_blocked`, `start_ok` / `start_failed`
(start URLs answered / failed) and `skipped/<kind>` (URLs not fetched, by why: "page_cap",
"denied" by allow/deny, and the URL kinds of the frontier); pipelines.archive counts
`fetched`, `not_modified`, `new`, `changed`, `unchanged` and `failed/<reason>`, and writes
one `crawls` row per site from them.

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
    body        bytes     the response body, Content-Encoding undone (b"" when the download
                          failed)
    fetched_at  datetime  when the response (its status line, with the wire capture) or the
                          failure arrived, timezone-aware UTC
    error       str|None  why the download failed ("DNSLookupError: ...", "HTTP 404 Not
                          Found" for error statuses), else None
    hints       dict      what discovery knew of the page:
                  source   "home" | "section" | "sitemap" | "feed" (start URLs, by content;
                           and pages listed by a sitemap or feed) | "link" (found on a page)
                           | "robots" (a sitemap named in robots.txt) | "frontier" (asked
                           because the frontier had it due: met but not reached by an
                           earlier run, a revisit, a retry) | "start" (a start URL that
                           answered 304) | "robots.txt" (a host's robots.txt, 2xx or 304:
                           spiders.robots)
                  depth    link hops from the start URL (0 for start URLs)
                  lastmod  the sitemap's lastmod / news publication date or the feed's
                           published date, as given; None otherwise
                  kind     what the document is: "html", "sitemap", "sitemap_index",
                           "feed", "robots", "other" (None when the download failed)
                  frontier why the page was fetched when the archive knew it already:
                           "retry", "hub", "changed", "due" (see
                           newsarchive.archive.frontier); None for new pages
                  site     the name of the site the page was fetched for
    request_line      str|None   the request line as sent ("GET /a.html HTTP/1.1")
    request_headers   list|None  [[name, value], ...] as sent, in order (Host included)
    status_line       str|None   the status line as received ("HTTP/1.1 200 OK")
    response_headers  list|None  [[name, value], ...] as received: case, order, repeats kept
    peer_address      str|None   the IP address the response came from
    capture           str|None   "wire" when the four above are the bytes that crossed the
                                 connection (spiders.capture's download handler), "scrapy"
                                 when rebuilt from Scrapy's Request and Response; None for a
                                 failed download

Incremental crawls
------------------
Every URL is requested and deduplicated by its key (newsarchive.urls.url_key: tracking
parameters, fragments and default ports dropped). Links of the kinds the skip table names (tag,
author, search, login, print, share, comment, calendar; newsarchive.urls.SKIP_PATTERNS with
the site's `skip` overrides) are not followed and counted as "skipped/<kind>". Request
priorities spend the budget on sitemaps and feeds first, then article-like URLs, then hubs.

With NEWSARCHIVE_INCREMENTAL (the default), every URL is planned against the archive's
frontier (newsarchive.archive.Frontier, the `frontier` table): hubs (start URLs included) are
revalidated with If-None-Match / If-Modified-Since, and a hub that answers 304 has its links
followed from its archived body; a child sitemap whose index <lastmod> predates its last fetch
is not asked; an archived article is asked again, conditionally, when a sitemap or feed dates
it after its last fetch, when its site's `revisit` schedule makes it due, or after
NEWSARCHIVE_REVISIT_AFTER seconds (when set); dead links and failing URLs wait their turn.
At the start, the frontier's due URLs (met but never fetched, revisits, retries) are asked
without waiting for discovery. A 304 becomes an item with status 304 and an empty body. Crawl
stats count the plans under "newsarchive/frontier/<reason>".

The pipelines add `article` (a newsarchive.Article or None, pipelines.extract) and may set
`error` ("extract: ..."). Requests that robots.txt forbids are never fetched and yield no item.
"""
from __future__ import annotations

import dataclasses
import functools
import logging
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response, TextResponse
from scrapy.responsetypes import responsetypes
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.spidermiddlewares.httperror import HttpError

from newsarchive.archive.frontier import DEFAULT_REVISIT, Frontier, guess_kind
from newsarchive.hosts import join_url
from newsarchive.netguard import implicitly_local_hosts, scheme_refusal
from newsarchive.page import merged_headers, standard_status_line, status_phrase
from newsarchive.sites import ENV_VAR, Site, load_site_list, url_netloc, www_twins
from pipelines.extract import PooledExtractPipeline, wait_for
from pipelines.worker_pool import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from newsarchive.urls import (
    DEFAULT_SKIP_TABLE, PRIORITIES, compile_skip_table, skip_kind, url_key,
)

from .capture import META_KEY as CAPTURE_META_KEY
from .links import LinkReader, page_links  # noqa: F401 - page_links: its old home
from .tree_links import links_of_parsed
from .retry import NOT_RETRIED_META_KEY as RETRY_AFTER_NOT_WAITED
from .discovery import (
    FEED, HTML, SITEMAP, SITEMAP_INDEX, classify_document, parse_feed, parse_sitemap,
    split_start_urls, start_source,
)

log = logging.getLogger(__name__)

#: The item keys that make a newsarchive.page.FetchedPage.
PAGE_FIELDS = ("url", "final_url", "status", "headers", "body", "fetched_at", "error", "hints",
               "request_line", "request_headers", "status_line", "response_headers",
               "peer_address", "capture")

#: The IgnoreRequest message of Scrapy's RobotsTxtMiddleware.
ROBOTS_FORBIDDEN = "Forbidden by robots.txt"
#: url_netloc of the URLs met: every page of a site links the same navigation and footer
#: URLs, each judged once.
cached_netloc = functools.lru_cache(maxsize=1 << 16)(url_netloc)


def header_pairs(headers) -> list[list[str]]:
    """Scrapy Headers as [[name, value], ...]: one pair per value, names as Scrapy spells them."""
    return [[name.decode("latin-1") if isinstance(name, bytes) else str(name),
             value.decode("latin-1") if isinstance(value, bytes) else str(value)]
            for name, values in headers.items() for value in values]


def headers_to_dict(headers) -> dict[str, str]:
    """Scrapy Headers as {lower-case name: value}, repeated values joined with ", "."""
    return merged_headers(header_pairs(headers))


def capture_fields(response: Response) -> dict[str, Any]:
    """The request and response heads of an exchange: from the wire when the download handler
    recorded them (spiders.capture), with the time the status line arrived as fetched_at; else
    rebuilt from Scrapy's Request and Response."""
    peer = str(response.ip_address) if response.ip_address is not None else None
    wire = response.meta.get(CAPTURE_META_KEY)
    if (wire is not None and wire.request_line
            and wire.status_line.split(" ")[1:2] == [str(response.status)]):
        fields = {"request_line": wire.request_line, "request_headers": wire.request_headers,
                  "status_line": wire.status_line, "response_headers": wire.response_headers,
                  "peer_address": peer, "capture": "wire"}
        if wire.received_at is not None:
            fields["fetched_at"] = wire.received_at
        return fields
    request = response.request
    parts = urlsplit(request.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    request_headers = [["Host", parts.netloc]] + header_pairs(request.headers)
    return {"request_line": f"{request.method} {target} HTTP/1.1",
            "request_headers": request_headers,
            "status_line": standard_status_line(response.status, response.protocol or "HTTP/1.1"),
            "response_headers": header_pairs(response.headers),
            "peer_address": peer, "capture": "scrapy"}


def requested_url(response: Response | Request) -> str:
    """The URL first requested for this response (or request), before redirects."""
    redirects = response.meta.get("redirect_urls")
    return redirects[0] if redirects else response.url


def page_hints(meta: dict, *, source: str, kind: str | None) -> dict[str, Any]:
    """The hints of an item from its request's meta."""
    return {"source": source, "depth": meta.get("depth", 0),
            "lastmod": meta.get("newsarchive_lastmod"), "kind": kind,
            "frontier": meta.get("newsarchive_frontier"), "site": meta.get("newsarchive_site")}


#: Statuses that redirect with a Location (300 offers choices; 304 answers a conditional GET).
REDIRECT_STATUSES = (301, 302, 303, 307, 308)


def http_error(status: int, location: str | None = None, note: str | None = None, *,
               conditional: bool = True) -> str | None:
    """The error recorded for an HTTP error status ("HTTP 404 Not Found"), None below 400;
    for a redirect that reached the spider (one not followed), why: its Location is not HTTP
    (location: that Location), or it has none a URL can be made of (location None);
    note: why it was not retried (a Retry-After not waited for: spiders.retry); for a 304 to
    a request that was not conditional (no validators sent), that it brought nothing."""
    phrase = f"HTTP {status} {status_phrase(status)}".rstrip()
    if status == 304 and not conditional:
        return f"{phrase} to a request without validators: no page came"
    if status in REDIRECT_STATUSES:
        if location is None:
            return f"{phrase}: redirect without a usable Location"
        return f"{phrase}: redirect not followed: {scheme_refusal(location) or location[:200]}"
    if status < 400:
        return None
    return f"{phrase}: {note}" if note else phrase


def redirect_location(response: Response) -> str | None:
    """The absolute Location of a redirect response, or None (no Location, or one no URL can
    be made of)."""
    location = response.headers.get("Location")
    if location is None or response.status not in REDIRECT_STATUSES:
        return None
    return join_url(response.url, location.decode("latin-1"))


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
        "error": http_error(response.status, redirect_location(response),
                            response.meta.get(RETRY_AFTER_NOT_WAITED),
                            conditional=is_conditional(getattr(response, "request", None))),
        "hints": page_hints(response.meta, source=source, kind=kind),
        **capture_fields(response),
    }


def is_conditional(request: Request | None) -> bool:
    """True for a request that carried If-None-Match or If-Modified-Since (or is unknown)."""
    return request is None or bool(request.headers.get("If-None-Match")
                                   or request.headers.get("If-Modified-Since"))


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
        **dict.fromkeys(("request_line", "request_headers", "status_line", "response_headers",
                         "peer_address", "capture")),
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


#: The download slot of a site of a site list.
SLOT_PREFIX = "newsarchive:"
#: The longest robots.txt Crawl-delay honoured (seconds); a longer one is cut to this.
MAX_CRAWL_DELAY = 60.0


def split_names(value: str | list[str] | None) -> list[str]:
    """Site names from `-a site=a,b` (comma-separated, blanks dropped)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [name.strip() for name in value if name and name.strip()]


def adhoc_site(start_urls: list[str]) -> Site:
    """The one site of a `-a url=` crawl: named after the first start URL's host, owning every
    start URL's host and www twin; depth and cap come from the run's settings."""
    hosts = set()
    for url in start_urls:
        netloc = url_netloc(url)
        if netloc is not None:
            hosts |= www_twins(netloc)
    name = url_netloc(start_urls[0]) or "news"
    return Site(name=name, start=tuple(start_urls), hosts=frozenset(hosts), revisit=())


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

    def __init__(self, url: str | None = None, *args, sites: str | None = None,
                 site: str | None = None, local: str | bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.sites_file = sites
        if sites:
            # SiteListError (a ValueError naming the site, the key and what was expected)
            # stops the crawl before any request.
            self.sites: dict[str, Site] = load_site_list(sites, split_names(site) or None)
            if url:
                raise ValueError("give either -a url=URL[,URL...] or -a sites=FILE, not both")
        else:
            start_urls = split_start_urls(url)
            if not start_urls:
                raise ValueError("no start URL: scrapy crawl news -a url=URL[,URL...] "
                                 "or -a sites=FILE [-a site=NAME]")
            declared_local = str(local).strip().lower() in ("1", "true", "yes")
            adhoc = dataclasses.replace(adhoc_site(start_urls), local=declared_local)
            self.sites = {adhoc.name: adhoc}
        self.sites = {name: dataclasses.replace(entry, start=tuple(self.take_credentials(
            entry.start))) for name, entry in self.sites.items()}
        self.start_urls = [start for entry in self.sites.values() for start in entry.start]
        #: host (with port) -> the site it belongs to; grows when a start URL redirects
        self.site_of_host: dict[str, Site] = {
            host: entry for entry in self.sites.values() for host in entry.hosts}
        # Hosts the address guard lets resolve to loopback or private addresses: those of a
        # site declared local (`local = true`, or -a local=true), and a start URL's own host
        # when it is itself a loopback address.
        self.local_hosts: set[str] = implicitly_local_hosts(self.start_urls).union(
            *(entry.hosts for entry in self.sites.values() if entry.local))
        self.requested: set[str] = set()
        self.archived: set[str] = set()
        self.met: set[str] = set()
        """Every URL key met this run (counted as discovered)."""
        self.shallowest: dict[str, int] = {}
        """URL keys requested already and met again by a shorter path -> its depth: the depth
        the page takes when it is parsed (see take_shallowest_depth)."""
        self.discovered: dict[str, tuple[str, str, int | None]] = {}
        """URL keys to follow met this run -> (site, kind guessed, depth): the frontier notes
        them (links not followed, by the skip table or allow/deny, are not noted)."""
        self.requested_per_site: dict[str, int] = dict.fromkeys(self.sites, 0)
        self.crawl_delays: dict[str, float] = {}
        self.frontier: Frontier | None = None
        self.max_pages = 1000
        self.depth_limit = 0
        self._cap_logged: set[str] = set()
        self._skip_tables: dict[str, dict] = {}
        self.link_reader = LinkReader(0)
        """Reads web pages' links off the reactor (spiders.links; from_crawler configures it)."""
        self.page_reader: PooledExtractPipeline | bool | None = None
        """The crawl's pooled extraction pipeline, which reads a page's links as it extracts
        it (False: there is none; None: not looked for yet)."""

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

    @property
    def site_list(self) -> bool:
        """True for a crawl of a site list (-a sites=FILE), False for a -a url= crawl."""
        return bool(self.sites_file)

    @property
    def hosts(self) -> set[str]:
        """Every host the crawl follows links on."""
        return set(self.site_of_host)

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        spider.max_pages = settings.getint("NEWSARCHIVE_MAX_PAGES", 1000)
        spider.depth_limit = settings.getint("DEPTH_LIMIT", 0)
        if spider.site_list and not settings.frozen:
            spider.configure_site_slots(settings)
        elif spider.site_list:
            log.warning("settings frozen before the spider was made: sites share the default "
                        "download slots")
        if settings.getbool("NEWSARCHIVE_INCREMENTAL", True):
            revisit_after = settings.getfloat("NEWSARCHIVE_REVISIT_AFTER", 0)
            spider.frontier = Frontier(
                settings.get("NEWSARCHIVE_DB") or "data/archive.db",
                revisit_after=timedelta(seconds=revisit_after) if revisit_after > 0 else None)
            crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        crawler.signals.connect(spider.on_robots_parsed, signal=signals.robots_parsed)
        spider.link_reader = LinkReader(
            settings.getint("NEWSARCHIVE_LINK_WORKERS", 1),
            memory_mb=settings.getint("NEWSARCHIVE_EXTRACT_MEMORY_MB", DEFAULT_MEMORY_MB),
            timeout=settings.getfloat("NEWSARCHIVE_EXTRACT_TIMEOUT", DEFAULT_TIMEOUT) or DEFAULT_TIMEOUT)
        return spider

    def configure_site_slots(self, settings) -> None:
        """Per-site politeness and limits, set before the crawl's settings are frozen: one
        download slot per site (DOWNLOAD_SLOTS), DEPTH_LIMIT wide enough for the deepest site
        (each site's own depth is held by the spider), enough global concurrency for all
        sites at once, and the site list as the extraction profile file (keep/drop)."""
        slots = dict(settings.getdict("DOWNLOAD_SLOTS"))
        for entry in self.sites.values():
            # no jitter: `delay` is the least time between two requests, as Crawl-delay is
            slots[SLOT_PREFIX + entry.name] = {"concurrency": entry.concurrency,
                                               "delay": entry.delay, "jitter": 0}
        # merged with any DOWNLOAD_SLOTS given, at that setting's priority (-s on the command line)
        settings.set("DOWNLOAD_SLOTS", slots,
                     priority=max(settings.getpriority("DOWNLOAD_SLOTS") or 0,
                                  SETTINGS_PRIORITIES["spider"]))
        settings.set("DEPTH_LIMIT", max(entry.depth for entry in self.sites.values()),
                     priority="spider")
        total = sum(entry.concurrency for entry in self.sites.values())
        if total > settings.getint("CONCURRENT_REQUESTS"):
            settings.set("CONCURRENT_REQUESTS", total,
                         priority=max(settings.getpriority("CONCURRENT_REQUESTS") or 0,
                                      SETTINGS_PRIORITIES["spider"]))
        if not os.environ.get(ENV_VAR):
            os.environ[ENV_VAR] = str(Path(self.sites_file).resolve())

    def on_closed(self) -> None:
        if self.frontier is not None:
            self.frontier.close()

    def count(self, entry: Site | None, counter: str, value: int = 1) -> None:
        """Add to the stats counter "newsarchive/<site>/<counter>" (no-op outside a crawl)."""
        crawler = getattr(self, "crawler", None)
        if entry is not None and crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(f"newsarchive/{entry.name}/{counter}", value)

    def inc_stat(self, name: str, count: int = 1) -> None:
        crawler = getattr(self, "crawler", None)
        if crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(name, count)

    def site_for(self, url: str) -> Site | None:
        """The site a URL belongs to, by its host; None when it is on none."""
        netloc = cached_netloc(url)
        return self.site_of_host.get(netloc) if netloc else None

    def site_of_request(self, meta: dict, url: str) -> Site | None:
        """The site a request was made for (its meta), else the site of its URL."""
        name = meta.get("newsarchive_site")
        return self.sites.get(name) if name else self.site_for(url)

    def site_revisit(self, url: str) -> tuple[float, ...]:
        """The article revisit schedule (ages in seconds) of the site of url: the site list's
        `revisit`, the default (1h, 6h, 1d, 7d) for a -a url= crawl."""
        entry = self.site_for(url)
        if entry is None or not self.site_list:
            return DEFAULT_REVISIT
        return tuple(entry.revisit)

    def skip_table(self, entry: Site) -> dict:
        """The skip table of a site: the default one with the site's `skip` overrides."""
        if entry.name not in self._skip_tables:
            self._skip_tables[entry.name] = compile_skip_table(entry.skip) if entry.skip \
                else DEFAULT_SKIP_TABLE
        return self._skip_tables[entry.name]

    def limits(self, entry: Site) -> tuple[int, int]:
        """(page cap, depth limit) of a site: its own in a site list, the run's settings
        (NEWSARCHIVE_MAX_PAGES, DEPTH_LIMIT) for a -a url= crawl."""
        if self.site_list:
            return entry.max_pages, entry.depth
        return self.max_pages, self.depth_limit

    async def start(self):
        for entry in self.sites.values():
            for url in entry.start:
                request = self.page_request(url, source="start", site=entry)
                if request is not None:
                    yield request
        if self.frontier is not None:
            # what earlier runs met but did not reach, revisits due and retries due: asked
            # without waiting for discovery (a hub that answers 304 lists nothing new)
            for row in self.frontier.due(list(self.sites)):
                entry = self.site_for(row["url"])
                if entry is None:
                    continue
                request = self.page_request(row["url"], source="frontier", site=entry,
                                            depth=row["depth"])
                if request is not None:
                    yield request

    def page_request(self, url: str, *, source: str, lastmod: str | None = None,
                     site: Site | None = None, depth: int | None = None,
                     listed_as: str | None = None) -> Request | None:
        """A request for url on behalf of `site` (default: the site owning url), or None when
        it was requested already, is not to be followed (the site's skip table, allow, deny),
        the frontier says it need not be asked (archived unchanged, dead, backing off, a child
        sitemap older than its last fetch), or the site's page cap is hit. listed_as:
        "sitemap" for a sitemap index's entries, "feed" for the feeds a page links."""
        entry = site or self.site_for(url) or next(iter(self.sites.values()))
        key = url_key(url)
        if key not in self.met:
            self.met.add(key)
            self.count(entry, "discovered")
        if key in self.requested or (key in self.archived and lastmod is None):
            # a URL planned out already is planned again when a sitemap or feed dates it
            return None
        if source not in ("start", "robots", "frontier"):
            skipped = skip_kind(url, self.skip_table(entry), allow=entry.allow, deny=entry.deny)
            if skipped is not None:
                self.archived.add(key)
                self.count(entry, f"skipped/{skipped}")
                return None
        kind = "sitemap" if source == "robots" else listed_as or guess_kind(key, source)
        self.discovered.setdefault(key, (entry.name, kind, depth))
        plan = None
        if self.frontier is not None:
            plan = self.frontier.plan(key, lastmod, listed_as_sitemap=listed_as == "sitemap")
            self.inc_stat(f"newsarchive/frontier/{plan.reason}")
            if not plan.fetch and source != "start":
                self.archived.add(key)
                return None
            kind = plan.kind or kind
        max_pages, _ = self.limits(entry)
        if self.requested_per_site.get(entry.name, 0) >= max_pages:
            self.count(entry, "skipped/page_cap")
            if entry.name not in self._cap_logged:
                log.info("page cap of site %s reached (%d pages)", entry.name, max_pages)
                self._cap_logged.add(entry.name)
            return None
        self.requested.add(key)
        self.requested_per_site[entry.name] = self.requested_per_site.get(entry.name, 0) + 1
        reason = plan.reason if plan is not None and plan.reason != "new" else None
        meta = {"newsarchive_source": source, "newsarchive_lastmod": lastmod,
                "newsarchive_frontier": reason, "newsarchive_site": entry.name,
                "newsarchive_kind": kind}
        if depth is not None:
            meta["depth"] = depth
        if source == "start":
            meta["newsarchive_start"] = True
        meta.update(self.slot_meta(entry))
        # dont_filter: `requested` already deduplicates what the spider asks for, and a
        # redirect to a page fetched already must still be followed to be recorded.
        return Request(url if source == "start" else key, callback=self.parse,
                       errback=self.on_error, dont_filter=True, priority=self.priority(kind),
                       headers=plan.headers if plan is not None and plan.fetch else None,
                       meta=meta)

    def slot_meta(self, entry: Site) -> dict:
        """The request meta that puts a request of a site list's site in the site's own slot:
        its delay and concurrency, whatever host the URL is on, left alone by AutoThrottle
        (whose minimum delay, DOWNLOAD_DELAY, would otherwise become the site's). A `-a url=`
        crawl's site moves to a slot of its own once its robots.txt asks for a Crawl-delay
        longer than DOWNLOAD_DELAY; until then Scrapy's host slots and AutoThrottle pace it."""
        if not self.site_list and entry.name not in self.crawl_delays:
            return {}
        return {"download_slot": SLOT_PREFIX + entry.name, "autothrottle_dont_adjust_delay": True}

    @staticmethod
    def priority(kind: str) -> int:
        """Where the crawl budget goes first: sitemaps and feeds, articles, then hubs."""
        if kind in ("sitemap", "feed"):
            return PRIORITIES[kind]
        return PRIORITIES["article" if kind == "article" else "hub"]

    def on_robots_parsed(self, robotparser, request: Request) -> None:
        """Honour the robots.txt Crawl-delay in the site's slot, and schedule the sitemaps it
        names on the site's hosts, as new roots (depth 0)."""
        entry = self.site_of_request(request.meta, request.url)
        if entry is None:
            return
        self.apply_crawl_delay(entry, robotparser)
        for sitemap_url in robots_sitemaps(robotparser):
            if self.site_for(sitemap_url) is not entry:
                continue
            sitemap_request = self.page_request(sitemap_url, source="robots", site=entry)
            if sitemap_request is not None:
                self.crawler.engine.crawl(sitemap_request)

    def apply_crawl_delay(self, entry: Site, robotparser) -> None:
        """Raise the site's slot delay to the robots.txt Crawl-delay (capped). A `-a url=`
        crawl's site gets a slot of its own for it (see slot_meta), with the run's
        per-domain concurrency and no jitter."""
        settings = self.crawler.settings
        user_agent = settings.get("USER_AGENT") or ""
        try:
            delay = robotparser.crawl_delay(user_agent)
        except Exception:  # noqa: BLE001 - a parser without Crawl-delay support
            delay = None
        own_delay = entry.delay if self.site_list else settings.getfloat("DOWNLOAD_DELAY")
        if not delay or delay <= own_delay:
            return
        cap = settings.getfloat("NEWSARCHIVE_MAX_CRAWL_DELAY", MAX_CRAWL_DELAY)
        delay = min(float(delay), cap)
        if delay <= self.crawl_delays.get(entry.name, own_delay):
            return
        self.crawl_delays[entry.name] = delay
        log.info("site %s: robots.txt Crawl-delay %gs", entry.name, delay)
        slot_key = SLOT_PREFIX + entry.name
        downloader = self.crawler.engine.downloader
        slot_settings = downloader.per_slot_settings.setdefault(slot_key, {})
        if not self.site_list:
            slot_settings.setdefault("concurrency", settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))
            slot_settings.setdefault("jitter", 0)
        slot_settings["delay"] = delay
        slot = downloader.slots.get(slot_key)
        if slot is not None:
            slot.delay = delay
        self.crawler.stats.set_value(f"newsarchive/{entry.name}/crawl_delay", delay)

    def may_go_deeper(self, response: Response) -> bool:
        """True when requests made from this response stay within the site's depth."""
        entry = self.site_of_request(response.meta, requested_url(response))
        _, depth_limit = self.limits(entry) if entry is not None else (0, self.depth_limit)
        if self.site_list:
            return response.meta.get("depth", 0) < depth_limit
        return not depth_limit or response.meta.get("depth", 0) < depth_limit

    def note_start(self, meta: dict, url: str, ok: bool) -> None:
        """Count a start URL's outcome (a site all of whose start URLs failed failed)."""
        if meta.get("newsarchive_start"):
            self.count(self.site_of_request(meta, url), "start_ok" if ok else "start_failed")

    def take_shallowest_depth(self, response: Response) -> None:
        """Give the response the depth of the shortest path the crawl met its URL by.

        Links are read off the reactor, so a hub (a section) may be met first from a page far
        down (an article that links it) and requested at that depth, and then from the home
        page: parsed at the first depth, what it lists would be cut off by the depth limit.
        Scrapy's DepthMiddleware reads response.meta["depth"] as the callback's requests pass
        it, so the requests it makes count from the shorter path."""
        shallowest = self.shallowest.pop(url_key(requested_url(response)), None)
        if shallowest is not None and shallowest < response.meta.get("depth", 0):
            response.meta["depth"] = shallowest

    async def parse(self, response: Response):
        self.take_shallowest_depth(response)
        source = response.meta.get("newsarchive_source", "link")
        if response.status == 304:
            # a conditional revisit the server answered "unchanged"; to a request that asked
            # no such thing, a 304 is a failure (no page came), recorded and asked again later
            item = response_item(response, source=source, kind=HTML)
            self.note_start(response.meta, requested_url(response), not item["error"])
            yield item
            if item["error"]:
                return
            if response.meta.get("newsarchive_kind") != "article":
                # a hub: what it lists is what it listed last time, archived with its body
                stored = self.stored_response(response)
                if stored is not None and self.may_go_deeper(response):
                    for request in await self.follow_off_reactor(stored, classify_document(
                            stored.body,
                            stored.headers.get("Content-Type", b"").decode("latin-1"))):
                        yield request
            return
        kind = classify_document(response.body, response.headers.get("Content-Type",
                                                                     b"").decode("latin-1"))
        self.note_start(response.meta, requested_url(response), response.status < 400)
        if source == "start":
            source = start_source(response.url, kind)
            # A start URL that redirects (http -> https, old domain -> new) moves the site
            # (to hosts no other site has).
            entry = self.site_of_request(response.meta, requested_url(response))
            netloc = url_netloc(response.url)
            if entry is not None and netloc is not None:
                for host in www_twins(netloc):
                    self.site_of_host.setdefault(host, entry)
        item = response_item(response, source=source, kind=kind)
        if response.status >= 400 or not self.may_go_deeper(response):
            yield item
            return
        links = await self.links_with_extraction(response, item, kind)
        yield item
        for request in await self.follow_off_reactor(response, kind, links):
            yield request

    async def links_with_extraction(self, response: Response, item: dict, kind: str
                                    ) -> tuple[list[str], list[str]] | None:
        """An article page's links, read by the extraction worker that extracts its item (one
        parse and one hand-off for both; pipelines.extract's read_page), when the crawl
        extracts in worker processes; None otherwise, or when the worker could not read them.

        Only pages guessed to be articles: a hub's links (home, sections) lead to the rest of
        the site and are wanted at once, not after the extractions queued before it. Met late,
        a section linked from the articles too was requested from them at their greater depth
        (take_shallowest_depth corrects that only when the hub's links come before the
        section is parsed)."""
        if kind != HTML or not isinstance(response, TextResponse) \
                or response.meta.get("newsarchive_kind") != "article":
            return None
        if self.page_reader is None:
            crawler = getattr(self, "crawler", None)
            try:
                self.page_reader = crawler.get_item_pipeline(PooledExtractPipeline) or False
            except (AttributeError, RuntimeError):  # no crawler or engine: driven by hand
                self.page_reader = False
        if not self.page_reader:
            return None
        links = await self.page_reader.read_page(item, links_of_parsed)
        if links is not None:
            self.inc_stat("newsarchive/links_read_with_extraction")
        return links

    def stored_response(self, response: Response) -> Response | None:
        """The archived full answer a 304 stands for, as a response to follow links from."""
        stored = self.frontier.stored_body(requested_url(response)) if self.frontier else None
        if stored is None:
            return None
        body, headers = stored
        content_type = headers.get("content-type", "application/octet-stream")
        cls = responsetypes.from_args(headers={"Content-Type": content_type}, url=response.url,
                                      body=body)
        return response.replace(cls=cls, status=200, body=body,
                                headers={"Content-Type": content_type})

    async def follow_off_reactor(self, response: Response, kind: str,
                                 links: tuple[list[str], list[str]] | None = None
                                 ) -> list[Request]:
        """follow(), a web page's links (unless given) read off the reactor
        (spiders.links.LinkReader: a thread, then a worker process once the thread has spent
        what starting one costs): the reactor goes on with downloads meanwhile."""
        if links is None and kind == HTML and isinstance(response, TextResponse):
            try:
                links = await wait_for(self.link_reader.submit(response))
            except Exception as exc:  # noqa: BLE001 - one bad page must never stop the crawl
                if not self.link_reader.gave_up(exc):  # not sent, or raised: as in the thread
                    links = await wait_for(self.link_reader.in_thread(response))
                else:  # over the time limit, or its worker died: the page itself is archived
                    log.error("%s", self.link_reader.failure(response.url, exc))
                    links = ([], [])
        return list(self.follow(response, kind, links))

    def closed(self, reason: str) -> None:
        self.link_reader.close()

    def follow(self, response: Response, kind: str,
               links: tuple[list[str], list[str]] | None = None):
        """Requests for what a sitemap, feed or web page points to on the site; links: the
        web page's page_links() when known already."""
        if kind in (SITEMAP, SITEMAP_INDEX):
            targets = [(entry.url, "sitemap", entry.lastmod,
                        "sitemap" if entry.is_sitemap else None)
                       for entry in parse_sitemap(response.body, response.url)]
        elif kind == FEED:
            targets = [(entry.url, "feed", entry.lastmod, None)
                       for entry in parse_feed(response.body, response.url)]
        elif kind == HTML and isinstance(response, TextResponse):
            feeds, pages = links if links is not None else page_links(response)
            targets = [(url, "link", None, "feed") for url in feeds]
            targets += [(url, "link", None, None) for url in pages]
        else:
            targets = []
        entry = self.site_of_request(response.meta, requested_url(response))
        if entry is None:
            return
        # links off the site are dropped before the sort: a real page links more of them
        # than of its own site, and judging their kind was a tenth of the reactor's time
        targets = [target for target in targets if self.site_for(target[0]) is entry]
        self.note_shorter_paths(targets, response.meta.get("depth", 0) + 1)
        # the page cap counts requests as they are made: what a page lists is asked in budget
        # order (sitemaps and feeds, articles, then hubs), not in the order of the page
        targets.sort(key=lambda target: -self.priority(
            target[3] or guess_kind(url_key(target[0]), target[1])))
        for url, source, lastmod, listed_as in targets:
            request = self.page_request(url, source=source, lastmod=lastmod, site=entry,
                                        listed_as=listed_as)
            if request is not None:
                yield request

    def note_shorter_paths(self, targets: list, depth: int) -> None:
        """Note for each target requested already the least depth it is met at again (`depth`:
        the one a request made now would have): its page takes it when parsed, if less than
        the depth it was requested at (take_shallowest_depth)."""
        shallowest, requested = self.shallowest, self.requested
        for target in targets:
            key = url_key(target[0])
            if key in requested and depth < shallowest.get(key, depth + 1):
                shallowest[key] = depth

    def on_error(self, failure):
        """One item per failed download; robots.txt refusals were never fetched: no item."""
        request = failure.request
        if failure.check(HttpError):
            response = failure.value.response
            self.note_start(request.meta, request.url, False)
            yield response_item(response, source=response.meta.get("newsarchive_source", "link"),
                                kind=classify_document(response.body))
            return
        if failure.check(IgnoreRequest):
            message = failure.getErrorMessage()
            if message == ROBOTS_FORBIDDEN:  # never fetched, by the site's own wish
                log.debug("not fetched: %s (%s)", request.url, message)
                self.count(self.site_of_request(request.meta, request.url), "robots_blocked")
                self.note_start(request.meta, request.url, False)
                return
            # refused by the guard, a redirect loop, a body over DOWNLOAD_MAXSIZE once
            # decompressed...: recorded with the reason
            self.note_start(request.meta, request.url, False)
            yield failure_item(request, message or type(failure.value).__name__)
            return
        self.note_start(request.meta, request.url, False)
        yield failure_item(request, download_error(failure.value))
