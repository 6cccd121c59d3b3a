"""The crawl frontier on real archive files: what a scheduled crawl fetches again."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from newsarchive import Article, FetchedPage
from newsarchive.archive import Archive, ArchiveLock, Frontier
from newsarchive.archive.frontier import conditional_headers, parse_lastmod
from newsarchive.cli import cli

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
STORY = "http://127.0.0.1:8000/world/story.html"
HOME = "http://127.0.0.1:8000/"
CANONICAL = "http://127.0.0.1:8000/world/story"
GONE = "http://127.0.0.1:8000/gone.html"
VALIDATORS = {"etag": '"v1"', "last-modified": "Sun, 01 Mar 2026 11:00:00 GMT",
              "content-type": "text/html"}


def story_article(body: str = "The port reopened on Tuesday after the storm.") -> Article:
    return Article(url=STORY, canonical_url=CANONICAL, is_article=True,
                   headline="Port reopens", body=body, date_published="2026-01-10")


def fetch(url: str, *, status: int = 200, at: datetime = T0, headers=None, body: bytes = b"<html>",
          error: str | None = None) -> FetchedPage:
    return FetchedPage(url=url, status=status, body=body if status == 200 else b"", fetched_at=at,
                       headers=dict(VALIDATORS if headers is None else headers), error=error,
                       hints={"kind": "html"})


@pytest.fixture
def archive_path(tmp_path):
    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        archive.store_page(fetch(HOME), Article(url=HOME, is_article=False))
        archive.store_page(fetch(STORY), story_article())
        archive.store_page(fetch(GONE, status=404, error="HTTP 404 Not Found"))
    return path


def test_a_missing_archive_plans_everything_as_new(tmp_path):
    with Frontier(tmp_path / "none.db") as frontier:
        assert frontier.plan(STORY).reason == "new"
        assert frontier.plan(STORY).fetch
    assert not (tmp_path / "none.db").exists()  # planning never creates the file


def test_plans_from_what_the_archive_holds(archive_path):
    with Frontier(archive_path) as frontier:
        assert (frontier.plan("http://127.0.0.1:8000/new.html").reason, ) == ("new",)
        assert frontier.plan(HOME).reason == "hub" and frontier.plan(HOME).fetch
        dead = frontier.plan(GONE, now=T0 + timedelta(hours=2))
        assert dead.reason == "dead" and not dead.fetch
        assert frontier.plan(GONE, now=T0 + timedelta(days=2)).reason == "retry"
        archived = frontier.plan(STORY, now=T0 + timedelta(days=30))
        assert archived.reason == "archived" and not archived.fetch
        assert archived.last_fetched == T0.isoformat()


def test_a_sitemap_date_after_the_last_fetch_means_changed(archive_path):
    with Frontier(archive_path) as frontier:
        assert not frontier.plan(STORY, lastmod="2026-03-01T11:59:00+00:00").fetch
        changed = frontier.plan(STORY, lastmod="2026-03-01T13:00:00+00:00")
        assert changed.reason == "changed"
        assert changed.headers == {"If-None-Match": '"v1"',
                                   "If-Modified-Since": "Sun, 01 Mar 2026 11:00:00 GMT"}
        # a date alone may be later the same day: revisit
        assert frontier.plan(STORY, lastmod="2026-03-01").reason == "changed"
        assert frontier.plan(STORY, lastmod="not a date").reason == "archived"


def test_revisit_after_makes_old_fetches_due(archive_path):
    with Frontier(archive_path, revisit_after=timedelta(days=1)) as frontier:
        assert frontier.plan(STORY, now=T0 + timedelta(hours=2)).reason == "archived"
        due = frontier.plan(STORY, now=T0 + timedelta(days=2))
        assert due.reason == "due" and due.headers["If-None-Match"] == '"v1"'


def test_an_extraction_error_is_retried(tmp_path):
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        archive.store_page(fetch(STORY), None, error="extract: ValueError: boom")
    with Frontier(path) as frontier:
        assert frontier.plan(STORY).reason == "retry"


def test_a_304_revisit_belongs_to_the_article_and_renews_validators(archive_path):
    later = T0 + timedelta(days=1)
    with Archive(archive_path) as archive:
        result = archive.store_page(fetch(STORY, status=304, at=later, headers={"etag": '"v2"'}))
        assert result.change == "unchanged"
        assert result.article_url == CANONICAL
        article = archive.get_article(STORY)
        assert article["last_seen"] == later.isoformat() and article["first_seen"] == T0.isoformat()
        assert len(archive.article_versions(CANONICAL)) == 1
        # re-extraction rebuilds the articles and keeps the 304 linked to its article
        archive.reextract(lambda body, **kw: story_article())
        [row] = archive.db.query("SELECT article_url FROM pages WHERE status = 304")
        assert row["article_url"] == CANONICAL
    with Frontier(archive_path) as frontier:
        plan = frontier.plan(STORY, lastmod=(later + timedelta(hours=1)).isoformat())
        assert plan.reason == "changed" and plan.last_fetched == later.isoformat()
        assert plan.headers == {"If-None-Match": '"v2"',
                                "If-Modified-Since": "Sun, 01 Mar 2026 11:00:00 GMT"}


def test_a_304_for_a_url_never_archived_stays_a_page():
    path_free = FetchedPage(url="http://127.0.0.1:8000/x.html", status=304)
    with Archive(":memory:") as archive:
        result = archive.store_page(path_free)
        assert result.change is None and result.article_url is None


@pytest.mark.parametrize("value, expected", [
    ("2026-03-01T10:00:00Z", datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)),
    ("2026-03-01T11:00:00+01:00", datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)),
    ("2026-03-01T10:00:00", datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)),
    ("2026-03-01", datetime(2026, 3, 1, 23, 59, 59, 999999, tzinfo=timezone.utc)),
    ("yesterday", None), (None, None),
])
def test_parse_lastmod(value, expected):
    assert parse_lastmod(value) == expected


def test_conditional_headers_from_stored_headers():
    assert conditional_headers('{"ETag": "\\"x\\""}') == {"If-None-Match": '"x"'}
    assert conditional_headers({"content-type": "text/html"}) == {}
    assert conditional_headers("not json") == {}


# -- the frontier table and its schedule -----------------------------------------------------

def frontier_row(path, url):
    with Frontier(path) as frontier:
        return frontier.row(url)


def test_every_fetch_updates_its_frontier_row(archive_path):
    row = frontier_row(archive_path, STORY)
    assert row["kind"] == "article" and row["status"] == 200 and row["failures"] == 0
    assert (row["etag"], row["last_modified"]) == ('"v1"', VALIDATORS["last-modified"])
    assert row["site"] == "127.0.0.1:8000" and row["last_fetched"] == T0.isoformat()
    # published 2026-01-10: every step of the default revisit schedule (1h..7d) is past
    assert row["next_check"] is None
    assert frontier_row(archive_path, HOME)["kind"] == "page"


def test_a_dead_link_is_asked_after_a_day_then_a_week_then_never(tmp_path):
    path = tmp_path / "a.db"
    checks = []
    with Archive(path) as archive:
        for days in (0, 1, 8):
            archive.store_page(fetch(GONE, status=410, at=T0 + timedelta(days=days),
                                     error="HTTP 410 Gone"))
            checks.append(frontier_row(path, GONE)["next_check"])
    assert checks == [(T0 + timedelta(days=1)).isoformat(), (T0 + timedelta(days=8)).isoformat(),
                      None]
    with Frontier(path) as frontier:
        assert frontier.plan(GONE, now=T0 + timedelta(days=400)).reason == "gone"


def test_server_errors_are_retried_next_run_then_backed_off(tmp_path):
    path = tmp_path / "a.db"
    flaky = "http://127.0.0.1:8000/flaky.html"
    with Archive(path) as archive:
        archive.store_page(fetch(flaky, status=503, error="HTTP 503 Service Unavailable"))
        with Frontier(path) as frontier:
            assert frontier.plan(flaky, now=T0 + timedelta(seconds=1)).reason == "retry"
        archive.store_page(FetchedPage(url=flaky, fetched_at=T0 + timedelta(minutes=1),
                                       error="TimeoutError: took too long"))
        with Frontier(path) as frontier:
            assert frontier.plan(flaky, now=T0 + timedelta(minutes=30)).reason == "backoff"
            assert frontier.plan(flaky, now=T0 + timedelta(hours=2)).reason == "retry"
            assert [row["url"] for row in frontier.due(now=T0 + timedelta(hours=2))] == [flaky]
        assert frontier_row(path, flaky)["failures"] == 2
        archive.store_page(fetch(flaky, at=T0 + timedelta(hours=2)), None)
        assert frontier_row(path, flaky)["failures"] == 0


def test_articles_are_revisited_on_their_schedule_by_age(tmp_path):
    path = tmp_path / "a.db"
    fresh = Article(url=STORY, is_article=True, headline="Storm", body="Rain fell.",
                    date_published=T0.isoformat())
    with Archive(path) as archive:
        archive.store_page(fetch(STORY, at=T0 + timedelta(minutes=10)), fresh,
                           revisit=(3600, 86400))
        assert frontier_row(path, STORY)["next_check"] == (T0 + timedelta(hours=1)).isoformat()
        with Frontier(path) as frontier:
            assert frontier.plan(STORY, now=T0 + timedelta(minutes=50)).reason == "archived"
            due = frontier.plan(STORY, now=T0 + timedelta(minutes=61))
            assert due.reason == "due" and due.headers["If-None-Match"] == '"v1"'
            assert [row["url"] for row in frontier.due(now=T0 + timedelta(hours=2))] == [STORY]
        archive.store_page(fetch(STORY, status=304, at=T0 + timedelta(hours=2)), None,
                           revisit=(3600, 86400))
        assert frontier_row(path, STORY)["next_check"] == (T0 + timedelta(days=1)).isoformat()
        archive.store_page(fetch(STORY, status=304, at=T0 + timedelta(days=2)), None,
                           revisit=(3600, 86400))
        assert frontier_row(path, STORY)["next_check"] is None


def test_a_child_sitemap_older_than_its_last_fetch_is_skipped(tmp_path):
    path = tmp_path / "a.db"
    child = "http://127.0.0.1:8000/sitemap-2026-02.xml"
    with Archive(path) as archive:
        archive.store_page(FetchedPage(url=child, status=200, body=b"<urlset/>", fetched_at=T0,
                                       headers={"etag": '"s1"'}, hints={"kind": "sitemap"}))
    with Frontier(path) as frontier:
        skipped = frontier.plan(child, "2026-02-28T10:00:00Z", listed_as_sitemap=True)
        assert (skipped.fetch, skipped.reason) == (False, "sitemap_unchanged")
        newer = frontier.plan(child, "2026-03-01T13:00:00Z", listed_as_sitemap=True)
        assert newer.reason == "hub" and newer.headers == {"If-None-Match": '"s1"'}
        assert frontier.stored_body(child)[0] == b"<urlset/>"


def test_urls_met_but_never_fetched_are_due_and_reset_clears_a_site(tmp_path):
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        archive.store_page(fetch(HOME), None, site="one")
        archive.record_seen([("http://127.0.0.1:8000/later.html?utm_source=x", "one", "article",
                              1)], T0)
        with Frontier(path) as frontier:
            assert frontier.row("http://127.0.0.1:8000/later.html")["kind"] == "article"
            assert [row["url"] for row in frontier.due(["one"])] == [
                "http://127.0.0.1:8000/later.html"]
            assert frontier.due(["two"]) == []
        assert archive.reset_frontier("one") == 2
        assert archive.db["frontier"].count == 0 and archive.db["pages"].count == 1


def test_frontier_reset_stops_at_once_on_a_busy_archive(tmp_path):
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        archive.store_page(fetch(HOME), None, site="one")
    reset = ["frontier", "reset", "--db", str(path), "--site", "one"]
    with ArchiveLock(path, holder="scrapy crawl news"):
        busy = CliRunner().invoke(cli, reset)
    assert busy.exit_code == 75 and "is busy: scrapy crawl news holds it" in busy.output
    with Archive(path) as archive:
        assert archive.db["frontier"].count == 1
    done = CliRunner().invoke(cli, reset)
    assert done.exit_code == 0 and json.loads(done.output) == {"site": "one", "removed": 1}


def test_the_same_text_under_two_urls_is_one_article_with_both_urls(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        for page in range(1, 4):
            url = f"http://127.0.0.1:8000/world/story.html?p={page}"
            article = Article(url=url, is_article=True, headline="Port reopens",
                              body="The port reopened on Tuesday after the storm.",
                              canonical_url=url)
            archive.store_page(fetch(url), article)
        assert archive.db["articles"].count == 1
        [row] = archive.db.query("select url from articles")
        urls = [r["url"] for r in archive.db.query(
            "select url from article_urls where article_url = ? order by url", [row["url"]])]
        assert len(urls) == 3
        assert archive.get_article("http://127.0.0.1:8000/world/story.html?p=3&utm_medium=x")


def test_a_canonical_off_site_home_or_claimed_by_other_text_is_not_trusted(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        def store(url, canonical, body):
            return archive.store_page(fetch(url), Article(
                url=url, is_article=True, headline="H", body=body, canonical_url=canonical))
        assert store("http://127.0.0.1:8000/a.html", "https://elsewhere.example/a",
                     "A.").article_url == "http://127.0.0.1:8000/a.html"
        assert store("http://127.0.0.1:8000/b.html", "http://127.0.0.1:8000/",
                     "B.").article_url == "http://127.0.0.1:8000/b.html"
        assert store("http://127.0.0.1:8000/c.html?utm_source=rss", "/c.html#x".join(
            ["http://127.0.0.1:8000", ""]), "C.").article_url == "http://127.0.0.1:8000/c.html"
        # a template stamps one canonical on every page: the second text keeps its own URL
        assert store("http://127.0.0.1:8000/d.html", "http://127.0.0.1:8000/news",
                     "D.").article_url == "http://127.0.0.1:8000/news"
        assert store("http://127.0.0.1:8000/e.html", "http://127.0.0.1:8000/news",
                     "E.").article_url == "http://127.0.0.1:8000/e.html"
        # the page that owns it is corrected: a new version of the same article
        result = store("http://127.0.0.1:8000/d.html", "http://127.0.0.1:8000/news", "D, fixed.")
        assert (result.article_url, result.change) == ("http://127.0.0.1:8000/news", "updated")


def test_an_older_archive_gets_its_frontier_from_its_pages(tmp_path):
    from sqlite_utils import Database

    from newsarchive.archive.migrations import MIGRATIONS, apply_migrations
    path = tmp_path / "old.db"
    db = Database(path)
    apply_migrations(db, MIGRATIONS[:2])
    db["pages"].insert_all([
        {"url": STORY, "status": 200, "fetched_at": T0.isoformat(), "error": None,
         "headers": '{"etag": "\\"v1\\""}', "hints": '{"kind": "html", "depth": 1}',
         "article_url": CANONICAL},
        {"url": GONE, "status": 404, "fetched_at": T0.isoformat(), "error": "HTTP 404 Not Found",
         "headers": "{}", "hints": '{"kind": "html"}', "article_url": None}])
    db.close()
    with Archive(path) as archive:
        assert archive.db["article_urls"].count == 1
    assert frontier_row(path, STORY)["etag"] == '"v1"'
    assert frontier_row(path, GONE)["next_check"] == (T0 + timedelta(days=1)).isoformat()


def test_a_redirect_is_known_under_both_urls(tmp_path):
    path = tmp_path / "a.db"
    moved = "http://127.0.0.1:8000/2015/09/24/story/"
    with Archive(path) as archive:
        archive.store_page(FetchedPage(url=moved, final_url=STORY, status=200, body=b"<html>",
                                       fetched_at=T0, headers=dict(VALIDATORS),
                                       hints={"kind": "html"}), story_article())
    with Frontier(path) as frontier:
        for url in (moved, STORY):
            assert frontier.plan(url, now=T0 + timedelta(hours=1)).reason == "archived"
