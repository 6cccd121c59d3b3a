"""The crawl and serve-fixtures commands, run for real as subprocesses."""
import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import click
import pytest

from newsarchive.crawling import (
    PROJECT_ROOT, crawl_command, demo_queries, parse_duration, parse_setting, remove_database,
    scrapy_env, sqlite_utils_bin,
)
from newsarchive.fixtureserver import FixtureServer
from loopback_ports import free_loopback_port

SMALL_SITE = {
    "index.html": '<html><body><a href="/a.html">A</a> <a href="/b.html">B</a></body></html>',
    "a.html": '<html><body><a href="/c.html">C</a></body></html>',
    "b.html": "<html><body>B</body></html>",
    "c.html": "<html><body>C</body></html>",
}


def make_site(root: Path) -> Path:
    for name, html in SMALL_SITE.items():
        (root / name).write_text(html, encoding="utf-8")
    return root


def test_crawl_command_argv():
    argv = crawl_command(["https://a.example/", "https://b.example/feed"], "/tmp/x.db",
                         depth=2, max_pages=50, settings={"LOG_LEVEL": "ERROR"})
    assert argv[:5] == [sys.executable, "-m", "spiders", "crawl", "news"]
    assert argv[5:] == ["-a", "url=https://a.example/,https://b.example/feed",
                        "-s", "NEWSARCHIVE_DB=/tmp/x.db", "-s", "DEPTH_LIMIT=2",
                        "-s", "NEWSARCHIVE_MAX_PAGES=50", "-s", "LOG_LEVEL=ERROR"]


def test_crawl_command_leaves_limits_to_the_settings_by_default():
    argv = crawl_command(["https://a.example/"], "a.db")
    assert not any(arg.startswith(("DEPTH_LIMIT", "NEWSARCHIVE_MAX_PAGES")) for arg in argv)


def test_crawl_command_full_and_revisit_options():
    argv = crawl_command(["https://a.example/"], "a.db", full=True, revisit_after=21600.0)
    assert argv[-4:] == ["-s", "NEWSARCHIVE_INCREMENTAL=False", "-s", "NEWSARCHIVE_REVISIT_AFTER=21600"]
    assert not any("NEWSARCHIVE_INCREMENTAL" in arg for arg in crawl_command(["https://a.example/"], "a.db"))


@pytest.mark.parametrize("text, seconds", [("3600", 3600), ("90m", 5400), ("6h", 21600), ("2d", 172800),
                                           ("1w", 604800), ("1.5h", 5400)])
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "soon", "-2h", "0"])
def test_parse_duration_rejects(text):
    with pytest.raises(click.BadParameter):
        parse_duration(text)


def test_parse_setting():
    assert parse_setting("DOWNLOAD_DELAY=2") == ("DOWNLOAD_DELAY", "2")
    assert parse_setting("USER_AGENT=a=b") == ("USER_AGENT", "a=b")
    with pytest.raises(click.BadParameter):
        parse_setting("DOWNLOAD_DELAY")


def test_scrapy_env_keeps_tldextract_offline(monkeypatch):
    monkeypatch.setenv("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "https://example.invalid/list")
    assert scrapy_env()["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] == ""


def test_remove_database_removes_wal_and_shm(tmp_path):
    db = tmp_path / "a.db"
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"a.db{suffix}").write_bytes(b"x")
    remove_database(db)
    assert list(tmp_path.iterdir()) == []
    remove_database(db)


def test_sqlite_utils_bin_is_the_venv_one():
    assert Path(sqlite_utils_bin()).name == "sqlite-utils"


def test_demo_queries_run_on_an_empty_archive(tmp_path):
    from newsarchive.archive import Archive

    db = tmp_path / "a.db"
    Archive(db).close()
    for query in demo_queries(str(db)):
        result = subprocess.run([sqlite_utils_bin(), *query], capture_output=True, text=True)
        assert result.returncode == 0, (query, result.stderr)


def test_crawl_cli_respects_depth_and_page_cap(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_site(site)
    db = tmp_path / "out" / "a.db"
    with FixtureServer(site) as server:
        base = server.url
        result = subprocess.run(
            [sys.executable, "-m", "newsarchive", "crawl", base, "--db", str(db),
             "--depth", "1", "--max-pages", "2", "-s", "DOWNLOAD_DELAY=0",
             "--set", "AUTOTHROTTLE_ENABLED=False"],
            cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=120)
        fetched = {path for _, path, _ in server.requests}
    assert result.returncode == 0, result.stderr[-2000:]
    assert fetched == {"/robots.txt", "/", "/a.html"}
    rows = json.loads(subprocess.run(
        [sqlite_utils_bin(), "query", str(db), "select url from pages order by url"],
        capture_output=True, text=True, check=True).stdout)
    assert [row["url"] for row in rows] == [base, base + "a.html"]


def test_a_crawl_process_starts_without_what_it_does_not_run(tmp_path):
    """The crawl process imports neither the extraction passes (its workers run them) nor the
    remote control's web server (no control ports): a fifth of a second of every start. Its
    exit skips the interpreter's teardown, and still says everything and keeps the status."""
    url = f"http://127.0.0.1:{free_loopback_port()}/"  # nothing listens there
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "spiders", "crawl", "news", "-a", f"url={url}",
         "-s", f"NEWSARCHIVE_DB={tmp_path / 'a.db'}", "-s", "RETRY_TIMES=0",
         "-s", "LOG_LEVEL=ERROR"],
        cwd=tmp_path, env=scrapy_env(), capture_output=True, text=True, timeout=120)
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    assert "scrapy.core.engine" in imported  # the crawl ran
    assert "newsarchive.extract.passes" not in imported
    assert not any(name.split(".")[0] == "aiohttp" for name in imported)
    assert result.returncode == 1  # every start URL failed
    assert "every start URL failed" in result.stdout  # the summary, flushed before the exit


def test_serve_fixtures_serves_until_interrupted(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_site(site)
    process = subprocess.Popen(
        [sys.executable, "-m", "newsarchive", "serve-fixtures", str(site), "--port", "0"],
        cwd=PROJECT_ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        url = line.split(" at ", 1)[1].split()[0]
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url + "b.html", timeout=60) as response:
            assert response.read() == SMALL_SITE["b.html"].encode()
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    assert process.returncode == 0


@pytest.mark.parametrize("args, message", [
    ([], "give start URLS or --sites FILE"),
    (["https://a.example/", "--sites", "sites.toml"], "not both"),
    (["--site", "a", "https://a.example/"], "give --sites FILE"),
    (["--sites", "sites.toml", "--depth", "2"], "set in the site list"),
    (["--sites", "missing.toml"], "missing.toml: cannot read the site list"),
])
def test_crawl_cli_usage_mistakes_exit_2_before_crawling(tmp_path, monkeypatch, args, message):
    from click.testing import CliRunner

    from newsarchive.cli import cli
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sites.toml").write_text('[sites.a]\nstart = ["https://a.example/"]\n')
    result = CliRunner().invoke(cli, ["crawl", *args])
    assert result.exit_code == 2
    assert message in result.output
