"""The `newsarchive` command: extract pages, and read or rebuild the archive.

Every command that touches an archive takes `--db PATH` (default data/archive.db, the file the
spiders write through NEWSARCHIVE_DB). Output is JSON, as with sqlite-utils.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .archive import DEFAULT_PATH, Archive
from .crawling import crawl, demo, serve_fixtures
from .extract import extract as extract_article


def existing_db_option(function):
    """--db for commands that read an archive: it must exist (no empty file made by a typo)."""
    return click.option(
        "--db", "db_path", default=DEFAULT_PATH, show_default=True,
        type=click.Path(exists=True, dir_okay=False), help="Archive SQLite file.")(function)


def echo_json(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group()
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


@cli.command()
@existing_db_option
@click.option("--include-captions", is_flag=True, help="Keep image captions and credits in bodies.")
def reextract(db_path: str, include_captions: bool) -> None:
    """Rebuild the articles from the stored pages with the current extractor (no network).

    Replays every successful fetch in fetch order; articles and article_versions are rewritten
    in one transaction. Prints counts.
    """
    with Archive(db_path) as archive:
        echo_json(archive.reextract(include_captions=include_captions))


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
@existing_db_option
@click.option("--format", "output_format", type=click.Choice(["jsonl", "json", "warc"]),
              default="jsonl", show_default=True,
              help="Articles as one JSON object per line or one JSON array; or the fetches "
                   "themselves as a WARC 1.1 file (gzip per record).")
@click.option("--site", help="Only this host (www. ignored).")
@click.option("--since", help="warc: only fetches from this date or ISO datetime on.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of stdout.")
def export(db_path: str, output_format: str, site: str | None, since: str | None,
           output: str) -> None:
    """Export the archived articles, or every fetch as WARC."""
    with Archive(db_path) as archive:
        if output_format == "warc":
            if output == "-" and sys.stdout.isatty():
                raise click.UsageError("a WARC is binary: give -o FILE or redirect stdout")
            if output == "-":
                counts = archive.export_warc(sys.stdout.buffer, site=site, since=since)
            else:
                with open(output, "wb") as stream:
                    counts = archive.export_warc(stream, site=site, since=since,
                                                 filename=Path(output).name)
            click.echo(json.dumps(counts), err=True)
            return
        if since:
            raise click.UsageError("--since applies to --format warc")
        articles = archive.iter_articles(site=site)
        with click.open_file(output, "w", encoding="utf-8") as stream:
            if output_format == "jsonl":
                for article in articles:
                    stream.write(json.dumps(article, ensure_ascii=False) + "\n")
            else:
                stream.write(json.dumps(list(articles), ensure_ascii=False, indent=2) + "\n")


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

    Pages and articles stay archived. Prints how many frontier rows went.
    """
    with Archive(db_path) as archive:
        removed = archive.reset_frontier(site)
    echo_json({"site": site, "removed": removed})


cli.add_command(crawl)
cli.add_command(demo)
cli.add_command(serve_fixtures)
