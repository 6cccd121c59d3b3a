"""`newsarchive datasette`: a real Datasette server on loopback over a real archive."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from loopback_ports import free_loopback_port
from real_archive import build_real_archive

pytest.importorskip("datasette")

from newsarchive.archive.datasette import QUERIES, metadata  # noqa: E402

NEWSARCHIVE = str(Path(sys.executable).parent / "newsarchive")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """(base URL, archive path, what the archive holds), the server stopped afterwards."""
    path = tmp_path_factory.mktemp("datasette") / "archive.db"
    info = build_real_archive(path)
    port = free_loopback_port()
    process = subprocess.Popen([NEWSARCHIVE, "datasette", "--db", str(path), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=5).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"datasette did not start: {process.stdout.read()!r}")
                time.sleep(0.2)
        yield base, path, info
    finally:
        process.terminate()
        process.wait(timeout=20)


def get(base: str, path: str, **params) -> dict | list:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}"
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def test_a_search_with_a_site_facet(server):
    base, _, info = server
    found = get(base, "/archive/articles.json", _search="Assad", _facet="site",
                _shape="objects")
    urls = [row["url"] for row in found["rows"]]
    assert info["corrected_url"] in urls
    sites = {item["value"]: item["count"] for item in found["facet_results"]["site"]["results"]}
    assert sites["iranfocus.com"] == 1
    assert sum(sites.values()) == found["filtered_table_rows_count"] == len(urls)
    # narrowing by the facet's value, as a click on it does
    narrowed = get(base, "/archive/articles.json", _search="Assad", site="iranfocus.com",
                   _shape="objects")
    assert [row["url"] for row in narrowed["rows"]] == [info["corrected_url"]]


def test_the_articles_table_offers_its_facets(server):
    base, _, info = server
    found = get(base, "/archive/articles.json", _size="1")
    facets = found["facet_results"]
    assert {"site", "language", "section", "date_published"} <= facets.keys()
    assert facets["date_published"]["type"] == "date"
    languages = {item["value"] for item in facets["language"]["results"]}
    assert {"en", "de", "fr"} <= languages


def test_every_table_and_column_is_described(server):
    base, path, _ = server
    served = get(base, "/-/metadata.json")["databases"]["archive"]["tables"]
    with sqlite3.connect(path) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'articles_fts_%' AND name NOT LIKE 'sqlite_%'")]
        for table in tables:
            assert served[table]["description"], table
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info('{table}')")]
            missing = [c for c in columns if not served[table]["columns"].get(c)]
            assert not missing, f"{table}: no description for {missing}"
    # Article fields are described by their docstrings, the spec
    assert served["articles"]["columns"]["dateline"].startswith("The dateline the body opened")


def test_the_saved_queries(server):
    base, _, info = server
    assert set(get(base, "/archive.json")["queries"][i]["name"] for i in range(len(QUERIES))) \
        == set(QUERIES)
    changed = get(base, "/archive/changed_articles.json", _shape="objects")["rows"]
    assert [(row["url"], row["versions"]) for row in changed] == [(info["corrected_url"], 2)]
    failed = get(base, "/archive/failed_pages.json", _shape="objects")["rows"]
    assert {row["url"] for row in failed} == {"https://demo.example/gone",
                                              "https://unreachable.example/"}
    per_site = get(base, "/archive/articles_per_site.json", _shape="objects")["rows"]
    assert sum(row["articles"] for row in per_site) == info["articles"]
    assert {row["site"] for row in per_site} == info["sites"]
    latest = get(base, "/archive/latest_articles.json", site="iranfocus.com",
                 _shape="objects")["rows"]
    assert [row["url"] for row in latest] == [info["corrected_url"]]
    everyone = get(base, "/archive/latest_articles.json", site="", _shape="objects")["rows"]
    assert len(everyone) == info["articles"]
    dates = [row["date"] for row in everyone]
    assert dates == sorted(dates, reverse=True)


def test_metadata_is_keyed_by_the_database_name(tmp_path):
    from click.testing import CliRunner

    from newsarchive.cli import cli
    path = tmp_path / "news.db"
    build_real_archive(path)
    target = tmp_path / "metadata.json"
    result = CliRunner().invoke(cli, ["datasette", "--db", str(path), "--metadata", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text()) == metadata("news")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: chromium)")
def test_the_search_page_renders_in_headless_chromium(server, tmp_path):
    base, _, info = server
    screenshot = tmp_path / "search.png"
    url = f"{base}/archive/articles?_search=Assad&_facet=site"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", url], capture_output=True,
                         text=True, timeout=120).stdout
    assert "iranfocus.com" in dom and "Iran, Russia cooperate" in dom
    subprocess.run([CHROMIUM, *flags, f"--screenshot={screenshot}", "--window-size=1200,900",
                    url], capture_output=True, timeout=120)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
