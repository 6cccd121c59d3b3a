"""A hostile news site for fault-injection tests: healthy articles among server faults.

build_hostile_site(root, articles=N) writes a site directory for newsarchive.fixtureserver:
N healthy article pages (each with a canonical URL, a date and a body the extractor takes for
an article), a home page linking all of them and every fault below, a sitemap index, a feed,
robots.txt, and a `_routes.json` switching the faults on:

    HTTP 500, 502, 503 (with and without Retry-After), 429 (Retry-After), connection resets,
    stalls past the download timeout, truncated bodies, Content-Length too long and too short,
    wrong and missing charsets, binary served as text/html, a 50 MB page, a gzip bomb, a
    redirect loop, a redirect chain longer than Scrapy follows, a short chain that ends at a
    healthy article, redirects to another host and to file:, ftp:, data: and javascript:
    URLs, a redirect without a Location, a 304 to a request that asked none, pages sent as br (when asked for, and unasked), a
    meta refresh to a javascript: URL, an endless calendar, 50 URL variants of one story, an entity-expansion bomb, an
    external-entity sitemap and feed, a malformed sitemap, a 50 MB sitemap.

build_robots_fault_site(root, ...) makes a small healthy site whose robots.txt answers 503 or
stalls. Each fault is a Fault(path, expect): `expect` is a regular expression the `error`
of the fault's pages row must match; None where the fault is survivable without an error (a
wrong charset still gives a page) and the test only asks that the crawl goes on.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

from spiders.compression import brotli_decodes

#: Seconds a stalled response waits: past the test crawl's DOWNLOAD_TIMEOUT.
STALL_SECONDS = 8
#: Decompressed size of the gzip bomb (the crawl caps bodies at DOWNLOAD_MAXSIZE).
GZIP_BOMB_BYTES = 256 * 1024 * 1024
HUGE_BYTES = 50 * 1024 * 1024
VARIANTS = 50
#: A chain this long exceeds Scrapy's REDIRECT_MAX_TIMES (20).
LONG_CHAIN = 25
#: A page whose meta refresh names a javascript: URL: it stays an article, as in a browser.
REFRESH_JAVASCRIPT = "/fault/refresh-javascript.html"
#: A page whose meta refresh reloads it every 30 s (a live page): it stays an article.
REFRESH_SELF = "/fault/refresh-self.html"
#: A page served untyped (application/octet-stream), and the file it is served from.
UNTYPED_PAGE, UNTYPED_SOURCE = "/fault/untyped.html", "/fault/untyped-source.html"
#: The path of the probe an external entity would fetch: the server must never see it.
XXE_PROBE = "/xxe-probe"

WORDS = ("the council said on monday that the new budget would cut spending on roads and "
         "schools while raising taxes for residents of the northern districts after months "
         "of debate café naïve über straße résumé crèche").split()


@dataclass(frozen=True)
class Fault:
    path: str
    """The URL path (with query) the home page links."""
    expect: str | None
    """Regex the pages row's error must match; None: no error required, the crawl goes on."""
    fetched: bool = True
    """False for traps the crawler may rightly not fetch at all (a calendar, URL variants
    its URL keys fold together)."""


def article_html(n: int, path: str | None = None) -> str:
    """A healthy article page (n picks its words), with its canonical path."""
    rng = random.Random(n)
    path = path or f"/news/story-{n}.html"
    paragraphs = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + ".</p>\n"
        for _ in range(6))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
            f"<title>Council story {n} - Hostile Times</title>"
            f'<link rel="canonical" href="{path}">'
            f'<meta property="article:published_time" content="2026-11-{1 + n % 28:02d}T10:00:00Z">'
            f'</head><body><nav><a href="/">Home</a></nav><article>'
            f"<h1>Council story {n}</h1><p class=\"byline\">By Ann Writer</p>\n{paragraphs}"
            f"</article><footer>Hostile Times</footer></body></html>")


def xml_bomb(root: str) -> str:
    """A billion-laughs document whose root element is `root`."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n' + "\n".join(entities) + "\n]>\n")


def hostile_xml(base_token: str = "{{BASE_URL}}") -> dict[str, str]:
    """The hostile sitemaps and feeds, by file name."""
    xxe = (f'<!DOCTYPE urlset [<!ENTITY file SYSTEM "file:///etc/passwd">'
           f'<!ENTITY probe SYSTEM "{base_token}{XXE_PROBE}">]>')
    sitemap_ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    return {
        "sitemap-bomb.xml": xml_bomb("urlset") + f"<urlset {sitemap_ns}><url><loc>"
                            f"{base_token}/news/bomb-&lol9;.html</loc></url></urlset>",
        "sitemap-xxe.xml": f'<?xml version="1.0"?>\n{xxe}\n<urlset {sitemap_ns}><url><loc>'
                           f"{base_token}/news/xxe-&file;&probe;.html</loc></url></urlset>",
        "sitemap-malformed.xml": f'<?xml version="1.0"?><urlset {sitemap_ns}><url><loc>'
                                 f"{base_token}/news/story-1.html</loc><url><loc><<<&&&",
        "feed-bomb.xml": xml_bomb("rss") + "<rss><channel><item><link>"
                         f"{base_token}/news/bomb-&lol9;.html</link></item></channel></rss>",
        "feed-xxe.xml": f'<?xml version="1.0"?>\n{xxe.replace("urlset", "rss")}\n<rss><channel>'
                        f"<item><link>{base_token}/news/xxe-&probe;.html</link></item>"
                        "</channel></rss>",
    }


def faults(other_host_base: str) -> tuple[list[Fault], dict[str, dict]]:
    """The faults the home page links, and the routes that make them."""
    story = "/news/story-0.html"
    routes: dict[str, dict] = {}
    found: list[Fault] = []

    def add(path: str, route: dict | None, expect: str | None) -> None:
        if route is not None:
            routes[path.split("?")[0]] = route
        found.append(Fault(path, expect))

    for status in (500, 502, 503):
        add(f"/fault/{status}.html", {"status": status}, f"^HTTP {status}")
    add("/fault/503-retry-after.html", {"status": 503, "headers": {"Retry-After": "1"}},
        "^HTTP 503")
    add("/fault/500-retry-after.html", {"status": 500, "headers": {"Retry-After": "3600"}},
        "^HTTP 500")
    add("/fault/429.html", {"status": 429, "headers": {"Retry-After": "1"}}, "^HTTP 429")
    add("/fault/reset.html", {"reset": True}, "ConnectionLost|ConnectionDone|ResponseNeverReceived|Reset")
    add("/fault/stall.html", {"delay": STALL_SECONDS, "file": story}, "TimeoutError|timed out|took longer")
    add("/fault/truncated.html", {"file": story, "truncate": 0.5}, "DataLoss|ResponseFailed|PotentialDataLoss")
    add("/fault/content-length-long.html", {"file": story, "content_length": 1_000_000},
        "DataLoss|ResponseFailed|PotentialDataLoss|TimeoutError")
    add("/fault/content-length-short.html", {"file": story, "content_length": 300}, None)
    add("/fault/wrong-charset.html", {"file": "/news/story-1.html", "charset_body": "latin-1",
                                      "content_type": "text/html; charset=utf-8"}, None)
    add("/fault/no-charset.html", {"file": "/news/story-2.html", "charset_body": "cp1252",
                                   "content_type": "text/html"}, None)
    add("/fault/binary.html", {"generate": {"kind": "binary", "size": 300_000},
                               "content_type": "text/html"}, None)
    add("/fault/huge.html", {"generate": {"kind": "html", "size": HUGE_BYTES}},
        "maxsize|max size|DOWNLOAD_MAXSIZE|Cancelled|cancel")
    add("/fault/gzip-bomb.html", {"gzip_bomb": GZIP_BOMB_BYTES},
        "DOWNLOAD_MAXSIZE|maxsize|max size|exceeded")
    add("/fault/loop-a.html", {"redirect": "/fault/loop-b.html", "status": 302},
        "max redirections")
    routes["/fault/loop-b.html"] = {"redirect": "/fault/loop-a.html", "status": 302}
    for hop in range(LONG_CHAIN):
        routes[f"/fault/chain-{hop}.html"] = {"redirect": f"/fault/chain-{hop + 1}.html",
                                               "status": 301}
    routes[f"/fault/chain-{LONG_CHAIN}.html"] = {"redirect": story, "status": 301}
    found.append(Fault("/fault/chain-0.html", "max redirections"))
    for hop in range(3):
        routes[f"/fault/short-chain-{hop}.html"] = {
            "redirect": f"/fault/short-chain-{hop + 1}.html" if hop < 2 else "/news/story-3.html",
            "status": 307}
    found.append(Fault("/fault/short-chain-0.html", None))
    add("/fault/offsite-redirect.html",
        {"redirect": f"{other_host_base}/news/story-4.html", "status": 302},
        "^refused: offsite host")
    for scheme, target in (("file", "file:///etc/passwd"), ("ftp", "ftp://127.0.0.1/pub/x"),
                           ("data", "data:text/html,<h1>x</h1>"),
                           ("javascript", "javascript:alert(1)")):
        add(f"/fault/{scheme}-redirect.html", {"redirect": target, "status": 302},
            # Scrapy's Request refuses "javascript:alert(1)" itself, as a URL without "//"
            f"redirect not followed: refused: {scheme} scheme|Missing scheme.*{scheme}:")
    add("/fault/redirect-no-location.html", {"status": 302}, "redirect without a usable Location")
    add("/fault/304-unasked.html", {"status": 304},
        "^HTTP 304 Not Modified to a request without validators")
    # br as servers send it (only when asked), and from a cache that ignores Accept-Encoding:
    # undecodable only where pywb's brotlipy hides the brotli module (spiders/compression.py)
    add("/fault/br.html", {"file": "/news/story-7.html", "encode": "br"}, None)
    add("/fault/br-unasked.html", {"file": "/news/story-8.html", "encode": "br",
                                   "encode_always": True},
        None if brotli_decodes() else "UndecodableEncoding: .*brotlipy")
    add("/fault/gzip.html", {"file": "/news/story-9.html", "encode": "gzip"}, None)
    add(REFRESH_JAVASCRIPT, None, None)
    add(REFRESH_SELF, None, None)
    # a page served as application/octet-stream: its bytes say HTML, to the crawl and the import
    add(UNTYPED_PAGE, {"file": UNTYPED_SOURCE, "content_type": "application/octet-stream"}, None)
    routes["/calendar/*"] = {"calendar": True}
    found.append(Fault("/calendar/2026/01/01/", None, fetched=False))
    for n in range(VARIANTS):
        found.append(Fault(variant_path(n), None, fetched=False))
    routes["/sitemap-huge.xml"] = {"generate": {"kind": "sitemap", "size": HUGE_BYTES},
                                   "content_type": "application/xml"}
    return found, routes


def variant_path(n: int) -> str:
    """One of the URL variants of the same story: tracking parameters, session ids, case,
    fragments, print and paging parameters, as sites and their readers link a story."""
    forms = ("?utm_source=home&utm_medium=web&n={n}", "?fbclid=abc{n}", "?ref=front{n}",
             "?sessionid={n}", "?page=1&n={n}", "#comment-{n}", "?print=1&n={n}",
             "?n={n}&gclid=x")
    return "/news/variant.html" + forms[n % len(forms)].format(n=n)


@dataclass
class HostileSite:
    root: Path
    healthy: list[str]
    """Paths of the healthy articles (each must be archived exactly once)."""
    faults: list[Fault]
    hostile_documents: list[str]
    """Paths of the hostile sitemaps and feeds (listed by the sitemap index, linked from home)."""


def build_hostile_site(root: Path, *, articles: int, other_host_base: str) -> HostileSite:
    """Write the hostile site into root (see module docstring)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "news").mkdir(exist_ok=True)
    found, routes = faults(other_host_base)
    healthy = [f"/news/story-{n}.html" for n in range(articles)]
    for n, path in enumerate(healthy):
        (root / path.lstrip("/")).write_text(article_html(n), encoding="utf-8")
    (root / "news" / "variant.html").write_text(
        article_html(10_000, path="/news/variant.html"), encoding="utf-8")
    (root / "fault").mkdir(exist_ok=True)
    (root / REFRESH_JAVASCRIPT.lstrip("/")).write_text(
        article_html(10_001, path=REFRESH_JAVASCRIPT).replace(
            "<head>", '<head><meta http-equiv="refresh" content="0; url=javascript:void(0)">'),
        encoding="utf-8")
    (root / REFRESH_SELF.lstrip("/")).write_text(
        article_html(10_003, path=REFRESH_SELF).replace(
            "<head>", f'<head><meta http-equiv="refresh" content="30; url={REFRESH_SELF}">'),
        encoding="utf-8")
    (root / UNTYPED_SOURCE.lstrip("/")).write_text(article_html(10_002, path=UNTYPED_PAGE),
                                                    encoding="utf-8")
    only_in_sitemap, only_in_feed = healthy[-10:-5], healthy[-5:]
    linked = healthy[:-10]
    xml_files = hostile_xml()
    for name, text in xml_files.items():
        (root / name).write_text(text, encoding="utf-8")
    hostile_documents = ["/" + name for name in xml_files] + ["/sitemap-huge.xml"]
    links = [path for path in linked] + [fault.path for fault in found] + \
        ["/feed.xml", "/feed-bomb.xml", "/feed-xxe.xml"]
    (root / "index.html").write_text(
        '<!doctype html><html><head><title>Hostile Times</title>'
        '<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>'
        + "".join(f'<a href="{link}">{link}</a>\n' for link in links) + "</body></html>",
        encoding="utf-8")
    sitemaps = ["/sitemap-news.xml"] + [doc for doc in hostile_documents if "sitemap" in doc]
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<sitemap><loc>{{{{BASE_URL}}}}{path}</loc></sitemap>" for path in sitemaps)
        + "</sitemapindex>", encoding="utf-8")
    (root / "sitemap-news.xml").write_text(
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{{{{BASE_URL}}}}{path}</loc><lastmod>2026-11-02</lastmod></url>"
                  for path in only_in_sitemap + linked[:20])
        + "</urlset>", encoding="utf-8")
    (root / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile Times</title>'
        + "".join(f"<item><title>{path}</title><link>{{{{BASE_URL}}}}{path}</link></item>"
                  for path in only_in_feed) + "</channel></rss>", encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n\n"
                                     "Sitemap: {{BASE_URL}}/sitemap.xml\n", encoding="utf-8")
    (root / "_routes.json").write_text(json.dumps(routes, indent=1), encoding="utf-8")
    return HostileSite(root, healthy + ["/news/variant.html"], found, hostile_documents)


def build_robots_fault_site(root: Path, *, fault: dict, articles: int, first: int) -> list[str]:
    """A small healthy site whose robots.txt misbehaves (`fault`: a route); its article paths."""
    return build_news_site(root, articles=articles, first=first, routes={"/robots.txt": fault})


def build_news_site(root: Path, *, articles: int, first: int = 0,
                    routes: dict | None = None) -> list[str]:
    """A healthy site: a home page linking `articles` article pages; their paths."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "news").mkdir(exist_ok=True)
    paths = [f"/news/story-{n}.html" for n in range(first, first + articles)]
    for path in paths:
        (root / path.lstrip("/")).write_text(article_html(int(path.split("-")[1].split(".")[0])),
                                             encoding="utf-8")
    (root / "index.html").write_text(
        "<html><head><title>Robots fault</title></head><body>"
        + "".join(f'<a href="{path}">{path}</a>' for path in paths) + "</body></html>",
        encoding="utf-8")
    (root / "_routes.json").write_text(json.dumps(routes or {}), encoding="utf-8")
    return paths
