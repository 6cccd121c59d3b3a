"""`newsarchive export --format jsonl|json|csv --site --since --until` on a real archive."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from real_archive import build_real_archive

from newsarchive.archive import Archive
from newsarchive.archive.export import EXPORT_FORMATS, Selection, export
from newsarchive.archive.rows import article_field_types
from newsarchive.cli import cli

NEWSARCHIVE = str(Path(sys.executable).parent / "newsarchive")


@pytest.fixture(scope="module")
def real_archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "archive.db"
    return path, build_real_archive(path)


def run_export(path: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", str(path), *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_console_script_exports_csv(real_archive):
    path, info = real_archive
    out = subprocess.run([NEWSARCHIVE, "export", "--db", str(path), "--format", "csv"],
                         capture_output=True, check=True, timeout=60).stdout
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
    assert len(rows) == info["articles"]


def all_articles(path: Path) -> list[dict]:
    with Archive(path) as archive:
        return list(archive.iter_articles())


def test_the_three_formats_hold_the_same_articles(real_archive):
    path, info = real_archive
    expected = all_articles(path)
    jsonl = [json.loads(line) for line in run_export(path, "--format", "jsonl").splitlines()]
    array = json.loads(run_export(path, "--format", "json"))
    rows = list(csv.DictReader(io.StringIO(run_export(path, "--format", "csv"), newline="")))
    assert jsonl == array == expected and len(expected) == info["articles"]
    assert [row["url"] for row in rows] == [article["url"] for article in expected]
    for row, article in zip(rows, expected):
        assert row["body"] == article["body"]  # multi-line text survives CSV quoting
        assert json.loads(row["authors"]) == article["authors"]
        assert json.loads(row["boilerplate"]) == article["boilerplate"]
        assert row["is_article"] == "1"
        assert set(article_field_types()) <= row.keys()


def test_export_by_site_and_date(real_archive):
    path, _ = real_archive
    expected = all_articles(path)
    by_site = json.loads(run_export(path, "--format", "json", "--site", "www.iranfocus.com"))
    assert [a["site"] for a in by_site] == ["iranfocus.com"]

    def date(article):
        return article["date_published"] or article["first_seen"]

    dated = sorted(date(article) for article in expected)
    since, until = dated[5][:10], dated[-5][:7]  # a day, and a month (a prefix)
    lines = run_export(path, "--since", since, "--until", until).splitlines()
    got = [json.loads(line)["url"] for line in lines]
    want = [a["url"] for a in expected if since <= date(a) and date(a)[:7] <= until]
    assert got == want and 0 < len(got) < len(expected)
    rows = list(csv.DictReader(io.StringIO(
        run_export(path, "--format", "csv", "--since", since, "--until", until), newline="")))
    assert [row["url"] for row in rows] == want


def test_an_empty_selection_is_still_valid_output(real_archive, tmp_path):
    path, _ = real_archive
    assert json.loads(run_export(path, "--format", "json", "--site", "nowhere.example")) == []
    assert run_export(path, "--site", "nowhere.example") == ""
    target = tmp_path / "out.csv"
    run_export(path, "--format", "csv", "--site", "nowhere.example", "-o", str(target))
    assert target.read_text().startswith("id,url,site,")
    assert len(target.read_text().splitlines()) == 1


def test_warc_is_one_of_the_formats(real_archive, tmp_path):
    path, info = real_archive
    target = tmp_path / "site.warc.gz"
    result = CliRunner().invoke(cli, ["export", "--db", str(path), "--format", "warc",
                                      "--site", "iranfocus.com", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stderr)  # the counts, on stderr
    assert target.read_bytes()[:2] == b"\x1f\x8b"  # gzip, one member per record


def test_export_python_api_counts_what_it_wrote(real_archive):
    path, info = real_archive
    assert list(EXPORT_FORMATS) == ["jsonl", "json", "csv", "warc"]
    stream = io.BytesIO()
    with Archive(path) as archive:
        counts = export(archive, stream, "csv", Selection(site="iranfocus.com"))
        assert counts == {"articles": 1} and stream.getvalue().count(b"iranfocus") >= 1
        with pytest.raises(ValueError, match="--until does not apply to warc"):
            export(archive, io.BytesIO(), "warc", Selection(until="2026-03"))
        with pytest.raises(ValueError, match="unknown export format"):
            export(archive, io.BytesIO(), "xml")
