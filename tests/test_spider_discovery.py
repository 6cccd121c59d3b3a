"""Discovery: documents told apart by content; sitemap, feed and page links turned into requests."""
import asyncio
import gzip
from pathlib import Path

import pytest
from lxml import etree
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Headers, HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectionRefusedError
from twisted.python.failure import Failure

from spiders.discovery import (
    FEED, HTML, OTHER, SITEMAP, SITEMAP_INDEX, classify_document, gunzip_if_compressed,
    is_text_sitemap, parse_feed, parse_sitemap, rfc822_to_iso, root_element_name,
    split_start_urls, start_source,
)
from spiders.news import (
    NewsSpider, download_error, headers_to_dict, http_error, requested_url, robots_sitemaps,
)

URLSET = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://news.example/a.html</loc><lastmod>2024-05-01</lastmod></url>
  <url><loc>/b.html</loc></url>
</urlset>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example/world/story.html</loc>
    <news:news>
      <news:publication>
        <news:name>Example</news:name><news:language>en</news:language>
      </news:publication>
      <news:publication_date>2015-09-24T10:12:00+00:00</news:publication_date>
      <news:title>A story</news:title>
    </news:news>
  </url>
</urlset>"""

SITEMAP_INDEX_XML = b"""<?xml version="1.0"?>
<!-- generated -->
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example/sitemap-news.xml</loc><lastmod>2024-05-02</lastmod></sitemap>
</sitemapindex>"""

RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title><link>https://news.example/</link>
  <item><title>One</title><link>https://news.example/one.html</link>
    <pubDate>Thu, 24 Sep 2015 10:12:00 +0000</pubDate></item>
  <item><title>Two</title><guid isPermaLink="true">https://news.example/two.html</guid></item>
  <item><title>Three</title><guid isPermaLink="false">tag:news.example,3</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
  <entry><title>One</title><link rel="alternate" href="https://news.example/one.html"/>
    <link rel="edit" href="https://news.example/edit/1"/>
    <published>2024-05-01T08:00:00Z</published></entry>
  <entry><title>Two</title><link href="/two.html"/><updated>2024-05-02T08:00:00Z</updated></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://news.example/"><title>T</title></channel>
  <item rdf:about="https://news.example/one.html"><title>One</title>
    <link>https://news.example/one.html</link><dc:date>2024-05-01</dc:date></item>
</rdf:RDF>"""

PAGE = b"""<!DOCTYPE html><html><head><title>Home</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="stylesheet" href="/style.css"></head>
<body><a href="/world/">World</a> <a href="https://www.news.example/sport/">Sport</a>
<a href="https://elsewhere.example/x">Elsewhere</a> <a href="/logo.png">Logo</a></body></html>"""


# -- telling documents apart by content -------------------------------------------------------

def test_classify_sitemaps_by_root_element():
    assert classify_document(URLSET) == SITEMAP
    assert classify_document(NEWS_SITEMAP, "text/xml") == SITEMAP
    assert classify_document(SITEMAP_INDEX_XML) == SITEMAP_INDEX


def test_classify_feeds_by_root_element_whatever_the_content_type():
    assert classify_document(RSS, "text/html") == FEED
    assert classify_document(ATOM, "application/xml") == FEED
    assert classify_document(RDF) == FEED


def test_classify_web_pages():
    assert classify_document(PAGE, "text/html; charset=utf-8") == HTML
    assert classify_document(b"<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'>"
                             b"<body/></html>") == HTML
    assert classify_document(b"<p>fragment</p>", "text/html") == HTML
    assert classify_document(b"<html><body>x</body></html>", None) == HTML


def test_classify_other_documents():
    assert classify_document(b"User-agent: *\nDisallow: /x\n", "text/plain") == OTHER
    assert classify_document(b'{"a": 1}', "application/json") == OTHER
    assert classify_document(b"", None) == OTHER


def test_classify_gzipped_sitemap():
    assert classify_document(gzip.compress(URLSET), "application/gzip") == SITEMAP


def test_classify_text_sitemap():
    body = b"https://news.example/a.html\nhttps://news.example/b.html\n"
    assert classify_document(body, "text/plain") == SITEMAP
    assert is_text_sitemap(body)
    assert not is_text_sitemap(b"User-agent: *\n")


def test_root_element_name_skips_prolog_comments_and_doctype():
    assert root_element_name(b"\xef\xbb\xbf<?xml version='1.0'?><!-- c --><rss/>") == "rss"
    assert root_element_name(b"<!DOCTYPE html>\n<HTML lang=en>") == "html"
    assert root_element_name(b"<rdf:RDF xmlns:rdf='x'>") == "rdf"
    assert root_element_name(b"no markup") is None


def test_gunzip_if_compressed_leaves_plain_bytes_alone_and_caps_size():
    assert gunzip_if_compressed(b"<urlset/>") == b"<urlset/>"
    assert gunzip_if_compressed(gzip.compress(b"x" * 1000), max_size=10) == b"x" * 10


# -- sitemaps --------------------------------------------------------------------------------

def test_parse_sitemap_entries_with_lastmod_and_relative_locs():
    entries = parse_sitemap(URLSET, "https://news.example/sitemap.xml")
    assert [(e.url, e.lastmod, e.is_sitemap) for e in entries] == [
        ("https://news.example/a.html", "2024-05-01", False),
        ("https://news.example/b.html", None, False),
    ]


def test_parse_news_sitemap_keeps_the_publication_date():
    [entry] = parse_sitemap(NEWS_SITEMAP)
    assert entry.url == "https://news.example/world/story.html"
    assert entry.lastmod == "2015-09-24T10:12:00+00:00"


def test_parse_sitemap_index_entries_are_sitemaps():
    [entry] = parse_sitemap(SITEMAP_INDEX_XML)
    assert (entry.url, entry.lastmod, entry.is_sitemap) == (
        "https://news.example/sitemap-news.xml", "2024-05-02", True)


def test_parse_text_and_gzipped_sitemaps():
    assert [e.url for e in parse_sitemap(b"https://news.example/a\n\nhttps://news.example/b\n")] \
        == ["https://news.example/a", "https://news.example/b"]
    assert len(parse_sitemap(gzip.compress(URLSET))) == 2


def test_parse_sitemap_of_garbage_is_empty():
    assert parse_sitemap(b"\x00\x01 not xml") == []


# -- feeds -------------------------------------------------------------------------------------

def test_parse_rss_links_dates_and_permalink_guids():
    entries = parse_feed(RSS)
    assert [(e.url, e.lastmod) for e in entries] == [
        ("https://news.example/one.html", "2015-09-24T10:12:00+00:00"),
        ("https://news.example/two.html", None),
    ]


def test_parse_atom_alternate_links_resolved_against_the_feed_url():
    entries = parse_feed(ATOM, "https://news.example/feeds/atom.xml")
    assert [(e.url, e.lastmod) for e in entries] == [
        ("https://news.example/one.html", "2024-05-01T08:00:00Z"),
        ("https://news.example/two.html", "2024-05-02T08:00:00Z"),
    ]


def test_feed_links_resolve_against_their_xml_base():
    """Atom's xml:base (RFC 4287, section 2), inherited and nested, itself relative to the
    feed's URL; links without one resolve against the feed's URL."""
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="/news/">'
            b'<entry><link rel="alternate" href="one.html"/></entry>'
            b'<entry xml:base="world/"><link href="two.html"/></entry>'
            b'<entry xml:base="https://cdn.example/a/"><link href="three.html"/></entry></feed>')
    assert [e.url for e in parse_feed(atom, "https://news.example/feeds/atom.xml")] == [
        "https://news.example/news/one.html", "https://news.example/news/world/two.html",
        "https://cdn.example/a/three.html"]
    rss = (b'<rss><channel xml:base="https://news.example/2024/"><item><link>one.html</link>'
           b"</item></channel></rss>")
    assert [e.url for e in parse_feed(rss, "https://news.example/feed")] == [
        "https://news.example/2024/one.html"]
    # a feed URL lxml cannot take as a base still gives the feed's absolute links
    assert [e.url for e in parse_feed(b"<rss><channel><item><link>https://news.example/a.html"
                                      b"</link></item></channel></rss>", "https://news.example/\ud800")] == [
        "https://news.example/a.html"]


JSON_FEED = (b'{"version": "https:\\/\\/jsonfeed.org\\/version\\/1", "title": "Herald",'
             b' "items": [{"id": "1", "url": "/news/one.html", "date_published": "2024-05-01T08:00:00Z"},'
             b' {"id": "2", "url": "https://news.example/news/two.html",'
             b' "date_published": "2024-05-02T08:00:00Z", "date_modified": "2024-05-03T09:00:00Z"},'
             b' {"id": "3", "external_url": "https://elsewhere.example/x"}, "not an item",'
             b' {"id": "4", "url": "http://[broken/x"}]}')


def test_json_feeds_are_feeds_and_give_their_items_pages():
    """JSON Feed (jsonfeed.org), as PHP writes it (escaped slashes): each item's url, resolved
    against the feed's URL and dated by date_modified, else date_published; an item without a
    url of its own (external_url only), or one urllib cannot read, is skipped."""
    assert classify_document(JSON_FEED, "application/feed+json") == FEED
    assert classify_document(JSON_FEED.replace(b"\\/", b"/"), "application/json") == FEED
    assert classify_document(b'{"version": 1, "items": []}', "application/json") == OTHER
    assert [(e.url, e.lastmod) for e in parse_feed(JSON_FEED, "https://news.example/feed.json")] == [
        ("https://news.example/news/one.html", "2024-05-01T08:00:00Z"),
        ("https://news.example/news/two.html", "2024-05-03T09:00:00Z")]
    assert parse_feed(b'{"version": "https://jsonfeed.org/version/1.1", "items": [', None) == []


def test_parse_rss1_rdf_items():
    [entry] = parse_feed(RDF)
    assert (entry.url, entry.lastmod) == ("https://news.example/one.html", "2024-05-01")


def test_rfc822_to_iso():
    assert rfc822_to_iso("Thu, 24 Sep 2015 10:12:00 GMT") == "2015-09-24T10:12:00+00:00"
    assert rfc822_to_iso("2024-05-01") == "2024-05-01"
    assert rfc822_to_iso(None) is None


# -- the site and start URLs -------------------------------------------------------------------

def test_start_source_by_kind_and_place():
    assert start_source("https://news.example/", HTML) == "home"
    assert start_source("https://news.example", HTML) == "home"
    assert start_source("https://news.example/world/", HTML) == "section"
    assert start_source("https://news.example/world/", SITEMAP_INDEX) == "sitemap"
    assert start_source("https://news.example/index.html", FEED) == "feed"


def test_split_start_urls():
    assert split_start_urls(" https://a.example/ ,https://b.example/,,") == [
        "https://a.example/", "https://b.example/"]
    assert split_start_urls(None) == []


# -- the spider's own helpers --------------------------------------------------------------------

def test_headers_to_dict_lower_cases_names_and_joins_values():
    headers = Headers({"Content-Type": "text/html", "X-Tag": ["a", "b"]})
    assert headers_to_dict(headers) == {"content-type": "text/html", "x-tag": "a, b"}


def test_http_error_names_error_statuses_only():
    assert http_error(200) is None
    assert http_error(304) is None
    assert http_error(301, "ftp://news.example/a") == (
        "HTTP 301 Moved Permanently: redirect not followed: refused: ftp scheme "
        "(only http and https are fetched): ftp://news.example/a")
    assert http_error(503) == "HTTP 503 Service Unavailable"
    assert http_error(599) == "HTTP 599"


def test_http_error_names_a_redirect_without_a_location():
    """A redirect with no Location (or none a URL can be made of) reaches the spider: its page
    holds nothing, and the archive says why."""
    assert http_error(302) == "HTTP 302 Found: redirect without a usable Location"


def test_http_error_names_a_304_to_a_request_that_sent_no_validators():
    """A 304 answers a conditional GET; to any other request no page came, which is a failure
    (the frontier asks again later), not an unchanged page."""
    assert http_error(304) is None
    assert http_error(304, conditional=False) == (
        "HTTP 304 Not Modified to a request without validators: no page came")


def test_requested_url_is_the_url_before_redirects():
    request = Request("https://news.example/b", meta={"redirect_urls": ["https://news.example/a"]})
    response = HtmlResponse("https://news.example/b", request=request, body=b"")
    assert requested_url(response) == "https://news.example/a"


def test_robots_sitemaps_reads_sitemap_lines():
    parser = ProtegoRobotParser(b"User-agent: *\nDisallow: /private/\n"
                                b"Sitemap: https://news.example/sitemap.xml\n", None)
    assert robots_sitemaps(parser) == ["https://news.example/sitemap.xml"]
    assert robots_sitemaps(object()) == []


def spider_response(cls, url, body, *, depth=0, source="start", content_type=b"text/html"):
    request = Request(url, meta={"depth": depth, "newsarchive_source": source})
    return cls(url, body=body, request=request, headers={"Content-Type": content_type})


def split_output(results):
    """(items, requests) a spider callback gave (parse() is an async generator)."""
    if hasattr(results, "__aiter__"):
        async def gather(outputs):
            return [output async for output in outputs]
        results = asyncio.run(gather(results))
    results = list(results)
    items = [r for r in results if isinstance(r, dict)]
    requests = [r for r in results if isinstance(r, Request)]
    return items, requests


def test_spider_needs_a_start_url():
    try:
        NewsSpider()
    except ValueError as error:
        assert "url=" in str(error)
    else:
        raise AssertionError("NewsSpider() without url must fail")


def test_parse_home_page_item_and_same_site_links():
    spider = NewsSpider(url="https://news.example/")
    items, requests = split_output(spider.parse(
        spider_response(HtmlResponse, "https://news.example/", PAGE)))
    [item] = items
    assert item["url"] == "https://news.example/" and item["final_url"] is None
    assert item["status"] == 200 and item["body"] == PAGE and item["error"] is None
    assert item["headers"]["content-type"] == "text/html"
    assert item["fetched_at"].tzinfo is not None
    assert item["hints"] == {"source": "home", "depth": 0, "lastmod": None, "kind": "html",
                             "frontier": None, "site": None}
    assert [r.url for r in requests] == ["https://news.example/feed.xml",
                                         "https://news.example/world/",
                                         "https://www.news.example/sport/"]
    assert all(r.meta["newsarchive_source"] == "link" for r in requests)


@pytest.mark.parametrize("base", ["", '<base href="http://[broken/">'])
def test_links_urllib_cannot_read_are_left_out_and_the_rest_followed(base):
    # urljoin, urlsplit and Request raise on broken IPv6 brackets and ports past 65535: one such
    # link made the page's link reading raise, and the spider lost every link of the page
    page = (f'<html><head>{base}<link rel="alternate" type="application/rss+xml" href="http://[feed">'
            '</head><body><a href="//[x/">a</a> <a href="http://[bad/story">b</a> <a href="http://a]b/c">c</a>'
            ' <a href="https://news.example:99999/x">d</a> <a href="/world/">World</a>'
            ' <a href="https://news.example/sport/">Sport</a></body></html>').encode()
    spider = NewsSpider(url="https://news.example/")
    items, requests = split_output(spider.parse(spider_response(HtmlResponse, "https://news.example/", page)))
    assert len(items) == 1 and items[0]["error"] is None
    assert [r.url for r in requests] == ["https://news.example/world/", "https://news.example/sport/"]


def test_a_sitemap_or_feed_entry_urllib_cannot_read_is_skipped_not_its_neighbours():
    urlset = URLSET.replace(b"<url><loc>/b.html", b"<url><loc>http://[broken/x.html</loc></url><url><loc>/b.html")
    assert [e.url for e in parse_sitemap(urlset, "https://news.example/sitemap.xml")] == [
        "https://news.example/a.html", "https://news.example/b.html"]
    rss = RSS.replace(b"<link>https://news.example/one.html", b"<link>http://[broken/one.html")
    assert [e.url for e in parse_feed(rss, "https://news.example/feed")] == ["https://news.example/two.html"]


def test_a_news_sitemap_that_forgot_to_declare_its_prefix_keeps_its_entries():
    # xmlns:news left out: the recovering parser keeps "news:news" as the tag, which
    # etree.QName refused, and the whole sitemap was lost
    undeclared = NEWS_SITEMAP.replace(b'\n        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"', b"")
    assert b"xmlns:news" not in undeclared
    [entry] = parse_sitemap(undeclared, "https://news.example/sitemap.xml")
    assert (entry.url, entry.lastmod) == ("https://news.example/world/story.html", "2015-09-24T10:12:00+00:00")


def test_text_lxml_cannot_decode_skips_its_entry_only():
    # "&#xD800;" (a surrogate) is kept as bytes by the recovering parser; reading it raised
    rss = RSS.replace(b"<link>https://news.example/one.html", b"<link>https://news.example/&#xD800;one.html")
    assert [e.url for e in parse_feed(rss, "https://news.example/feed")] == ["https://news.example/two.html"]
    atom = ATOM.replace(b'href="https://news.example/one.html"', b'href="https://news.example/&#xD800;"')
    assert [e.url for e in parse_feed(atom, "https://news.example/feed")] == ["https://news.example/two.html"]
    # a text sitemap is sniffed from its opening: a bad byte further on raised when it was read
    from spiders.discovery import SNIFF_BYTES
    lines = b"".join(b"https://news.example/%d.html\n" % n for n in range(SNIFF_BYTES // 20))
    entries = parse_sitemap(lines + b"https://news.example/\xff.html\n")
    assert entries[0].url == "https://news.example/0.html" and entries[-1].url == "https://news.example/\ufffd.html"


@pytest.mark.parametrize("line", ["https://news.example/%d.html\n", "https://news.example/ñoño/%d.html\n",
                                  "https://news.example/story-number-%d-of-the-day\r\n"])
def test_a_text_sitemap_longer_than_its_sniffed_opening_is_one(line):
    # the 4,096 bytes sniffed end inside a line ("https:"), maybe inside a character: before,
    # such a sitemap (one in eight of the longer ones) was no sitemap and its pages never asked
    from spiders.discovery import is_text_sitemap
    body = "".join(line % n for n in range(400)).encode()
    assert is_text_sitemap(body) and len(parse_sitemap(body)) == 400


def test_parse_sitemap_start_url_requests_its_entries_with_lastmod():
    spider = NewsSpider(url="https://news.example/sitemap.xml")
    items, requests = split_output(spider.parse(
        spider_response(XmlResponse, "https://news.example/sitemap.xml", URLSET,
                        content_type=b"application/xml")))
    assert items[0]["hints"]["source"] == "sitemap"
    assert items[0]["hints"]["kind"] == SITEMAP
    assert [(r.url, r.meta["newsarchive_source"], r.meta["newsarchive_lastmod"])
            for r in requests] == [("https://news.example/a.html", "sitemap", "2024-05-01"),
                                   ("https://news.example/b.html", "sitemap", None)]


def test_parse_feed_requests_its_items():
    spider = NewsSpider(url="https://news.example/feed")
    items, requests = split_output(spider.parse(
        spider_response(TextResponse, "https://news.example/feed", RSS,
                        content_type=b"text/plain")))
    assert items[0]["hints"]["source"] == "feed"
    assert [r.meta["newsarchive_source"] for r in requests] == ["feed", "feed"]


def test_error_pages_are_items_without_follow_up_requests():
    spider = NewsSpider(url="https://news.example/")
    request = Request("https://news.example/gone", meta={"depth": 1, "newsarchive_source": "link"})
    response = HtmlResponse("https://news.example/gone", status=404, request=request,
                            body=b"<html><a href='/x'>x</a></html>")
    items, requests = split_output(spider.parse(response))
    assert items[0]["status"] == 404 and items[0]["hints"]["source"] == "link"
    assert items[0]["error"] == "HTTP 404 Not Found"
    assert requests == []


def test_a_start_url_redirected_to_another_host_moves_the_site():
    spider = NewsSpider(url="http://old.example/")
    request = Request("https://new.example/", meta={
        "depth": 0, "newsarchive_source": "start", "redirect_urls": ["http://old.example/"]})
    response = HtmlResponse("https://new.example/", request=request, body=PAGE,
                            headers={"Content-Type": "text/html"})
    items, requests = split_output(spider.parse(response))
    assert items[0]["url"] == "http://old.example/"
    assert items[0]["final_url"] == "https://new.example/"
    assert "new.example" in spider.hosts and "www.new.example" in spider.hosts
    assert "https://new.example/world/" in [r.url for r in requests]


def test_depth_limit_stops_following():
    spider = NewsSpider(url="https://news.example/")
    spider.depth_limit = 2
    _, requests = split_output(spider.parse(
        spider_response(HtmlResponse, "https://news.example/a", PAGE, depth=2, source="link")))
    assert requests == []


def test_each_url_is_requested_once_and_the_page_cap_holds():
    spider = NewsSpider(url="https://news.example/")
    spider.max_pages = 3
    assert spider.page_request("https://news.example/a", source="link") is not None
    assert spider.page_request("https://news.example/a#top", source="link") is None
    assert spider.page_request("https://news.example/b", source="link") is not None
    assert spider.page_request("https://news.example/c", source="link") is not None
    assert spider.page_request("https://news.example/d", source="link") is None


def failure_for(exception, url="https://news.example/x"):
    """A Twisted Failure as Scrapy hands it to an errback: with the request attached."""
    failure = Failure(exception)
    failure.request = Request(url, meta={"depth": 1, "newsarchive_source": "sitemap",
                                         "newsarchive_lastmod": "2024-05-01"})
    return failure


def test_failed_download_becomes_one_item_with_its_error():
    spider = NewsSpider(url="https://news.example/")
    [item] = spider.on_error(failure_for(ConnectionRefusedError("refused")))
    assert item["url"] == "https://news.example/x"
    assert item["status"] is None and item["body"] == b"" and item["headers"] == {}
    assert item["error"].startswith("ConnectionRefusedError: ")
    assert item["hints"] == {"source": "sitemap", "depth": 1, "lastmod": "2024-05-01",
                             "kind": None, "frontier": None, "site": None}


def test_download_error_names_the_underlying_error():
    class Wrapper(Exception):
        pass

    try:
        try:
            raise ConnectionRefusedError("refused")
        except ConnectionRefusedError as inner:
            raise Wrapper("wrapped") from inner
    except Wrapper as outer:
        message = download_error(outer)
    assert message.startswith("Wrapper: ConnectionRefusedError: ")
    assert download_error(ValueError("plain")) == "ValueError: plain"
    assert download_error(ValueError()) == "ValueError"


def test_robots_refusal_yields_no_item():
    spider = NewsSpider(url="https://news.example/")
    assert list(spider.on_error(failure_for(IgnoreRequest("Forbidden by robots.txt")))) == []


def test_http_error_failure_yields_the_response_item():
    spider = NewsSpider(url="https://news.example/")
    request = Request("https://news.example/gone", meta={"newsarchive_source": "link"})
    response = HtmlResponse("https://news.example/gone", status=410, request=request, body=b"x")
    [item] = spider.on_error(failure_for(HttpError(response, "Ignoring non-200 response")))
    assert item["status"] == 410 and item["error"] == "HTTP 410 Gone"


# -- URL keys, the skip table and the crawl budget ------------------------------------------

LINKS = b"""<!DOCTYPE html><html><head><title>Home</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>
<a href="/world/">World</a>
<a href="/2025/05/17/port-reopens-after-the-storm.html?utm_source=nl&amp;utm_medium=email">A</a>
<a href="/2025/05/17/port-reopens-after-the-storm.html#comments">A again</a>
<a href="/tag/storms/">Tag</a> <a href="/author/jane-doe/">Jane</a> <a href="/search?q=x">Search</a>
<a href="/login">Log in</a> <a href="/2025/05/">May</a></body></html>"""


def test_links_are_requested_by_their_key_once_and_skipped_kinds_not_at_all():
    spider = NewsSpider(url="https://news.example/")
    _, requests = split_output(spider.parse(
        spider_response(HtmlResponse, "https://news.example/", LINKS)))
    assert [(r.url, r.priority) for r in requests] == [               # in budget order
        ("https://news.example/feed.xml", 300),
        ("https://news.example/2025/05/17/port-reopens-after-the-storm.html", 200),
        ("https://news.example/world/", 100)]
    assert spider.met >= {"https://news.example/tag/storms/", "https://news.example/login"}
    assert "https://news.example/tag/storms/" not in spider.discovered


def test_the_page_cap_goes_to_feeds_then_articles_then_hubs_whatever_the_page_order():
    body = b"""<html><head><title>Home</title></head><body>
    <a href="/world/">World</a> <a href="/sport/">Sport</a> <a href="/business/">Business</a>
    <a href="/2025/05/17/port-reopens-after-the-storm.html">A</a>
    <a href="/2025/05/18/bridge-closed-for-repairs.html">B</a>
    <link rel="alternate" type="application/atom+xml" href="/atom.xml"></body></html>"""
    spider = NewsSpider(url="https://news.example/")
    spider.max_pages = 4                                  # the home page and 3 more
    spider.requested_per_site[next(iter(spider.sites))] = 1
    _, requests = split_output(spider.parse(
        spider_response(HtmlResponse, "https://news.example/", body)))
    assert [r.url for r in requests] == [
        "https://news.example/atom.xml",
        "https://news.example/2025/05/17/port-reopens-after-the-storm.html",
        "https://news.example/2025/05/18/bridge-closed-for-repairs.html"]


def test_a_sitemap_index_lists_sitemaps_first_in_the_budget():
    spider = NewsSpider(url="https://news.example/sitemap.xml")
    _, requests = split_output(spider.parse(
        spider_response(XmlResponse, "https://news.example/sitemap.xml", SITEMAP_INDEX_XML,
                        content_type=b"application/xml")))
    assert requests and all(r.priority == 300 for r in requests)
    assert all(r.meta["newsarchive_kind"] == "sitemap" for r in requests)


def test_a_page_advertises_json_feeds_but_not_its_other_json_links():
    from spiders.tree_links import links_in_tree
    root = etree.fromstring(
        '<html><head><link rel="alternate" type="application/feed+json" href="/feed.json">'
        '<link rel="alternate" type="application/json+oembed" href="/oembed?url=x">'
        '<link rel="alternate" type="application/json" href="/wp-json/wp/v2/posts/1">'
        '</head><body></body></html>', etree.HTMLParser())
    assert links_in_tree(root, "https://news.example/a.html")[0] == ["https://news.example/feed.json"]


def test_a_web_page_served_as_xml_gives_its_links():
    """text/xml or application/xml on a page whose content is HTML (the spider reads it as a
    page): its links are read as a web page's."""
    from spiders.news import page_links
    body = b"<!doctype html><html><body><h1>News</h1><a href='/news/1.html'>One</a><br></body></html>"
    response = XmlResponse("http://h.example/index.xml", body=body, encoding="utf-8")
    assert page_links(response) == ([], ["http://h.example/news/1.html"])


def test_page_links_are_what_a_link_extractor_gives():
    from scrapy.http import HtmlResponse

    from spiders.news import page_links
    body = (b'<html><head><base href="http://h.example/x/"><link rel="alternate"'
            b' type="application/rss+xml" href="/feed.xml"></head><body>'
            b'<a href="/p/1.html">a</a><a href="q.html">b</a><a href="/p/./../r.html">c</a>'
            b'<a href="#top">d</a><a href="javascript:void(0)">e</a><a href="/img/x.JPG">f</a>'
            b'<a href=" /p/1.html ">again</a><a href="//other.example/z">g</a>'
            b'<a href="mailto:desk@h.example">h</a><area href="/map.html"></body></html>')
    response = HtmlResponse("http://h.example/a/b.html", body=body, encoding="utf-8")
    assert page_links(response) == (
        ["http://h.example/feed.xml"],
        ["http://h.example/p/1.html", "http://h.example/x/q.html", "http://h.example/r.html",
         "http://other.example/z", "http://h.example/map.html"])
@pytest.mark.parametrize("url", [
    "http://h.example/a/b.JPG", "http://h.example/a/b.html?x=1.pdf#c.zip", "http://h.example",
    "http://h.example?q=/x.jpg", "http://h.example#/x.png", "https://h.example:8080/x.tar.gz",
    "http://h.example/dir.d/", "http://h.example/.hidden", "http://user@h.example/a.Pdf?",
    "http://h.example/a.b/c", "https://h.example/x.jpg#", "http://[::1]:80/y.mp4?a#b"])
def test_path_suffix_is_what_urlsplit_and_splitext_give(url):
    import posixpath
    from urllib.parse import urlsplit

    from spiders.tree_links import path_suffix
    assert path_suffix(url) == posixpath.splitext(urlsplit(url).path)[1].lower()


def test_link_reader_reads_in_a_worker_process_what_the_crawl_process_reads():
    from scrapy.http import HtmlResponse

    from spiders.links import LinkReader, page_links
    # not UTF-8, declared in the page only, with a base href: the worker must settle the same
    # text, base and tree as the crawl process
    body = ('<html><head><meta charset="windows-1251"><base href="http://h.example/x/">'
            '</head><body><a href="/новости/1.html">a</a><a href="q.html">b</a>'
            '<a href="/img/x.JPG">c</a><a href="http://h.example/p/2.html">d</a>'
            '</body></html>').encode("cp1251")
    response = HtmlResponse("http://h.example/a/b.html", body=body)
    expected = page_links(response)
    assert expected[1][0] == "http://h.example/новости/1.html"
    reader = LinkReader(1, after_cpu=1e-9)  # the first page's links cost more than that
    try:
        assert reader.submit(response).result(timeout=30) == expected  # in the thread
        assert reader.thread_cpu > 0 and reader.pool is None
        in_worker = reader.submit(response)
        assert reader.pool is not None and reader.thread is not None
        assert in_worker.result(timeout=60) == expected
    finally:
        reader.close()
    assert reader.pool is None and reader.thread is None


def test_a_response_class_of_its_own_is_read_in_the_thread():
    from scrapy.http import HtmlResponse

    from spiders.links import LinkReader, page_links

    class CustomResponse(HtmlResponse):  # a worker could not import it
        pass

    response = CustomResponse("http://h.example/a.html", encoding="utf-8",
                              body=b'<html><body><a href="/p/1.html">x</a></body></html>')
    reader = LinkReader(1, after_cpu=0)
    try:
        assert reader.submit(response).result(timeout=30) == page_links(response)
        assert reader.pool is None
    finally:
        reader.close()


def test_a_page_over_the_link_time_limit_gives_no_links_and_its_worker_is_replaced():
    from concurrent.futures import TimeoutError as FutureTimeout

    from scrapy.http import HtmlResponse

    from spiders.links import LinkReader, page_links
    # 5 MB of links: far more than 0.05 s to read
    huge = HtmlResponse("http://h.example/huge.html", encoding="utf-8", body=b"<html><body>"
                        + b"".join(b'<a href="/p/%d.html">x</a>' % n for n in range(200_000)))
    small = HtmlResponse("http://h.example/a.html", encoding="utf-8",
                         body=b'<html><body><a href="/p/1.html">x</a></body></html>')
    reader = LinkReader(1, after_cpu=0, timeout=0.05)
    try:
        with pytest.raises(FutureTimeout):
            reader.submit(huge).result(timeout=60)
        assert "over 0.05 s" in reader.failure(huge.url, FutureTimeout())
        assert reader.submit(small).result(timeout=60) == page_links(small)
    finally:
        reader.close()




def test_links_read_from_the_extraction_parse_are_the_crawl_process_links():
    """links_of_parsed (an extraction worker's reading, from newsarchive's own parse) gives
    page_links' answer on every fixture page, and on a page with a base href in a charset
    declared only in the page."""
    from scrapy.http import HtmlResponse

    from newsarchive.extract import parse_page
    from spiders.links import page_links
    from spiders.tree_links import links_of_parsed
    pages = sorted((Path(__file__).parent / "fixtures").rglob("*.html"))
    assert len(pages) > 50
    cp1251 = ('<html><head><meta charset="windows-1251"><base href="http://h.example/x/">'
              '</head><body><a href="/новости/1.html">a</a><a href="q.html">b</a>'
              '<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
              '<a href="/img/x.JPG">c</a><a href="http://h.example/p/2.html">d</a>'
              '</body></html>').encode("cp1251")
    for url, body in [("http://h.example/a/b.html", cp1251),
                      *(("http://h.example/a/b.html", page.read_bytes()) for page in pages)]:
        assert links_of_parsed(parse_page(body), url) == page_links(HtmlResponse(url, body=body))
    assert links_of_parsed(None, "http://h.example/") == ([], [])


def test_a_page_met_again_by_a_shorter_path_is_parsed_at_that_depth():
    """Links are read off the reactor: a section may be met first from an article deep down,
    then from the home page. Parsed at the first path's depth, the stories it lists would be
    cut off by the depth limit; it takes the shorter path's depth instead."""
    spider = NewsSpider(url="https://news.example/")
    spider.depth_limit = 3
    section = "https://news.example/section/world/"
    linking = b'<html><body><a href="/section/world/">World</a></body></html>'
    _, requests = split_output(spider.parse(spider_response(
        HtmlResponse, "https://news.example/2025/05/18/story.html", linking, depth=2,
        source="link")))
    assert [r.url for r in requests] == [section]  # requested at depth 3 (DepthMiddleware)
    _, requests = split_output(spider.parse(
        spider_response(HtmlResponse, "https://news.example/", linking, depth=0)))
    assert requests == []  # requested already: the shorter path is noted
    listing = b'<html><body><a href="/2025/05/19/other-story.html">Other</a></body></html>'
    response = spider_response(HtmlResponse, section, listing, depth=3, source="link")
    items, requests = split_output(spider.parse(response))
    assert response.meta["depth"] == 1 and items[0]["hints"]["depth"] == 1
    assert [r.url for r in requests] == ["https://news.example/2025/05/19/other-story.html"]
    # met again only deeper: the depth it was requested at stands
    deeper = spider_response(HtmlResponse, "https://news.example/2025/05/19/other-story.html",
                             linking, depth=2, source="link")
    split_output(spider.parse(deeper))
    assert deeper.meta["depth"] == 2


def test_the_tree_links_ignore_the_extensions_scrapys_link_extractor_ignores():
    from scrapy.linkextractors import IGNORED_EXTENSIONS

    from spiders.tree_links import IGNORED_EXTENSIONS as copied
    assert list(copied) == list(IGNORED_EXTENSIONS)


def test_an_extraction_worker_reads_links_without_importing_scrapy():
    """What an extraction worker imports for its tasks (extraction, and the links of the page
    it extracts) holds nothing of Scrapy: importing Scrapy was a third of a worker's start."""
    import subprocess
    import sys
    code = ("import sys, pipelines.extract_worker, spiders.tree_links, newsarchive.extract.passes\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('scrapy', 'twisted', 'sqlite_utils')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=Path(__file__).resolve().parent.parent)
    assert result.stdout.strip() == "[]"
