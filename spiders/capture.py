"""Wire captures: the request and response heads exactly as they crossed the connection.

Scrapy's Response keeps header values and repeats but not the server's spelling or order
(names are Title-Cased, repeats of a name are grouped), and drops the status line's reason
phrase; what was sent is only Scrapy's idea of the request, before Twisted adds `Host` and
`Connection: close` and spells the names its own way. A WARC must hold the real thing, so
`CaptureHTTP11DownloadHandler` (Scrapy's HTTP/1.1 handler with one more step, set for http and
https in spiders/settings.py) records:

- the request head as written to the socket (request line and header lines, in order);
- the status line and the header lines as the parser read them (case, order, repeats kept;
  a folded header joined as Twisted joins it);

and leaves them in the request's meta as `newsarchive_capture` (a `WireCapture`), where
spiders/news.py picks them up. Bodies are not captured here: Scrapy decodes
Content-Encoding afterwards (HttpCompressionMiddleware) and the archive keeps that decoded
payload (see docs/archive.md). The handler reaches into Scrapy's and Twisted's private
HTTP/1.1 classes; `capture_supported()` says whether this Scrapy still has them, and when it
does not the handler is plain Scrapy's and captures fall back to what Scrapy's Response and
Request show (marked "scrapy" instead of "wire" in the archive).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

log = logging.getLogger(__name__)

try:  # private parts of Scrapy 2.x's and Twisted's HTTP/1.1 client
    from scrapy.core.downloader.handlers import http11 as _http11
    from scrapy.core.downloader.handlers.http11 import (
        _LenientHTTP11ClientFactory,
        _LenientHTTP11ClientProtocol,
        _LenientHTTPClientParser,
        _ScrapyAgent,
    )
except ImportError:  # pragma: no cover - a Scrapy that reorganised its handler
    _ScrapyAgent = None

META_KEY = "newsarchive_capture"


@dataclass
class WireCapture:
    """One exchange's heads as they crossed the wire (text decoded as latin-1, byte for byte)."""

    request_line: str = ""
    """e.g. "GET /news/a.html HTTP/1.1"."""
    request_headers: list[list[str]] = field(default_factory=list)
    """[[name, value], ...] as sent, in order."""
    status_line: str = ""
    """e.g. "HTTP/1.1 200 OK"."""
    response_headers: list[list[str]] = field(default_factory=list)
    """[[name, value], ...] as received, in order, repeats kept."""
    received_at: datetime | None = None
    """When the status line arrived (UTC): the response's fetch time, before Scrapy's
    middlewares and the spider's queue add their delay."""


def parse_request_head(head: bytes) -> tuple[str, list[list[str]]]:
    """The request line and [name, value] pairs of an HTTP/1.1 request head."""
    lines = head.decode("latin-1").split("\r\n")
    headers = []
    for line in lines[1:]:
        if not line:
            continue
        name, _, value = line.partition(":")
        headers.append([name, value.strip()])
    return lines[0], headers


def capture_supported() -> bool:
    """True when this Scrapy's HTTP/1.1 handler has the parts the wire capture hooks into."""
    return _ScrapyAgent is not None and hasattr(_http11, "_ScrapyAgent")


if capture_supported():

    class _RecordingTransport:
        """Passes writes through to the real transport and keeps a copy."""

        def __init__(self, transport):
            self.transport = transport
            self.written: list[bytes] = []

        def writeSequence(self, data):  # noqa: N802 - Twisted's naming
            data = list(data)
            self.written.extend(data)
            self.transport.writeSequence(data)

        def write(self, data):
            self.written.append(data)
            self.transport.write(data)

    class _CapturingParser(_LenientHTTPClientParser):
        """Scrapy's lenient parser, recording the status line and header lines verbatim."""

        def statusReceived(self, status):  # noqa: N802 - Twisted's naming
            self.newsarchive_capture.received_at = datetime.now(timezone.utc)
            self.newsarchive_capture.status_line = status.decode("latin-1")
            return super().statusReceived(status)

        def headerReceived(self, name, value):  # noqa: N802 - Twisted's naming
            self.newsarchive_capture.response_headers.append(
                [name.decode("latin-1"), value.decode("latin-1")])
            return super().headerReceived(name, value)

    class _CapturingProtocol(_LenientHTTP11ClientProtocol):
        def request(self, request):
            capture = WireCapture()
            write_headers = request._writeHeaders

            def recording_write_headers(transport, te_or_cl):
                recorder = _RecordingTransport(transport)
                write_headers(recorder, te_or_cl)
                capture.request_line, capture.request_headers = parse_request_head(
                    b"".join(recorder.written))

            # Twisted writes the request head through this method, synchronously, inside
            # request(): the one place where the final bytes exist.
            request._writeHeaders = recording_write_headers
            deferred = super().request(request)
            # super() has just made the parser (and turned it lenient): record from it too.
            self._parser.__class__ = _CapturingParser
            self._parser.newsarchive_capture = capture

            def attach(response):
                response._newsarchive_capture = capture
                return response

            return deferred.addCallback(attach)

    class _CapturingFactory(_LenientHTTP11ClientFactory):
        def buildProtocol(self, addr):  # noqa: N802 - Twisted's naming
            return _CapturingProtocol(self._quiescentCallback)

    class _CapturingAgent(_ScrapyAgent):
        def _cb_bodyready(self, txresponse, request):
            capture = getattr(txresponse, "_newsarchive_capture", None)
            if capture is not None:
                request.meta[META_KEY] = capture
            return super()._cb_bodyready(txresponse, request)


class CaptureHTTP11DownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 download handler that also records the wire heads (module docstring)."""

    def __init__(self, crawler):
        super().__init__(crawler)
        if capture_supported():
            self._pool._factory = _CapturingFactory
            # The handler builds its agent from the module's _ScrapyAgent. Ours only adds a
            # meta key when the response came through _CapturingProtocol, so the swap changes
            # nothing for any other handler that shares the module.
            _http11._ScrapyAgent = _CapturingAgent
        else:  # pragma: no cover
            log.warning("this Scrapy's HTTP/1.1 handler cannot be hooked: captures come from "
                        "Scrapy's Request and Response (header case and order not kept)")
