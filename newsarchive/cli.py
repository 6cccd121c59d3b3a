"""The `newsarchive` command: extract pages, and read or rebuild the archive.

Every command that touches an archive takes `--db PATH` (default data/archive.db, the file the
spiders write through NEWSARCHIVE_DB). Output is JSON, as with sqlite-utils.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import click

from . import __version__
from .archive import DEFAULT_PATH, Archive, ArchiveBusy, ArchiveLock
from .archive.export import BINARY_FORMATS, EXPORT_FORMATS, Selection
from .archive.export import export as export_archive
from .archive.history import render_history
from .crawling import crawl, demo, serve_fixtures
from .extract import extract as extract_article


def existing_db_option(function):
    """--db for commands that read an archive: it must exist (no empty file made by a typo)."""
    return click.option(
        "--db", "db_path", default=DEFAULT_PATH, show_default=True,
        type=click.Path(exists=True, dir_okay=False), help="Archive SQLite file.")(function)


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


class ArchiveCommands(click.Group):
    """Commands whose archive SQLite cannot use (not a database, damaged, locked) end with an
    error line naming why and exit status 1, not a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except sqlite3.DatabaseError as error:
            raise click.ClickException(f"cannot use the archive: {error}") from error


@click.group(cls=ArchiveCommands)
@click.version_option(__version__, prog_name="newsarchive")
def cli() -> None:
    """Crawl news sites, extract articles, archive them in SQLite."""


@cli.command()
@click.argument("path", type=click.File("rb"))
@click.option("--url", help="The page's URL (resolves relative links, becomes Article.url).")
@click.option("--include-captions", is_flag=True,
              help="Keep image captions and credits in the body.")
def extract(path, url: str | None, include_captions: bool) -> None:
    """Extract the article from an HTML file (PATH, or - for stdin) and print it as JSON."""
    article = extract_article(path.read(), url=url, include_captions=include_captions)
    echo_json(article.to_dict())


class StderrProgress:
    """A progress bar on stderr for progress(done, total) callbacks; silent off a terminal."""

    def __init__(self, label: str):
        self.label = label
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        if self.bar is None or self.bar.length != total:
            self.close()
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr,
                                         show_pos=True, show_eta=True)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@cli.command()
@existing_db_option
@click.option("--site", help="Only the articles of this host (www. ignored).")
@click.option("--since", help="Only the articles fetched since this ISO date or datetime.")
@click.option("--workers", type=click.IntRange(min=1),
              help="Extraction processes.  [default: every core]")
@click.option("--include-captions", is_flag=True, help="Keep image captions and credits in bodies.")
def reextract(db_path: str, site: str | None, since: str | None, workers: int | None,
              include_captions: bool) -> None:
    """Rebuild the articles from the stored pages with the current extractor (no network).

    Replays every successful fetch of the articles in scope in fetch order, extracting on every
    core with a progress bar on stderr; articles and article_versions are rewritten in one
    transaction. Interrupted, the next run with the same options resumes. Prints counts:
    articles new, changed, unchanged and removed, pages replayed, errors.
    """
    progress = StderrProgress("re-extracting")
    with Archive(db_path) as archive:
        try:
            counts = archive.reextract(site=site, since=since, workers=workers,
                                       progress=progress, include_captions=include_captions)
        finally:
            progress.close()
    echo_json(counts)


@cli.command()
@existing_db_option
def stats(db_path: str) -> None:
    """Rows per table, articles per site, and every crawl with its counters."""
    with Archive(db_path) as archive:
        echo_json(archive.stats())


@cli.command()
@click.argument("url")
@existing_db_option
@click.option("--versions", is_flag=True, help="Add every archived version of headline and body.")
def show(url: str, db_path: str, versions: bool) -> None:
    """Print one archived article as JSON: by canonical URL or any URL it was fetched as."""
    with Archive(db_path) as archive:
        article = archive.get_article(url)
        if article is None:
            raise click.ClickException(f"no archived article for {url}")
        if versions:
            article["versions"] = archive.article_versions(article["url"])
    echo_json(article)


@cli.command()
@click.argument("url")
@existing_db_option
@click.option("--json", "as_json", is_flag=True,
              help="Print JSON: every version with its changes as {op, text} runs.")
@click.option("--full", is_flag=True, help="Show unchanged paragraphs too.")
@click.option("--color/--no-color", default=None,
              help="Colour removed and added words.  [default: on a terminal]")
def history(url: str, db_path: str, as_json: bool, full: bool, color: bool | None) -> None:
    """An article's versions with what changed in each: [-removed-]{+added+} words.

    URL is the article's canonical URL or any URL it was fetched as.
    """
    with Archive(db_path) as archive:
        found = archive.history(url)
    if found is None:
        raise click.ClickException(f"no archived article for {url}")
    if as_json:
        echo_json(found)
        return
    colour = sys.stdout.isatty() if color is None else color
    click.echo(render_history(found["url"], found["versions"], colour=colour, full=full),
               color=colour)


@cli.command()
@existing_db_option
@click.option("--format", "output_format", type=click.Choice(list(EXPORT_FORMATS)),
              default="jsonl", show_default=True,
              help="Articles as JSON lines, one JSON array or CSV with a header row; or the"
                   " fetches themselves as a WARC 1.1 file (gzip per record).")
@click.option("--site", help="Only this host (www. ignored).")
@click.option("--since", help="Only articles dated (published, else first archived) on or after"
              " this ISO date or datetime; warc: fetches from then on.")
@click.option("--until", help="Only articles dated on or before this ISO date, datetime or"
              " prefix (2026-03: to the end of March).")
@click.option("-o", "--output", type=click.File("wb"), default="-",
              help="Write here instead of stdout.")
def export(db_path: str, output_format: str, site: str | None, since: str | None,
           until: str | None, output) -> None:
    """Export the archived articles, or every fetch as WARC."""
    if output_format in BINARY_FORMATS and output.isatty():
        raise click.UsageError(f"{output_format} is binary: give -o FILE or redirect stdout")
    with Archive(db_path) as archive:
        try:
            counts = export_archive(archive, output, output_format,
                                    Selection(site=site, since=since, until=until))
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
    if output_format in BINARY_FORMATS:
        click.echo(json.dumps(counts), err=True)


@cli.command()
@existing_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("-p", "--port", type=click.IntRange(1, 65535), default=8001, show_default=True,
              help="Port to listen on.")
@click.option("--metadata", "metadata_path", type=click.Path(dir_okay=False, writable=True),
              help="Write the Datasette metadata to this file and exit, serving nothing.")
def datasette(db_path: str, host: str, port: int, metadata_path: str | None) -> None:
    """Serve the archive with Datasette: table and column descriptions, facets (site, language,
    section, date), full-text search on articles, and saved queries.

    Needs the datasette extra: pip install 'newsarchive[datasette]'.
    """
    from .archive.datasette import metadata, write_metadata
    if metadata_path:
        write_metadata(db_path, metadata_path)
        return
    try:
        import uvicorn
        from datasette.app import Datasette
    except ImportError:
        raise click.ClickException(
            "Datasette is not installed: pip install 'newsarchive[datasette]'") from None
    with Archive(db_path):
        pass  # brings an older archive to the current schema before Datasette reads it
    app = Datasette([db_path], metadata=metadata(Path(db_path).stem),
                    settings={"sql_time_limit_ms": 5000, "facet_time_limit_ms": 1000})
    click.echo(f"Serving {db_path} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app.app(), host=host, port=port, log_level="warning")
@cli.command("import-warc")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--db", "db_path", default=DEFAULT_PATH, show_default=True,
              type=click.Path(dir_okay=False), help="Archive SQLite file (created if missing).")
def import_warc(files: tuple[Path, ...], db_path: str) -> None:
    """Archive the HTML responses of WARC files (.warc or .warc.gz, any writer).

    Each response goes through the same extraction as a crawl, dated by its WARC-Date; fetches
    the archive holds already are skipped; revisit records are resolved through the archive's
    payloads. A progress bar goes to stderr when it is a terminal. Prints counts; a file that is
    no WARC is named under failed_files (exit status 1) and the others are still read.
    """
    total = sum(path.stat().st_size for path in files)
    with Archive(db_path) as archive:
        if sys.stderr.isatty():
            with click.progressbar(length=total, label="importing", file=sys.stderr) as bar:
                counts = archive.import_warc(files, progress=bar.update)
        else:
            counts = archive.import_warc(files)
    echo_json(counts)
    if counts["failed_files"]:
        raise SystemExit(1)


@cli.group()
def frontier() -> None:
    """The crawl schedule (the archive's `frontier` table: one row per URL)."""


@frontier.command("reset")
@existing_db_option
@click.option("--site", required=True, help="The site's name (the frontier's `site` column).")
def frontier_reset(db_path: str, site: str) -> None:
    """Clear one site's schedule: its next run asks every URL again, unconditionally.

    Pages and articles stay archived. Prints how many frontier rows went (0 for a site it
    has no rows of). A crawl running on the archive makes it stop at once (exit 75), as a
    second crawl would.
    """
    try:
        lock = ArchiveLock(db_path, holder="newsarchive frontier reset").acquire()
    except ArchiveBusy as error:
        click.echo(f"newsarchive: {error}", err=True)
        sys.exit(75)
    try:
        with Archive(db_path) as archive:
            removed = archive.reset_frontier(site)
    finally:
        lock.release()
    echo_json({"site": site, "removed": removed})


cli.add_command(crawl)
cli.add_command(demo)
cli.add_command(serve_fixtures)
