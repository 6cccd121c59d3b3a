"""Crawls of a site list, for real: loopback newsrooms, `newsarchive crawl --sites` and
`scrapy crawl news -a sites=` (as `python -m spiders`, the project's scrapy command from any
folder) run as subprocesses from a folder outside the checkout, real SQLite archives.

Covers: every site crawled on its own terms in one process (hosts, depth, page cap,
allow/deny, robots.txt Crawl-delay in the site's download slot), a `crawls` row per site with
its counters, the summary, the exit statuses (0, 1 when a site failed as a whole, 2 for a
mistake in the site list before any request, 75 on a busy archive), the archive lock between
two real crawls, `-o` exports of every item, `scrapy list` and `scrapy check`.
"""
import base64
import csv
import json
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from newsarchive.archive.lock import lock_path
from newsarchive.fixtureserver import FixtureServer
from loopback_ports import free_loopback_port
from sitelist_fixtures import env, make_newsroom, newsarchive, scrapy, write_site_list

FAST = ["-s", "AUTOTHROTTLE_ENABLED=False"]


def page_paths(server) -> list[str]:
    return [path for method, path, status in server.requests if path != "/robots.txt"]


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    """One run of `newsarchive crawl --sites` over two newsrooms, from a folder outside the
    checkout with relative paths: (work folder, process, requests per site, archive)."""
    work = tmp_path_factory.mktemp("cron")
    daily = make_newsroom(work / "www-daily", "Daily", 6,
                          extra_links="<a href='/video/1.html'>Video</a>")
    weekly = make_newsroom(work / "www-weekly", "Weekly", 5, crawl_delay=0.4)
    with FixtureServer(daily) as a, FixtureServer(weekly) as b:
        write_site_list(work / "sites.toml", {
            "daily": {"start": [a.url], "depth": 1, "delay": 0, "concurrency": 4,
                      "deny": ["/video/", "/tag/"]},
            "weekly": {"start": [b.url], "depth": 1, "max_pages": 3, "delay": 0,
                       "concurrency": 1},
        })
        process = newsarchive("crawl", "--sites", "sites.toml", "--db", "archives/news.db",
                              *FAST, cwd=work)
    return work, process, {"daily": page_paths(a), "weekly": page_paths(b)}, \
        Database(work / "archives" / "news.db")


def test_a_url_crawl_honours_the_robots_crawl_delay_too(tmp_path):
    """`newsarchive crawl URL` (one site, AutoThrottle on as by default): once robots.txt is
    read, its Crawl-delay spaces the site's requests."""
    site = make_newsroom(tmp_path / "site", "Gazette", 4, crawl_delay=0.4)
    with FixtureServer(site) as server:
        process = newsarchive("crawl", server.url, "--db", "news.db", "--depth", "1",
                              "-s", "DOWNLOAD_DELAY=0", cwd=tmp_path)
    assert process.returncode == 0, process.stderr[-3000:]
    assert "robots.txt Crawl-delay 0.4s" in process.stderr
    times = [datetime.fromisoformat(row["fetched_at"]) for row in Database(tmp_path / "news.db").query(
        "select fetched_at from pages where url like '%/news/%' order by fetched_at")]
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:])]
    assert len(gaps) == 3 and min(gaps) >= 0.3, gaps


def test_every_site_is_crawled_on_its_own_terms(two_sites):
    work, process, requests, db = two_sites
    assert process.returncode == 0, process.stderr[-3000:]
    # daily: depth 1 (home + the stories), deny keeps /video/ and /tag/ out, robots.txt /private/
    assert sorted(requests["daily"]) == ["/"] + [f"/news/{i}.html" for i in range(1, 7)]
    # weekly: its own page cap of 3
    assert len(requests["weekly"]) == 3 and requests["weekly"][0] == "/"
    sites = {row["site"]: row["n"] for row in db.query(
        "select json_extract(hints, '$.site') as site, count(*) as n from pages"
        f" where {NOT_ROBOTS} group by site")}
    assert sites == {"daily": 7, "weekly": 3}
    # and each site's robots.txt, archived (outside the page cap) in the site's crawl
    robots = {row["site"]: row["n"] for row in db.query(
        "select json_extract(hints, '$.site') as site, count(*) as n from pages"
        f" where not ({NOT_ROBOTS}) group by site")}
    assert robots == {"daily": 1, "weekly": 1}
    assert db["articles"].count == 6 + 2


#: Pages but the sites' robots.txt (archived too: spiders/robots.py).
NOT_ROBOTS = "coalesce(json_extract(hints, '$.kind'), '') != 'robots'"


def fetch_times(db, site: str) -> list[datetime]:
    """When the site's pages came (its robots.txt, read before the Crawl-delay is known,
    left out)."""
    return [datetime.fromisoformat(row["fetched_at"]) for row in db.query(
        "select fetched_at from pages where json_extract(hints, '$.site') = ? "
        f"and {NOT_ROBOTS} order by fetched_at", [site])]


def test_robots_crawl_delay_spaces_the_requests_of_its_site(two_sites):
    _, _, _, db = two_sites
    times = fetch_times(db, "weekly")
    gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:])]
    assert len(gaps) == 2 and min(gaps) >= 0.3, gaps   # Crawl-delay: 0.4 (site delay 0)
    # its own download slot: the other site did not wait for it (the sites ran in parallel)
    assert fetch_times(db, "daily")[0] < times[-1]


def test_a_crawls_row_per_site_with_counters(two_sites):
    _, _, _, db = two_sites
    rows = {row["site"]: row for row in db.query("select * from crawls")}
    assert set(rows) == {"daily", "weekly"}
    daily, weekly = rows["daily"], rows["weekly"]
    assert daily["status"] == weekly["status"] == "ok"
    # 7 pages and robots.txt (archived, revalidated like a hub next run)
    assert (daily["fetched"], daily["articles_new"], daily["pages"]) == (8, 6, 8)
    assert daily["robots_blocked"] == 1                       # /private/draft.html
    assert json.loads(daily["skipped"]) == {"denied": 2}      # /tag/city/, /video/1.html
    assert daily["discovered"] == 1 + 6 + 3
    assert json.loads(daily["failed"]) == {}
    assert (weekly["fetched"], weekly["articles_new"]) == (4, 2)     # 3 pages + robots.txt
    assert json.loads(weekly["skipped"])["page_cap"] >= 3
    assert all(row["finished_at"] for row in rows.values())


def test_the_summary_names_each_site(two_sites):
    _, process, _, _ = two_sites
    lines = process.stdout.strip().splitlines()
    assert lines[0].startswith("daily ") and "fetched 8: 6 new" in lines[0]
    assert "robots-blocked 1" in lines[0] and "skipped 2 (denied 2)" in lines[0]
    assert lines[1].startswith("weekly ")
    assert lines[-1] == "2 sites crawled into archives/news.db: 8 new articles, 0 changed"


def test_a_site_that_failed_as_a_whole_fails_the_run(tmp_path):
    live = make_newsroom(tmp_path / "live", "Live", 1)
    with FixtureServer(live) as server:
        write_site_list(tmp_path / "sites.toml", {
            "live": {"start": [server.url], "depth": 1, "delay": 0},
            "gone": {"start": [server.url.replace("127.0.0.1", "localhost") + "nowhere/"],
                     "delay": 0},
        })
        process = newsarchive("crawl", "--sites", "sites.toml", "--db", "a.db", "--quiet",
                              *FAST, cwd=tmp_path)
    assert process.returncode == 1, process.stderr[-3000:]
    # --quiet: only the problem, nothing about the site that went well
    assert process.stdout == ""
    [line] = process.stderr.strip().splitlines()
    assert line.startswith("gone ") and "every start URL failed" in line
    assert "failed 1 (HTTP 404 1)" in line
    statuses = dict(Database(tmp_path / "a.db").execute("select site, status from crawls").fetchall())
    assert statuses == {"live": "ok", "gone": "failed"}


def test_a_site_that_is_down_is_one_line_of_quiet_output(tmp_path):
    live = make_newsroom(tmp_path / "live", "Live", 1)
    with FixtureServer(live) as server:
        write_site_list(tmp_path / "sites.toml", {
            "live": {"start": [server.url], "depth": 1, "delay": 0},
            "down": {"start": [f"http://127.0.0.1:{free_loopback_port()}/"], "delay": 0},
        })
        process = newsarchive("crawl", "--sites", "sites.toml", "--db", "a.db", "--quiet",
                              *FAST, "-s", "RETRY_TIMES=0", cwd=tmp_path)
    assert process.returncode == 1, process.stderr[-3000:]
    # its robots.txt could not be fetched either: no ERROR with a traceback for cron to mail
    assert "Traceback" not in process.stderr
    [line] = process.stderr.strip().splitlines()
    assert line.startswith("down ") and "every start URL failed" in line
    assert "ConnectionRefusedError" in line


@pytest.mark.parametrize("command", ["newsarchive", "scrapy"])
def test_a_site_list_mistake_exits_2_before_any_request(tmp_path, command):
    site = make_newsroom(tmp_path / "site", "Site", 1)
    with FixtureServer(site) as server:
        (tmp_path / "sites.toml").write_text(
            f'[sites.good]\nstart = ["{server.url}"]\n\n'
            f'[sites.typo]\nstart = ["{server.url.replace("127.0.0.1", "localhost")}"]\n'
            'max_pages = "ten"\n', encoding="utf-8")
        if command == "newsarchive":
            process = newsarchive("crawl", "--sites", "sites.toml", "--db", "a.db", cwd=tmp_path)
        else:
            process = scrapy("crawl", "news", "-a", "sites=sites.toml", "-s",
                             "NEWSARCHIVE_DB=a.db", cwd=tmp_path)
        requested = list(server.requests)
    assert process.returncode == 2
    assert ("sites.toml: site 'typo', key 'max_pages': expected an integer >= 1, got 'ten'"
            in process.stderr)
    assert "Traceback" not in process.stderr
    assert requested == []


def test_a_second_crawl_on_a_busy_archive_stops_at_once(tmp_path):
    slow = make_newsroom(tmp_path / "slow", "Slow", 1)
    # the first crawl's start page never answers in time: the archive stays busy meanwhile
    (slow / "_routes.json").write_text(json.dumps({"/slow/": {"delay": 300, "file": "/index.html"}}))
    other = make_newsroom(tmp_path / "other", "Other", 1)
    with FixtureServer(slow) as a, FixtureServer(other) as b:
        write_site_list(tmp_path / "slow.toml", {"slow": {"start": [a.url + "slow/"],
                                                          "depth": 0, "delay": 0}})
        write_site_list(tmp_path / "other.toml", {"other": {"start": [b.url], "delay": 0,
                                                            "depth": 1}})
        first = subprocess.Popen(
            [sys.executable, "-m", "newsarchive", "crawl", "--sites", "slow.toml", "--db", "a.db",
             "-s", "LOG_LEVEL=ERROR"], cwd=tmp_path, env=env(),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 120
            lock = lock_path(tmp_path / "a.db")
            while not (lock.exists() and lock.read_text()) and time.monotonic() < deadline:
                time.sleep(0.1)
            busy = [subprocess.Popen(
                [sys.executable, *argv], cwd=tmp_path, env=env(), stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True) for argv in (
                    ["-m", "newsarchive", "crawl", "--sites", "other.toml", "--db", "a.db"],
                    ["-m", "spiders", "crawl", "news", "-a", "url=" + b.url,
                     "-s", "NEWSARCHIVE_DB=a.db"])]
            results = [(process.wait(timeout=120), process.stderr.read()) for process in busy]
            still_running = first.poll() is None
            refused_requests = list(b.requests)
        finally:
            first.kill()                                   # kill -9: no clean-up at all
            first.wait(timeout=60)
        # the operating system released the lock with the process: no stale lock
        after = newsarchive("crawl", "--sites", "other.toml", "--db", "a.db", *FAST,
                            cwd=tmp_path)
    assert still_running
    for status, stderr in results:
        assert status == 75
        assert "archive a.db is busy: scrapy crawl news holds it (pid " in stderr
        assert "Traceback" not in stderr
    assert refused_requests == []
    assert after.returncode == 0, after.stderr[-3000:]
    rows = list(Database(tmp_path / "a.db").query("select site, finished_at from crawls"))
    assert [row["site"] for row in rows] == ["slow", "other"]
    assert rows[0]["finished_at"] is None and rows[1]["finished_at"]


def test_feed_exports_write_every_item(tmp_path):
    site = make_newsroom(tmp_path / "site", "Export", 2)
    with FixtureServer(site) as server:
        base = server.url
        write_site_list(tmp_path / "sites.toml", {"export": {"start": [base], "delay": 0,
                                                             "depth": 1}})
        process = scrapy("crawl", "news", "-a", "sites=sites.toml", "-s", "NEWSARCHIVE_DB=a.db",
                         "-O", "items.jsonl", "-O", "items.csv", *FAST, cwd=tmp_path)
    assert process.returncode == 0, process.stderr[-3000:]
    assert " ERROR: " not in process.stderr and "Traceback" not in process.stderr
    pages = Database(tmp_path / "a.db")["pages"].count
    items = [json.loads(line) for line in (tmp_path / "items.jsonl").read_text().splitlines()]
    # home, 2 stories (a tag page is not followed) and robots.txt
    assert len(items) == pages == 4
    assert sorted(item["url"][len(base) - 1:] for item in items) == [
        "/", "/news/1.html", "/news/2.html", "/robots.txt"]
    by_url = {item["url"]: item for item in items}
    story = by_url[base + "news/1.html"]
    assert base64.b64decode(story["body"]) == (site / "news" / "1.html").read_bytes()
    assert story["article"]["headline"] == "Export story 1"
    assert story["hints"]["site"] == "export"
    assert datetime.fromisoformat(story["fetched_at"]).tzinfo is not None
    csv.field_size_limit(10 ** 8)
    with open(tmp_path / "items.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == pages
    row = next(row for row in rows if row["url"] == base + "news/2.html")
    assert json.loads(row["article"])["headline"] == "Export story 2"


def test_scrapy_list_and_check_work_from_any_folder(tmp_path):
    listed = scrapy("list", cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout.split() == ["news"]
    checked = scrapy("check", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr[-2000:]
    in_checkout = subprocess.run([str(Path(sys.executable).parent / "scrapy"), "list"],
                                 cwd=Path(__file__).resolve().parent.parent, env=env(),
                                 capture_output=True, text=True)
    assert in_checkout.stdout.split() == ["news"]
