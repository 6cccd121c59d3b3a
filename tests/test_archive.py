"""The archive on real SQLite files, checked with the real sqlite-utils CLI."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlite_utils import Database

from newsarchive import Article, Boilerplate, FetchedPage, extract
from newsarchive.archive import Archive, StoreResult
from newsarchive.archive.migrations import MIGRATIONS, apply_migrations, create_core_tables
from newsarchive.archive.rows import (
    RAW_CODEC,
    article_columns,
    article_from_row,
    article_key,
    compress_raw,
    content_hash,
    decompress_raw,
    field_kind,
    iso_utc,
    page_columns,
    page_from_row,
    payload_row,
    site_of,
)
from newsarchive.archive.store import ensure_article_columns, is_extractable_page
from newsarchive.archive.transaction import immediate_transaction

SQLITE_UTILS = str(Path(sys.executable).parent / "sqlite-utils")
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)

ARTICLE_HTML = textwrap.dedent("""\
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8">
    <title>Iran, Russia cooperate to keep Assad in power in Syria | Example News</title>
    <link rel="canonical" href="https://www.example-news.com/world/iran-russia-assad">
    </head><body>
    <header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
    <article>
    <h1>Iran, Russia cooperate to keep Assad in power in Syria</h1>
    <p>London, 24 Sep – Russia and Iran have stepped up their cooperation to keep Bashar
    al-Assad in power, officials said on Thursday, describing a months-long effort.</p>
    <p>The two countries have shared intelligence and coordinated their forces on the ground,
    according to people familiar with the arrangement who spoke on condition of anonymity.</p>
    <p>Western governments have criticised the cooperation and called for a political
    transition that would end the war, which has killed hundreds of thousands of people.</p>
    </article>
    <footer>Copyright Example News</footer>
    </body></html>
    """).encode("utf-8")


def fetched(url: str, body: bytes = b"<html><body><p>x</p></body></html>", *,
            at: datetime = T0, status: int | None = 200, error: str | None = None,
            final_url: str | None = None) -> FetchedPage:
    return FetchedPage(url=url, final_url=final_url, status=status, body=body, fetched_at=at,
                       error=error, headers={"content-type": "text/html; charset=utf-8"},
                       hints={"source": "sitemap", "depth": 1})


def news_article(url: str, headline: str = "Assad stays in power", body: str = "First.\n\nLast.",
                 **fields) -> Article:
    return Article(url=url, is_article=True, headline=headline, body=body, **fields)


def sqlite_utils(*args: str) -> list[dict]:
    result = subprocess.run([SQLITE_UTILS, *args], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "archive.db") as opened:
        yield opened


# -- rows: small conversions -----------------------------------------------------------------

def test_site_of_drops_www_port_and_case():
    assert site_of("https://WWW.Example-News.com:8080/a") == "example-news.com"
    assert site_of("http://news.example.org/") == "news.example.org"
    assert site_of(None) is None


def test_content_hash_separates_headline_from_body():
    assert content_hash("a b", "") != content_hash("a", "b")
    assert content_hash("h", "b") == content_hash("h", "b")
    assert content_hash(None, "") == content_hash("", "")


def test_article_key_prefers_canonical_then_given_then_final_url():
    page = fetched("http://e.com/a?utm=1", final_url="http://e.com/a")
    assert article_key(Article(url="http://e.com/a?utm=1", canonical_url="http://e.com/c"),
                       page) == "http://e.com/c"
    assert article_key(Article(url="http://e.com/given"), page) == "http://e.com/given"
    assert article_key(Article(), page) == "http://e.com/a"
    assert article_key(Article(), fetched("http://e.com/x")) == "http://e.com/x"


def test_article_columns_encode_lists_as_json_and_omit_url():
    article = news_article("http://e.com/a", authors=["Ann", "Bo"], tags=["Syria"],
                           boilerplate=[Boilerplate("related", "Latest news", "One\nTwo")])
    row = article_columns(article)
    assert "url" not in row
    assert row["is_article"] == 1
    assert json.loads(row["authors"]) == ["Ann", "Bo"]
    assert json.loads(row["boilerplate"]) == [
        {"label": "related", "heading": "Latest news", "text": "One\nTwo"}]


def test_article_from_row_decodes_json_columns_and_bool():
    row = {"url": "u", **article_columns(news_article("u", authors=["Ann"]))}
    decoded = article_from_row(row)
    assert decoded["authors"] == ["Ann"]
    assert decoded["is_article"] is True
    assert decoded["tags"] == []


def test_field_kind_reads_annotations():
    assert field_kind("list[str]") == "json"
    assert field_kind("bool") == "bool"
    assert field_kind("str | None") == "text"


def test_raw_bytes_round_trip_through_zstd_and_zlib_bodies_stay_readable():
    import zlib

    body = b"<p>news</p>" * 100
    assert RAW_CODEC == "zstd"
    assert decompress_raw(compress_raw(body), RAW_CODEC) == body
    assert len(compress_raw(body)) < len(body)
    # bodies archived before zstd keep their codec
    assert decompress_raw(zlib.compress(body, 6), "zlib") == body
    assert decompress_raw(None, None) == b""
    with pytest.raises(ValueError):
        decompress_raw(b"x", "brotli")


def test_page_row_round_trips_to_fetched_page():
    page = fetched("http://e.com/a", b"<html>\xc3\xa9</html>", final_url="http://e.com/b")
    payload = payload_row(page)
    row = {"id": 1, **page_columns(page), "raw": payload["raw"], "raw_codec": payload["raw_codec"]}
    assert row["fetched_at"] == "2026-03-01T12:00:00+00:00"
    assert row["raw_size"] == payload["size"] == len(page.body)
    assert row["payload_digest"] == payload["digest"] == page.payload_digest
    assert page_from_row(row) == page


def test_iso_utc_converts_offsets_and_assumes_utc_for_naive_times():
    eastern = datetime(2026, 3, 1, 7, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert iso_utc(eastern) == "2026-03-01T12:00:00+00:00"
    assert iso_utc(datetime(2026, 3, 1, 12, 0)) == "2026-03-01T12:00:00+00:00"


# -- opening and migrations -----------------------------------------------------------------

def test_open_creates_folder_wal_and_current_schema(tmp_path):
    path = tmp_path / "nested" / "dir" / "archive.db"
    with Archive(path) as archive:
        assert archive.schema_version == len(MIGRATIONS)
    assert path.exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "pages", "crawls", "article_versions", "articles_fts"} <= tables
    indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"idx_pages_url", "idx_articles_site", "idx_articles_date_published"} <= indexes


def test_migrations_are_idempotent(tmp_path):
    path = tmp_path / "archive.db"
    Archive(path).close()
    schema_before = sqlite3.connect(path).execute(
        "SELECT group_concat(sql, ';') FROM sqlite_master").fetchone()[0]
    with Archive(path) as archive:
        assert apply_migrations(archive.db) == []
        assert archive.schema_version == len(MIGRATIONS)
    schema_after = sqlite3.connect(path).execute(
        "SELECT group_concat(sql, ';') FROM sqlite_master").fetchone()[0]
    assert schema_after == schema_before


def test_failed_migration_leaves_previous_version_and_no_partial_tables(tmp_path):
    db = Database(tmp_path / "m.db")

    def add_half_a_table_then_fail(database):
        database["half_done"].create({"id": int}, pk="id")
        raise RuntimeError("killed mid-migration")

    with pytest.raises(RuntimeError):
        apply_migrations(db, [create_core_tables, add_half_a_table_then_fail])
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert not db["half_done"].exists()
    assert db["pages"].exists()


def test_sources_replace_date_published_source_and_are_queryable(tmp_path):
    # an archive written before `sources`: its rows' date_published_source moves into sources
    path = tmp_path / "archive.db"
    db = Database(path)
    apply_migrations(db, MIGRATIONS[:2])
    db["articles"].insert({"url": "https://x.com/old", "date_published": "2020-01-02",
                           "date_published_source": "url"})
    db.close()
    with Archive(path) as archive:
        assert "date_published_source" not in archive.db["articles"].columns_dict
        url = "https://x.com/new"
        archive.store_page(fetched(url, ARTICLE_HTML), extract(ARTICLE_HTML, url=url))
    rows = sqlite_utils("query", str(path), "select url, sources ->> 'date_published' as date_rule,"
                        " sources ->> 'headline' as headline_rule from articles order by id")
    assert rows[0] == {"url": "https://x.com/old", "date_rule": "url-path", "headline_rule": None}
    assert rows[1]["headline_rule"] == "h1-declared" and rows[1]["date_rule"] == "dateline"
    found = sqlite_utils("query", str(path), "select url from articles where sources ->> 'date_published' = 'url-path'")
    assert found == [{"url": "https://x.com/old"}]


def test_article_fields_missing_from_the_table_get_a_column(tmp_path):
    path = tmp_path / "archive.db"
    Archive(path).close()
    db = Database(path)
    db.execute("ALTER TABLE articles DROP COLUMN image_url")
    assert ensure_article_columns(db) == ["image_url"]
    assert "image_url" in db["articles"].columns_dict
    assert ensure_article_columns(db) == []


# -- storing ---------------------------------------------------------------------------------

def test_first_store_creates_article_page_and_version(archive):
    url = "https://www.example-news.com/world/1"
    result = archive.store_page(fetched(url), news_article(url, authors=["Ann Lee"]))
    assert result == StoreResult(page_id=1, article_url=url, change="new")
    row = archive.get_article(url)
    assert row["headline"] == "Assad stays in power"
    assert row["authors"] == ["Ann Lee"]
    assert row["site"] == "example-news.com"
    assert row["first_seen"] == row["last_seen"] == "2026-03-01T12:00:00+00:00"
    assert row["page_id"] == 1
    assert row["content_hash"] == content_hash("Assad stays in power", "First.\n\nLast.")
    assert archive.db["article_versions"].count == 1
    page = next(archive.db.query("SELECT * FROM pages"))
    assert page["article_url"] == url
    assert page["status"] == 200
    assert archive.db["payloads"].get(page["payload_digest"])["raw_codec"] == "zstd"
    assert json.loads(page["hints"]) == {"source": "sitemap", "depth": 1}


def test_refetch_with_same_content_is_unchanged_and_bumps_last_seen(archive):
    url = "https://e.com/a"
    archive.store_page(fetched(url, at=T0), news_article(url))
    later = T0 + timedelta(hours=6)
    result = archive.store_page(fetched(url, at=later), news_article(url, tags=["Syria"]))
    assert result.change == "unchanged"
    row = archive.get_article(url)
    assert row["first_seen"] == iso_utc(T0)
    assert row["last_seen"] == iso_utc(later)
    assert row["page_id"] == result.page_id
    assert row["tags"] == ["Syria"]
    assert archive.db["article_versions"].count == 1
    assert archive.db["pages"].count == 2


def test_changed_content_replaces_fields_and_adds_a_version(archive):
    url = "https://e.com/a"
    archive.store_page(fetched(url, at=T0), news_article(url, body="Old body."))
    result = archive.store_page(fetched(url, at=T0 + timedelta(days=1)),
                                news_article(url, body="Corrected body."))
    assert result.change == "updated"
    assert archive.get_article(url)["body"] == "Corrected body."
    versions = archive.article_versions(url)
    assert [version["body"] for version in versions] == ["Old body.", "Corrected body."]
    assert archive.db["articles"].count == 1


def test_late_arriving_older_fetch_only_moves_first_seen(archive):
    url = "https://e.com/a"
    archive.store_page(fetched(url, at=T0), news_article(url, body="Current."))
    earlier = T0 - timedelta(days=2)
    result = archive.store_page(fetched(url, at=earlier), news_article(url, body="Older."))
    assert result.change == "unchanged"
    row = archive.get_article(url)
    assert row["body"] == "Current."
    assert row["first_seen"] == iso_utc(earlier)
    assert row["last_seen"] == iso_utc(T0)


def test_pages_fetched_under_different_urls_share_the_canonical_article(archive):
    canonical = "https://e.com/story"
    for requested in ("https://e.com/story?utm_source=rss", "https://www.e.com/story"):
        archive.store_page(fetched(requested),
                           news_article(requested, canonical_url=canonical))
    assert archive.db["articles"].count == 1
    assert archive.get_article("https://e.com/story?utm_source=rss")["url"] == canonical


def test_a_page_at_its_own_url_takes_it_back_from_a_page_that_named_it_canonical(archive):
    """Another story's page names this URL canonical (a CMS stamping the wrong link) and is
    stored first (extraction workers finish in any order), even though this page was fetched
    first: each story ends under its own URL, as when they are stored in the other order."""
    owner, claimant = "https://e.com/news/1", "https://e.com/news/6"
    archive.store_page(fetched(claimant, at=T0 + timedelta(seconds=1)),
                       news_article(claimant, headline="Story six", body="Six.", canonical_url=owner))
    result = archive.store_page(fetched(owner, at=T0),
                                news_article(owner, headline="Story one", body="One.", canonical_url=owner))
    assert result.change == "new" and result.article_url == owner
    assert archive.get_article(owner)["headline"] == "Story one"
    assert archive.get_article(claimant)["headline"] == "Story six"
    assert [v["headline"] for v in archive.article_versions(owner)] == ["Story one"]
    assert [v["headline"] for v in archive.article_versions(claimant)] == ["Story six"]
    pages = {row["url"]: row["article_url"] for row in archive.db.query("SELECT url, article_url FROM pages")}
    assert pages == {owner: owner, claimant: claimant}
    assert list(archive.db.query("PRAGMA foreign_key_check")) == []
    assert [row["headline"] for row in archive.db.query(
        "SELECT headline FROM articles WHERE rowid IN"
        " (SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'six')")] == ["Story six"]
    # the story fetched from its own URL before and edited since is no claim: a new version
    archive.store_page(fetched(owner, at=T0 + timedelta(hours=1)),
                       news_article(owner, headline="Story one, updated", body="One, more."))
    assert len(archive.article_versions(owner)) == 2 and archive.db["articles"].count == 2


def test_non_article_page_is_kept_in_pages_only(archive):
    hub = Article(url="https://e.com/world", is_article=False, headline="World")
    result = archive.store_page(fetched("https://e.com/world"), hub)
    assert result.change is None and result.article_url is None
    assert archive.db["pages"].count == 1
    assert archive.db["articles"].count == 0


def test_failed_download_is_recorded_with_its_error(archive):
    result = archive.store_page(fetched("https://e.com/gone", b"", status=None,
                                        error="TimeoutError: took too long"))
    page = next(archive.db.query("SELECT * FROM pages WHERE id = ?", [result.page_id]))
    assert page["error"] == "TimeoutError: took too long"
    assert page["payload_digest"] is None and page["status"] is None
    assert archive.page_body(result.page_id) == b""


def test_error_argument_is_stored_for_a_fetched_page(archive):
    result = archive.store_page(fetched("https://e.com/a"), None, error="extract: ValueError")
    assert archive.db["pages"].get(result.page_id)["error"] == "extract: ValueError"


@pytest.mark.parametrize("fields", [{"headline": "Storm \ud800 closes"}, {"authors": ["Jane \udfff Doe"]},
                                    {"body": "First.\n\nLast \ud83d."}])
def test_an_article_no_row_can_hold_leaves_its_page_stored_with_the_reason(archive, fields):
    # a lone surrogate has no UTF-8 form: storing the article raised and the fetch was lost too
    article = news_article("https://e.com/a", **fields)
    result = archive.store_page(fetched("https://e.com/a"), article)
    page = archive.db["pages"].get(result.page_id)
    assert page["error"].startswith("article not stored: UnicodeEncodeError")
    assert result.article_url is None and archive.db["articles"].count == 0
    assert archive.page_body(result.page_id) == fetched("https://e.com/a").body
    with archive.batch():  # inside a batch too, and the pages around it keep theirs
        results = archive.store_pages([(fetched("https://e.com/b"), news_article("https://e.com/b")),
                                       (fetched("https://e.com/c"), news_article("https://e.com/c", **fields))])
    assert [r.article_url is not None for r in results] == [True, False]
    assert archive.db["articles"].count == 1 and archive.db["pages"].count == 3


def test_a_lone_surrogate_escaped_in_json_ld_reaches_no_field():
    # JSON may escape a lone surrogate ("\ud800"); json.loads gives a str no UTF-8 can hold
    ld = '{"@type": "NewsArticle", "headline": "Storm \\ud800 closes", "author": {"name": "Jane \\udfff Doe"}}'
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body><h1>Storm closes</h1>'
            + "<p>The port closed on Tuesday after a storm damaged two cranes, the harbour said.</p>" * 3
            + "</body></html>").encode()
    article = extract(html, url="https://e.com/a")
    assert article.headline == "Storm \ufffd closes" and article.authors == ["Jane \ufffd Doe"]
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")  # every field encodes


def test_page_body_returns_the_raw_bytes(archive):
    body = "<html><body>Größe – 東京</body></html>".encode("utf-8") * 50
    result = archive.store_page(fetched("https://e.com/a", body))
    stored = archive.db["payloads"].get(archive.db["pages"].get(result.page_id)["payload_digest"])
    assert len(stored["raw"]) < len(body) == stored["size"]
    assert archive.page_body(result.page_id) == body


def test_failure_inside_store_rolls_back_the_whole_write(archive):
    # A real SQLite abort raised while the article is written, after the page row went in.
    archive.db.execute(
        "CREATE TRIGGER refuse_boom BEFORE INSERT ON articles WHEN new.headline = 'boom'"
        " BEGIN SELECT RAISE(ABORT, 'refused'); END")
    with pytest.raises(sqlite3.IntegrityError):
        archive.store_page(fetched("https://e.com/a"), news_article("https://e.com/a", "boom"))
    assert archive.db["pages"].count == 0
    assert archive.db["articles"].count == 0
    assert archive.db["article_versions"].count == 0
    assert not archive.db.conn.in_transaction
    assert archive.store_page(fetched("https://e.com/b"), news_article("https://e.com/b")).page_id


def test_two_processes_create_and_write_one_archive_at_once(tmp_path):
    path = tmp_path / "archive.db"
    writer = textwrap.dedent("""
        import sys
        from newsarchive import Article, FetchedPage
        from newsarchive.archive import Archive
        with Archive(sys.argv[1]) as archive:
            for n in range(25):
                url = f"https://e.com/{sys.argv[2]}/{n}"
                archive.store_page(FetchedPage(url=url, status=200, body=b"<p>x</p>"),
                                   Article(url=url, is_article=True, headline=url, body="b"))
        """)
    processes = [subprocess.Popen([sys.executable, "-c", writer, str(path), name],
                                  env=os.environ.copy()) for name in ("one", "two")]
    assert [process.wait() for process in processes] == [0, 0]
    with Archive(path) as archive:
        assert archive.db["pages"].count == 50
        assert archive.db["articles"].count == 50


def test_one_archive_can_be_shared_by_threads(archive):
    def store_twenty(name):
        for n in range(20):
            url = f"https://e.com/{name}/{n}"
            archive.store_page(fetched(url), news_article(url, body=f"The story at {url}."))

    threads = [threading.Thread(target=store_twenty, args=(name,)) for name in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert archive.db["pages"].count == 80
    assert archive.db["articles"].count == 80


def test_crawl_killed_mid_write_leaves_a_consistent_archive(tmp_path):
    path = tmp_path / "archive.db"
    Archive(path).close()
    endless_writer = textwrap.dedent("""
        import itertools, sys
        from newsarchive import Article, FetchedPage
        from newsarchive.archive import Archive
        archive = Archive(sys.argv[1])
        crawl_id = archive.start_crawl("news", [], {})
        for n in itertools.count():
            url = f"https://e.com/{n % 40}"
            archive.store_page(FetchedPage(url=url, status=200, body=b"<p>x</p>" * 500),
                               Article(url=url, is_article=True, headline=url, body=str(n)),
                               crawl_id=crawl_id)
        """)
    writer = subprocess.Popen([sys.executable, "-c", endless_writer, str(path)],
                              env=os.environ.copy())
    reader = sqlite3.connect(path, timeout=30)
    try:
        while reader.execute("SELECT count(*) FROM pages").fetchone()[0] < 60:
            assert writer.poll() is None, "the writer died on its own"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait()
    assert reader.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    orphans = reader.execute(
        "SELECT count(*) FROM pages WHERE article_url IS NOT NULL"
        " AND article_url NOT IN (SELECT url FROM articles)").fetchone()[0]
    assert orphans == 0
    unversioned = reader.execute(
        "SELECT count(*) FROM articles WHERE content_hash NOT IN"
        " (SELECT content_hash FROM article_versions v WHERE v.article_url = articles.url)"
    ).fetchone()[0]
    assert unversioned == 0
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 40
    with Archive(path) as archive:
        assert archive.stats()["crawls"][0]["finished_at"] is None
        assert archive.store_page(fetched("https://e.com/after"), None).page_id


def test_immediate_transaction_rolls_back_on_any_exception(tmp_path):
    db = Database(tmp_path / "t.db")
    db["t"].create({"id": int}, pk="id")
    for exception in (ValueError, KeyboardInterrupt):
        with pytest.raises(exception):
            with immediate_transaction(db):
                db["t"].insert({"id": 1})
                raise exception
    assert db["t"].count == 0 and not db.conn.in_transaction
    with immediate_transaction(db):
        db["t"].insert({"id": 2})
    assert db["t"].count == 1



def test_nested_immediate_transaction_is_a_savepoint(tmp_path):
    db = Database(tmp_path / "t.db")
    db["t"].create({"id": int}, pk="id")
    with immediate_transaction(db):
        db["t"].insert({"id": 1})
        with pytest.raises(ValueError):
            with immediate_transaction(db):
                db["t"].insert({"id": 2})
                raise ValueError
        with immediate_transaction(db):
            db["t"].insert({"id": 3})
    assert [row["id"] for row in db["t"].rows] == [1, 3] and not db.conn.in_transaction


def test_batch_commits_pages_together_and_rolls_back_whole_with_its_counts(archive, tmp_path):
    crawl_id = archive.start_crawl("news", ["https://e.com/"])
    with archive.batch():
        archive.store_page(fetched("https://e.com/a"), news_article("https://e.com/a"),
                           crawl_id=crawl_id)
        archive.store_page(fetched("https://e.com/b"),
                           news_article("https://e.com/b", body="Other.\n\nText."),
                           crawl_id=crawl_id)
        # another connection sees none of the batch before its commit
        assert Database(tmp_path / "archive.db")["pages"].count == 0
    assert archive.db["pages"].count == 2
    with pytest.raises(RuntimeError):
        with archive.batch():
            archive.store_page(fetched("https://e.com/c"),
                               news_article("https://e.com/c", body="Third.\n\nText."),
                               crawl_id=crawl_id)
            raise RuntimeError("the disk is full")
    assert archive.db["pages"].count == 2 and archive.get_article("https://e.com/c") is None
    assert archive.finish_crawl(crawl_id)["articles_new"] == 2


# -- crawls ----------------------------------------------------------------------------------

def test_crawl_row_records_settings_and_counters(archive):
    crawl_id = archive.start_crawl("news", ["https://e.com/"], {"DEPTH_LIMIT": 2})
    archive.store_page(fetched("https://e.com/a"), news_article("https://e.com/a"),
                       crawl_id=crawl_id)
    archive.store_page(fetched("https://e.com/a", at=T0 + timedelta(1)),
                       news_article("https://e.com/a"), crawl_id=crawl_id)
    archive.store_page(fetched("https://e.com/x", b"", status=None, error="DNS"),
                       crawl_id=crawl_id)
    counters = archive.finish_crawl(crawl_id, {"requests": 7})
    assert counters == {"pages": 3, "errors": 1, "articles_new": 1, "articles_updated": 0,
                        "articles_unchanged": 1, "requests": 7}
    row = archive.db["crawls"].get(crawl_id)
    assert row["spider"] == "news"
    assert json.loads(row["start_urls"]) == ["https://e.com/"]
    assert json.loads(row["settings"]) == {"DEPTH_LIMIT": 2}
    assert row["pages"] == 3 and row["errors"] == 1 and row["articles_new"] == 1
    assert row["finished_at"] >= row["started_at"]
    assert json.loads(row["counters"])["requests"] == 7


def test_counters_given_by_the_caller_win(archive):
    crawl_id = archive.start_crawl("news", [], {})
    assert archive.finish_crawl(crawl_id, {"pages": 99})["pages"] == 99
    assert archive.db["crawls"].get(crawl_id)["pages"] == 99


def test_unknown_crawl_id_is_refused(archive):
    with pytest.raises(sqlite3.IntegrityError):
        archive.store_page(fetched("https://e.com/a"), crawl_id=12345)
    assert archive.db["pages"].count == 0


# -- full-text search and sqlite-utils -------------------------------------------------------

def test_sqlite_utils_search_follows_inserts_and_updates(tmp_path):
    path = tmp_path / "archive.db"
    url = "https://e.com/syria"
    with Archive(path) as archive:
        archive.store_page(fetched(url), news_article(url, "Assad meets envoy", "Talks began."))
        archive.store_page(fetched("https://e.com/other"),
                           news_article("https://e.com/other", "Weather", "Sunny spells."))
    hits = sqlite_utils("search", str(path), "articles", "Assad", "-c", "url", "-c", "headline")
    assert hits == [{"url": url, "headline": "Assad meets envoy"}]
    with Archive(path) as archive:
        archive.store_page(fetched(url, at=T0 + timedelta(1)),
                           news_article(url, "Envoy meets minister", "Talks began."))
    assert sqlite_utils("search", str(path), "articles", "Assad") == []
    assert [hit["url"] for hit in sqlite_utils(
        "search", str(path), "articles", "minister", "-c", "url")] == [url]


def test_sqlite_utils_query_reads_every_table(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        crawl_id = archive.start_crawl("news", ["https://e.com/"], {})
        archive.store_page(fetched("https://e.com/a"), news_article("https://e.com/a"),
                           crawl_id=crawl_id)
        archive.finish_crawl(crawl_id, {})
    rows = sqlite_utils("query", str(path),
                        "select (select count(*) from articles) as articles,"
                        " (select count(*) from pages) as pages,"
                        " (select pages from crawls) as crawl_pages,"
                        " (select count(*) from article_versions) as versions")
    assert rows == [{"articles": 1, "pages": 1, "crawl_pages": 1, "versions": 1}]


# -- reading ---------------------------------------------------------------------------------

def test_iter_articles_filters_by_site(archive):
    for url in ("https://www.a.com/1", "https://a.com/2", "https://b.com/1"):
        archive.store_page(fetched(url), news_article(url, body=f"The story at {url}."))
    assert [row["url"] for row in archive.iter_articles(site="www.a.com")] == [
        "https://www.a.com/1", "https://a.com/2"]
    assert len(list(archive.iter_articles())) == 3


def test_stats_counts_tables_sites_and_crawls(archive):
    crawl_id = archive.start_crawl("news", ["https://e.com/"], {})
    archive.store_page(fetched("https://e.com/a"), news_article("https://e.com/a"),
                       crawl_id=crawl_id)
    archive.finish_crawl(crawl_id, {})
    stats = archive.stats()
    assert stats["tables"] == {"articles": 1, "pages": 1, "payloads": 1, "crawls": 1,
                               "article_versions": 1, "article_urls": 1, "frontier": 1}
    assert stats["sites"] == [{"site": "e.com", "articles": 1}]
    assert stats["crawls"][0]["counters"]["pages"] == 1
    assert stats["schema_version"] == len(MIGRATIONS)


def test_get_article_of_unknown_url_is_none(archive):
    assert archive.get_article("https://nowhere.example/") is None


# -- reextract -------------------------------------------------------------------------------

def test_reextract_rebuilds_articles_from_stored_pages(archive):
    url = "https://www.example-news.com/world/iran-russia-assad"
    stale = news_article(url, headline="stale headline", body="stale body")
    archive.store_page(fetched(url, ARTICLE_HTML), stale)
    archive.store_page(fetched("https://e.com/missing", b"<h1>Not found</h1>", status=404))
    counts = archive.reextract()
    assert counts["pages"] == 1
    fresh = extract(ARTICLE_HTML, url=url, headers={"content-type": "text/html; charset=utf-8"},
                    fetched_at=T0)
    if fresh.is_article:
        key = fresh.canonical_url or url
        row = archive.get_article(key)
        assert row["headline"] == fresh.headline
        assert row["body"] == fresh.body
        assert row["first_seen"] == iso_utc(T0)
        assert [v["headline"] for v in archive.article_versions(key)] == [fresh.headline]
        assert counts["articles"] == 1
    else:
        assert archive.db["articles"].count == 0
    assert archive.db["articles"].count == counts["articles"]
    assert all(row["headline"] != "stale headline" for row in archive.iter_articles())


def test_reextract_replays_in_fetch_order_with_the_given_extractor(archive):
    url = "https://e.com/a"
    archive.store_page(fetched(url, b"<p>v2</p>", at=T0 + timedelta(1)), news_article(url))
    archive.store_page(fetched(url, b"<p>v1</p>", at=T0), news_article(url))

    def extract_text_as_body(html, url=None, **options):
        return Article(url=url, is_article=True, headline="h", body=html.decode())

    counts = archive.reextract(extract_text_as_body)
    assert counts == {"pages": 2, "articles": 1, "new": 0, "changed": 1, "unchanged": 0,
                      "removed": 0, "versions": 2, "errors": 0, "resumed": 0}
    assert archive.get_article(url)["body"] == "<p>v2</p>"
    assert [v["body"] for v in archive.article_versions(url)] == ["<p>v1</p>", "<p>v2</p>"]


def test_reextract_that_fails_leaves_the_archive_as_it_was(archive):
    for n in range(3):
        url = f"https://e.com/{n}"
        archive.store_page(fetched(url, at=T0 + timedelta(n)), news_article(url, body=f"b{n}"))

    def extract_until_the_third_page(html, url=None, **options):
        if url.endswith("/2"):
            raise KeyboardInterrupt
        return Article(url=url, is_article=True, headline="new", body="new")

    with pytest.raises(KeyboardInterrupt):
        archive.reextract(extract_until_the_third_page)
    assert [row["body"] for row in archive.iter_articles()] == ["b0", "b1", "b2"]
    assert archive.db["article_versions"].count == 3


def test_is_extractable_page_wants_a_successful_web_page():
    assert is_extractable_page(fetched("https://e.com/a"))
    assert is_extractable_page(fetched("https://e.com/a", error="extract: ValueError: x"))
    assert not is_extractable_page(fetched("https://e.com/a", status=404))
    assert not is_extractable_page(fetched("https://e.com/a", b"", status=None, error="DNS"))
    sitemap = fetched("https://e.com/sitemap.xml")
    sitemap.hints = {"kind": "sitemap"}
    assert not is_extractable_page(sitemap)


def test_reextract_counts_pages_whose_extraction_raises_and_goes_on(archive):
    for name in ("good", "bad"):
        url = f"https://e.com/{name}"
        archive.store_page(fetched(url), news_article(url, body=f"The story at {url}."))

    def extract_or_fail(html, url=None, **options):
        if url.endswith("bad"):
            raise ValueError("unparseable")
        return Article(url=url, is_article=True, headline="h", body="b")

    counts = archive.reextract(extract_or_fail)
    assert counts["errors"] == 1 and counts["articles"] == 1 and counts["changed"] == 1
    # the page whose extraction raised keeps its article as it was: nothing is lost
    assert [(row["url"], row["headline"]) for row in archive.iter_articles()] == [
        ("https://e.com/good", "h"), ("https://e.com/bad", "Assad stays in power")]


def test_reextract_includes_pages_a_crawl_stores_while_it_runs(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive, Archive(path) as crawler:
        archive.store_page(fetched("https://e.com/old"), news_article("https://e.com/old"))

        def extract_while_a_crawl_writes(html, url=None, **options):
            if url.endswith("/old"):
                crawler.store_page(fetched("https://e.com/new", at=T0 + timedelta(1)),
                                   news_article("https://e.com/new"))
            return Article(url=url, is_article=True, headline="h", body=url)

        counts = archive.reextract(extract_while_a_crawl_writes)
        assert counts["pages"] == 2 and counts["articles"] == 2
        assert archive.get_article("https://e.com/new")["body"] == "https://e.com/new"


def test_the_writer_column_sets_are_the_rows_columns(tmp_path):
    """store_page writes pages and articles rows through fixed column sets (prepared once):
    they must name every column the row builders give, and only columns the tables have."""
    from newsarchive.archive.rows import ARTICLE_COLUMNS, PAGE_COLUMNS, article_columns, page_columns
    from newsarchive.archive.store import ARTICLE_INSERT_COLUMNS

    page = FetchedPage(url="https://news.example/a", status=200, body=b"<p>x</p>")
    assert set(PAGE_COLUMNS) == set(page_columns(page)) | {"crawl_id", "article_url"}
    assert set(ARTICLE_COLUMNS) == set(article_columns(Article(url="https://news.example/a")))
    with Archive(tmp_path / "a.db") as archive:
        assert set(PAGE_COLUMNS) <= set(archive.db["pages"].columns_dict)
        assert set(ARTICLE_INSERT_COLUMNS) <= set(archive.db["articles"].columns_dict)
