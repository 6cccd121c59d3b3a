"""The crawl frontier on real archive files: what a scheduled crawl fetches again."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from newsarchive import Article, FetchedPage
from newsarchive.archive import Archive, Frontier
from newsarchive.archive.frontier import conditional_headers, parse_lastmod

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=timezone.utc)
STORY = "http://127.0.0.1:8000/world/story.html"
HOME = "http://127.0.0.1:8000/"
VALIDATORS = {"etag": '"v1"', "last-modified": "Sun, 01 Mar 2026 11:00:00 GMT",
              "content-type": "text/html"}


def story_article(body: str = "The port reopened on Tuesday after the storm.") -> Article:
    return Article(url=STORY, canonical_url="https://news.example/world/story", is_article=True,
                   headline="Port reopens", body=body)


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
        archive.store_page(fetch("http://127.0.0.1:8000/gone.html", status=404,
                                 error="HTTP 404 Not Found"))
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
        assert frontier.plan("http://127.0.0.1:8000/gone.html").reason == "retry"
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
        assert result.article_url == "https://news.example/world/story"
        article = archive.get_article(STORY)
        assert article["last_seen"] == later.isoformat() and article["first_seen"] == T0.isoformat()
        assert len(archive.article_versions("https://news.example/world/story")) == 1
        # re-extraction rebuilds the articles and keeps the 304 linked to its article
        archive.reextract(lambda body, **kw: story_article())
        [row] = archive.db.query("SELECT article_url FROM pages WHERE status = 304")
        assert row["article_url"] == "https://news.example/world/story"
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
