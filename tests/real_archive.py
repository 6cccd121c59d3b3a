"""A real archive for tests that query one: the demo site's pages (real news pages from many
sites and languages) extracted by the real extractor and stored through Archive.store_page,
one of them fetched again the next day with a correction, plus a 404 and a failed download.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from newsarchive import FetchedPage, extract
from newsarchive.archive import Archive

DEMO = Path(__file__).resolve().parent / "fixtures" / "sites" / "demo"
T0 = datetime(2026, 3, 1, 8, 0, tzinfo=timezone.utc)
HEADERS = {"content-type": "text/html; charset=utf-8"}
#: The corrected article: its page as first fetched, and what the correction changes in it.
CORRECTED_PATH = "/articles/iran-russia-cooperate-to-keep-assad-in-power-in-syria.html"
CORRECTION = ("Russia and Iran have stepped up coordination",
              "Iran and Russia have stepped up their coordination")


def demo_pages() -> list[tuple[str, bytes]]:
    """(URL as published, page bytes) of every article page of the demo site."""
    manifest = json.loads((DEMO / "_manifest.json").read_text(encoding="utf-8"))
    pages = []
    for entry in manifest["articles"]:
        url = entry.get("original_url") or f"https://demo.example{entry['path']}"
        pages.append((url, (DEMO / entry["path"].lstrip("/")).read_bytes()))
    return pages


def store(archive: Archive, url: str, body: bytes, at: datetime, crawl_id: int | None = None):
    page = FetchedPage(url=url, status=200, body=body, headers=HEADERS, fetched_at=at)
    return archive.store_page(page, extract(body, url=url, headers=HEADERS, fetched_at=at),
                              crawl_id=crawl_id)


def build_real_archive(path: Path) -> dict:
    """Fill an archive at `path`; returns what a test needs to know about it."""
    manifest = json.loads((DEMO / "_manifest.json").read_text(encoding="utf-8"))
    corrected_url = next(entry["original_url"] for entry in manifest["articles"]
                         if entry["path"] == CORRECTED_PATH)
    with Archive(path) as archive:
        crawl_id = archive.start_crawl("news", ["https://demo.example/"])
        for number, (url, body) in enumerate(demo_pages()):
            store(archive, url, body, T0 + timedelta(minutes=number), crawl_id)
        archive.store_page(FetchedPage(url="https://demo.example/gone", status=404,
                                       body=b"<h1>Not found</h1>", headers=HEADERS,
                                       fetched_at=T0), crawl_id=crawl_id)
        archive.store_page(FetchedPage(url="https://unreachable.example/", status=None,
                                       fetched_at=T0, error="DNSLookupError: no such host"),
                           crawl_id=crawl_id)
        archive.finish_crawl(crawl_id)
        original = (DEMO / CORRECTED_PATH.lstrip("/")).read_bytes()
        old, new = (text.encode() for text in CORRECTION)
        result = store(archive, corrected_url, original.replace(old, new),
                       T0 + timedelta(days=1))
        assert result.change == "updated", result
        return {"corrected_url": result.article_url,
                "articles": archive.db["articles"].count,
                "pages": archive.db["pages"].count,
                "sites": {row["site"] for row in archive.db.query("SELECT site FROM articles")}}
