"""The end-of-run summary, the exit status, and the failure reasons counted per site."""
import json

from newsarchive.crawl_summary import EXIT_FAILED, EXIT_OK, exit_status, summary_lines
from pipelines.archive import failure_reason, site_counters


def row(site, status="ok", **columns):
    return {"site": site, "status": status, "discovered": 10, "fetched": 8, "articles_new": 3,
            "articles_updated": 1, "articles_unchanged": 2, "not_modified": 2,
            "robots_blocked": 1, "skipped": json.dumps({"tag": 4, "page_cap": 1}),
            "failed": json.dumps({}), "counters": json.dumps({"unchanged": 0}), **columns}


def test_summary_lines_one_per_site_then_totals():
    lines = summary_lines([row("daily"), row("weekly-paper", status="failed",
                                             failed=json.dumps({"HTTP 404": 1}))], db="a.db")
    assert lines[0] == ("daily         ok          discovered 10, fetched 8: 3 new, 1 changed, "
                        "0 unchanged, 2 not modified; robots-blocked 1; "
                        "skipped 5 (tag 4, page_cap 1); failed 0")
    assert lines[1].startswith("weekly-paper  failed ")
    assert lines[1].endswith("failed 1 (HTTP 404 1) -- every start URL failed")
    assert lines[2] == "2 sites crawled into a.db: 6 new articles, 2 changed; 1 with a problem"


def test_quiet_summary_shows_only_problems():
    assert summary_lines([row("daily")], quiet=True) == []
    [line] = summary_lines([row("daily"), row("weekly", status="interrupted")], quiet=True)
    assert line.startswith("weekly  interrupted")


def test_exit_status():
    assert exit_status([row("a"), row("b")]) == EXIT_OK
    assert exit_status([row("a"), row("b", status="failed")]) == EXIT_FAILED
    assert exit_status([row("a", status="interrupted")]) == EXIT_FAILED


def test_failure_reasons():
    assert failure_reason("HTTP 404 Not Found") == "HTTP 404"
    assert failure_reason("HTTP 599") == "HTTP 599"
    assert failure_reason("extract: ValueError: bad") == "extract"
    assert failure_reason("DownloadFailedError: ConnectionDone: Connection was closed cleanly.") \
        == "ConnectionDone"
    assert failure_reason("TimeoutError: Getting http://x took longer than 30 seconds.") \
        == "TimeoutError"
    assert failure_reason("weird") == "weird"
    assert failure_reason("no reason given here") == "other"


def test_site_counters_group_skipped_and_failed():
    stats = {"newsarchive/daily/fetched": 4, "newsarchive/daily/skipped/tag": 2,
             "newsarchive/daily/failed/HTTP 404": 1, "newsarchive/weekly/fetched": 9,
             "newsarchive/frontier/new": 3}
    assert site_counters(stats, "daily") == {"fetched": 4, "skipped_by_kind": {"tag": 2},
                                             "failed_by_reason": {"HTTP 404": 1}}
