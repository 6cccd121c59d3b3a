"""FetchedPage: the one thing extraction and the archive see of a download."""
from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http import HTTPStatus


@dataclass
class FetchedPage:
    """A page as fetched: what the spider hands to the pipelines, Scrapy-free."""

    url: str
    """The URL as requested."""
    final_url: str | None = None
    """The URL after redirects (None when it equals url)."""
    status: int | None = None
    """HTTP status of the final response; None when the download failed."""
    headers: dict[str, str] = field(default_factory=dict)
    """Response headers, names lower-cased, one value each."""
    body: bytes = b""
    """The response body as Scrapy hands it over: Transfer- and Content-Encoding undone."""
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    """When the response arrived (timezone-aware, UTC)."""
    error: str | None = None
    """Why the download failed, or None."""
    hints: dict = field(default_factory=dict)
    """What discovery knew of the URL: e.g. {"source": "sitemap", "lastmod": ..., "depth": 1}."""
    request_line: str | None = None
    """The request line as sent ("GET /news/a.html HTTP/1.1"); its first word is the method."""
    request_headers: list[list[str]] | None = None
    """The request headers as sent, [[name, value], ...] in order; None when unknown."""
    status_line: str | None = None
    """The response's status line as received ("HTTP/1.1 200 OK"); None without a response."""
    response_headers: list[list[str]] | None = None
    """The response headers as received, [[name, value], ...]: case, order and repeats kept
    (`headers` is the merged, lower-cased view of the same)."""
    peer_address: str | None = None
    """The IP address the response came from ("127.0.0.1", "2001:db8::1")."""
    capture: str | None = None
    """How faithful the request/response heads are: "wire" (as they crossed the connection),
    "scrapy" (from Scrapy's Request/Response: names Title-Cased, repeats grouped by name, reason
    phrase standard), "warc" (from a WARC record), "derived" (rebuilt from an archive made
    before captures: lower-cased merged headers, no request); None when nothing was received."""

    @property
    def address(self) -> str:
        """The URL the body was read from: the final URL after redirects, else the requested one."""
        return self.final_url or self.url

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")

    @property
    def payload_digest(self) -> str | None:
        """The body's digest as the archive keys payloads: "sha256:<hex>"; None without a body."""
        return payload_digest(self.body) if self.body else None


def payload_digest(body: bytes) -> str:
    """"sha256:" and the hex SHA-256 of body: how the archive stores a payload once."""
    return "sha256:" + hashlib.sha256(body).hexdigest()


def status_phrase(status: int) -> str:
    """The standard reason phrase of an HTTP status ("Not Found"); "" for an unknown one."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def standard_status_line(status: int, protocol: str = "HTTP/1.1") -> str:
    """A status line with the standard phrase, for responses whose own line is unknown."""
    return f"{protocol} {status} {status_phrase(status)}".rstrip()


def warc_payload_digest(body: bytes) -> str:
    """The payload digest WARC writers give (wget, Heritrix, warcio): "sha1:<base32>"."""
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode("ascii")


def merged_headers(pairs: Iterable[tuple[str | bytes, str | bytes]]) -> dict[str, str]:
    """Header (name, value) pairs as {lower-case name: value}, repeats joined with ", "."""
    result: dict[str, str] = {}
    for name, value in pairs:
        key = (name.decode("latin-1") if isinstance(name, bytes) else str(name)).lower()
        text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
        result[key] = f"{result[key]}, {text}" if key in result else text
    return result
