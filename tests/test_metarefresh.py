"""The meta refresh middleware: Scrapy's redirects, without decoding pages that name no refresh."""
import pytest
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefresh
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from spiders.metarefresh import SCANNED_BYTES, MetaRefreshMiddleware, may_refresh
from spiders.news import NewsSpider

REFRESH = '<html><head><meta http-equiv="Refresh" content="0; url=/moved.html"></head><body>x</body></html>'
PLAIN = "<html><head><title>Nachrichten über alles</title></head><body>" + "Wörter " * 3000 + "</body></html>"


def middleware():
    crawler = get_crawler(NewsSpider)
    crawler.spider = NewsSpider(url="http://h.example/")
    return MetaRefreshMiddleware.from_crawler(crawler), ScrapyMetaRefresh.from_crawler(crawler)


@pytest.mark.parametrize("text, encoding", [
    (REFRESH, "utf-8"), (REFRESH, "utf-16"), (REFRESH, "utf-32"), (REFRESH.replace('meta http-equiv="Refresh"', 'META HTTP-EQUIV="REFRESH"'), "cp1252"),
    (PLAIN, "utf-8"), (PLAIN, "utf-16"), (PLAIN, "cp1252"), ("日本語" * 2000 + REFRESH, "utf-8"),
    ("日本語" * 2000 + REFRESH, "gb18030"), ("x" * 5000 + REFRESH, "utf-8"),
])
def test_the_same_redirect_or_none_as_scrapys_middleware(text, encoding):
    ours, scrapys = middleware()
    request = Request("http://h.example/a.html")
    body = text.encode(encoding)
    response = HtmlResponse(request.url, body=body, request=request,
                            headers={"Content-Type": f"text/html; charset={encoding}"})
    expected = scrapys.process_response(request, response)
    got = ours.process_response(request, HtmlResponse(request.url, body=body, request=request,
                                headers={"Content-Type": f"text/html; charset={encoding}"}))
    assert type(got) is type(expected)
    if isinstance(expected, Request):
        assert got.url == expected.url == "http://h.example/moved.html"
    else:
        assert got.body == body


def test_pages_that_cannot_name_a_refresh_are_not_read():
    assert may_refresh(REFRESH.encode("utf-8"))
    assert may_refresh(REFRESH.encode("utf-16"))  # NUL bytes: left to Scrapy's reading
    assert not may_refresh(PLAIN.encode("utf-8"))
    # past the 4,096 characters Scrapy reads, even at 4 bytes a character
    assert not may_refresh(b"x" * SCANNED_BYTES + REFRESH.encode())


@pytest.mark.parametrize("target, delay, redirect_urls, reloads", [
    ("/a.html", 30, [], True),                             # the page itself, every 30 s
    ("http://h.example/a.html?utm_source=x", 0, [], True),  # itself, by URL key
    ("/b.html", 0, ["http://h.example/b.html"], True),     # back to where the chain began
    ("/b.html", 0, [], False),                             # a move: followed as Scrapy does
    ("/a.html", 300, [], False),                           # past METAREFRESH_MAXDELAY: stays anyway
])
def test_a_refresh_back_to_the_page_or_its_chain_is_a_reload(target, delay, redirect_urls, reloads):
    ours, _ = middleware()
    request = Request("http://h.example/a.html", meta={"redirect_urls": redirect_urls})
    body = f'<html><head><meta http-equiv="refresh" content="{delay}; url={target}"></head><body>x</body></html>'
    response = HtmlResponse(request.url, body=body.encode(), request=request, encoding="utf-8")
    assert ours.reloads(request, response) is reloads
    got = ours.process_response(request, response)
    assert (got is response) is (reloads or delay >= 100)
