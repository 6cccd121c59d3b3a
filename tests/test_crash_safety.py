"""Crash safety: kill -9 at random moments, full disks and read-only archives.

The real `scrapy crawl news` over a healthy loopback site of ARTICLES articles:

- an uninterrupted crawl gives the reference archive;
- another archive is crawled and killed with SIGKILL (the crawl and its extraction workers, as
  a power cut or the OOM killer would) at KILL_ROUNDS random moments, each round resuming the
  archive the last one left; then a crawl is let finish. After every kill `PRAGMA
  integrity_check` is "ok"; at the end the archive holds the reference's articles, with the
  same content hashes, none twice. Meanwhile a reader polls the archive through the
  `sqlite-utils` CLI and never sees a partial row (an article without its page, a content
  hash that is not its headline and body's);
- a full disk (a tmpfs of a few hundred KB where one can be mounted; else the archive's size
  cap NEWSARCHIVE_DB_MAX_MB, which SQLite enforces the same way) and a read-only archive stop
  the crawl with a clear error and leave the archive consistent.

CI runs 3 kill rounds; NEWSARCHIVE_LONG_TESTS=1 runs 20.
"""
from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hostile_site import build_news_site
from newsarchive.archive.rows import content_hash
from newsarchive.fixtureserver import FixtureServer

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LONG = bool(os.environ.get("NEWSARCHIVE_LONG_TESTS"))
KILL_ROUNDS = 20 if LONG else 3
ARTICLES = 120
SETTINGS = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "INFO",
            "DOWNLOAD_TIMEOUT": 5}
ENV = {"TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}


def crawl_argv(url: str, db: Path, **settings) -> list[str]:
    argv = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={url}",
            "-s", f"NEWSARCHIVE_DB={db}"]
    for name, value in {**SETTINGS, **settings}.items():
        argv += ["-s", f"{name}={value}"]
    return argv


def crawl(url: str, db: Path, **settings) -> subprocess.CompletedProcess:
    return subprocess.run(crawl_argv(url, db, **settings), cwd=PROJECT_ROOT, env=ENV,
                          capture_output=True, text=True, timeout=300)


def integrity(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def articles(db: Path, *, read_only: bool = False) -> list[tuple[str, str]]:
    target, uri = (f"file:{db}?immutable=1", True) if read_only else (str(db), False)
    with contextlib.closing(sqlite3.connect(target, uri=uri)) as conn:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles'").fetchone():
            return []  # killed before its schema was committed: an empty archive
        return sorted(conn.execute("SELECT url, content_hash FROM articles"))


def pages_stored(db: Path) -> int:
    """pages rows committed so far (0 before the archive and its schema exist)."""
    if not db.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(db, timeout=5)) as conn:
            return conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    except sqlite3.OperationalError:  # no schema yet, or the file is being created
        return 0


def partial_rows(db: Path) -> list:
    """What a reader must never see, read through the sqlite-utils CLI: articles whose content
    hash is not their headline and body's, or whose page is missing or points elsewhere."""
    result = subprocess.run(
        [str(BIN / "sqlite-utils"), "query", str(db),
         "select a.url, a.headline, a.body, a.content_hash, p.article_url as page_article"
         " from articles a left join pages p on p.id = a.page_id"],
        capture_output=True, text=True, env=ENV)
    if result.returncode != 0:  # the file does not exist yet, or is being created
        return []
    return [row for row in json.loads(result.stdout)
            if row["content_hash"] != content_hash(row["headline"], row["body"])
            or row["page_article"] != row["url"]]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("news")
    build_news_site(root, articles=ARTICLES)
    with FixtureServer(root) as server:
        yield server


@pytest.fixture(scope="module")
def reference(site, tmp_path_factory):
    db = tmp_path_factory.mktemp("reference") / "archive.db"
    started = time.monotonic()
    process = crawl(site.url, db)
    assert process.returncode == 0, process.stderr[-3000:]
    found = articles(db)
    stories = {url for url, _ in found if "/news/story-" in url}
    assert len(stories) == ARTICLES
    return found, time.monotonic() - started


class Reader(threading.Thread):
    """Polls the archive with the sqlite-utils CLI until stopped; records partial rows."""

    def __init__(self, db: Path):
        super().__init__(daemon=True)
        self.db, self.polls, self.partial = db, 0, []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.is_set():
            self.partial += partial_rows(self.db)
            self.polls += 1
            self.stopping.wait(0.2)


def test_kill_9_at_random_moments_loses_and_duplicates_nothing(site, reference, tmp_path):
    expected, reference_seconds = reference
    db = tmp_path / "archive.db"
    rng = random.Random(11 if not LONG else time.time_ns())
    reader = Reader(db)
    reader.start()
    survived, archived_at_kill = 0, []
    # Kill moments spread over the whole crawl: each after a random number of further pages
    # stored, up to twice an even share of the crawl's pages, so the kills reach its end; the
    # first may come sooner, at a random time (start-up, schema creation, the first pages).
    # A first kill timed alone fell after the crawl had stored everything in most runs (the
    # pages go in during the last third of it), leaving every later round a finished archive.
    share = max(2, 2 * ARTICLES // KILL_ROUNDS)
    try:
        for round_number in range(KILL_ROUNDS):
            stored = pages_stored(db)
            process = subprocess.Popen(crawl_argv(site.url, db), cwd=PROJECT_ROOT, env=ENV,
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                       start_new_session=True)
            target = stored + rng.randint(1, share)
            deadline = time.monotonic() + (rng.uniform(0.2, max(1.0, reference_seconds))
                                           if round_number == 0 else float("inf"))
            while process.poll() is None and pages_stored(db) < target \
                    and time.monotonic() < deadline:
                time.sleep(0.02)
            with contextlib.suppress(ProcessLookupError):  # unless it finished first
                os.killpg(process.pid, signal.SIGKILL)  # the crawl and its extraction workers
            process.wait()
            if db.exists():
                assert integrity(db) == "ok"
                archived_at_kill.append(len(articles(db)))
            survived += 1
        final = crawl(site.url, db)
    finally:
        reader.stopping.set()
        reader.join()
    assert final.returncode == 0, final.stderr[-3000:]
    assert integrity(db) == "ok"
    found = articles(db)
    print(f"\nkill -9: {survived} rounds survived, articles archived at each kill "
          f"{archived_at_kill}, after the last run {len(found)} of {len(expected)}; reader "
          f"polls {reader.polls}, partial rows seen {len(reader.partial)}")
    # the kills hit the crawl while it was storing pages, not only once it was done
    assert min(archived_at_kill, default=0) < len(expected), archived_at_kill
    assert len({url for url, _ in found}) == len(found)  # none twice
    assert found == expected  # none lost, same content
    assert reader.partial == []


@contextlib.contextmanager
def small_tmpfs(path: Path, size: str):
    """A tmpfs of `size` mounted at path, or None where mounting is not allowed."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                              str(path)], capture_output=True).returncode == 0 \
        if shutil.which("mount") and os.geteuid() == 0 else False
    try:
        yield path if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], check=False)


def assert_stopped_cleanly(process, db: Path, reference: list) -> None:
    assert process.returncode == 1, process.stderr[-3000:]
    assert "the archive could not be written" in process.stderr
    assert "cannot write the archive" in process.stderr, process.stderr[-3000:]
    assert "database or disk is full" in process.stderr
    assert "'finish_reason': 'archive_error'" in process.stderr
    assert "Traceback" not in process.stderr, process.stderr[-3000:]
    assert integrity(db) == "ok"
    found = articles(db)
    assert 0 < len(found) < len(reference)
    assert set(found) <= set(reference)  # what is there is whole
    assert partial_rows(db) == []


def test_a_full_disk_stops_the_crawl_cleanly(site, reference, tmp_path):
    expected, _ = reference
    with small_tmpfs(tmp_path / "disk", "400k") as disk:
        if disk is not None:
            db = disk / "archive.db"
            process = crawl(site.url, db)
            assert_stopped_cleanly(process, db, expected)
            kept = tmp_path / "kept"
            kept.mkdir()
            for companion in disk.iterdir():  # the file and its WAL, checked off the full disk
                shutil.copy(companion, kept / companion.name)
            assert integrity(kept / "archive.db") == "ok"
    # The archive's size cap fails writes exactly as a full disk does (SQLITE_FULL); it works
    # everywhere, so CI always runs this part. Then the crawl resumes once there is room.
    db = tmp_path / "capped.db"
    process = crawl(site.url, db, NEWSARCHIVE_DB_MAX_MB=0.4)
    assert_stopped_cleanly(process, db, expected)
    resumed = crawl(site.url, db)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert articles(db) == expected


def test_a_file_that_is_not_an_archive_stops_the_crawl_before_it_starts(site, tmp_path):
    """NEWSARCHIVE_DB naming some other file: one line saying so, exit status 1, nothing
    fetched, the file untouched, and no traceback."""
    db = tmp_path / "notes.db"
    db.write_text("shopping list\n", encoding="utf-8")
    requests_before = len(site.requests)
    process = crawl(site.url, db)
    assert process.returncode == 1
    assert "is not an SQLite database (it starts with b'shopping list" in process.stderr
    assert "Traceback" not in process.stderr, process.stderr[-3000:]
    assert len(site.requests) == requests_before
    assert db.read_text(encoding="utf-8") == "shopping list\n"


def test_a_read_only_archive_stops_the_crawl_before_it_starts(site, tmp_path):
    db = tmp_path / "ro" / "archive.db"
    db.parent.mkdir()
    first = crawl(site.url, db, NEWSARCHIVE_MAX_PAGES=5)
    assert first.returncode == 0
    before = articles(db)
    with small_tmpfs(tmp_path / "romount", "10m") as mount:
        if mount is not None:  # root ignores file modes: a read-only mount it cannot ignore
            for companion in db.parent.iterdir():
                shutil.copy(companion, mount / companion.name)
            subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
            target = mount / "archive.db"
        elif os.geteuid() != 0:
            os.chmod(db, 0o400)
            os.chmod(db.parent, 0o500)
            target = db
        else:
            pytest.skip("running as root where no read-only mount can be made")
        requests_before = len(site.requests)
        process = crawl(site.url, target)
        assert process.returncode != 0
        assert "cannot write the archive" in process.stderr, process.stderr[-3000:]
        assert len(site.requests) == requests_before  # nothing fetched
        assert articles(target, read_only=True) == before
        print("\nread-only archive:", process.stderr.strip().splitlines()[-1])
        if mount is None:
            os.chmod(db.parent, 0o700)
