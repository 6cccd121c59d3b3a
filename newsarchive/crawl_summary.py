"""The summary a crawl prints at its end: one line per site, from its `crawls` row.

    example   ok      discovered 120, fetched 52: 30 new, 2 changed, 5 unchanged, 10 not modified;
                      robots-blocked 1; skipped 12 (tag 8, page_cap 4); failed 3 (HTTP 404 2, TimeoutError 1)

No Scrapy here: the crawl command (spiders/commands/crawl.py) calls it after the crawl.
"""
from __future__ import annotations

import json

#: Exit statuses of a crawl (`scrapy crawl news`, `newsarchive crawl`).
EXIT_OK = 0
EXIT_FAILED = 1       # a site failed as a whole (every start URL failed), or the crawl was cut short
EXIT_USAGE = 2        # a mistake in the site list or the arguments; nothing was requested
EXIT_BUSY = 75        # EX_TEMPFAIL: another crawl holds the archive; try again later

#: Statuses of a site's crawls row that make the run fail.
PROBLEM_STATUSES = ("failed", "interrupted", "archive_error")


def by_name(value) -> dict:
    """A JSON object column as a dict ({} for NULL or bad JSON)."""
    if isinstance(value, dict):
        return value
    try:
        found = json.loads(value or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def breakdown(counts: dict) -> str:
    """ "12 (tag 8, page_cap 4)" from {"tag": 8, "page_cap": 4}; "0" when empty."""
    total = sum(counts.values())
    if not total:
        return "0"
    parts = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return f"{total} (" + ", ".join(f"{name} {count}" for name, count in parts) + ")"


def site_line(row: dict, width: int = 0) -> str:
    """One site's line of the summary from its crawls row."""
    counters = by_name(row.get("counters"))

    def n(name: str) -> int:
        return row.get(name) or 0

    # re-fetched in full with the same content (articles_unchanged also counts 304s)
    unchanged = counters.get("unchanged", max(n("articles_unchanged") - n("not_modified"), 0))
    line = (f"{(row.get('site') or '-'):<{width}}  {(row.get('status') or 'ok'):<11} "
            f"discovered {n('discovered')}, fetched {n('fetched')}: {n('articles_new')} new, "
            f"{n('articles_updated')} changed, {unchanged} unchanged, "
            f"{n('not_modified')} not modified; robots-blocked {n('robots_blocked')}; "
            f"skipped {breakdown(by_name(row.get('skipped')))}; "
            f"failed {breakdown(by_name(row.get('failed')))}")
    if row.get("status") == "failed":
        line += " -- every start URL failed"
    return line


def summary_lines(rows: list[dict], *, db: str = "", quiet: bool = False) -> list[str]:
    """The summary of one run's crawls rows; with quiet, only the sites with a problem."""
    width = max((len(row.get("site") or "-") for row in rows), default=1)
    problems = [row for row in rows if row.get("status") in PROBLEM_STATUSES]
    shown = problems if quiet else rows
    lines = [site_line(row, width) for row in shown]
    if not quiet:
        new = sum(row.get("articles_new") or 0 for row in rows)
        changed = sum(row.get("articles_updated") or 0 for row in rows)
        lines.append(f"{len(rows)} site{'s' * (len(rows) != 1)} crawled into {db}: {new} new "
                     f"article{'s' * (new != 1)}, {changed} changed"
                     + (f"; {len(problems)} with a problem" if problems else ""))
    return lines


def exit_status(rows: list[dict]) -> int:
    """EXIT_FAILED when a site failed as a whole or the run was interrupted, else EXIT_OK."""
    return EXIT_FAILED if any(row.get("status") in PROBLEM_STATUSES for row in rows) else EXIT_OK
