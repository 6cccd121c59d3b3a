"""WARC out and in: the archive's fetches as WARC 1.1 records, and any WARC's HTML responses
into the archive (written and read with warcio).

Payloads are kept with Content-Encoding and Transfer-Encoding undone (what the crawl decoded,
what extraction reads), so the response records written here say so: those two headers are
renamed X-Archive-Orig-Content-Encoding / X-Archive-Orig-Transfer-Encoding (pywb's prefix for
original headers that no longer describe the bytes) and Content-Length gives the payload's
length (the received one kept as X-Archive-Orig-Content-Length when it differs). Everything
else in the head is written as captured: case, order and repeats, the status line, the
request as sent. See docs/archive.md.
"""
from __future__ import annotations

import base64
import io
import logging
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

from warcio.exceptions import ArchiveLoadFailed

from .. import __version__
from ..documents import HTML, classify_document
from ..hosts import join_url
from ..page import FetchedPage, merged_headers, payload_digest, standard_status_line
from .rows import iso_utc, site_of

log = logging.getLogger(__name__)

#: Renamed in the response records: the payload no longer carries these encodings.
DECODED_HEADERS = ("content-encoding", "transfer-encoding")
ORIGINAL_PREFIX = "X-Archive-Orig-"
#: Media types imported as web pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")
#: Content types that say nothing of what a file is (servers send them when they do not know):
#: its bytes tell.
UNTYPED = ("application/octet-stream", "binary/octet-stream", "application/unknown",
           "unknown/unknown", "text/plain")
REVISIT_IDENTICAL = "identical-payload-digest"
REVISIT_NOT_MODIFIED = "server-not-modified"


# -- out ---------------------------------------------------------------------------------------

def since_bound(text: str | None) -> str | None:
    """A --since value as the text fetched_at is compared with: a date stays a date (its day
    included), a datetime is normalised to UTC."""
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    return iso_utc(datetime.fromisoformat(text.replace("Z", "+00:00")))


def warc_date(moment: datetime) -> str:
    """WARC 1.1 date: UTC, microseconds when there are any."""
    from warcio.timeutils import datetime_to_iso_date
    utc = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return datetime_to_iso_date(utc, use_micros=True)


def headers_as_archived(page: FetchedPage) -> list[tuple[str, str]]:
    """The response header lines for a record of the decoded payload (module docstring)."""
    pairs = page.response_headers if page.response_headers is not None else list(
        page.headers.items())
    result, length_seen = [], False
    for name, value in pairs:
        lower = name.lower()
        if lower in DECODED_HEADERS:
            result.append((ORIGINAL_PREFIX + name, value))
        elif lower == "content-length":
            if length_seen:
                continue
            length_seen = True
            if value.strip() != str(len(page.body)):
                result.append((ORIGINAL_PREFIX + name, value))
            result.append((name, str(len(page.body))))
        else:
            result.append((name, value))
    if not length_seen and page.body:
        result.append(("Content-Length", str(len(page.body))))
    return result


def _status_and_headers_class():
    from warcio.statusandheaders import StatusAndHeaders

    class HeadAsReceived(StatusAndHeaders):
        """Header lines written back as the bytes they were read from (latin-1), not
        percent-encoded as warcio does for non-ASCII text."""

        def compute_headers_buffer(self, header_filter=None):
            try:
                self.headers_buff = self.to_bytes(header_filter, encoding="latin-1")
            except UnicodeEncodeError:  # text that never was bytes on a wire
                super().compute_headers_buffer(header_filter)

    return HeadAsReceived


@dataclass
class _Written:
    uri: str
    date: str
    record_id: str
    sha1: str


def export_warc(archive, output: BinaryIO, *, site: str | None = None, since: str | None = None,
                filename: str | None = None) -> dict:
    """Write the archive's fetches (of `site`, fetched since `since`) to `output` as WARC 1.1,
    one gzip member per record: a warcinfo record, then per fetch a response record (a revisit
    record when the same payload was written before in this file) and the request record
    when the request was captured. Failed downloads (no response) are left out. Returns counts.
    """
    from warcio.warcwriter import WARCWriter

    head_class = _status_and_headers_class()
    writer = WARCWriter(output, gzip=True, warc_version="1.1")
    writer.write_record(writer.create_warcinfo_record(filename, {
        "software": f"newsarchive/{__version__} (warcio)",
        "format": "WARC File Format 1.1",
        "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/",
        "isPartOf": Path(str(archive.path)).name,
        "description": "Fetches exported from a newsarchive archive; payloads are stored with "
                       "Content-Encoding and Transfer-Encoding undone (X-Archive-Orig-* headers)",
    }))
    where, params = ["pages.status IS NOT NULL"], []
    bound = since_bound(since)
    if bound:
        where.append("pages.fetched_at >= ?")
        params.append(bound)
    wanted_site = site_of("//" + site) if site else None
    written: dict[str, _Written] = {}
    counts = Counter()
    for _, page in archive.iter_pages(" AND ".join(where), params):
        uri = page.address
        if wanted_site and site_of(uri) != wanted_site:
            continue
        date = warc_date(page.fetched_at)
        protocol, _, status = (page.status_line or standard_status_line(page.status)).partition(" ")
        http_headers = head_class(status, headers_as_archived(page), protocol=protocol)
        warc_headers = {"WARC-Date": date}
        if page.peer_address:
            warc_headers["WARC-IP-Address"] = page.peer_address
        earlier = written.get(page.payload_digest) if page.body else None
        if earlier is not None:
            warc_headers["WARC-Refers-To"] = earlier.record_id
            record = writer.create_revisit_record(uri, earlier.sha1, earlier.uri, earlier.date,
                                                  http_headers=http_headers,
                                                  warc_headers_dict=warc_headers)
            counts["revisit"] += 1
        else:
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(page.body),
                                               length=len(page.body), http_headers=http_headers,
                                               warc_headers_dict=warc_headers)
            counts["response"] += 1
            if page.body:
                written[page.payload_digest] = _Written(
                    uri, date, record.rec_headers.get_header("WARC-Record-ID"),
                    record.rec_headers.get_header("WARC-Payload-Digest"))
        if page.request_line:
            request = writer.create_warc_record(
                uri, "request", http_headers=head_class(
                    page.request_line, [tuple(pair) for pair in page.request_headers or []],
                    is_http_request=True))
            writer.write_request_response_pair(request, record)
            counts["request"] += 1
        else:
            writer.write_record(record)
    return {"records": 1 + sum(counts.values()), "warcinfo": 1, **counts}


# -- in ----------------------------------------------------------------------------------------

def normalised_digest(value: str | None) -> str | None:
    """A WARC digest label as the archive's payloads.sha1 holds it ("sha1:<BASE32>"), or
    "sha256:<hex>" for SHA-256 ones; hex and lower-case base32 spellings accepted."""
    if not value or ":" not in value:
        return None
    algorithm, _, text = value.strip().partition(":")
    algorithm = algorithm.lower().replace("-", "")
    try:
        if algorithm == "sha1":
            raw = bytes.fromhex(text) if len(text) == 40 else base64.b32decode(text.upper())
            return "sha1:" + base64.b32encode(raw).decode("ascii")
        if algorithm == "sha256":
            raw = bytes.fromhex(text) if len(text) == 64 else base64.b32decode(text.upper())
            return "sha256:" + raw.hex()
    except ValueError:
        return None
    return None


def is_html(content_type: str | None, body: bytes) -> bool:
    """A web page as the crawl judges one (newsarchive.documents.classify_document: by its
    bytes, so HTML served as application/octet-stream is a page and a feed or binary data
    served as text/html is not), except that a type naming another kind of file is taken at
    its word: WARCs of whole sites hold scripts and style sheets, whose templates may hold
    "<html"."""
    declared = (content_type or "").split(";")[0].strip().lower()
    if declared and declared not in HTML_TYPES and declared not in UNTYPED:
        return False
    return classify_document(body, content_type) == HTML


@dataclass
class _Exchange:
    """A response (or revisit) record read from a WARC, waiting for its request record."""

    record_id: str
    page: FetchedPage
    record_type: str
    digests: object = None
    """warcio's digest checker of the record: final once the record has been read to its end."""


class WarcImport:
    """Reads WARC files into an archive (see import_warc)."""

    def __init__(self, archive, *, extract_fn=None, progress: Callable[[int], None] | None = None):
        self.archive = archive
        self.extract_fn = extract_fn
        self.progress = progress or (lambda done: None)
        self.counts = Counter()
        self.crawl_id: int | None = None
        # WARC-Payload-Digest of each response read -> the archive's digest of its decoded
        # bytes: writers digest the payload as recorded (gzip-encoded, even chunked), which the
        # archive's payloads.sha1 (of decoded bytes) matches only when nothing was encoded.
        self.record_digests: dict[str, str] = {}

    def run(self, paths: Iterable[str | Path]) -> dict:
        paths = [Path(path) for path in paths]
        self.crawl_id = self.archive.start_crawl("import-warc", [str(path) for path in paths])
        failed = []
        for path in paths:
            try:
                with open(path, "rb") as stream:
                    self.read_file(stream, path.name)
            except (OSError, ArchiveLoadFailed, EOFError, zlib.error) as exc:
                # what was read before stays archived (one transaction per page); the other
                # files are still read
                log.error("%s: %s", path, exc)
                failed.append({"file": str(path), "error": f"{type(exc).__name__}: {exc}"})
        changes = self.archive.finish_crawl(self.crawl_id, {
            **{"warc_" + name: value for name, value in self.counts.items()},
            "failed_files": failed})
        return {"crawl_id": self.crawl_id, "files": len(paths), **dict(sorted(self.counts.items())),
                "articles_new": changes["articles_new"],
                "articles_updated": changes["articles_updated"],
                "articles_unchanged": changes["articles_unchanged"], "failed_files": failed}

    def read_file(self, stream: BinaryIO, name: str) -> None:
        from warcio.archiveiterator import ArchiveIterator

        position = stream.tell()
        pending: _Exchange | None = None
        requests: dict[str, tuple[str, list[list[str]]]] = {}
        # the block digest a writer records covers the record's bytes as stored: a mismatch is
        # damage (payload digests are taken over differently encoded bytes by different writers)
        records = ArchiveIterator(stream, arc2warc=True, check_digests=True)
        record = None
        for record in records:
            self.counts["records"] += 1
            kind = record.rec_type
            record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
            concurrent = record.rec_headers.get_header("WARC-Concurrent-To")
            if kind == "request" and record.http_headers:
                head = request_head(record)
                if pending is not None and pending.record_id == concurrent:
                    # Heritrix and warcio write the request after its response
                    pending.page.request_line, pending.page.request_headers = head
                else:  # wget and Common Crawl write it before
                    for key in (record_id, concurrent, target_uri(record)):
                        if key:
                            requests[key] = head
            else:
                if pending is not None:
                    self.store(pending)
                    pending = None
                if kind in ("response", "revisit"):
                    pending = self.exchange(record, name, requests)
                    requests.clear()
                else:
                    self.counts[f"skipped_{kind}"] += 1
            now = stream.tell()
            self.progress(now - position)
            position = now
        cut = is_cut_short(record)
        if pending is not None:
            if cut and pending.record_id == (record.rec_headers.get_header("WARC-Record-ID") or ""):
                pending.page.error = "the WARC file ends inside this record: its body is cut short"
            self.store(pending)
        check_read_to_end(stream, records.offset, record if cut else None)

    def exchange(self, record, file_name: str, requests: dict) -> _Exchange | None:
        """The page a response or revisit record holds, or None (counted) when it is not an
        HTML response to import."""
        headers = record.rec_headers
        uri = target_uri(record)
        if not uri.startswith(("http://", "https://")) or not record.http_headers:
            self.counts["skipped_not_http"] += 1
            return None
        if join_url(None, uri) is None:  # "http://[broken": no key, no site to file it under
            log.warning("%s: a record for %r, a URI urllib cannot read, is skipped", file_name, uri)
            self.counts["skipped_bad_uri"] += 1
            return None
        http = record.http_headers
        try:
            status = int(http.get_statuscode())
        except (TypeError, ValueError):
            self.counts["skipped_bad_status"] += 1
            return None
        if not 200 <= status < 300 and status != 304:
            self.counts["skipped_status"] += 1
            return None
        pairs = [[name, value] for name, value in http.headers]
        merged = merged_headers(pairs)
        if record.rec_type == "revisit":
            body = self.revisited_payload(record, status)
            if body is None:
                return None
        else:
            encoding = (merged.get("content-encoding") or "").lower()
            if encoding and encoding not in _supported_encodings():
                self.counts["skipped_unsupported_encoding"] += 1
                return None
            body = record.content_stream().read()
            recorded = normalised_digest(record.rec_headers.get_header("WARC-Payload-Digest"))
            if recorded and body:
                self.record_digests[recorded] = payload_digest(body)
        if status != 304 and not is_html(merged.get("content-type"), body):
            self.counts["skipped_not_html"] += 1
            return None
        fetched_at = parse_warc_date(headers.get_header("WARC-Date"))
        record_id = headers.get_header("WARC-Record-ID") or ""
        concurrent = headers.get_header("WARC-Concurrent-To")
        hints = {"source": "warc", "kind": "html", "depth": None, "lastmod": None,
                 "warc_file": file_name, "warc_record_id": record_id}
        truncated = headers.get_header("WARC-Truncated")
        if truncated:  # Common Crawl cuts payloads at 1 MiB ("length"): the page is cut short
            hints["warc_truncated"] = truncated
        request = next((requests[key] for key in (record_id, concurrent, uri) if key in requests),
                       None)
        page = FetchedPage(
            url=uri, status=status, headers=merged, body=body, fetched_at=fetched_at,
            hints=hints,
            request_line=request[0] if request else None,
            request_headers=request[1] if request else None,
            status_line=f"{http.protocol} {http.statusline}".strip(),
            response_headers=pairs,
            peer_address=headers.get_header("WARC-IP-Address"),
            capture="warc")
        return _Exchange(record_id, page, record.rec_type, getattr(record, "digest_checker", None))

    def revisited_payload(self, record, status: int) -> bytes | None:
        """The payload a revisit record stands for: b"" for a 304, the archived bytes with its
        digest for an identical-payload revisit; None (counted) when the archive lacks them."""
        profile = record.rec_headers.get_header("WARC-Profile") or ""
        if status == 304 or profile.endswith(REVISIT_NOT_MODIFIED):
            return b""
        digest = normalised_digest(record.rec_headers.get_header("WARC-Payload-Digest"))
        digest = self.record_digests.get(digest, digest)
        body = self.archive.payload_by_digest(digest) if digest else None
        if body is None:
            self.counts["skipped_revisit_unresolved"] += 1
        return body

    def store(self, exchange: _Exchange) -> None:
        page = exchange.page
        if self.archive.has_fetch(page):
            self.counts["already_archived"] += 1
            return
        if any(problem.startswith("block digest failed") for problem in getattr(exchange.digests, "problems", ())):
            self.counts["damaged_records"] += 1
            page.error = page.error or "the WARC record is damaged: its block digest does not match its bytes"
        article, error = None, None
        if page.status != 304:
            from .store import extraction_error, extract_fetched_page
            try:
                article = extract_fetched_page(page, self.extract_fn)
            except Exception as exc:  # noqa: BLE001 - one bad record must not stop the import
                log.exception("extraction failed on %s", page.url)
                error = extraction_error(exc)
        self.archive.store_page(page, article if article is not None and article.is_article
                                else None, crawl_id=self.crawl_id, error=error)
        self.counts["imported" if exchange.record_type == "response" else "imported_revisits"] += 1


def is_cut_short(record) -> bool:
    """True for a record (read to its end) the file ends inside: without the Content-Length of
    its header, or with fewer bytes than it says."""
    return record is not None and (record.length is None or getattr(record.raw_stream, "limit", 0) > 0)


def check_read_to_end(stream: BinaryIO, offset: int, cut=None) -> None:
    """Raise EOFError when the file ends inside its last record (`cut`, that record), or when
    bytes other than blank lines follow the last whole record (at `offset`): warcio stops
    without a word at a record cut short (a truncated download or copy) or damaged, and what
    came after it would go unmentioned."""
    if cut is not None:
        raise EOFError(f"the file ends inside its last record ({cut.rec_type} of "
                       f"{target_uri(cut) or 'no URI'}): it is cut short or damaged")
    if not stream.seekable():
        return
    end = stream.seek(0, io.SEEK_END)
    if end > offset:
        stream.seek(offset)
        if stream.read(min(end - offset, 1 << 16)).strip():
            raise EOFError(f"{end - offset} bytes after the last whole record (at byte {offset}) are no record:"
                           " the file is cut short or damaged")


def target_uri(record) -> str:
    """WARC-Target-URI (WARC 1.0 writers may wrap it in <>)."""
    return (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")


def request_head(record) -> tuple[str, list[list[str]]]:
    http = record.http_headers
    line = f"{http.protocol} {http.statusline}".strip()
    return line, [[name, value] for name, value in http.headers]


def parse_warc_date(text: str | None) -> datetime:
    from warcio.timeutils import iso_date_to_datetime
    if not text:
        return datetime.now(timezone.utc)
    return iso_date_to_datetime(text, tz_aware=True)


def _supported_encodings():
    from warcio.bufferedreaders import BufferedReader
    return set(BufferedReader.get_supported_decompressors()) | {"identity"}


def import_warc(archive, paths: Iterable[str | Path], *, extract_fn=None,
                progress: Callable[[int], None] | None = None) -> dict:
    """Archive the HTML responses of WARC files (see WarcImport); returns counts."""
    return WarcImport(archive, extract_fn=extract_fn, progress=progress).run(paths)

