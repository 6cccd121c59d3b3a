"""Conversions between Article / FetchedPage objects and archive rows."""
from __future__ import annotations

import dataclasses
import hashlib
import json
import threading
import zlib
from datetime import datetime, timezone

import zstandard

from ..article import Article
from ..hosts import host_of, without_www
from ..page import FetchedPage, warc_payload_digest
from ..urls import trusted_canonical, url_key

# zstd (level 3) since the crawl's extraction got fast: on the bench pages it compresses 6x
# faster than zlib level 6 (0.26 against 1.69 ms per 97 KB page; 0.40 against 2.70 ms on 221
# pages of the evaluation set, 173 KB each) and as small (23.2% against 22.6%; 18.3% against
# 18.8%); the compressor thread had 14% of the crawl process's samples (py-spy). Bodies archived
# before stay zlib: raw_codec is stored per row and both are read back.
RAW_CODEC = "zstd"
ZSTD_LEVEL = 3
_local = threading.local()


def compress_raw(body: bytes) -> bytes:
    """A body as stored in payloads.raw (RAW_CODEC)."""
    compressor = getattr(_local, "compressor", None)
    if compressor is None:  # a compressor serves one thread at a time: one per thread
        compressor = _local.compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
    return compressor.compress(body)


def decompress_raw(raw: bytes | None, codec: str | None) -> bytes:
    """The body of a payloads row, whatever codec it was stored with."""
    if raw is None:
        return b""
    if codec == "zstd":
        return zstandard.ZstdDecompressor().decompress(raw)
    if codec == "zlib":
        return zlib.decompress(raw)
    if codec in (None, "identity"):
        return bytes(raw)
    raise ValueError(f"unknown raw_codec {codec!r}")


# Article fields stored as JSON text; every other field is a scalar column.
JSON_TYPES = (list, dict, tuple)


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC, so stored timestamps sort as text."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat()


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def site_of(url: str | None) -> str | None:
    """The host an article belongs to: lower-cased, without port or a leading "www."."""
    return without_www(host_of(url)) or None


def content_hash(headline: str | None, body: str | None) -> str:
    """sha256 over headline and body, JSON-encoded so ("a b", "") and ("a", "b") differ."""
    payload = json.dumps([headline or "", body or ""], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_key(article: Article, page: FetchedPage, *,
                canonical_claimed_elsewhere: bool = False) -> str:
    """The key (newsarchive.urls.url_key) an article is archived under: its canonical URL when
    that can be trusted (newsarchive.urls.trusted_canonical), else the URL given, else where
    the page ended."""
    page_url = page.address or article.url
    canonical = trusted_canonical(article.canonical_url, page_url,
                                  claimed_elsewhere=canonical_claimed_elsewhere)
    return canonical or url_key(article.url or page_url)


#: The articles columns article_columns() gives: every Article field but `url`.
ARTICLE_COLUMNS = tuple(field.name for field in dataclasses.fields(Article) if field.name != "url")


def article_columns(article: Article) -> dict:
    """Article fields as column values: lists and blocks as JSON text, is_article as 0/1.

    `url` is left out: the archive's `url` column is the article key (canonical URL).
    """
    row = {}
    for name, value in article.to_dict().items():
        if name == "url":
            continue
        if isinstance(value, JSON_TYPES):
            value = json.dumps(value, ensure_ascii=False)
        elif isinstance(value, bool):
            value = int(value)
        row[name] = value
    return row


def field_kind(annotation: str) -> str:
    """How an Article field is stored, from its annotation: json, bool, int, float or text."""
    annotation = str(annotation)
    for prefix, kind in (("list", "json"), ("dict", "json"), ("tuple", "json"),
                         ("bool", "bool"), ("int", "int"), ("float", "float")):
        if annotation.startswith(prefix):
            return kind
    return "text"


COLUMN_TYPES = {"json": str, "bool": int, "int": int, "float": float, "text": str}


def article_field_types() -> dict[str, type]:
    """Column type for each Article field (as the archive stores it), `url` excluded."""
    return {field.name: COLUMN_TYPES[field_kind(field.type)]
            for field in dataclasses.fields(Article) if field.name != "url"}


def article_from_row(row: dict) -> dict:
    """An articles row as plain JSON-ready data: JSON columns decoded, is_article a bool."""
    result = dict(row)
    for field in dataclasses.fields(Article):
        value = result.get(field.name)
        if value is None:
            continue
        kind = field_kind(field.type)
        if kind == "json" and isinstance(value, str):
            result[field.name] = json.loads(value)
        elif kind == "bool":
            result[field.name] = bool(value)
    return result


def json_or_none(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def page_columns(page: FetchedPage, payload: dict | None = None) -> dict:
    """A FetchedPage as a `pages` row (without crawl_id and article_url); its body goes to
    `payloads` (payload_row, given when made already: its digest is not computed again),
    referenced by payload_digest."""
    return {
        "url": page.url,
        "final_url": page.final_url,
        "status": page.status,
        "fetched_at": iso_utc(page.fetched_at),
        "content_type": page.content_type,
        "headers": json.dumps(page.headers, ensure_ascii=False),
        "raw_size": len(page.body),
        "error": page.error,
        "hints": json.dumps(page.hints, ensure_ascii=False, default=str),
        "request_line": page.request_line,
        "request_headers": json_or_none(page.request_headers),
        "status_line": page.status_line,
        "response_headers": json_or_none(page.response_headers),
        "peer_address": page.peer_address,
        "capture": page.capture,
        "payload_digest": payload["digest"] if payload is not None else page.payload_digest,
    }


#: The columns of a `pages` row: page_columns() and what the archive adds (crawl_id, article_url).
PAGE_COLUMNS = ("url", "final_url", "status", "fetched_at", "content_type", "headers",
                "raw_size", "error", "hints", "request_line", "request_headers", "status_line",
                "response_headers", "peer_address", "capture", "payload_digest", "crawl_id",
                "article_url")


def payload_row(page: FetchedPage) -> dict | None:
    """The `payloads` row of a page's body (None without a body)."""
    if not page.body:
        return None
    return {"digest": page.payload_digest, "sha1": warc_payload_digest(page.body),
            "size": len(page.body), "raw": compress_raw(page.body), "raw_codec": RAW_CODEC}


#: How to read pages with their bytes: every `pages` column plus the payload's `raw` and
#: `raw_codec`, the row page_from_row() takes. Append WHERE / ORDER BY clauses on `pages`.
PAGE_SELECT = ("SELECT pages.*, payloads.raw AS raw, payloads.raw_codec AS raw_codec"
               " FROM pages LEFT JOIN payloads ON payloads.digest = pages.payload_digest")


def page_from_row(row: dict) -> FetchedPage:
    """Rebuild the FetchedPage a `pages` row (read with PAGE_SELECT) was written from, body
    decompressed."""
    return FetchedPage(
        url=row["url"],
        final_url=row["final_url"],
        status=row["status"],
        headers=json.loads(row["headers"] or "{}"),
        body=decompress_raw(row.get("raw"), row.get("raw_codec")),
        fetched_at=parse_iso(row["fetched_at"]),
        error=row["error"],
        hints=json.loads(row["hints"] or "{}"),
        request_line=row.get("request_line"),
        request_headers=json.loads(row["request_headers"]) if row.get("request_headers") else None,
        status_line=row.get("status_line"),
        response_headers=(json.loads(row["response_headers"]) if row.get("response_headers")
                          else None),
        peer_address=row.get("peer_address"),
        capture=row.get("capture"),
    )
