"""The README's cron line and systemd units, as a user copies them: the cron line runs as
written (its folder and venv swapped for a temporary folder and this venv) against a loopback
newsroom, twice, quietly; the systemd service runs the same command, treats the busy-archive
status as success, and its timer is hourly. docs/scheduling.md says the same as the README."""
from __future__ import annotations

import configparser
import re
import shlex
import subprocess
import sys
from pathlib import Path

from sqlite_utils import Database

from newsarchive.fixtureserver import FixtureServer
from sitelist_fixtures import env, make_newsroom, write_site_list

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SCHEDULING = (ROOT / "docs" / "scheduling.md").read_text(encoding="utf-8")
VENV_BIN = Path(sys.executable).parent


def cron_line(text: str) -> str:
    [line] = [line for line in text.splitlines()
              if re.match(r"^[\d*/,-]+ [\d*/,-]+ \S+ \S+ \S+ ", line)]
    return line


def unit_sections(text: str) -> configparser.ConfigParser:
    """Every ```ini block of a document, read as one systemd unit file would be."""
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    for block in re.findall(r"```ini\n(.*?)```", text, re.S):
        parser.read_string(block)
    return parser


def test_readme_and_scheduling_docs_give_the_same_cron_line_and_units():
    assert cron_line(README) == cron_line(SCHEDULING)
    readme, docs = unit_sections(README), unit_sections(SCHEDULING)
    for section in ("Service", "Timer", "Install"):
        for key, value in readme[section].items():
            assert docs[section][key] == value, (section, key)


def test_the_systemd_units_run_the_cron_command_hourly():
    units = unit_sections(README)
    command = cron_line(README).split("&&", 1)[1].strip()
    assert units["Service"]["ExecStart"] == command
    assert units["Service"]["Type"] == "oneshot"
    assert units["Service"]["WorkingDirectory"] == re.search(r"cd (\S+)", cron_line(README))[1]
    # a run that finds the archive busy exits 75 (tests/test_site_list_crawl.py): not a failure
    assert units["Service"]["SuccessExitStatus"] == "75"
    assert units["Timer"]["OnCalendar"] == "hourly"
    assert units["Install"]["WantedBy"] == "timers.target"


def test_the_readme_cron_line_runs_as_written(tmp_path):
    line = cron_line(README)
    schedule, command = line[:line.index("cd ")], line[line.index("cd "):]
    assert len(schedule.split()) == 5
    folder = re.search(r"cd (\S+)", command)[1]
    work = tmp_path / "news"
    work.mkdir()
    command = command.replace(f"{folder}/venv/bin/", f"{VENV_BIN}/").replace(
        f"cd {folder}", f"cd {shlex.quote(str(work))}")
    site = make_newsroom(tmp_path / "www", "Cron", 2)
    with FixtureServer(site) as server:
        write_site_list(work / "sites.toml", {"cron": {"start": [server.url], "delay": 0,
                                                       "depth": 1}})
        runs = [subprocess.run(["sh", "-c", command], env=env(), capture_output=True,
                               text=True, timeout=300) for _ in range(2)]
    for process in runs:
        # --quiet: nothing at all when all went well, so cron mails nothing
        assert (process.returncode, process.stdout, process.stderr) == (0, "", ""), process
    db = Database(work / "data" / "news.db")
    assert db["articles"].count == 2
    assert [row["site"] for row in db.query("select site from crawls")] == ["cron", "cron"]
