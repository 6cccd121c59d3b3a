"""`newsarchive history`: an article's versions with word diffs, on a real archive."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from real_archive import CORRECTION, build_real_archive

from newsarchive.archive import Archive
from newsarchive.archive.history import render, word_diff
from newsarchive.cli import cli

NEWSARCHIVE = str(Path(sys.executable).parent / "newsarchive")


@pytest.fixture(scope="module")
def real_archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("history") / "archive.db"
    return path, build_real_archive(path)


def history(*args: str):
    """The command in this process (click's runner): .stdout, .stderr, .returncode."""
    result = CliRunner().invoke(cli, ["history", *args])
    result.returncode = result.exit_code
    return result


def test_a_correction_shows_up_as_a_marked_word_diff(real_archive):
    path, info = real_archive
    # the console script, as a user runs it
    result = subprocess.run([NEWSARCHIVE, "history", info["corrected_url"], "--db", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{info['corrected_url']}: 2 versions"
    assert lines[2].startswith("version 1  2026-03-01T")
    assert any(line.startswith("version 2  2026-03-02T") for line in lines)
    assert ("[-Russia-]{+Iran+} and [-Iran-]{+Russia+} have stepped up{+ their+} coordination"
            in result.stdout)
    assert "unchanged paragraphs …]" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour off a terminal


def test_history_as_json_for_programs(real_archive):
    path, info = real_archive
    result = history(info["corrected_url"], "--db", str(path), "--json")
    found = json.loads(result.stdout)
    first, second = found["versions"]
    assert found["url"] == info["corrected_url"]
    assert first["version"] == 1 and first["body_changes"] is None
    assert second["content_hash"] != first["content_hash"]
    assert {"fetched_at", "content_hash", "headline", "page_id"} <= second.keys()
    changes = second["body_changes"]
    # the runs give back both versions' bodies
    assert "".join(c["text"] for c in changes if c["op"] != "insert") == first["body"]
    assert "".join(c["text"] for c in changes if c["op"] != "delete") == second["body"]
    assert {"op": "insert", "text": " their"} in changes
    assert all(c["op"] == "equal" for c in second["headline_changes"])


def test_history_in_colour_and_in_full(real_archive):
    path, info = real_archive
    coloured = history(info["corrected_url"], "--db", str(path), "--color").stdout
    assert "\x1b[31m" in coloured and "\x1b[32m" in coloured  # red removed, green added
    assert "[-" not in coloured
    full = history(info["corrected_url"], "--db", str(path), "--full").stdout
    assert "unchanged paragraph" not in full
    with Archive(path) as archive:
        body = archive.get_article(info["corrected_url"])["body"]
    assert body.split("\n\n")[-1] in full


def test_history_by_a_fetched_url_and_of_an_unknown_one(real_archive):
    path, info = real_archive
    with Archive(path) as archive:
        assert archive.history("https://nowhere.example/") is None
        found = archive.history(info["corrected_url"])
    assert [v["version"] for v in found["versions"]] == [1, 2]
    result = history("https://nowhere.example/", "--db", str(path))
    assert result.returncode == 1 and "no archived article" in result.stderr


def test_word_diff_marks_words_punctuation_and_cjk_characters():
    assert render(word_diff("Twelve people died.", "Fourteen people died!")) == (
        "[-Twelve-]{+Fourteen+} people died[-.-]{+!+}")
    assert render(word_diff("北京市今天下雨", "北京市明天下雪")) == "北京市[-今-]{+明+}天下[-雨-]{+雪+}"
    # a stretch of changed words is one change, not one per word
    assert render(word_diff("the old cat sat", "the new dog sat")) == "the [-old cat-]{+new dog+} sat"
    assert render(word_diff("same", "same")) == ""  # nothing changed, nothing shown
    assert render(word_diff("", "new text")) == "{+new text+}"


def test_word_diff_leaves_out_unchanged_paragraphs():
    old = "One.\n\nTwo.\n\nThree.\n\nFour."
    new = "One.\n\nTwo!\n\nThree.\n\nFour."
    assert render(word_diff(old, new)) == (
        "[… 1 unchanged paragraph …]\n\nTwo[-.-]{+!+}\n\n[… 2 unchanged paragraphs …]")
    assert render(word_diff(old, new), full=True) == "One.\n\nTwo[-.-]{+!+}\n\nThree.\n\nFour."


def test_correction_text_is_what_the_archive_holds(real_archive):
    path, info = real_archive
    with Archive(path) as archive:
        assert CORRECTION[1] in archive.get_article(info["corrected_url"])["body"]
