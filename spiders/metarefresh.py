"""MetaRefreshMiddleware: Scrapy's, without decoding every page to learn it names no refresh.

Scrapy's middleware reads a <meta http-equiv="refresh"> in the first 4,096 characters of
response.text, which decodes the whole body first (and, without a charset in the headers,
detects its encoding): some 4% of a crawl process's CPU on 90 KB news pages, for a tag few
pages have. A page whose opening bytes do not spell "refresh" has none there, in any charset
that writes ASCII letters as single bytes (UTF-8, GB18030 and the other multibyte charsets use
at most 4 bytes a character); UTF-16 and UTF-32, whose ASCII letters carry NUL bytes, are left
to Scrapy's reading, as is every page that does spell it.

A refresh to a URL no request can be made of ("javascript:...", "mailto:...") leaves the page
where it is, as a browser does: Scrapy's middleware raised ValueError there, which failed the
page itself. So does a refresh back to the page itself, or to a page met earlier in its
redirect chain (by URL key): an auto-reload (live blogs, tickers and older home pages reload
every minute or so), not a move. Scrapy followed it 20 times and failed the page with "max
redirections reached".
"""
from __future__ import annotations

from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware as ScrapyMetaRefresh
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.response import get_meta_refresh

from newsarchive.urls import url_key

#: Characters Scrapy's get_meta_refresh reads, and the bytes they may take at most.
SCANNED_CHARACTERS = 4096
SCANNED_BYTES = 4 * SCANNED_CHARACTERS


def may_refresh(body: bytes) -> bool:
    """False when the first SCANNED_CHARACTERS characters of this HTML cannot hold a meta
    refresh: no "refresh" in any case, and no NUL byte (a UTF-16 or UTF-32 page)."""
    opening = body[:SCANNED_BYTES]
    return b"\x00" in opening or b"refresh" in opening.lower()


class MetaRefreshMiddleware(ScrapyMetaRefresh):
    """Scrapy's MetaRefreshMiddleware (same settings, same redirects) for pages that may
    hold a refresh; the others pass untouched."""

    def process_response(self, request: Request, response: Response, spider=None):
        if isinstance(response, HtmlResponse) and not may_refresh(response.body):
            return response
        if isinstance(response, HtmlResponse) and self.reloads(request, response):
            return response
        try:
            return super().process_response(request, response)
        except ValueError:  # see the module docstring: the page stands
            return response

    def reloads(self, request: Request, response: Response) -> bool:
        """True when the page's refresh (within METAREFRESH_MAXDELAY) leads back to it, or to a
        URL earlier in its redirect chain."""
        try:
            interval, url = get_meta_refresh(response, ignore_tags=self._ignore_tags)
        except ValueError:
            return False
        if not url or interval is None or interval >= self._maxdelay:
            return False
        chain = [*request.meta.get("redirect_urls", ()), request.url, response.url]
        return url_key(url) in {url_key(seen) for seen in chain}
