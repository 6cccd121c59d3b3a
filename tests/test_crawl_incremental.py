"""Scheduled crawls: the real `scrapy crawl news` run three times over one archive.

A copy of the demo site is served on loopback. The first crawl archives it; the second finds
nothing new and fetches no article again; then one article's text changes and the news
sitemap dates it and another article after the crawls, and the third crawl revisits exactly
those two, conditionally: the changed one comes back with its new text (a new version), the
other one answers 304 and stays as it was. Everything is checked with the sqlite-utils CLI.
"""
import json
import re
import shutil
from datetime import datetime, timezone

import pytest

from newsarchive.fixtureserver import FixtureServer
from test_crawl_e2e import DEMO_SITE, MANIFEST, scrapy_crawl, sqlite_utils

CHANGED = "/articles/meloni-trump-mar-a-lago.html"
UNCHANGED = "/articles/tone-damli-david-eriksen.html"
ARTICLE_PATHS = {entry["path"] for entry in MANIFEST["articles"]}


def run_crawl(server, db):
    process = scrapy_crawl(server.url, db)
    assert process.returncode == 0, process.stderr[-3000:]


def redate_in_news_sitemap(site, paths, when: str) -> None:
    sitemap = site / "sitemap-news.xml"
    text = sitemap.read_text(encoding="utf-8")
    for path in paths:
        block = re.compile(r"(<loc>\{\{BASE_URL\}\}" + re.escape(path)
                           + r"</loc>.*?<news:publication_date>)[^<]*", re.S)
        text, count = block.subn(lambda match: match.group(1) + when, text, count=1)
        assert count == 1, path
    sitemap.write_text(text, encoding="utf-8")
    # as a site does, the sitemap index dates the child sitemap that changed
    index = site / "sitemap.xml"
    index.write_text(re.sub(r"(sitemap-news\.xml</loc><lastmod>)[^<]*", r"\g<1>" + when,
                            index.read_text(encoding="utf-8")), encoding="utf-8")


def change_article_text(site, db, path) -> str:
    """Change a sentence of the article's body in its HTML; returns the new words."""
    [row] = sqlite_utils("query", db, "select a.body from articles a join pages p on "
                                      "p.article_url = a.url where p.url like :u limit 1",
                         "-p", "u", f"%{path}")
    page = site / path.lstrip("/")
    html = page.read_text(encoding="utf-8")
    for sentence in re.findall(r"[^.!?\n]{40,}", row["body"]):
        words = sentence.strip()[:40]
        if html.count(words) == 1:
            page.write_text(html.replace(words, "UPDATED " + words), encoding="utf-8")
            return "UPDATED " + words
    raise AssertionError("no sentence of the body found verbatim in the page")


@pytest.fixture(scope="module")
def recrawls(tmp_path_factory):
    """(archive path, requests of crawl 2, requests of crawl 3, the changed words)."""
    workdir = tmp_path_factory.mktemp("incremental")
    site, db = workdir / "site", workdir / "archive.db"
    shutil.copytree(DEMO_SITE, site)
    with FixtureServer(site) as server:
        run_crawl(server, db)
        mark = len(server.requests)
        run_crawl(server, db)
        second = server.requests[mark:]
        new_words = change_article_text(site, db, CHANGED)
        redate_in_news_sitemap(site, [CHANGED, UNCHANGED], datetime.now(timezone.utc).isoformat())
        mark = len(server.requests)
        run_crawl(server, db)
        third = server.requests[mark:]
    return db, second, third, new_words


def crawl_counters(db) -> list[dict]:
    rows = sqlite_utils("query", db, "select counters from crawls order by id")
    return [json.loads(row["counters"]) for row in rows]


def test_a_crawl_with_nothing_new_fetches_no_article_again(recrawls):
    db, second, _, _ = recrawls
    fetched = {path for _, path, _ in second}
    assert not fetched & ARTICLE_PATHS
    # the hubs are asked again, conditionally: they are where new articles would show up
    assert {("GET", path, 304) for path in ("/", "/sitemap.xml", "/feed.xml")} <= set(second)
    # a child sitemap the index dates before its last fetch is not asked at all
    assert "/sitemap-news.xml" not in fetched
    first, again, _ = crawl_counters(db)
    assert again["articles_new"] == 0 and again["articles_updated"] == 0
    only_in_sitemaps = [entry for entry in MANIFEST["articles"] if entry["listed_in"] == ["sitemap"]]
    assert again["frontier_archived"] >= len(ARTICLE_PATHS) - len(only_in_sitemaps)
    assert again["frontier_sitemap_unchanged"] == 1
    assert first["articles_new"] == len(ARTICLE_PATHS)


def test_server_errors_are_tried_again_and_dead_links_are_not(recrawls):
    _, second, _, _ = recrawls
    fetched = {path for _, path, _ in second}
    assert "/section/tech/page/2/" in fetched  # 503: next run
    assert "/articles/story-that-was-removed.html" not in fetched  # 404: not for a day


def test_a_changed_article_is_fetched_and_versioned(recrawls):
    db, _, third, new_words = recrawls
    assert ("GET", CHANGED, 200) in third
    [article] = sqlite_utils("query", db, "select a.url, a.body from articles a join pages p on "
                                          "p.article_url = a.url where p.url like :u and p.status = 200 "
                                          "limit 1", "-p", "u", f"%{CHANGED}")
    assert new_words in article["body"]
    versions = sqlite_utils("query", db, "select body from article_versions where article_url = :u",
                            "-p", "u", article["url"])
    assert len(versions) == 2 and new_words not in versions[0]["body"]


def test_an_unchanged_article_answers_304_and_stays_as_it_was(recrawls):
    db, _, third, _ = recrawls
    assert ("GET", UNCHANGED, 304) in third
    rows = sqlite_utils("query", db, "select p.status, p.article_url, p.payload_digest from pages p "
                                     "where p.url like :u order by p.id", "-p", "u", f"%{UNCHANGED}")
    assert [row["status"] for row in rows] == [200, 304]
    assert rows[1]["article_url"] == rows[0]["article_url"] and rows[1]["payload_digest"] is None
    [article] = sqlite_utils("query", db, "select last_seen, first_seen from articles where url = :u",
                             "-p", "u", rows[0]["article_url"])
    assert article["last_seen"] > article["first_seen"]
    versions = sqlite_utils("query", db, "select id from article_versions where article_url = :u",
                            "-p", "u", rows[0]["article_url"])
    assert len(versions) == 1


def test_only_the_redated_articles_are_revisited(recrawls):
    db, _, third, _ = recrawls
    revisited = {path for _, path, _ in third} & ARTICLE_PATHS
    assert revisited == {CHANGED, UNCHANGED}
    counters = crawl_counters(db)[2]
    assert counters["frontier_changed"] == 2 and counters["articles_updated"] == 1
    assert counters["articles_unchanged"] == 1
