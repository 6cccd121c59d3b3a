"""newsarchive installed, not run from its checkout: a regular (non-editable) install crawls
and re-extracts from any folder, and the project deploys to a real Scrapyd unchanged.

Both use fresh virtual environments in a temporary folder that get their dependencies from
the test environment (a .pth line naming its site-packages, which adds the folder but not its
editable-install hooks), so nothing is downloaded and newsarchive comes only from what was
installed or deployed: a wheel built from a copy of the sources for the one, the egg
`scrapyd-deploy` builds (python setup.py bdist_egg, the `scrapy` entry point naming the
settings) for the other.
"""
import json
import shutil
import subprocess
import sys
import sysconfig
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from sqlite_utils import Database

from newsarchive.fixtureserver import FixtureServer
from loopback_ports import free_loopback_port
from sitelist_fixtures import env, make_newsroom, run, write_site_list

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: What a source distribution of the project holds (tests, data and bench stay out).
SOURCES = ("pyproject.toml", "setup.py", "scrapy.cfg", "README.md", "newsarchive", "spiders",
           "pipelines")
BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> Path:
    """A copy of the project's sources, so builds leave the checkout alone."""
    copy = tmp_path_factory.mktemp("src") / "newsarchive"
    copy.mkdir()
    for name in SOURCES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, copy / name)
    return copy


def deps_venv(path: Path) -> Path:
    """A new virtual environment whose dependencies are this one's; its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    site_packages = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    (site_packages / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def test_a_regular_install_crawls_and_reextracts_from_any_folder(tmp_path, sources):
    wheels = tmp_path / "wheels"
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                 "--no-index", "-w", wheels, sources], tmp_path, timeout=300)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = wheels.glob("newsarchive-*.whl")
    python = deps_venv(tmp_path / "venv")
    installed = run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps",
                     "--no-index", wheel], tmp_path, timeout=300)
    assert installed.returncode == 0, installed.stderr[-2000:]
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = run([python, "-c", "import newsarchive, spiders, pipelines; print(newsarchive.__file__,"
                 " spiders.__file__, pipelines.__file__)"], work)
    assert all(path.startswith(str(tmp_path / "venv")) for path in where.stdout.split()), where

    site = make_newsroom(tmp_path / "site", "Installed", 3)
    with FixtureServer(site) as server:
        write_site_list(work / "sites.toml", {"local": {"start": [server.url], "delay": 0,
                                                        "depth": 1}})
        crawl = run([tmp_path / "venv" / "bin" / "newsarchive", "crawl", "--sites", "sites.toml",
                     "--db", "data/news.db", "-s", "AUTOTHROTTLE_ENABLED=False"], work)
        one_off = run([tmp_path / "venv" / "bin" / "newsarchive", "crawl", server.url + "news/1.html",
                       "--db", "data/other.db", "--max-pages", "1"], work)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    assert "1 site crawled into data/news.db: 3 new articles" in crawl.stdout
    assert Database(work / "data" / "news.db")["articles"].count == 3   # relative to the user
    assert one_off.returncode == 0, one_off.stderr[-3000:]
    assert Database(work / "data" / "other.db")["articles"].count == 1
    reextract = run([tmp_path / "venv" / "bin" / "newsarchive", "reextract", "--db",
                     "data/news.db"], work)
    assert reextract.returncode == 0, reextract.stderr[-2000:]
    assert json.loads(reextract.stdout)["articles"] == 3
    listed = run([python, "-m", "spiders", "list"], work)
    assert listed.stdout.split() == ["news"]


def call(url: str, data: list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(url, data=body, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path):
    """A real Scrapyd on a loopback port, in an environment without newsarchive; its URL."""
    python = deps_venv(tmp_path / "scrapyd-venv")
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_loopback_port()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = eggs\n"
        "logs_dir = logs\nitems_dir =\ndbs_dir = dbs\npoll_interval = 0.2\nmax_proc = 2\n")
    process = subprocess.Popen([python, "-m", "scrapyd"], cwd=home, env=env(),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                call(url + "daemonstatus.json")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("scrapyd did not start: " + process.stdout.read()[-2000:])
                time.sleep(0.2)
        yield url, home
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_project_deploys_to_scrapyd_unchanged(tmp_path, sources, scrapyd):
    url, home = scrapyd
    config = sources / "scrapy.cfg"
    config.write_text(config.read_text() + f"\n[deploy:test]\nurl = {url}\nproject = newsarchive\n")
    deployed = run([BIN / "scrapyd-deploy", "test", "--version", "1"], sources, timeout=300)
    assert deployed.returncode == 0, deployed.stdout + deployed.stderr
    assert call(url + "listspiders.json?project=newsarchive")["spiders"] == ["news"]

    site = make_newsroom(tmp_path / "site", "Deployed", 2)
    archive = tmp_path / "archive" / "news.db"
    with FixtureServer(site) as server:
        sites = write_site_list(tmp_path / "sites.toml", {
            "deployed": {"start": [server.url], "delay": 0, "depth": 1}})
        job = call(url + "schedule.json", [
            ("project", "newsarchive"), ("spider", "news"), ("sites", str(sites)),
            ("setting", f"NEWSARCHIVE_DB={archive}"), ("setting", "AUTOTHROTTLE_ENABLED=False")])
        assert job["status"] == "ok", job
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            jobs = call(url + "listjobs.json?project=newsarchive")
            if any(done["id"] == job["jobid"] for done in jobs["finished"]):
                break
            time.sleep(0.3)
        else:
            raise AssertionError(f"the Scrapyd job did not finish: {jobs}")
    log = next((home / "logs").rglob(f"{job['jobid']}.log")).read_text()
    db = Database(archive)
    assert db["articles"].count == 2, log[-3000:]
    assert [row["site"] for row in db.query("select site from crawls")] == ["deployed"]
    assert {row["headline"] for row in db.query("select headline from articles")} == {
        "Deployed story 1", "Deployed story 2"}
