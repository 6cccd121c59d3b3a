"""`scrapy crawl`, as Scrapy's, plus what a scheduled job needs (COMMANDS_MODULE points here).

After the crawl it prints a summary, one line per site, from the run's `crawls` rows
(NEWSARCHIVE_SUMMARY: "full", the default; "problems", only the sites with a problem, for
cron; "none"), and exits with a status cron can act on (newsarchive.crawl_summary):

    0   every site crawled
    1   a site failed as a whole (every start URL failed), the run was interrupted, the
        archive refused a write (full disk, read-only: the crawl was stopped), or the crawl
        could not start for another reason
    2   a mistake in the site list or the spider arguments (nothing was requested)
    75  another crawl holds the archive (its lock); nothing was requested

Spider and archive set-up errors are reported as one clear line instead of a traceback.
"""
from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from twisted.internet.defer import Deferred

from newsarchive.archive import Archive, ArchiveBusy
from newsarchive.crawl_summary import (
    EXIT_BUSY, EXIT_FAILED, EXIT_OK, EXIT_USAGE, exit_status, summary_lines,
)
from newsarchive.sites import SiteListError


class Command(ScrapyCrawlCommand):
    def short_desc(self) -> str:
        return "Run a spider; newsarchive: a summary per site and a meaningful exit status"

    def run(self, args, opts) -> None:
        if len(args) != 1:
            return super().run(args, opts)
        assert self.crawler_process
        crawler = self._create_crawler(args[0])
        errors: list[BaseException] = []
        started = self.crawler_process.crawl(crawler, **opts.spargs)
        watch_errors(started, errors)
        self.crawler_process.start()
        if errors:
            self.exitcode = report_error(errors[0])
        elif self.crawler_process.bootstrap_failed:
            self.exitcode = EXIT_FAILED
        else:
            self.exitcode = report_crawl(crawler)


def watch_errors(started, errors: list) -> None:
    """Collect the exception a crawl's set-up raised (a Deferred or an asyncio Task)."""
    if isinstance(started, Deferred):
        def keep(failure):
            errors.append(failure.value)
        started.addErrback(keep)
    elif hasattr(started, "add_done_callback"):
        def done(task):
            if not task.cancelled() and task.exception() is not None:
                errors.append(task.exception())
        started.add_done_callback(done)


def report_error(error: BaseException) -> int:
    """One line on stderr for a crawl that could not start; its exit status."""
    if isinstance(error, ArchiveBusy):
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_BUSY
    if isinstance(error, (SiteListError, ValueError, TypeError)):
        print(f"newsarchive: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"newsarchive: the crawl could not start: {type(error).__name__}: {error}",
          file=sys.stderr)
    return EXIT_FAILED


def report_crawl(crawler) -> int:
    """Print the summary of the run's crawls rows; the run's exit status."""
    settings = crawler.settings
    archive_error = crawler.stats.get_value("newsarchive/archive_error") if crawler.stats else None
    if archive_error:  # a full disk, say: the summary could not be written either
        print(f"newsarchive: the crawl stopped, the archive could not be written: "
              f"{archive_error}", file=sys.stderr)
        return EXIT_FAILED
    crawl_ids = crawler.stats.get_value("newsarchive/crawl_ids") if crawler.stats else None
    db = settings.get("NEWSARCHIVE_DB") or "data/archive.db"
    if not crawl_ids:
        return EXIT_OK
    with Archive(db) as archive:
        rows = [dict(row) for row in archive.db.query(
            "SELECT * FROM crawls WHERE id IN (%s) ORDER BY id" % ",".join("?" * len(crawl_ids)),
            list(crawl_ids.values()))]
    mode = (settings.get("NEWSARCHIVE_SUMMARY") or "full").lower()
    if mode != "none":
        lines = summary_lines(rows, db=db, quiet=mode == "problems")
        for line in lines:
            print(line, file=sys.stderr if mode == "problems" else sys.stdout)
        sys.stdout.flush()
    return exit_status(rows) if rows else EXIT_OK
