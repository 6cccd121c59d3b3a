"""End to end: the real `scrapy crawl news` over the demo site, checked with the real sqlite-utils.

The demo site (tests/fixtures/sites/demo) is served on a free loopback port; the crawl runs as
a subprocess from the project root into a temporary archive with the project's own settings
(only the politeness delays are switched off); every check reads the archive through the
`sqlite-utils` command line, the way a user would.
"""
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.fixtureserver import FixtureServer

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = PROJECT_ROOT / "tests" / "fixtures" / "sites" / "demo"
MANIFEST = json.loads((DEMO_SITE / "_manifest.json").read_text(encoding="utf-8"))
SEED_EXPECTED = json.loads(
    (PROJECT_ROOT / "tests" / "fixtures" / "pages" / "iranfocus-assad" / "expected.json")
    .read_text(encoding="utf-8"))
BIN = Path(sys.executable).parent
SEED_HEADLINE = "Iran, Russia cooperate to keep Assad in power in Syria"


def subprocess_env() -> dict:
    return {**os.environ, "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": ""}


def sqlite_utils(*args) -> list[dict]:
    """Run the sqlite-utils CLI; its JSON output parsed."""
    result = subprocess.run([str(BIN / "sqlite-utils"), *map(str, args)], capture_output=True,
                            text=True, check=True, env=subprocess_env())
    return json.loads(result.stdout)


def scrapy_crawl(start_url: str, db, **settings) -> subprocess.CompletedProcess:
    """The real `scrapy crawl news` from the project root into db, politeness delays off."""
    settings = {"NEWSARCHIVE_DB": db, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                "LOG_LEVEL": "INFO", **settings}
    argv = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={start_url}"]
    for name, value in settings.items():
        argv += ["-s", f"{name}={value}"]
    return subprocess.run(argv, cwd=PROJECT_ROOT, env=subprocess_env(), capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """Crawl the demo site once; (base URL, archive path, requests the server saw, process)."""
    db = tmp_path_factory.mktemp("e2e") / "archive.db"
    with FixtureServer(DEMO_SITE) as server:
        base = server.url.rstrip("/")
        process = scrapy_crawl(server.url, db)
    return base, db, server.requests, process


@pytest.fixture(scope="module")
def pages(crawl):
    """Every pages row (without raw bytes), keyed by requested URL (lists: a URL may repeat)."""
    _, db, _, _ = crawl
    rows = sqlite_utils("query", db, "select id, url, final_url, status, error, article_url, "
                                     "content_type, hints from pages")
    by_url: dict[str, list[dict]] = {}
    for row in rows:
        by_url.setdefault(row["url"], []).append(row)
    return by_url


def test_crawl_finishes_cleanly(crawl):
    _, _, _, process = crawl
    assert process.returncode == 0, process.stderr[-3000:]
    assert "Traceback" not in process.stderr, process.stderr[-3000:]


def test_every_demo_article_archived_exactly_once(crawl, pages):
    base, db, _, _ = crawl
    article_urls = {}
    for article in MANIFEST["articles"]:
        url = base + article["path"]
        fetches = [row for rows in pages.values() for row in rows
                   if url in (row["url"], row["final_url"])]
        assert fetches, f"{article['path']} was never fetched"
        keys = {row["article_url"] for row in fetches}
        assert len(keys) == 1 and None not in keys, f"{article['path']} not archived: {keys}"
        article_urls[article["path"]] = keys.pop()
    assert len(set(article_urls.values())) == len(MANIFEST["articles"])
    [counts] = sqlite_utils("query", db, "select count(*) as n, count(distinct url) as urls "
                                         "from articles")
    assert counts == {"n": len(MANIFEST["articles"]), "urls": len(MANIFEST["articles"])}


def test_pages_that_are_not_articles_are_in_pages_only(crawl, pages):
    base, db, _, _ = crawl
    for path in MANIFEST["not_articles"]:
        rows = pages.get(base + path)
        assert rows, f"{path} not in pages"
        assert all(row["status"] == 200 and row["article_url"] is None for row in rows), rows
    about = sqlite_utils("query", db, "select count(*) as n from articles where url = :url",
                         "-p", "url", base + "/about.html")
    assert about == [{"n": 0}]


def test_sitemaps_and_feed_are_fetched_and_told_apart_by_content(crawl, pages):
    base, _, _, _ = crawl
    kinds = {path: json.loads(pages[base + path][0]["hints"])["kind"]
             for path in ("/sitemap.xml", "/sitemap-news.xml", "/feed.xml", "/")}
    assert kinds == {"/sitemap.xml": "sitemap_index", "/sitemap-news.xml": "sitemap",
                     "/feed.xml": "feed", "/": "html"}
    home_hints = json.loads(pages[base + "/"][0]["hints"])
    assert home_hints["source"] == "home" and home_hints["depth"] == 0


def test_articles_listed_only_in_sitemap_or_feed_are_found_there(crawl, pages):
    base, _, _, _ = crawl
    for article in MANIFEST["articles"]:
        if article["listed_in"] in (["sitemap"], ["feed"]):
            hints = json.loads(pages[base + article["path"]][0]["hints"])
            assert hints["source"] == article["listed_in"][0]
            assert hints["lastmod"], article["path"]


def test_broken_link_and_server_error_are_recorded(crawl, pages):
    base, _, _, _ = crawl
    for path, status in MANIFEST["errors"].items():
        rows = pages[base + path]
        assert {row["status"] for row in rows} == {status}
        assert all(row["error"].startswith(f"HTTP {status}") for row in rows)
        assert all(row["article_url"] is None for row in rows)


def test_dropped_connection_is_recorded_as_a_failed_download(crawl, pages):
    base, _, _, _ = crawl
    for path in MANIFEST["dropped_connections"]:
        [row] = pages[base + path]
        assert row["status"] is None
        assert row["error"] and "HTTP" not in row["error"]
        assert "Connection" in row["error"]


def test_redirect_is_recorded_with_its_final_url(crawl, pages):
    base, _, _, _ = crawl
    for old, new in MANIFEST["redirects"].items():
        [row] = pages[base + old]
        assert (row["status"], row["final_url"]) == (200, base + new)


def test_robots_disallowed_path_is_never_fetched(crawl, pages):
    base, _, requests, _ = crawl
    fetched_paths = {path for _, path, _ in requests}
    assert "/robots.txt" in fetched_paths
    for path in MANIFEST["disallowed"]:
        assert path not in fetched_paths
        assert base + path not in pages


def test_seed_page_found_by_full_text_search(crawl):
    _, db, _, _ = crawl
    rows = sqlite_utils("search", db, "articles", "Assad", "-c", "headline", "-c", "dateline")
    assert {"headline": SEED_HEADLINE, "dateline": "London, 24 Sep"} in rows


def test_seed_page_headline_dateline_and_body(crawl):
    _, db, _, _ = crawl
    [row] = sqlite_utils("query", db, "select headline, dateline, body, boilerplate, site "
                                      "from articles where headline = :h", "-p", "h",
                         SEED_HEADLINE)
    assert row["dateline"] == SEED_EXPECTED["dateline"] == "London, 24 Sep"
    assert row["body"].startswith("Russia and Iran have stepped up")
    paragraphs = row["body"].split("\n\n")
    assert paragraphs[0] == SEED_EXPECTED["body_first_paragraph"]
    assert paragraphs[-1] == SEED_EXPECTED["body_last_paragraph"]
    # its canonical URL names iranfocus.com, off the site it was served from: not trusted
    assert row["site"] == "127.0.0.1"


def test_seed_page_boilerplate_is_separated(crawl):
    _, db, _, _ = crawl
    [row] = sqlite_utils("query", db, "select body, boilerplate from articles "
                                      "where headline = :h", "-p", "h", SEED_HEADLINE)
    blocks = json.loads(row["boilerplate"])
    headings = {block["heading"] for block in blocks}
    assert "Latest news" in headings
    for heading in SEED_EXPECTED["boilerplate_headings"]:
        assert heading not in row["body"]
    for teaser in SEED_EXPECTED["teasers"]:
        assert teaser not in row["body"]
    latest = next(block for block in blocks if block["heading"] == "Latest news")
    assert SEED_EXPECTED["teasers"][0] in latest["text"]


def test_crawl_is_recorded_with_counters(crawl):
    base, db, _, _ = crawl
    [row] = sqlite_utils("query", db, "select spider, start_urls, finished_at, counters "
                                      "from crawls")
    assert row["spider"] == "news"
    assert json.loads(row["start_urls"]) == [base + "/"]
    assert row["finished_at"]
    counters = json.loads(row["counters"])
    assert counters["articles_new"] == len(MANIFEST["articles"])
    assert counters["article_pages"] >= len(MANIFEST["articles"])
    assert counters["other_pages"] >= len(MANIFEST["not_articles"])
    assert counters["pages"] == counters["items"]


def test_newsarchive_demo_command_runs(tmp_path):
    db = tmp_path / "demo.db"
    result = subprocess.run([sys.executable, "-m", "newsarchive", "demo", "--db", str(db)],
                            cwd=tmp_path, env=subprocess_env(), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "$ scrapy crawl news" in result.stdout
    assert "$ sqlite-utils search" in result.stdout
    assert SEED_HEADLINE in result.stdout
    [count] = sqlite_utils("query", db, "select count(*) as n from articles")
    assert count["n"] == len(MANIFEST["articles"])


def test_crawl_with_extraction_workers_archives_the_same_articles(crawl, tmp_path):
    _, db, _, _ = crawl
    pooled_db = tmp_path / "pooled.db"
    with FixtureServer(DEMO_SITE) as server:
        process = scrapy_crawl(server.url, pooled_db, NEWSARCHIVE_EXTRACT_WORKERS=2)
    assert process.returncode == 0, process.stderr[-3000:]
    query = "select headline, dateline, date_published, body from articles order by headline, body"
    assert sqlite_utils("query", pooled_db, query) == sqlite_utils("query", db, query)
    # the article pages' links came with their extraction, from the same parse
    read_with_extraction = re.search(r"'newsarchive/links_read_with_extraction': (\d+)",
                                     process.stderr)
    assert read_with_extraction and int(read_with_extraction.group(1)) >= 10


def test_crawl_runs_on_twisted_epoll_reactor_by_default(crawl):
    _, _, _, process = crawl
    if sys.platform.startswith("linux"):
        assert "'TWISTED_REACTOR': 'twisted.internet.epollreactor.EPollReactor'" in process.stderr


def test_crawl_on_the_asyncio_reactor_archives_the_same_articles(crawl, tmp_path):
    """Code that needs asyncio switches the reactor back; the pooled extraction awaits its
    workers on either reactor."""
    _, db, _, _ = crawl
    asyncio_db = tmp_path / "asyncio.db"
    with FixtureServer(DEMO_SITE) as server:
        process = scrapy_crawl(server.url, asyncio_db, NEWSARCHIVE_EXTRACT_WORKERS=2, LOG_LEVEL="DEBUG",
                               TWISTED_REACTOR="twisted.internet.asyncioreactor.AsyncioSelectorReactor")
    assert process.returncode == 0, process.stderr[-3000:]
    assert "Using reactor: twisted.internet.asyncioreactor.AsyncioSelectorReactor" in process.stderr
    query = "select headline, dateline, date_published, body from articles order by headline, body"
    assert sqlite_utils("query", asyncio_db, query) == sqlite_utils("query", db, query)
