"""Re-extraction at scale on real archives: a process pool, scoping, resuming, nothing lost."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from real_archive import T0, build_real_archive

from newsarchive import Article, extract
from newsarchive.archive import Archive

NEWSARCHIVE = str(Path(sys.executable).parent / "newsarchive")


def extract_v2(html, **options):
    """The extractor "after a change": headlines in capitals, a line added to every body."""
    article = extract(html, **options)
    if article.is_article:
        article.headline = (article.headline or "").upper()
        article.body += "\n\nRe-extracted."
    return article


def snapshot(path: Path) -> dict:
    """Every page (bytes digest, status, link) and every article's extracted content."""
    with Archive(path) as archive:
        pages = {row["id"]: (row["url"], row["status"], row["fetched_at"],
                             hashlib.sha256(archive.page_body(row["id"])).hexdigest(),
                             row["article_url"])
                 for row in archive.db.query("SELECT id, url, status, fetched_at, article_url"
                                             " FROM pages")}
        articles = {row["url"]: row for row in archive.db.query("SELECT * FROM articles")}
    return {"pages": pages, "articles": articles}


@pytest.fixture
def real_archive(tmp_path):
    path = tmp_path / "archive.db"
    info = build_real_archive(path)
    return path, info


def test_reextract_changes_rows_after_an_extractor_change_and_never_loses_a_page(real_archive):
    path, info = real_archive
    before = snapshot(path)
    with Archive(path) as archive:
        counts = archive.reextract(extract_v2, workers=2)  # a real process pool
    after = snapshot(path)
    assert counts["errors"] == 0 and counts["removed"] == 0 and counts["new"] == 0
    assert counts["articles"] == info["articles"] == counts["changed"]
    assert counts["pages"] == info["pages"] - 2  # all but the 404 and the failed download
    # no page lost or altered: same rows, same bytes, same article links
    assert after["pages"] == before["pages"]
    assert after["articles"].keys() == before["articles"].keys()
    for url, row in after["articles"].items():
        old = before["articles"][url]
        assert row["id"] == old["id"]  # links to an article keep working
        assert row["headline"] == old["headline"].upper()
        assert row["body"] == old["body"] + "\n\nRe-extracted."
        assert row["first_seen"] == old["first_seen"] and row["last_seen"] == old["last_seen"]
    with Archive(path) as archive:
        versions = archive.article_versions(info["corrected_url"])
        assert [v["body"].endswith("Re-extracted.") for v in versions] == [True, True]
        assert not Path(str(path) + ".reextract").exists()  # the checkpoint goes when done
        # back to the current extractor, every core: the rows are as the crawl stored them
        counts = archive.reextract()
        assert counts["changed"] == info["articles"] and counts["errors"] == 0
        assert archive.reextract()["unchanged"] == info["articles"]
    assert snapshot(path) == before


def test_reextract_site_and_since_touch_only_their_articles(real_archive):
    path, info = real_archive
    before = snapshot(path)
    with Archive(path) as archive:
        counts = archive.reextract(extract_v2, site="www.iranfocus.com")
        assert counts["articles"] == counts["changed"] == 1
        # every fetch of the article is replayed, so both versions are rebuilt in order
        assert counts["pages"] == 2 and counts["versions"] == 2
        changed = {url for url, row in snapshot(path)["articles"].items()
                   if row["headline"] != before["articles"][url]["headline"]}
        assert changed == {info["corrected_url"]}

        since = (T0.replace(minute=30)).isoformat()
        counts = archive.reextract(extract_v2, since=since)
        fetched_since = {row["url"] for row in archive.db.query(
            "SELECT url FROM articles WHERE last_seen >= ?", [since])}
        assert counts["articles"] == len(fetched_since) < info["articles"]
        assert counts["changed"] == len(fetched_since) - 1  # iranfocus was already re-extracted
        after = snapshot(path)
        assert after["pages"] == before["pages"]
        for url, row in after["articles"].items():
            expected = before["articles"][url]["headline"]
            if url in fetched_since:
                expected = expected.upper()
            assert row["headline"] == expected, url


CALLS: list[str] = []


def extract_until_interrupted(html, url=None, **options):
    CALLS.append(url)
    if len(CALLS) == 20 and INTERRUPT:
        raise KeyboardInterrupt
    return Article(url=url, is_article=True, headline="h", body=f"body of {url}")


INTERRUPT = True


def test_an_interrupted_reextract_resumes_where_it_stopped(tmp_path, monkeypatch):
    global INTERRUPT
    import newsarchive.archive.reextract as reextract_module
    monkeypatch.setattr(reextract_module, "CHECKPOINT_EVERY", 4)
    monkeypatch.setattr(reextract_module, "CHUNK_PAGES", 2)
    path = tmp_path / "archive.db"
    build_real_archive(path)
    before = snapshot(path)
    CALLS.clear()
    INTERRUPT = True
    with Archive(path) as archive:
        with pytest.raises(KeyboardInterrupt):
            archive.reextract(extract_until_interrupted)
        assert snapshot(path) == before  # nothing applied
        assert Path(str(path) + ".reextract").exists()
        done = len(CALLS) - 1  # the page being extracted when interrupted is not done
        CALLS.clear()
        INTERRUPT = False
        counts = archive.reextract(extract_until_interrupted)
    assert counts["resumed"] >= done - 2  # all but the chunk in flight were kept
    assert len(CALLS) == counts["pages"] - counts["resumed"]
    assert counts["errors"] == 0 and counts["articles"] == len(before["articles"])
    after = snapshot(path)
    assert after["pages"].keys() == before["pages"].keys()
    assert {row["body"] for row in after["articles"].values()} == {
        f"body of {url}" for url in after["articles"]}


def test_a_checkpoint_of_another_extractor_is_not_resumed(tmp_path):
    path = tmp_path / "archive.db"
    build_real_archive(path)
    with Archive(path) as archive:
        CALLS.clear()
        globals()["INTERRUPT"] = True
        with pytest.raises(KeyboardInterrupt):
            archive.reextract(extract_until_interrupted)
        counts = archive.reextract(extract_v2)
    assert counts["resumed"] == 0 and counts["changed"] == counts["articles"]


def test_reextract_draws_in_the_article_a_page_now_points_to(tmp_path):
    """A page re-extracted under another article's key joins that article, in fetch order."""
    from newsarchive import FetchedPage
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        for day, url in enumerate(["https://e.example/story", "https://e.example/story-2"]):
            page = FetchedPage(url=url, status=200, body=f"<p>{url}</p>".encode(),
                               fetched_at=T0.replace(day=1 + day))
            archive.store_page(page, Article(url=url, is_article=True, headline=url,
                                             body=url))
        # only story-2 is in scope (fetched since day 2), but its page now says it is the story
        counts = archive.reextract(canonical_to_story, since=T0.replace(day=2).isoformat())
        assert counts["articles"] == 1 and counts["removed"] == 1 and counts["changed"] == 1
        assert counts["pages"] == 2  # the story's own page came with it
        assert [row["article_url"] for row in archive.db.query("SELECT article_url FROM pages")
                ] == ["https://e.example/story"] * 2
        article = archive.get_article("https://e.example/story-2")  # by a URL it was fetched as
        assert article["url"] == "https://e.example/story"
        assert article["last_seen"] == T0.replace(day=2).isoformat()
        assert [v["body"] for v in archive.article_versions("https://e.example/story")] == [
            "the story"]
        assert archive.db["pages"].count == 2


def canonical_to_story(html, url=None, **options):
    return Article(url=url, canonical_url="https://e.example/story", is_article=True,
                   headline="story", body="the story")


def test_reextract_command_reports_counts_and_stays_silent_off_a_terminal(real_archive):
    path, info = real_archive
    result = subprocess.run(
        [NEWSARCHIVE, "reextract", "--db", str(path), "--site", "iranfocus.com",
         "--since", "2026-03-01", "--workers", "2"],
        capture_output=True, text=True, check=True, timeout=120)
    counts = json.loads(result.stdout)
    assert counts["articles"] == 1 and counts["unchanged"] == 1 and counts["pages"] == 2
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_reextract_shows_a_progress_bar_on_a_terminal(real_archive):
    import os
    import pty
    path, _ = real_archive
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run(
            [NEWSARCHIVE, "reextract", "--db", str(path), "--site", "iranfocus.com"],
            stdout=subprocess.PIPE, stderr=terminal, timeout=120, check=True)
        os.close(terminal)
        terminal = None
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal is closed and drained
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if terminal is not None:
            os.close(terminal)
        os.close(controller)
    assert b"re-extracting" in shown and b"2/2" in shown
    assert json.loads(result.stdout)["articles"] == 1
