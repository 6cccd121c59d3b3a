"""The crawl frontier: what a scheduled crawl fetches, and when it asks again.

The archive's `frontier` table holds one row per URL (its normalised key, newsarchive.urls)
a crawl has met, for people to read with sqlite-utils:

    url           the URL's key                     site      the site list's name (else host)
    kind          article, home, section, sitemap, feed, page (HTML, not an article), robots
                  (a host's robots.txt), other
    first_seen    first met (discovered or fetched) last_seen  last met
    last_fetched  last asked (any outcome)          status     its HTTP status (NULL: no answer)
    etag, last_modified   validators of the last full answer, for conditional requests
    next_check    when it is due again (NULL: see below)
    failures      failed asks in a row (reset by a success)
    depth         link hops from a start page when met     error  the last failure's reason

Every fetch the archive stores updates its row in the same transaction (record_fetch), and the
schedule is computed there (schedule_next):

    article       re-checked, conditionally, on its site's `revisit` schedule counted from its
                  publication (else first seen): by default 1 h, 6 h, 1 d and 7 d old, then
                  never (next_check NULL) unless a sitemap or feed dates it after its last fetch
    hubs          home, section, sitemap, feed, robots and other pages: revalidated (If-None-Match /
                  If-Modified-Since) whenever a run reaches them; next_check NULL. A child
                  sitemap whose <lastmod> in its index predates its last fetch is not asked.
    404, 410 and other refusals (4xx but 408/429): not asked again for a day, then a week,
                  then never (next_check NULL)
    5xx, 408, 429, timeouts, dropped connections, extraction errors: tried again next run,
                  then after 1 h, 6 h, 1 d, then weekly

`Frontier.plan()` reads the table and decides for one URL (reasons counted by the spider):

    new       never fetched: fetch             retry     due after a failure: fetch
    hub       a hub: fetch conditionally       changed   an article a sitemap/feed dates after
    due       an article its schedule (or        its last fetch: fetch conditionally
              revisit_after) makes due:        archived  an article with no reason to ask
              fetch conditionally              dead      a dead link not due yet; gone: never
    backoff   failing, not due yet             sitemap_unchanged  skipped by its index lastmod

A killed crawl resumes by running it again: what it archived is skipped, URLs it discovered
but did not reach are in the table (never fetched) and `Frontier.due()` hands them back.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

from ..urls import looks_like_article, site_host, url_key

#: The default article revisit schedule, as ages: then never.
DEFAULT_REVISIT = (3600.0, 6 * 3600.0, 86400.0, 7 * 86400.0)
#: After a 404/410 (and other refusals): ask again after these, then never.
GONE_SCHEDULE = (timedelta(days=1), timedelta(days=7))
#: After a 5xx, a timeout or a dropped connection: ask again after these (the last repeats).
BACKOFF_SCHEDULE = (timedelta(0), timedelta(hours=1), timedelta(hours=6), timedelta(days=1),
                    timedelta(days=7))
#: 4xx statuses that are worth asking again soon (timeout, rate limit): treated like a 5xx.
TRANSIENT_4XX = (408, 425, 429)
HUB_KINDS = ("home", "section", "sitemap", "feed", "page", "robots", "other")

FRONTIER_COLUMNS = {
    "url": str, "site": str, "kind": str, "first_seen": str, "last_seen": str,
    "last_fetched": str, "status": int, "etag": str, "last_modified": str, "next_check": str,
    "failures": int, "depth": int, "error": str,
}


def create_frontier_table(db) -> None:
    """The frontier table and its indexes (used by the archive's migration)."""
    db["frontier"].create(FRONTIER_COLUMNS, pk="url", not_null={"url"},
                          defaults={"failures": 0})
    db["frontier"].create_index(["site", "next_check"])
    db["frontier"].create_index(["kind"])


@dataclass(frozen=True)
class Plan:
    """What to do with one URL."""

    fetch: bool
    """Whether to request the URL at all."""
    reason: str
    """new, retry, hub, changed, due, archived, dead, gone, backoff or sitemap_unchanged."""
    headers: dict[str, str] = field(default_factory=dict)
    """Conditional request headers for a revalidation (If-None-Match, If-Modified-Since)."""
    last_fetched: str | None = None
    """When the URL was last asked (ISO 8601 UTC), if ever."""
    kind: str | None = None
    """What the frontier knows the URL to be (article, home, section, sitemap, ...)."""


def parse_lastmod(value: str | None) -> datetime | None:
    """A sitemap/feed date as an aware UTC datetime; a date alone means the end of that day
    (a page changed on the day it was fetched may have changed after the fetch)."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            moment = datetime.combine(datetime.fromisoformat(text).date(), time.max)
        else:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(timezone.utc).isoformat() if moment is not None else None


def conditional_headers(response_headers: dict | str | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since for the validators a stored response carried."""
    if isinstance(response_headers, str):
        try:
            response_headers = json.loads(response_headers)
        except ValueError:
            return {}
    if not isinstance(response_headers, dict):
        return {}
    lowered = {str(name).lower(): value for name, value in response_headers.items()}
    headers = {}
    if isinstance(lowered.get("etag"), str) and lowered["etag"].strip():
        headers["If-None-Match"] = lowered["etag"].strip()
    if isinstance(lowered.get("last-modified"), str) and lowered["last-modified"].strip():
        headers["If-Modified-Since"] = lowered["last-modified"].strip()
    return headers


# -- the schedule ---------------------------------------------------------------------------------

def is_gone(status: int | None) -> bool:
    """A refusal worth asking again only rarely: 404, 410 and other 4xx but timeouts/limits."""
    return status is not None and 400 <= status < 500 and status not in TRANSIENT_4XX


def is_failure(status: int | None, error: str | None) -> bool:
    return status is None or status >= 400 or bool(error)


def revisit_due(anchor: datetime, fetched_at: datetime,
                revisit: Iterable[float]) -> datetime | None:
    """The first time on the revisit schedule (ages counted from anchor) after fetched_at."""
    for seconds in sorted(revisit):
        moment = anchor + timedelta(seconds=seconds)
        if moment > fetched_at:
            return moment
    return None


def schedule_next(kind: str, status: int | None, error: str | None, failures: int,
                  fetched_at: datetime, *, published: datetime | None = None,
                  first_seen: datetime | None = None,
                  revisit: Iterable[float] | None = DEFAULT_REVISIT) -> datetime | None:
    """When a URL is due again after this fetch (see the module docstring); None: not by date."""
    if is_failure(status, error):
        if is_gone(status):
            step = failures - 1
            return fetched_at + GONE_SCHEDULE[step] if step < len(GONE_SCHEDULE) else None
        return fetched_at + BACKOFF_SCHEDULE[min(failures - 1, len(BACKOFF_SCHEDULE) - 1)]
    if kind != "article" or not revisit:
        return None
    anchor = first_seen or fetched_at
    if published is not None and published <= fetched_at:
        anchor = min(anchor, published)
    return revisit_due(anchor, fetched_at, revisit)


def page_kind(hints: dict, article_url: str | None, status: int | None, url: str,
              previous: str | None) -> str:
    """What a fetched URL is, for the frontier's `kind`."""
    if article_url:
        return "article"
    document = hints.get("kind")
    if document in ("sitemap", "sitemap_index"):
        return "sitemap"
    if document in ("feed", "robots"):
        return document
    if status is not None and 200 <= status < 300 and document == "html":
        source = hints.get("source")
        return source if source in ("home", "section") else "page"
    if status is not None and 200 <= status < 300 and document:
        return "other"
    if previous:
        return previous
    return guess_kind(url, hints.get("source"))


def guess_kind(url: str, source: str | None) -> str:
    """The kind of a URL not fetched yet, from where it was found and its shape."""
    if source == "robots":
        return "sitemap"
    if source in ("sitemap", "feed") or looks_like_article(url):
        return "article"
    return "page"


def record_fetch(db, *, url: str, status: int | None, error: str | None, headers: dict,
                 fetched_at: datetime, hints: dict, article_url: str | None, site: str | None,
                 published: str | None = None,
                 revisit: Iterable[float] | None = DEFAULT_REVISIT) -> dict:
    """Update the frontier row of one fetch (inside the caller's transaction); returns it."""
    key = url_key(url)
    now = iso(fetched_at)
    row = db.execute("SELECT kind, first_seen, failures, etag, last_modified, site, depth"
                     " FROM frontier WHERE url = ?", [key]).fetchone()
    previous_kind, first_seen, failures, etag, last_modified, old_site, depth = \
        row if row is not None else (None, now, 0, None, None, None, None)
    kind = page_kind(hints, article_url, status, key, previous_kind)
    failures = (failures or 0) + 1 if is_failure(status, error) else 0
    lowered = {str(name).lower(): value for name, value in (headers or {}).items()}
    if status is not None and 200 <= status < 300 and not error:
        etag, last_modified = lowered.get("etag"), lowered.get("last-modified")
    elif status == 304:  # a server may renew its validators with a 304
        etag = lowered.get("etag") or etag
        last_modified = lowered.get("last-modified") or last_modified
    due = schedule_next(kind, status, error, failures, fetched_at,
                        published=parse_lastmod(published), first_seen=parse_lastmod(first_seen),
                        revisit=revisit)
    values = {
        "url": key, "site": site or old_site or site_host(key), "kind": kind,
        "first_seen": min(first_seen or now, now), "last_seen": now, "last_fetched": now,
        "status": status, "etag": etag, "last_modified": last_modified,
        "next_check": iso(due), "failures": failures,
        "depth": hints.get("depth") if hints.get("depth") is not None else depth,
        "error": error if failures else None,
    }
    db.execute(f"INSERT OR REPLACE INTO frontier ({', '.join(values)})"
               f" VALUES ({', '.join('?' * len(values))})", list(values.values()))
    return values


def record_seen(db, entries: Iterable[tuple[str, str | None, str, int | None]],
                seen_at: datetime) -> int:
    """Note URLs discovery met, as (url, site, kind, depth): new ones get a row (never fetched,
    so the next run asks for them if this one did not); known ones a later last_seen."""
    now = iso(seen_at)
    count = 0
    for url, site, kind, depth in entries:
        key = url_key(url)
        db.execute("INSERT INTO frontier (url, site, kind, first_seen, last_seen, depth, failures)"
                   " VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (url) DO UPDATE SET"
                   " last_seen = max(coalesce(last_seen, ''), excluded.last_seen)",
                   [key, site or site_host(key), kind, now, now, depth])
        count += 1
    return count


# -- reading ---------------------------------------------------------------------------------------

class Frontier:
    """Read-only view of an archive file for planning a crawl.

    revisit_after: also refetch archived articles last fetched longer ago than this (None:
    only their revisit schedule and sitemap/feed dates). A missing archive file plans every
    URL as new.
    """

    def __init__(self, path: str | Path, *, revisit_after: timedelta | None = None):
        self.path = Path(path)
        self.revisit_after = revisit_after
        self._db: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection | None:
        if self._db is None:
            if not self.path.is_file():
                return None
            # never writes: the crawl's archive pipeline is the only writer
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA query_only = 1")
            self._db.row_factory = sqlite3.Row
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Frontier:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _query(self, sql: str, params=()) -> list[sqlite3.Row]:
        db = self._connection()
        if db is None:
            return []
        try:
            return db.execute(sql, params).fetchall()
        except sqlite3.OperationalError:  # an archive without a frontier table yet
            return []

    def row(self, url: str) -> dict | None:
        """The frontier row of url (by its key), or None."""
        rows = self._query("SELECT * FROM frontier WHERE url = ?", [url_key(url)])
        return dict(rows[0]) if rows else None

    def plan(self, url: str, lastmod: str | None = None, *, now: datetime | None = None,
             listed_as_sitemap: bool = False) -> Plan:
        """Decide whether to fetch `url`; lastmod is the date a sitemap or feed gives it
        (listed_as_sitemap: the entry of a sitemap index)."""
        row = self.row(url)
        if row is None or row["last_fetched"] is None:
            return Plan(True, "new", kind=row["kind"] if row else None)
        now = now or datetime.now(timezone.utc)
        last, kind = row["last_fetched"], row["kind"]
        validators = {name: value for name, value in (("If-None-Match", row["etag"]),
                                                      ("If-Modified-Since", row["last_modified"]))
                      if value}
        next_check = parse_lastmod(row["next_check"])
        if row["failures"]:
            if is_gone(row["status"]):
                if next_check is None:
                    return Plan(False, "gone", last_fetched=last, kind=kind)
                if now < next_check:
                    return Plan(False, "dead", last_fetched=last, kind=kind)
                return Plan(True, "retry", last_fetched=last, kind=kind)
            if next_check is not None and now < next_check:
                return Plan(False, "backoff", last_fetched=last, kind=kind)
            return Plan(True, "retry", last_fetched=last, kind=kind)
        fetched_at = parse_lastmod(last)
        changed_at = parse_lastmod(lastmod)
        if kind != "article":
            if (listed_as_sitemap or kind == "sitemap") and changed_at is not None \
                    and fetched_at is not None and changed_at <= fetched_at:
                return Plan(False, "sitemap_unchanged", last_fetched=last, kind=kind)
            return Plan(True, "hub", validators, last, kind)
        if changed_at is not None and fetched_at is not None and changed_at > fetched_at:
            return Plan(True, "changed", validators, last, kind)
        if self.revisit_after is not None and fetched_at is not None \
                and now - fetched_at >= self.revisit_after:
            return Plan(True, "due", validators, last, kind)
        if next_check is not None and now >= next_check:
            return Plan(True, "due", validators, last, kind)
        return Plan(False, "archived", last_fetched=last, kind=kind)

    def due(self, sites: Iterable[str] | None = None, *, now: datetime | None = None
            ) -> list[dict]:
        """Rows to ask for without waiting for discovery: URLs met but never fetched, articles
        whose revisit is due, failures due for a retry; oldest first."""
        now_text = iso(now or datetime.now(timezone.utc))
        sql = ("SELECT url, site, kind, depth, last_fetched FROM frontier WHERE"
               " (last_fetched IS NULL OR ((kind = 'article' OR failures > 0)"
               "  AND next_check IS NOT NULL AND next_check <= ?))")
        params: list = [now_text]
        sites = list(sites) if sites is not None else None
        if sites is not None:
            sql += f" AND site IN ({', '.join('?' * len(sites))})"
            params += sites
        return [dict(row) for row in self._query(sql + " ORDER BY next_check, first_seen", params)]

    def stored_body(self, url: str) -> tuple[bytes, dict] | None:
        """(body, headers) of the newest full answer (2xx) archived for url: what a 304 stands
        for, so a revalidated hub's links can be followed without fetching it again."""
        from .rows import decompress_raw

        for candidate in dict.fromkeys((url, url_key(url))):
            rows = self._query(
                "SELECT payloads.raw, payloads.raw_codec, pages.headers FROM pages"
                " JOIN payloads ON payloads.digest = pages.payload_digest"
                " WHERE (pages.url = ? OR pages.final_url = ?)"
                " AND pages.status BETWEEN 200 AND 299"
                " ORDER BY pages.fetched_at DESC, pages.id DESC LIMIT 1", [candidate, candidate])
            if rows:
                raw, codec, headers = rows[0]
                return decompress_raw(raw, codec), json.loads(headers or "{}")
        return None


def reset_site(db, site: str) -> int:
    """Forget one site's schedule (its frontier rows); returns how many rows went.

    The archive's pages and articles stay: the next run asks every URL of the site as new
    (unconditionally) and re-learns the schedule."""
    return db.execute("DELETE FROM frontier WHERE site = ?", [site]).rowcount
