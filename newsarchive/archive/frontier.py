"""The crawl frontier: what a scheduled crawl fetches again, decided from what the archive holds.

A crawl run from cron every hour should fetch what is new or changed, not the whole site
again. For each URL discovery finds, `Frontier.plan()` looks up the newest successful fetch of
that URL in the archive's `pages` table and decides:

    new       never fetched: fetch
    retry     only failed fetches so far (download error, error status, extraction error): fetch
    hub       fetched, but it was not an article (home, section, sitemap, feed): fetch again,
              it is where new articles are found
    changed   an archived article whose sitemap/feed date is after its last fetch: fetch again,
              conditionally (If-None-Match / If-Modified-Since from the last response)
    due       an archived article last fetched longer ago than `revisit_after`: fetch again,
              conditionally
    archived  an archived article with no sign of change: not fetched

A killed crawl therefore resumes by running it again: the articles it archived are skipped and
the hubs lead to the ones it had not reached yet.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

#: Statuses that count as a successful fetch of a URL (304: unchanged since the last one).
_SUCCESS_SQL = "((status BETWEEN 200 AND 299) OR status = 304) AND error IS NULL"


@dataclass(frozen=True)
class Plan:
    """What to do with one URL."""

    fetch: bool
    """Whether to request the URL at all."""
    reason: str
    """new, retry, hub, changed, due or archived (see the module docstring)."""
    headers: dict[str, str] = field(default_factory=dict)
    """Conditional request headers for a revisit (If-None-Match, If-Modified-Since)."""
    last_fetched: str | None = None
    """When the archive last fetched the URL successfully (ISO 8601 UTC), if ever."""


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


class Frontier:
    """Read-only view of an archive file for planning a crawl.

    revisit_after: refetch archived articles last fetched longer ago than this (None: only
    when a sitemap or feed dates them after the last fetch). A missing archive file plans
    every URL as new.
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
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Frontier:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def last_fetch(self, url: str) -> tuple[dict | None, bool]:
        """(the newest successful fetch of url, whether any fetch of it exists).

        The fetch is a dict of fetched_at, article_url and validators: the response headers
        of the newest fetch with a body, updated by a later 304's (servers may renew an ETag).
        """
        db = self._connection()
        if db is None:
            return None, False
        try:
            rows = db.execute(
                f"SELECT fetched_at, article_url, headers, status FROM pages"
                f" WHERE (url = ? OR final_url = ?) AND {_SUCCESS_SQL}"
                f" ORDER BY fetched_at DESC, id DESC LIMIT 20", [url, url]).fetchall()
            tried = bool(rows) or db.execute(
                "SELECT 1 FROM pages WHERE url = ? OR final_url = ? LIMIT 1", [url, url]).fetchone()
        except sqlite3.OperationalError:  # an archive without a pages table yet
            return None, False
        if not rows:
            return None, bool(tried)
        validators: dict[str, str] = {}
        for _, _, headers, status in rows:  # newest first: the first value of each wins
            for name, value in conditional_headers(headers).items():
                validators.setdefault(name, value)
            if status != 304:
                break
        fetched_at, article_url = rows[0][0], rows[0][1]
        return {"fetched_at": fetched_at, "article_url": article_url, "validators": validators}, True

    def plan(self, url: str, lastmod: str | None = None, *, now: datetime | None = None) -> Plan:
        """Decide whether to fetch `url`; lastmod is the date a sitemap or feed gives it."""
        fetch, tried = self.last_fetch(url)
        if fetch is None:
            return Plan(True, "retry" if tried else "new")
        last = fetch["fetched_at"]
        if not fetch["article_url"]:
            return Plan(True, "hub", last_fetched=last)
        fetched_at = parse_lastmod(last)
        changed_at = parse_lastmod(lastmod)
        headers = fetch["validators"]
        if changed_at is not None and fetched_at is not None and changed_at > fetched_at:
            return Plan(True, "changed", headers, last)
        now = now or datetime.now(timezone.utc)
        if self.revisit_after is not None and fetched_at is not None \
                and now - fetched_at >= self.revisit_after:
            return Plan(True, "due", headers, last)
        return Plan(False, "archived", last_fetched=last)
