"""Export the archive to files other tools read: JSON lines, a JSON array, CSV, WARC.

Each format is a writer in EXPORT_FORMATS: `writer(archive, stream, selection) -> counts`,
writing to a binary stream and returning counts of what it wrote ({"articles": n} for the
article formats). `newsarchive export --format NAME` offers every format registered here.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from .rows import article_field_types


@dataclass(frozen=True)
class Selection:
    """Which records to export (None: no bound)."""

    site: str | None = None
    """A host; www. ignored."""
    since: str | None = None
    """ISO date or datetime, inclusive."""
    until: str | None = None
    """ISO date or datetime, inclusive, matched as a prefix ("2026-03": all of March)."""


Writer = Callable[["Archive", BinaryIO, Selection], dict]  # noqa: F821 - Archive: store.py


@contextlib.contextmanager
def text_stream(stream: BinaryIO) -> Iterator[TextIO]:
    """UTF-8 text over a binary stream, flushed and handed back (not closed) at the end."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        yield text
    finally:
        text.flush()
        text.detach()


def _articles(archive, selection: Selection) -> Iterator[dict]:
    return archive.iter_articles(site=selection.site, since=selection.since,
                                 until=selection.until)


def write_jsonl(archive, stream: BinaryIO, selection: Selection) -> dict:
    """One article per line, as `newsarchive show` prints it (JSON columns decoded)."""
    count = 0
    with text_stream(stream) as out:
        for count, article in enumerate(_articles(archive, selection), 1):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return {"articles": count}


def write_json(archive, stream: BinaryIO, selection: Selection) -> dict:
    """One JSON array of articles, written as it is read (no list of them in memory)."""
    count = 0
    with text_stream(stream) as out:
        out.write("[")
        for count, article in enumerate(_articles(archive, selection), 1):
            out.write(("\n" if count == 1 else ",\n") + json.dumps(article, ensure_ascii=False))
        out.write("\n]\n" if count else "]\n")
    return {"articles": count}


#: CSV columns, in this order: the archive's own, then every Article field.
CSV_COLUMNS = ("id", "url", "site", "first_seen", "last_seen", "content_hash", "page_id")


def write_csv(archive, stream: BinaryIO, selection: Selection) -> dict:
    """One row per article with a header; list and block fields as JSON text."""
    columns = [*CSV_COLUMNS, *article_field_types()]
    count = 0
    with text_stream(stream) as out:
        writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180
        writer.writerow(columns)
        for count, article in enumerate(_articles(archive, selection), 1):
            writer.writerow([_csv_value(article.get(name)) for name in columns])
    return {"articles": count}


def _csv_value(value):
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return int(value)
    return "" if value is None else value


def write_warc(archive, stream: BinaryIO, selection: Selection) -> dict:
    """Every fetch (not the articles) as WARC 1.1: see newsarchive.archive.warc."""
    if selection.until:
        raise ValueError("--until does not apply to warc (fetches are selected by --since)")
    name = getattr(stream, "name", None)
    filename = Path(name).name if isinstance(name, str) and not name.startswith("<") else None
    return archive.export_warc(stream, site=selection.site, since=selection.since,
                               filename=filename)


EXPORT_FORMATS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "json": write_json,
    "csv": write_csv,
    "warc": write_warc,
}
#: Formats not to be written to a terminal; their counts go to stderr.
BINARY_FORMATS = frozenset({"warc"})


def export(archive, stream: BinaryIO, output_format: str = "jsonl",
           selection: Selection | None = None) -> dict:
    """Write the selected records of `archive` to `stream` in `output_format`; returns counts."""
    try:
        writer = EXPORT_FORMATS[output_format]
    except KeyError:
        raise ValueError(f"unknown export format {output_format!r};"
                         f" one of {', '.join(EXPORT_FORMATS)}") from None
    return writer(archive, stream, selection or Selection())
