"""DecodableCompressionMiddleware: servers are asked only for the content codings this Python
can decode, and a body it cannot decode fails with a reason a user can act on.

Scrapy's HttpCompressionMiddleware asks every server for gzip, deflate, br and zstd. Its br
decoder streams through the `brotli` module's `Decompressor.process` (Google's brotli, or
brotlicffi). pywb, which replays the WARCs newsarchive exports, installs brotlipy, whose own
`brotli` package hides Google's module and has no `process`: in such an environment every
page a server sent as br failed with "AttributeError: 'Decompressor' object has no attribute
'process'" and its text was lost. Here br is left out of Accept-Encoding then (servers send
gzip or identity instead, as they must), the crawl's log says why once, and a server that
sends br anyway gets its page recorded with the cause and the cure.
"""
from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.httpcompression import ACCEPTED_ENCODINGS, HttpCompressionMiddleware

log = logging.getLogger(__name__)


def brotli_module():
    """The brotli module Scrapy decodes br with (its own import order), or None."""
    try:
        import brotli
    except ImportError:
        try:
            import brotlicffi as brotli
        except ImportError:
            return None
    return brotli


def brotli_decodes(module=None) -> bool:
    """True when the brotli module (default: brotli_module()) streams as Scrapy needs."""
    module = brotli_module() if module is None else module
    return module is not None and hasattr(getattr(module, "Decompressor", None), "process")


BROTLI_CURE = "pip uninstall -y brotlipy && pip install --force-reinstall brotli"
"""Restores Google's brotli beside pywb (pywb and warcio decode br with it as well)."""


class UndecodableEncoding(ValueError):
    """A body in a content coding this Python cannot decode."""


class DecodableCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's HttpCompressionMiddleware, asking only for the codings it can decode here."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        module = brotli_module()
        self.brotli_decodes = module is not None and brotli_decodes(module)
        self.accept_encoding = b", ".join(
            coding for coding in ACCEPTED_ENCODINGS if coding != b"br" or self.brotli_decodes)
        if not self.brotli_decodes:
            log.warning("Not asking servers for br (brotli): the brotli module here (%s) cannot "
                        "stream-decode it (brotlipy, which pywb installs, hides Google's brotli). "
                        "To restore it: %s",
                        getattr(module, "__file__", "none installed"), BROTLI_CURE)

    def process_request(self, request, spider=None):
        request.headers.setdefault("Accept-Encoding", self.accept_encoding)
        return None

    def _decode(self, body: bytes, encoding: bytes, max_size: int) -> bytes:
        if encoding == b"br" and not self.brotli_decodes:
            raise UndecodableEncoding(
                "the server sent br (brotli) although it was not asked for, and the brotli "
                f"module here cannot decode it (brotlipy hides Google's brotli): {BROTLI_CURE}")
        return super()._decode(body, encoding, max_size)
