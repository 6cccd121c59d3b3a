"""Scheduled crawls of a site list, end to end: three runs of the real crawler over two newsrooms.

Two loopback servers (127.0.0.1 and 127.0.0.2) serve copies of the newsroom fixture
(tests/fixtures/sites/newsroom, built by build_newsroom.py from real article pages): robots.txt
with Sitemap lines and a disallowed folder, sitemap indexes, Google News sitemaps, RSS and
Atom feeds, paginated sections, a story paginated as ?p=2 and ?p=3, tag, author, search,
login, print, share, comment and calendar links, links with tracking parameters and dead links.
One site list names both; the crawl runs as a real process from a folder outside the checkout
into a real SQLite archive, three times:

1. archives every article of both sites and nothing else;
2. with nothing changed, asks only for the hubs and robots.txt, conditionally, and never for a
   dead link;
3. after three new stories and two corrections, fetches the three, records the corrections as
   new versions, and the servers' logs show nothing else sent in full: every full answer is a
   page the next state changed, every other request to a URL asked before is a revalidation
   answered 304, and the rest are URLs never asked before.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import datetime, timezone

import pytest

from newsarchive.fixtureserver import FixtureServer
from test_crawl_e2e import PROJECT_ROOT, sqlite_utils, subprocess_env

NEWSROOM = PROJECT_ROOT / "tests" / "fixtures" / "sites" / "newsroom"
MANIFEST = json.loads((NEWSROOM / "_manifest.json").read_text(encoding="utf-8"))
HOSTS = {"daily": "127.0.0.1", "gazette": "127.0.0.2"}


def site_list(servers) -> str:
    """The site list of both newsrooms (the tests' crawl politeness: no delay)."""
    entries = []
    for name, server in servers.items():
        base = server.url.rstrip("/")
        entries.append(f"[sites.{name}]\nstart = [\"{base}/\"]\ndepth = 3\nmax_pages = 400\n"
                       f"delay = 0\nconcurrency = 4\nlocal = true\n")
    return "\n".join(entries)


def run_site_list_crawl(workdir, sites_file, db) -> subprocess.CompletedProcess:
    """One scheduled run, as cron starts it: `newsarchive crawl --sites` from workdir."""
    argv = [sys.executable, "-m", "newsarchive", "crawl", "--sites", sites_file, "--db", db.name,
            "-s", "LOG_LEVEL=INFO"]
    return subprocess.run(argv, cwd=workdir, env=subprocess_env(), capture_output=True,
                          text=True, timeout=300)


def apply_next_state(root, site: str, now: str) -> None:
    """Copy the site's next state over its served copy, dated `now`, and correct its story."""
    fix = MANIFEST[site]["correction"]
    story = root / site / fix["path"].lstrip("/")
    html = story.read_text(encoding="utf-8")
    story.unlink()  # the served copy of a shared page: write a file of its own
    story.write_text(html.replace(fix["find"], fix["sentence"], 1), encoding="utf-8")
    for source in (NEWSROOM / "_next" / site).rglob("*"):
        if source.is_dir():
            continue
        target = root / site / source.relative_to(NEWSROOM / "_next" / site)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = source.read_bytes()
        if source.suffix in (".xml", ".rss"):
            data = data.replace(b"{{NOW}}", now.encode("ascii"))
        target.write_bytes(data)


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """{"db", "logs": [{site: request log of run N}], "processes": [...]}."""
    workdir = tmp_path_factory.mktemp("cron")  # a folder outside the checkout
    served = workdir / "www"
    for site in HOSTS:
        shutil.copytree(NEWSROOM / site, served / site)
    db = workdir / "archive.db"
    servers = {site: FixtureServer(served / site, host=host) for site, host in HOSTS.items()}
    logs, processes, starts = [], [], []
    try:
        for server in servers.values():
            server.start()
        (workdir / "sites.toml").write_text(site_list(servers), encoding="utf-8")
        for run in (1, 2, 3):
            if run == 3:
                now = datetime.now(timezone.utc).isoformat()
                for site, server in servers.items():
                    apply_next_state(served, site, now)
                    server.reload()
            marks = {site: len(server.request_log) for site, server in servers.items()}
            starts.append(datetime.now(timezone.utc).isoformat())
            processes.append(run_site_list_crawl(workdir, "sites.toml", db))
            logs.append({site: server.request_log[marks[site]:]
                         for site, server in servers.items()})
    finally:
        for server in servers.values():
            server.stop()
    return {"db": db, "logs": logs, "processes": processes, "starts": starts,
            "bases": {site: f"http://{host}:{servers[site].port}" for site, host in HOSTS.items()}}


def paths(log, *, status=None, full=None) -> set[str]:
    return {entry["path"] for entry in log
            if (status is None or entry["status"] == status)
            and (full is None or (entry["status"] == 200) == full)}


def archived_articles(db) -> dict[str, str]:
    """{article key: its headline}."""
    return {row["url"]: row["headline"]
            for row in sqlite_utils("query", db, "select url, headline from articles")}


def test_every_run_finishes_cleanly(runs):
    for process in runs["processes"]:
        assert process.returncode == 0, process.stderr[-3000:]
        assert "Traceback" not in process.stderr, process.stderr[-3000:]


def test_run_1_archives_every_article_of_both_sites_and_nothing_else(runs):
    expected = {runs["bases"][site] + path for site in HOSTS for path in MANIFEST[site]["articles"]}
    first = sqlite_utils("query", runs["db"], "select distinct article_url from pages where "
                                              "article_url is not null and fetched_at < :t",
                         "-p", "t", runs["starts"][1])
    assert {row["article_url"] for row in first} == expected
    keys = set(archived_articles(runs["db"]))
    new = {runs["bases"][site] + path for site in HOSTS for path in MANIFEST[site]["new_articles"]}
    assert keys - new == expected


def test_run_1_follows_no_skipped_kind_and_no_disallowed_path(runs):
    first = runs["logs"][0]
    for site in HOSTS:
        fetched = {entry["path"] + ("?" + entry["query"] if entry["query"] else "")
                   for entry in first[site]}
        for kind, link in MANIFEST[site]["skipped"].items():
            assert link not in fetched, (site, kind)
        assert MANIFEST[site]["disallowed"] not in fetched
        assert "/robots.txt" in fetched
    # each kind skipped is counted, per site (crawls.skipped of run 1's rows)
    rows = sqlite_utils("query", runs["db"], "select site, skipped from crawls where "
                                             "started_at < :t", "-p", "t", runs["starts"][1])
    assert {row["site"] for row in rows} == set(HOSTS)
    for row in rows:
        skipped = json.loads(row["skipped"])
        for kind in MANIFEST[row["site"]]["skipped"]:
            assert skipped.get(kind, 0) >= 1, (row["site"], kind, skipped)


def test_tracking_parameters_and_fragments_make_no_request_of_their_own(runs):
    for site in HOSTS:
        log = [entry for run in runs["logs"] for entry in run[site]]
        assert not [entry for entry in log if re.search(r"utm_|fbclid|mc_cid", entry["query"])]
        for link in MANIFEST[site]["tracked"]:
            path = link.split("?")[0]
            assert len([entry for entry in runs["logs"][0][site] if entry["path"] == path]) == 1


def test_a_story_paginated_with_the_same_text_is_one_article_with_its_urls(runs):
    base = runs["bases"]["daily"]
    [story] = MANIFEST["daily"]["paginated"]
    fetched = [entry["query"] for entry in runs["logs"][0]["daily"] if entry["path"] == story]
    assert sorted(fetched) == ["", "p=2", "p=3"]
    rows = sqlite_utils("query", runs["db"], "select url, article_url from article_urls "
                                             "where url like :u order by url",
                        "-p", "u", f"{base}{story}%")
    assert {row["article_url"] for row in rows} == {base + story}
    assert [row["url"] for row in rows] == [base + story, f"{base}{story}?p=2",
                                           f"{base}{story}?p=3"]


def asked(entry) -> str:
    """What a request log entry asked for: its path and query."""
    return entry["path"] + ("?" + entry["query"] if entry["query"] else "")


def test_run_2_asks_only_for_hubs_and_robots_txt_conditionally_and_no_dead_link(runs):
    for site in HOSTS:
        second = runs["logs"][1][site]
        assert second, site
        # every request conditional and answered 304, robots.txt included
        assert all(entry["conditional"] and entry["status"] == 304 for entry in second), second
        assert "/robots.txt" in paths(second)
        assert paths(second) <= {"/robots.txt", *MANIFEST[site]["hubs"]}
        # the archived robots.txt a 304 stands for still rules the crawl: its Sitemap: lines
        # are revalidated and its disallowed path is never asked
        robots = (NEWSROOM / site / "robots.txt").read_text(encoding="utf-8")
        named = {line.split("}}", 1)[1] for line in robots.splitlines()
                 if line.startswith("Sitemap:")}
        assert named <= paths(second), named - paths(second)
        assert not any(MANIFEST[site]["disallowed"] in paths(run[site]) for run in runs["logs"])
        assert not paths(second) & set(MANIFEST[site]["dead"])
        # the dead links were asked once, in run 1
        assert set(MANIFEST[site]["dead"]) <= paths(runs["logs"][0][site])


def test_run_3_fetches_in_full_only_what_changed_and_what_is_new(runs):
    for site in HOSTS:
        third = runs["logs"][2][site]
        full = paths(third, full=True)
        changed = set(MANIFEST[site]["changed_next"])
        # the 3 new stories (over both sites), the correction and the hubs the next state
        # changed are all fetched in full ...
        assert changed <= full, changed - full
        assert set(MANIFEST[site]["new_articles"]) | {MANIFEST[site]["correction"]["path"]} \
            <= full
        # ... and every other request is either a revalidation answered 304 or a URL never
        # asked before (the links the new stories brought, dead on the loopback copy)
        before = {asked(entry) for run in runs["logs"][:2] for entry in run[site]}
        for entry in third:
            if entry["path"] in changed:
                continue
            if asked(entry) in before:
                assert entry["conditional"] and entry["status"] == 304, entry
            else:
                assert not entry["conditional"] and entry["status"] != 200, entry
        assert "/robots.txt" not in full
        assert not paths(third) & set(MANIFEST[site]["dead"])


def test_run_3_archives_the_new_stories_and_corrections_as_new_versions(runs):
    db = runs["db"]
    keys = set(archived_articles(db))
    for site in HOSTS:
        base = runs["bases"][site]
        assert {base + path for path in MANIFEST[site]["new_articles"]} <= keys
        correction = MANIFEST[site]["correction"]
        versions = sqlite_utils("query", db, "select body from article_versions where "
                                             "article_url = :u order by fetched_at",
                                "-p", "u", base + correction["path"])
        assert len(versions) == 2
        assert correction["sentence"] in versions[1]["body"]
        assert correction["sentence"] not in versions[0]["body"]
    expected = sum(len(MANIFEST[site]["articles"]) + len(MANIFEST[site]["new_articles"])
                   for site in HOSTS)
    assert len(keys) == expected
    [count] = sqlite_utils("query", db, "select count(*) as n from article_versions")
    assert count["n"] == expected + 2


def test_the_frontier_is_a_table_people_read(runs):
    db = runs["db"]
    rows = sqlite_utils("query", db, "select site, kind, status, count(*) as n from frontier "
                                     "group by site, kind, status order by site, kind, status")
    by_site = {row["site"] for row in rows}
    assert by_site == set(HOSTS)
    dead = sqlite_utils("query", db, "select url, status, failures, next_check from frontier "
                                     "where status in (404, 410)")
    assert dead and all(row["failures"] == 1 and row["next_check"] for row in dead)


def test_robots_txt_is_archived_and_revalidated_like_a_hub(runs):
    db = runs["db"]
    for site, base in runs["bases"].items():
        url = base + "/robots.txt"
        [row] = sqlite_utils("query", db, "select kind, status, etag, last_modified, next_check"
                                          " from frontier where url = :u", "-p", "u", url)
        assert row["kind"] == "robots" and row["etag"] and row["last_modified"]
        assert row["next_check"] is None
        pages = sqlite_utils("query", db, "select status, crawl_id from pages where url = :u"
                                          " order by id", "-p", "u", url)
        # run 1 in full, runs 2 and 3 answered 304, each fetch in its site's crawl row
        assert [page["status"] for page in pages] == [200, 304, 304]
        crawls = sqlite_utils("query", db, "select id from crawls where site = :s order by id",
                              "-p", "s", site)
        assert [page["crawl_id"] for page in pages] == [crawl["id"] for crawl in crawls]
