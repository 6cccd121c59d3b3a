"""A DNS resolver for tests: names map to loopback addresses, nothing is ever looked up.

    PYTHONPATH=tests scrapy crawl ... -s DNS_RESOLVER=loopback_resolver.LoopbackHostsResolver
    -s 'NEWSARCHIVE_TEST_HOSTS={"news.example": "127.0.0.2"}'

A name in NEWSARCHIVE_TEST_HOSTS resolves to its (loopback) address; a loopback literal or
"localhost" to itself; any other name fails with DNSLookupError, so a test crawl can never
reach a real resolver or a non-loopback address, even with the guard broken.
"""
from __future__ import annotations

import ipaddress
import json

from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from scrapy.resolver import CachingThreadedResolver


class LoopbackHostsResolver(CachingThreadedResolver):
    def __init__(self, reactor, cache_size, timeout, hosts: dict[str, str]):
        super().__init__(reactor, cache_size, timeout)
        for address in hosts.values():
            if not ipaddress.ip_address(address).is_loopback:
                raise ValueError(f"test hosts must map to loopback addresses, not {address}")
        self.hosts = {name.lower(): address for name, address in hosts.items()}

    @classmethod
    def from_crawler(cls, crawler, reactor):
        hosts = json.loads(crawler.settings.get("NEWSARCHIVE_TEST_HOSTS") or "{}")
        return cls(reactor, 0, crawler.settings.getfloat("DNS_TIMEOUT"), hosts)

    def getHostByName(self, name, timeout=()):  # noqa: N802 - Twisted's naming
        name = name.lower().rstrip(".")
        if name in self.hosts:
            return defer.succeed(self.hosts[name])
        if name == "localhost":
            return defer.succeed("127.0.0.1")
        try:
            if ipaddress.ip_address(name).is_loopback:
                return defer.succeed(name)
        except ValueError:
            pass
        return defer.fail(DNSLookupError(f"{name}: not a test host (tests resolve nothing else)"))
