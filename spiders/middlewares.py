"""RequestGuardMiddleware: every request and every redirect hop checked before it leaves.

A downloader middleware placed before robots.txt handling (so not even a robots.txt is fetched
from a refused host) applies newsarchive.netguard's rules: http(s) only; the spider's site
hosts only (a start URL's own redirects excepted: a site that moved is followed, still under
the address guard); and, with NEWSARCHIVE_ADDRESS_GUARD (on by default), no host that resolves
to a private, loopback, link-local, multicast or otherwise non-global address unless it is one
of the spider's local hosts. Names are resolved with the crawl's own resolver (DNS_RESOLVER,
whose cache the download then uses), so the address checked is the address connected to.

A refused request fails with RequestRefused (an IgnoreRequest): the spider's errback records
it as a `pages` row whose error starts with "refused:".
"""
from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.utils.defer import maybe_deferred_to_future

from newsarchive.netguard import (
    address_refusal, host_of, is_ip_literal, netloc_of, offsite_refusal, scheme_refusal,
)

log = logging.getLogger(__name__)


class RequestRefused(IgnoreRequest):
    """A request the guard would not send; its message is the reason ("refused: ...")."""


class RequestGuardMiddleware:
    """Refuses non-HTTP schemes, offsite hosts and non-public addresses (see module docstring)."""

    def __init__(self, crawler, *, address_guard: bool = True):
        self.crawler = crawler
        self.address_guard = address_guard

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler,
                   address_guard=crawler.settings.getbool("NEWSARCHIVE_ADDRESS_GUARD", True))

    async def process_request(self, request: Request, spider=None):
        spider = self.crawler.spider
        reason = scheme_refusal(request.url)
        if reason is None and not self.moves_a_start_url(request):
            hosts = getattr(spider, "hosts", None)
            if hosts is not None:
                reason = offsite_refusal(request.url, hosts)
        if reason is None and self.address_guard:
            reason = await self.address_check(request, spider)
        if reason is not None:
            self.crawler.stats.inc_value("newsarchive/refused")
            log.warning("%s", reason)
            raise RequestRefused(reason)
        return None

    @staticmethod
    def moves_a_start_url(request: Request) -> bool:
        """A redirect hop of a start URL: the user named the site, wherever it moved."""
        return (request.meta.get("newsarchive_source") == "start"
                and bool(request.meta.get("redirect_urls")))

    async def address_check(self, request: Request, spider) -> str | None:
        """Why the request's host is refused for its address, or None."""
        if netloc_of(request.url) in getattr(spider, "local_hosts", ()):
            return None
        host = host_of(request.url)
        if is_ip_literal(host):
            return address_refusal(host, host)
        from twisted.internet import reactor
        address = await maybe_deferred_to_future(reactor.resolve(host))
        return address_refusal(host, address)
