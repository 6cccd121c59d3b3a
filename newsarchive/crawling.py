"""CLI commands that crawl: `crawl`, `demo` and `serve-fixtures`.

Scrapy only ever runs in a subprocess, `python -m spiders crawl news ...` (spiders/__main__.py:
Scrapy with the project's settings, found without a scrapy.cfg), in the user's working
directory, so relative paths (the archive, the site list) are the user's and an installed
newsarchive crawls from any folder. Importing newsarchive never imports Scrapy.
newsarchive.cli registers these commands.
"""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NoReturn

import click

from .fixtureserver import FixtureServer
from .sites import SiteListError, load_site_list, parse_duration as duration_seconds

#: The project root: where scrapy.cfg lives in a checkout.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_SITE = PROJECT_ROOT / "tests" / "fixtures" / "sites" / "demo"
DEFAULT_DB = "data/archive.db"
DEMO_DEPTH = 2


def scrapy_env() -> dict[str, str]:
    """The environment for a Scrapy subprocess: nothing may fetch the public suffix list."""
    env = dict(os.environ)
    env["TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS"] = ""
    return env


def crawl_command(urls: list[str], db: str, *, depth: int | None = None,
                  max_pages: int | None = None, full: bool = False,
                  revisit_after: float | None = None,
                  settings: dict[str, str] | None = None,
                  sites: str | None = None, site_names: list[str] | tuple = ()) -> list[str]:
    """The argv of `scrapy crawl news` (run as `python -m spiders`) for these start URLs, or
    this site list (and these of its sites), archive and limits.

    full: fetch archived articles again too (NEWSARCHIVE_INCREMENTAL=False); revisit_after:
    seconds after which an archived article is revisited (NEWSARCHIVE_REVISIT_AFTER).
    """
    argv = [sys.executable, "-m", "spiders", "crawl", "news"]
    if sites:
        argv += ["-a", f"sites={sites}"]
        if site_names:
            argv += ["-a", "site=" + ",".join(site_names)]
    else:
        argv += ["-a", "url=" + ",".join(urls)]
    argv += ["-s", f"NEWSARCHIVE_DB={db}"]
    if depth is not None:
        argv += ["-s", f"DEPTH_LIMIT={depth}"]
    if max_pages is not None:
        argv += ["-s", f"NEWSARCHIVE_MAX_PAGES={max_pages}"]
    if full:
        argv += ["-s", "NEWSARCHIVE_INCREMENTAL=False"]
    if revisit_after is not None:
        argv += ["-s", f"NEWSARCHIVE_REVISIT_AFTER={revisit_after:g}"]
    for name, value in (settings or {}).items():
        argv += ["-s", f"{name}={value}"]
    return argv


def parse_duration(text: str) -> float:
    """Seconds in a duration like "90m", "6h", "2d", "1w" or plain seconds ("3600")."""
    try:
        return duration_seconds(text)
    except ValueError:
        raise click.BadParameter(
            f"expected a positive duration like 6h, 2d or 3600, got {text!r}") from None


def parse_setting(text: str) -> tuple[str, str]:
    """A NAME=VALUE command-line setting as (NAME, VALUE)."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise click.BadParameter(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def exec_crawl(urls: list[str], db: str, **options) -> NoReturn:
    """Become the news spider's process (exec), in this working directory.

    Exec rather than a child process: cron and systemd see the crawl's own exit status
    (newsarchive.crawl_summary: 0, 1 a site failed, 2 usage, 75 archive busy) and signals
    (Ctrl-C, SIGTERM) reach Scrapy once, which then stops gracefully and records the run.
    """
    argv = crawl_command(urls, db, **options)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(argv[0], argv, scrapy_env())


def sqlite_utils_bin() -> str:
    """The sqlite-utils executable of this interpreter's environment (else from PATH)."""
    beside = Path(sys.executable).parent / "sqlite-utils"
    if beside.exists():
        return str(beside)
    found = shutil.which("sqlite-utils")
    if found is None:
        raise click.ClickException("sqlite-utils is not installed")
    return found


def remove_database(db: Path) -> None:
    """Delete an SQLite file with its WAL and shared-memory companions."""
    for suffix in ("", "-wal", "-shm"):
        companion = db.with_name(db.name + suffix)
        if companion.exists():
            companion.unlink()


def demo_queries(db: str) -> list[list[str]]:
    """The sqlite-utils commands the demo shows (argv without the executable)."""
    return [
        ["query", db, "select (select count(*) from articles) as articles, "
                      "(select count(*) from pages) as pages, "
                      "(select count(*) from crawls) as crawls", "--table"],
        ["query", db, "select status, count(*) as pages, max(error) as error from pages "
                      "group by status order by status", "--table"],
        ["search", db, "articles", "Assad", "-c", "headline", "-c", "dateline", "--table"],
        ["query", db, "select site, headline, date_published from articles "
                      "order by date_published desc limit 5", "--table"],
        ["query", db, "select dateline, substr(body, 1, 60) as body_starts, "
                      "json_array_length(boilerplate) as boilerplate_blocks from articles "
                      "where dateline is not null order by dateline limit 5", "--table"],
        ["query", db, "select language, count(*) as articles from articles "
                      "group by language order by articles desc, language", "--table"],
    ]


@click.command("serve-fixtures")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--port", type=int, default=8000, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--verbose", is_flag=True, help="Log every request.")
def serve_fixtures(directory: Path, port: int, verbose: bool) -> None:
    """Serve a fixture site DIRECTORY on 127.0.0.1 until Ctrl-C."""
    server = FixtureServer(directory, port=port, verbose=verbose)
    server.start()
    click.echo(f"Serving {directory} at {server.url} (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


@click.command("crawl")
@click.argument("urls", nargs=-1)
@click.option("--sites", "sites_file", type=click.Path(dir_okay=False), default=None,
              help="A site list (sites.toml): crawl its sites, each on its own terms.")
@click.option("--site", "site_names", multiple=True, metavar="NAME",
              help="Only this site of the site list (repeatable).")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Archive SQLite file.")
@click.option("--depth", type=int, default=None, help="Link depth limit (default: settings).")
@click.option("--max-pages", type=int, default=None, help="Page cap (default: settings).")
@click.option("--full", is_flag=True,
              help="Fetch articles the archive holds again too (default: only new or changed).")
@click.option("--revisit-after", default=None, metavar="DURATION",
              help="Also revisit archived articles fetched longer ago than this (6h, 2d, 1w).")
@click.option("--quiet", "-q", is_flag=True,
              help="Print only problems (for cron): no log below ERROR, no summary of sites "
                   "that went well.")
@click.option("--set", "-s", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Any other Scrapy setting, e.g. -s DOWNLOAD_DELAY=2 (repeatable).")
def crawl(urls: tuple[str, ...], sites_file: str | None, site_names: tuple[str, ...], db: str,
          depth: int | None, max_pages: int | None, full: bool, revisit_after: str | None,
          quiet: bool, overrides: tuple[str, ...]) -> None:
    """Crawl news sites from home, section, sitemap or feed URLS, or the sites of a site list
    (--sites FILE), into the archive.

    Run it again (from cron, say) to fetch what is new: articles already archived are skipped
    unless a sitemap or feed dates it after its last fetch; revisits are conditional GETs.
    Prints a summary per site. Exit status: 0 ok; 1 a site failed as a whole (every start URL
    failed) or the run was interrupted; 2 a mistake in the arguments or the site list; 75
    another crawl holds the archive.
    """
    if sites_file and urls:
        raise click.UsageError("give start URLS or --sites FILE, not both")
    if not sites_file and not urls:
        raise click.UsageError("give start URLS or --sites FILE")
    if site_names and not sites_file:
        raise click.UsageError("--site NAME picks sites of a site list: give --sites FILE")
    if sites_file and (depth is not None or max_pages is not None):
        raise click.UsageError("with --sites, each site's depth and max_pages are set in the "
                               "site list")
    if sites_file:
        try:
            load_site_list(sites_file, list(site_names) or None)
        except SiteListError as error:
            click.echo(f"newsarchive: {error}", err=True)
            sys.exit(2)
    settings = dict(parse_setting(item) for item in overrides)
    if quiet:
        settings.setdefault("LOG_LEVEL", "ERROR")
        settings.setdefault("NEWSARCHIVE_SUMMARY", "problems")
    exec_crawl(list(urls), db, depth=depth, max_pages=max_pages, full=full,
               revisit_after=parse_duration(revisit_after) if revisit_after else None,
               settings=settings, sites=sites_file, site_names=site_names)


@click.command("demo")
@click.option("--db", default=DEFAULT_DB, show_default=True,
              help="Archive SQLite file (recreated).")
def demo(db: str) -> None:
    """Crawl the bundled demo site into a fresh archive and query it with sqlite-utils."""
    db_path = Path(db).resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    remove_database(db_path)
    with FixtureServer(DEMO_SITE) as server:
        click.echo(f"Demo site served at {server.url}")
        # The demo site is two hops deep (home, sections, articles); its article pages keep
        # the relative links of their original sites, which lead nowhere on the demo host.
        argv = crawl_command([server.url], str(db_path), depth=DEMO_DEPTH,
                             settings={"LOG_LEVEL": "ERROR", "DOWNLOAD_DELAY": "0",
                                       "AUTOTHROTTLE_ENABLED": "False"})
        click.echo("$ " + shlex.join(["scrapy", *argv[3:]]))
        code = subprocess.call(argv, env=scrapy_env())
    if code != 0:
        raise click.ClickException(f"scrapy crawl exited with code {code}")
    executable = sqlite_utils_bin()
    for query in demo_queries(db):
        click.echo("")
        click.echo("$ " + shlex.join(["sqlite-utils", *query]))
        result = subprocess.run([executable, *query], capture_output=True, text=True)
        click.echo(result.stdout.rstrip())
        if result.returncode != 0:
            raise click.ClickException(result.stderr.strip() or "sqlite-utils failed")
