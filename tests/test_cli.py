"""The newsarchive command: click's CliRunner, and the real console script as a subprocess."""
from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsarchive import Article, FetchedPage
from newsarchive.archive import Archive
from newsarchive.cli import cli

NEWSARCHIVE = str(Path(sys.executable).parent / "newsarchive")
ARTICLE_FIELDS = {field.name for field in dataclasses.fields(Article)}
PAGE_HTML = textwrap.dedent("""\
    <!doctype html>
    <html lang="en"><head><meta charset="utf-8"><title>Envoy visits Damascus</title></head>
    <body><article><h1>Envoy visits Damascus</h1>
    <p>BEIRUT, Lebanon — A United Nations envoy arrived in Damascus on Monday for talks with
    officials about the humanitarian situation in the north of the country.</p>
    <p>The visit is the first in more than a year, diplomats said, and is expected to last
    three days, with meetings planned with aid organisations and local councils.</p>
    </article></body></html>
    """).encode("utf-8")
URL = "https://news.example.com/world/envoy"


@pytest.fixture
def page_file(tmp_path):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE_HTML)
    return path


@pytest.fixture
def archive_path(tmp_path):
    """An archive with one article page (stored with a stale extraction), a hub and an error."""
    path = tmp_path / "archive.db"
    fetched_at = datetime(2026, 3, 1, tzinfo=timezone.utc)
    with Archive(path) as archive:
        crawl_id = archive.start_crawl("news", ["https://news.example.com/"], {})
        archive.store_page(
            FetchedPage(url=URL, status=200, body=PAGE_HTML, fetched_at=fetched_at,
                        headers={"content-type": "text/html; charset=utf-8"}),
            Article(url=URL, is_article=True, headline="stale", body="stale body",
                    authors=["Ann Lee"]),
            crawl_id=crawl_id)
        archive.store_page(
            FetchedPage(url="https://other.example.org/a", status=200, body=b"<p>a</p>",
                        fetched_at=fetched_at),
            Article(url="https://other.example.org/a", is_article=True, headline="Other",
                    body="Other body"),
            crawl_id=crawl_id)
        archive.store_page(FetchedPage(url="https://news.example.com/down", error="DNS lookup"),
                           crawl_id=crawl_id)
        archive.finish_crawl(crawl_id, {})
    return path


def run(*args: str, input: bytes | None = None):
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result


def test_all_commands_are_registered():
    assert {"extract", "reextract", "stats", "show", "export",
            "crawl", "demo", "serve-fixtures"} <= set(cli.commands)


def test_extract_prints_article_json(page_file):
    result = run("extract", str(page_file), "--url", URL)
    assert result.exit_code == 0
    article = json.loads(result.output)
    assert set(article) == ARTICLE_FIELDS
    assert article["url"] == URL
    assert isinstance(article["body"], str)
    assert isinstance(article["boilerplate"], list)


def test_extract_reads_stdin_and_accepts_include_captions():
    result = run("extract", "-", "--include-captions", input=PAGE_HTML)
    assert result.exit_code == 0
    assert set(json.loads(result.output)) == ARTICLE_FIELDS


def test_console_script_extracts_a_file(page_file):
    result = subprocess.run([NEWSARCHIVE, "extract", str(page_file), "--url", URL],
                            capture_output=True, env=os.environ.copy(), check=True)
    article = json.loads(result.stdout.decode("utf-8"))
    assert article["url"] == URL
    assert set(article) == ARTICLE_FIELDS


def test_python_dash_m_runs_the_cli():
    result = subprocess.run([sys.executable, "-m", "newsarchive", "--help"],
                            capture_output=True, text=True, env=os.environ.copy(), check=True)
    assert "reextract" in result.stdout and "serve-fixtures" in result.stdout


def test_stats_counts_the_archive(archive_path):
    stats = json.loads(run("stats", "--db", str(archive_path)).output)
    assert stats["tables"] == {"articles": 2, "pages": 3, "payloads": 2, "crawls": 1,
                               "article_versions": 2, "article_urls": 2, "frontier": 3}
    assert stats["crawls"][0]["counters"]["errors"] == 1


def test_show_prints_one_article(archive_path):
    result = run("show", URL, "--db", str(archive_path), "--versions")
    article = json.loads(result.output)
    assert article["url"] == URL
    assert article["authors"] == ["Ann Lee"]
    assert article["site"] == "news.example.com"
    assert [version["headline"] for version in article["versions"]] == ["stale"]


def test_show_of_unknown_url_fails(archive_path):
    result = run("show", "https://nowhere.example/", "--db", str(archive_path))
    assert result.exit_code == 1
    assert "no archived article" in result.output


def test_commands_refuse_a_missing_archive(tmp_path):
    missing = tmp_path / "missing.db"
    result = run("stats", "--db", str(missing))
    assert result.exit_code == 2
    assert not missing.exists()


def test_commands_name_an_archive_that_is_not_an_sqlite_database(tmp_path, archive_path):
    """A file of something else, or an archive cut to pieces: one error line and exit status
    1, the file left as it was."""
    other = tmp_path / "notes.db"
    other.write_bytes(b"not a database\n" * 10)
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(archive_path.read_bytes()[:4096] + b"\xff" * 8192)
    for path, says in ((other, "is not an SQLite database (it starts with b'not a database"),
                       (damaged, "cannot use the archive: ")):
        before = path.read_bytes()
        for command in (["stats"], ["show", URL], ["export"], ["reextract"]):
            result = run(*command, "--db", str(path))
            assert result.exit_code == 1, (command, result.output)
            assert says in result.output and "Traceback" not in result.output, result.output
        assert path.read_bytes() == before


def test_export_jsonl_writes_one_article_per_line(archive_path):
    lines = run("export", "--db", str(archive_path)).output.splitlines()
    assert [json.loads(line)["url"] for line in lines] == [URL, "https://other.example.org/a"]


def test_export_json_to_a_file_filtered_by_site(archive_path, tmp_path):
    target = tmp_path / "out.json"
    run("export", "--db", str(archive_path), "--format", "json", "--site", "other.example.org",
        "-o", str(target))
    assert [row["headline"] for row in json.loads(target.read_text("utf-8"))] == ["Other"]


def test_reextract_replays_stored_pages_through_the_extractor(archive_path):
    result = run("reextract", "--db", str(archive_path))
    assert result.exit_code == 0
    counts = json.loads(result.output)
    assert counts["pages"] == 2
    with Archive(archive_path) as archive:
        headlines = [row["headline"] for row in archive.iter_articles()]
        assert "stale" not in headlines
        assert archive.db["articles"].count == counts["articles"]
        assert archive.db["pages"].count == 3


def test_frontier_reset_clears_one_site(archive_path):
    result = run("frontier", "reset", "--site", "news.example.com", "--db", str(archive_path))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"site": "news.example.com", "removed": 2}
    stats = json.loads(run("stats", "--db", str(archive_path)).output)
    assert stats["tables"]["frontier"] == 1 and stats["tables"]["pages"] == 3
    assert json.loads(run("frontier", "reset", "--site", "elsewhere", "--db",
                          str(archive_path)).output)["removed"] == 0
