"""The archive: one SQLite file written through sqlite-utils.

Pages are the source of truth (every fetch, raw bytes kept); articles and article_versions are
derived from them and can be rebuilt with `reextract`. See docs/archive.md for the schema.
"""
from __future__ import annotations

import contextlib
import functools
import json
import logging
import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from ..article import Article
from ..extract import extract_fetched_page
from ..page import FetchedPage
from ..urls import url_key
from .frontier import DEFAULT_REVISIT, record_fetch, record_seen, reset_site
from .history import history as version_history
from .migrations import apply_migrations, schema_version
from .rows import (
    ARTICLE_COLUMNS,
    PAGE_COLUMNS,
    article_columns,
    article_field_types,
    article_from_row,
    article_key,
    PAGE_SELECT,
    content_hash,
    decompress_raw,
    iso_utc,
    page_columns,
    page_from_row,
    payload_row,
    site_of,
)
from .reextract import Progress, Reextraction
from .transaction import immediate_transaction

DEFAULT_PATH = "data/archive.db"
TABLES = ("articles", "pages", "payloads", "crawls", "article_versions", "article_urls",
          "frontier")
#: The status of a conditional revisit whose page has not changed since the last fetch.
NOT_MODIFIED = 304
# Counter names that also have a column of their own in `crawls`.
CRAWL_COUNTER_COLUMNS = ("pages", "articles_new", "articles_updated", "articles_unchanged",
                         "errors", "status", "discovered", "fetched", "not_modified",
                         "robots_blocked")
# Counters that are counts by name, column -> counter: JSON columns.
CRAWL_JSON_COLUMNS = {"skipped": "skipped_by_kind", "failed": "failed_by_reason"}

ExtractFunction = Callable[..., Article]
#: The articles columns store_page sets on a new row (insert) and on a newer fetch (update):
#: the Article's fields (rows.ARTICLE_COLUMNS) and the archive's own.
ARTICLE_UPDATE_COLUMNS = (*ARTICLE_COLUMNS, "site", "content_hash", "page_id", "last_seen")
ARTICLE_INSERT_COLUMNS = ("url", *ARTICLE_UPDATE_COLUMNS, "first_seen")
#: ... and with the id a rebuilt article had (reextract), so links to it keep working.
ARTICLE_REBUILD_COLUMNS = ("id", *ARTICLE_INSERT_COLUMNS)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StoreResult:
    """What store_page() did."""

    page_id: int
    """The new `pages` row."""
    article_url: str | None
    """The articles.url the page was archived under; None when no article was stored."""
    change: str | None
    """One of "new", "updated" (content changed), "unchanged"; None when no article was stored."""


#: Mode of a new archive file; SQLite gives its -wal and -shm files the same mode.
ARCHIVE_FILE_MODE = 0o600


def create_private_file(path: Path) -> None:
    """Create an empty archive file readable and writable by its owner only (no-op if it
    exists: a mode someone set on purpose is kept)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, ARCHIVE_FILE_MODE)
    except FileExistsError:
        return
    os.close(fd)


#: The first 16 bytes of every SQLite 3 database file.
SQLITE_HEADER = b"SQLite format 3\x00"


class NotAnArchive(sqlite3.DatabaseError):
    """A file given as the archive that SQLite cannot read as a database."""


def check_sqlite_file(path: Path) -> None:
    """Raise NotAnArchive when path holds something other than an SQLite database, before
    SQLite says "file is not a database" at the first statement. A missing or empty file is
    fine: it becomes a new archive."""
    try:
        with open(path, "rb") as file:
            head = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise NotAnArchive(f"{path} is a folder, not an SQLite database") from None
    if head and head != SQLITE_HEADER:
        raise NotAnArchive(f"{path} is not an SQLite database (it starts with {head!r})")


def open_database(path: Path, busy_timeout: float) -> Database:
    """A sqlite-utils Database on `path` in WAL mode with foreign keys enforced.

    A new file is created readable by its owner only (archives hold whole pages, headers
    included). The connection may be used from any thread; Archive serialises its use with
    a lock.
    """
    if str(path) != ":memory:":
        check_sqlite_file(path)
        create_private_file(path)
    conn = sqlite3.connect(str(path), timeout=busy_timeout, check_same_thread=False)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    deadline = time.monotonic() + busy_timeout
    while db.journal_mode != "wal":
        try:
            db.enable_wal()
            break  # an in-memory database stays in "memory" mode
        except sqlite3.OperationalError as exc:
            # switching the journal mode needs the file to itself, and SQLite answers "locked"
            # at once, without waiting, while another process is creating the same archive
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    return db


def move_article(conn: sqlite3.Connection, old: str, new: str) -> None:
    """Re-key an article (its row, versions, pages and fetched-as URLs) from old to new, inside
    the caller's transaction; foreign keys are checked at its commit."""
    conn.execute("PRAGMA defer_foreign_keys = ON")  # versions point at the old key meanwhile
    for sql in ("UPDATE articles SET url = ? WHERE url = ?",
                "UPDATE article_versions SET article_url = ? WHERE article_url = ?",
                "UPDATE pages SET article_url = ? WHERE article_url = ?",
                "UPDATE article_urls SET article_url = ? WHERE article_url = ?"):
        conn.execute(sql, [new, old])


def ensure_article_columns(db: Database) -> list[str]:
    """Add a column for every Article field the articles table lacks (fields added later)."""
    if not _missing_article_columns(db):
        return []
    with immediate_transaction(db):
        # Looked at again under the write lock: another process may have added them meanwhile.
        missing = _missing_article_columns(db)
        for name, kind in missing.items():
            db["articles"].add_column(name, kind)
    return list(missing)


def _missing_article_columns(db: Database) -> dict[str, type]:
    existing = db["articles"].columns_dict
    return {name: kind for name, kind in article_field_types().items() if name not in existing}


def is_extractable_page(page: FetchedPage) -> bool:
    """A download that returned a web page (2xx with a body; not a sitemap or feed).

    Its `error` is not looked at: an extraction that failed during the crawl is worth a retry.
    """
    return (page.status is not None and 200 <= page.status < 300 and bool(page.body)
            and page.hints.get("kind", "html") == "html")


#: An article's date for --since / --until: when published, else when first archived.
ARTICLE_DATE_SQL = "coalesce(date_published, first_seen)"


def article_filter_sql(site: str | None = None, since: str | None = None,
                       until: str | None = None) -> tuple[str, dict]:
    """A WHERE clause over `articles` (and its parameters) for a site and a date range."""
    conditions, params = [], {}
    if site:
        conditions.append("site = :site")
        params["site"] = site_of("//" + site)
    if since:
        conditions.append(f"{ARTICLE_DATE_SQL} >= :since")
        params["since"] = since
    if until:
        conditions.append(f"substr({ARTICLE_DATE_SQL}, 1, length(:until)) <= :until")
        params["until"] = until
    return " AND ".join(conditions) or "1", params


def extraction_error(exc: BaseException) -> str:
    """The error recorded for a page whose extraction raised."""
    return f"extract: {type(exc).__name__}: {exc}"


def insert_row(conn: sqlite3.Connection, table: str, columns: tuple[str, ...],
               row: dict) -> int:
    """Insert the values of `columns` of a row (values as stored: text, numbers, bytes, None)
    with parameters; its id. The column sets are the archive's own (PAGE_COLUMNS...): the
    statement text is one per table and set, compiled once by sqlite3's statement cache.

    What sqlite-utils' Table.insert() does for such a row, without its per-call work (table
    lookups, query building, value conversions): the writer's hot path, rows for every page."""
    names = ", ".join(f"[{name}]" for name in columns)
    sql = f"INSERT INTO [{table}] ({names}) VALUES ({', '.join('?' * len(columns))})"
    return conn.execute(sql, [row[name] for name in columns]).lastrowid


def update_row(conn: sqlite3.Connection, table: str, row_id: int, columns: tuple[str, ...],
               row: dict) -> None:
    """Set the `columns` of the row with this id to the row's values (as insert_row)."""
    assignments = ", ".join(f"[{name}] = ?" for name in columns)
    conn.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?",
                 [*(row[name] for name in columns), row_id])


#: What storing an article's fields may raise when one holds what no row can (a lone surrogate
#: SQLite cannot encode as UTF-8, a value of no SQL type): the fetch is stored without it.
UNSTORABLE_ARTICLE = (UnicodeError, TypeError, ValueError, sqlite3.InterfaceError, sqlite3.ProgrammingError)


def locked(method):
    """Run an Archive method holding the archive's lock (one connection, many threads)."""
    @functools.wraps(method)
    def with_lock(self, *args, **kwargs):
        with self._lock:
            return method(self, *args, **kwargs)
    return with_lock


class Archive:
    """An archive file: `Archive("data/archive.db")` creates it (and its folder) if missing.

    Safe to share between threads (calls are serialised); several processes may write the
    same file at once: each write waits up to `busy_timeout` seconds for the write lock.
    max_size: bytes the file may grow to (None: no cap); a write past it fails with
    sqlite3.OperationalError "database or disk is full", as on a full disk.
    """

    def __init__(self, path: str | Path = DEFAULT_PATH, *, busy_timeout: float = 30.0,
                 max_size: int | None = None):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self.db = open_database(self.path, busy_timeout)
        if max_size:
            page_size = self.db.execute("PRAGMA page_size").fetchone()[0]
            self.db.execute(f"PRAGMA max_page_count = {int(max(1, max_size // page_size))}")
        apply_migrations(self.db)
        ensure_article_columns(self.db)
        self._crawl_changes: dict[int, Counter] = {}

    # -- lifecycle -------------------------------------------------------------------------

    @locked
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    # -- crawls ----------------------------------------------------------------------------

    @locked
    def start_crawl(self, spider: str, start_urls=(), settings: dict | None = None,
                    site: str | None = None) -> int:
        """Record the start of a crawl run (of one site of a site list when `site` is given);
        returns its crawls.id."""
        with immediate_transaction(self.db):
            crawl_id = self.db["crawls"].insert({
                "spider": spider,
                "site": site,
                "start_urls": json.dumps(list(start_urls), ensure_ascii=False),
                "settings": json.dumps(settings or {}, ensure_ascii=False, default=str,
                                       sort_keys=True),
                "started_at": iso_utc(datetime.now(timezone.utc)),
            }).last_pk
        self._crawl_changes[crawl_id] = Counter()
        return crawl_id

    @locked
    def finish_crawl(self, crawl_id: int, counters: dict | None = None) -> dict:
        """Record the end of a crawl with its counters; returns the counters written.

        Counts the archive can tell itself (pages, errors, and the articles_new/updated/unchanged
        this Archive object stored) are filled in; `counters` given by the caller win.
        """
        merged = {**self._counted_for_crawl(crawl_id), **(counters or {})}
        row = {"finished_at": iso_utc(datetime.now(timezone.utc)),
               "counters": json.dumps(merged, ensure_ascii=False, default=str, sort_keys=True)}
        row.update({name: merged[name] for name in CRAWL_COUNTER_COLUMNS if name in merged})
        row.update({column: json.dumps(merged[name], ensure_ascii=False, sort_keys=True)
                    for column, name in CRAWL_JSON_COLUMNS.items() if name in merged})
        with immediate_transaction(self.db):
            self.db["crawls"].update(crawl_id, row)
        return merged

    def _counted_for_crawl(self, crawl_id: int) -> dict:
        pages, errors = self.db.execute(
            "SELECT count(*), count(error) FROM pages WHERE crawl_id = ?", [crawl_id]).fetchone()
        changes = self._crawl_changes.get(crawl_id, Counter())
        return {"pages": pages, "errors": errors,
                "articles_new": changes["new"], "articles_updated": changes["updated"],
                "articles_unchanged": changes["unchanged"]}

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def batch(self) -> Iterator[Archive]:
        """Several writes committed together: one transaction, one commit (one fsync) for all.

        Each store_page inside is still all or nothing (a savepoint), and none is durable
        before the batch commits; an exception rolls the whole batch back (its counts too).
        Other threads' writes wait until the batch ends.
        """
        with self._lock:
            changes = {crawl_id: Counter(counts)
                       for crawl_id, counts in self._crawl_changes.items()}
            try:
                with immediate_transaction(self.db):
                    yield self
            except BaseException:
                self._crawl_changes = changes
                raise

    @locked
    def store_page(self, page: FetchedPage, article: Article | None = None, *,
                   crawl_id: int | None = None, error: str | None = None,
                   site: str | None = None,
                   revisit: Iterable[float] | None = DEFAULT_REVISIT,
                   payload: dict | None = None) -> StoreResult:
        """Archive one fetch, and its article when it is one, in a single transaction.

        The fetch also updates the URL's frontier row (its status, validators and next check,
        on `revisit`, the site's article revisit schedule in seconds of age); `site` is the
        site list's name of the site (default: the host). payload: the body's `payloads` row
        when made already (rows.payload_row(page): compressed and digested in another thread).

        An article that no row can hold (a str SQLite cannot encode, a value of no SQL type)
        is not stored; the fetch is, with "article not stored: <why>" as its error.
        """
        try:
            return self._store_page(page, article, crawl_id=crawl_id, error=error, site=site,
                                    revisit=revisit, payload=payload)
        except UNSTORABLE_ARTICLE as exc:
            if article is None or not article.is_article:
                raise
            log.warning("article of %s not stored: %s", page.url, exc)
            reason = f"article not stored: {type(exc).__name__}: {exc}"
            earlier = error or page.error
            return self._store_page(page, None, crawl_id=crawl_id, site=site, revisit=revisit,
                                    payload=payload, error=f"{earlier}; {reason}" if earlier else reason)

    def _store_page(self, page: FetchedPage, article: Article | None, *, crawl_id: int | None,
                    error: str | None, site: str | None, revisit: Iterable[float] | None,
                    payload: dict | None) -> StoreResult:
        is_article = article is not None and article.is_article
        if payload is None:
            payload = payload_row(page)
        row = page_columns(page, payload)
        not_modified = not is_article and page.status == NOT_MODIFIED and not (error or page.error)
        row.update(error=error or page.error, crawl_id=crawl_id, article_url=None)
        conn = self.db.conn
        with immediate_transaction(self.db):
            digest = content_hash(article.headline, article.body) if is_article else None
            key = self._article_key(article, page, digest) if is_article else None
            row["article_url"] = key
            if not_modified:
                # a conditional revisit the server answered "unchanged": the fetch belongs
                # to the article the URL gave last time, which is still current
                row["article_url"] = self._article_url_of_fetch(page.url)
            if payload is not None:
                # identical bytes (an unchanged page fetched again) are stored once
                conn.execute(
                    "INSERT OR IGNORE INTO payloads (digest, sha1, size, raw, raw_codec)"
                    " VALUES (:digest, :sha1, :size, :raw, :raw_codec)", payload)
            page_id = insert_row(conn, "pages", PAGE_COLUMNS, row)
            change = None
            if key is not None:
                change = self._upsert_article(key, article, page_id, row["fetched_at"],
                                              digest=digest)
                self._note_article_urls(key, page, row["fetched_at"])
            elif row["article_url"] is not None:
                conn.execute("UPDATE articles SET last_seen = max(last_seen, ?) WHERE url = ?",
                             [row["fetched_at"], row["article_url"]])
                key, change = row["article_url"], "unchanged"
            published = article.date_published if is_article else self._published(key)
            # the URL asked, and the one a redirect led to: both are known now
            for url in dict.fromkeys(url_key(u) for u in (page.url, page.final_url) if u):
                record_fetch(conn, url=url, status=page.status, error=row["error"],
                             headers=page.headers, fetched_at=page.fetched_at,
                             hints=page.hints, article_url=key,
                             site=site or page.hints.get("site"), published=published,
                             revisit=revisit)
        if change is not None and crawl_id is not None:
            self._crawl_changes.setdefault(crawl_id, Counter())[change] += 1
        return StoreResult(page_id=page_id, article_url=key, change=change)

    @locked
    def store_pages(self, fetches: Iterable[tuple[FetchedPage, Article | None]], *,
                    crawl_id: int | None = None) -> list[StoreResult]:
        """Archive many fetches (page, article or None) in one transaction: all or none.

        What store_page does for each, with one commit instead of one per page: bulk loads
        (imports, benchmarks) go several times faster.
        """
        with self.batch():
            return [self.store_page(page, article, crawl_id=crawl_id)
                    for page, article in fetches]

    def _article_key(self, article: Article, page: FetchedPage, digest: str | None = None
                     ) -> str:
        """The article a page belongs to: its key (rows.article_key), unless that is a canonical
        URL different text from another URL claims already, or the same text is archived
        already under another key of the site (one story under two URLs, or paginated).
        digest: the article's content_hash, when computed already."""
        key = article_key(article, page)
        page_key = url_key(page.address)
        if digest is None:
            digest = content_hash(article.headline, article.body)
        conn = self.db.conn
        if key == page_key:
            self._give_back_claimed_url(key, digest)
        else:
            claimed = conn.execute(
                "SELECT content_hash FROM articles WHERE url = ?", [key]).fetchone()
            if claimed is not None and claimed[0] != digest and not conn.execute(
                    "SELECT 1 FROM article_urls WHERE url = ? AND article_url = ?",
                    [page_key, key]).fetchone():
                key = article_key(article, page, canonical_claimed_elsewhere=True)
        if (article.body or "").strip() and not self._has_article(key):
            same_text = conn.execute(
                "SELECT url FROM articles WHERE content_hash = ? AND site = ? ORDER BY id LIMIT 1",
                [digest, site_of(key)]).fetchone()
            if same_text is not None:
                key = same_text[0]
        return key

    def _give_back_claimed_url(self, key: str, digest: str) -> None:
        """A page at its own URL finds that URL holding different text, archived from another
        URL whose page named this one canonical, and never fetched from this URL itself:
        the claimant was stored first (extraction workers finish in any order). Its article
        moves to the URL it came from, where it goes when this page comes first (see
        _article_key), and this page's article takes its own URL."""
        conn = self.db.conn
        stored = conn.execute("SELECT content_hash FROM articles WHERE url = ?", [key]).fetchone()
        if stored is None or stored[0] == digest or conn.execute(
                "SELECT 1 FROM article_urls WHERE url = ? AND article_url = ?",
                [key, key]).fetchone():
            return  # free, the same text, or fetched from here before (a story edited since)
        claimant = conn.execute(
            "SELECT coalesce(final_url, url) FROM pages WHERE article_url = ?"
            " ORDER BY fetched_at, id LIMIT 1", [key]).fetchone()
        home = url_key(claimant[0]) if claimant is not None else None
        if home is None or home == key or self._has_article(home):
            return
        log.info("article %s moves to %s, the URL it came from: %s is a page of its own",
                 key, home, key)
        move_article(conn, key, home)

    def _note_article_urls(self, key: str, page: FetchedPage, fetched_at: str) -> None:
        """Keep every URL the article was fetched under (article_urls)."""
        for url in dict.fromkeys(url_key(u) for u in (page.url, page.final_url) if u):
            self.db.conn.execute("INSERT INTO article_urls (url, article_url, first_seen)"
                            " VALUES (?, ?, ?) ON CONFLICT (url) DO UPDATE SET"
                            " article_url = excluded.article_url", [url, key, fetched_at])

    def _published(self, key: str | None) -> str | None:
        if key is None:
            return None
        found = self.db.conn.execute("SELECT date_published FROM articles WHERE url = ?",
                                     [key]).fetchone()
        return found[0] if found else None

    def _upsert_article(self, key: str, article: Article, page_id: int, fetched_at: str,
                        article_id: int | None = None, *, digest: str | None = None) -> str:
        """Insert or refresh the articles row for `key`; add a version when content changed.

        The row always carries the newest fetch's extraction; a fetch older than last_seen
        (arriving late) only moves first_seen back. digest: the article's content_hash, when
        computed already.
        """
        if digest is None:
            digest = content_hash(article.headline, article.body)
        conn = self.db.conn
        existing = conn.execute(
            "SELECT id, first_seen, last_seen, content_hash FROM articles WHERE url = ?",
            [key]).fetchone()
        fields = {**article_columns(article), "site": site_of(key), "content_hash": digest,
                  "page_id": page_id, "last_seen": fetched_at}
        if existing is None:
            # article_id: the id a rebuilt article had, so links to it keep working
            new_row = {"url": key, **fields, "first_seen": fetched_at}
            if article_id is not None:
                new_row["id"] = article_id
            insert_row(conn, "articles", ARTICLE_INSERT_COLUMNS if article_id is None
                       else ARTICLE_REBUILD_COLUMNS, new_row)
            self._add_version(key, article, page_id, fetched_at, digest)
            return "new"
        article_id, first_seen, last_seen, previous_digest = existing
        if fetched_at < last_seen:
            conn.execute("UPDATE articles SET first_seen = ? WHERE id = ?",
                         [min(first_seen, fetched_at), article_id])
            return "unchanged"
        update_row(conn, "articles", article_id, ARTICLE_UPDATE_COLUMNS, fields)
        if digest == previous_digest:
            return "unchanged"
        self._add_version(key, article, page_id, fetched_at, digest)
        return "updated"

    def _add_version(self, key: str, article: Article, page_id: int, fetched_at: str,
                     digest: str) -> None:
        self.db.conn.execute(
            "INSERT INTO article_versions (article_url, page_id, fetched_at, content_hash,"
            " headline, body) VALUES (?, ?, ?, ?, ?, ?)",
            [key, page_id, fetched_at, digest, article.headline, article.body])

    def reextract(self, extract_fn: ExtractFunction | None = None, *, site: str | None = None,
                  since: str | None = None, workers: int | None = None,
                  progress: Progress | None = None, **options) -> dict:
        """Rebuild articles and article_versions from the stored pages, without the network.

        Every successful fetch of the articles in scope (all, or those of `site` / fetched
        `since` an ISO date) is replayed in fetch order through the current extractor, as
        store_page would have stored it. Extraction runs on `workers` processes (default: every
        core; 1 for a custom `extract_fn`, which may be a closure) without holding the write
        lock, checkpointed beside the archive so an interrupted run resumes; the rebuild is one
        transaction. `progress(done, total)` follows the extraction. Returns counts: pages
        replayed, articles rebuilt and of those new / changed / unchanged, removed (no longer an
        article), versions written, errors (pages whose extraction raised: their articles are
        kept as they were), resumed (pages a previous run had extracted).
        """
        return Reextraction(self, extract_fn, site=site, since=since, workers=workers,
                            progress=progress, options=options).run()

    def _relink_not_modified_fetches(self) -> None:
        """Give each 304 fetch the article its URL gave last before it (after a rebuild)."""
        self.db.execute(
            "UPDATE pages SET article_url = (SELECT earlier.article_url FROM pages AS earlier"
            " WHERE (earlier.url = pages.url OR earlier.final_url = pages.url)"
            " AND earlier.article_url IS NOT NULL AND earlier.fetched_at <= pages.fetched_at"
            " ORDER BY earlier.fetched_at DESC, earlier.id DESC LIMIT 1)"
            f" WHERE status = {NOT_MODIFIED} AND error IS NULL")
        # ... and the article was seen then, as store_page records it
        self.db.execute(
            "UPDATE articles SET last_seen = (SELECT max(fetched_at) FROM pages"
            " WHERE pages.article_url = articles.url)"
            f" WHERE url IN (SELECT article_url FROM pages WHERE status = {NOT_MODIFIED}"
            " AND article_url IS NOT NULL)")

    @locked
    def reset_frontier(self, site: str) -> int:
        """Clear one site's crawl schedule (frontier rows); returns how many rows went."""
        with immediate_transaction(self.db):
            return reset_site(self.db, site)

    @locked
    def record_seen(self, entries, seen_at: datetime | None = None) -> int:
        """Note URLs a crawl met, as (url, site, kind, depth) (frontier.record_seen)."""
        with immediate_transaction(self.db):
            return record_seen(self.db, entries, seen_at or datetime.now(timezone.utc))

    # -- reading ---------------------------------------------------------------------------

    @locked
    def get_article(self, url: str) -> dict | None:
        """The archived article for `url`: its canonical URL, or any URL a page was fetched as."""
        row = self._article_row(url)
        if row is None:
            key = self._article_url_of_fetch(url)
            row = self._article_row(key) if key else None
        return article_from_row(row) if row else None

    def _has_article(self, url: str) -> bool:
        """Whether an articles row has this URL or its key (what _article_row finds)."""
        return self.db.conn.execute("SELECT 1 FROM articles WHERE url IN (?, ?) LIMIT 1",
                                    [url, url_key(url)]).fetchone() is not None

    def _article_row(self, url: str) -> dict | None:
        return next(self.db.query("SELECT * FROM articles WHERE url IN (?, ?)",
                                  [url, url_key(url)]), None)

    def _article_url_of_fetch(self, url: str) -> str | None:
        """The article a URL was last fetched as (article_urls by its key, else pages)."""
        known = self.db.execute("SELECT article_url FROM article_urls WHERE url = ?",
                                [url_key(url)]).fetchone()
        if known is not None:
            return known[0]
        row = next(self.db.query(
            "SELECT article_url FROM pages WHERE (url = :u OR final_url = :u)"
            " AND article_url IS NOT NULL ORDER BY fetched_at DESC, id DESC LIMIT 1",
            {"u": url}), None)
        return row["article_url"] if row else None

    @locked
    def article_versions(self, url: str) -> list[dict]:
        """Every distinct content an article had, oldest first."""
        return list(self.db.query(
            "SELECT fetched_at, content_hash, page_id, headline, body FROM article_versions"
            " WHERE article_url = ? ORDER BY fetched_at, id", [url]))

    @locked
    def history(self, url: str) -> dict | None:
        """An article's versions, oldest first, each with the word diff of its headline and
        body against the version before; None when `url` names no archived article.

        {"url": ..., "versions": [{"version": 1, "fetched_at", "content_hash", "page_id",
        "headline", "body", "headline_changes": None | [{"op", "text"}, ...],
        "body_changes": ...}, ...]}; ops are "equal", "delete", "insert".
        """
        article = self.get_article(url)
        if article is None:
            return None
        return {"url": article["url"],
                "versions": version_history(self.article_versions(article["url"]))}

    def iter_articles(self, site: str | None = None, since: str | None = None,
                      until: str | None = None) -> Iterator[dict]:
        """Every archived article (JSON-ready dicts), in archive order, optionally filtered.

        `site`: a host (www. ignored). `since` / `until`: ISO dates or datetimes bounding the
        article's date (date_published, else first_seen), both inclusive; `until` matches as a
        prefix, so "2026-03" takes in all of March. Dates compare as written.
        """
        where, params = article_filter_sql(site=site, since=since, until=until)
        for row in self.db.query(f"SELECT * FROM articles WHERE {where} ORDER BY id", params):
            yield article_from_row(row)

    @locked
    def page(self, page_id: int) -> FetchedPage:
        """The fetch stored as pages.id = page_id, body decompressed."""
        row = next(self.db.query(PAGE_SELECT + " WHERE pages.id = ?", [page_id]), None)
        if row is None:
            raise KeyError(f"no page {page_id}")
        return page_from_row(row)

    @locked
    def page_body(self, page_id: int) -> bytes:
        """The bytes of a stored fetch (Content-Encoding undone), decompressed."""
        row = self.db.execute(
            "SELECT payloads.raw, payloads.raw_codec FROM pages"
            " LEFT JOIN payloads ON payloads.digest = pages.payload_digest WHERE pages.id = ?",
            [page_id]).fetchone()
        if row is None:
            raise KeyError(f"no page {page_id}")
        return decompress_raw(*row)

    def iter_pages(self, where: str = "", params=(), order: str = "pages.fetched_at, pages.id"
                   ) -> Iterator[tuple[int, FetchedPage]]:
        """(pages.id, FetchedPage) for the pages matching an SQL condition on `pages`."""
        sql = PAGE_SELECT + (f" WHERE {where}" if where else "") + f" ORDER BY {order}"
        for row in self.db.query(sql, list(params)):
            yield row["id"], page_from_row(row)

    @locked
    def payload_by_digest(self, digest: str) -> bytes | None:
        """The stored bytes with this digest: the archive's own "sha256:<hex>", or the WARC
        "sha1:<BASE32>" that revisit records give; None when the archive lacks them."""
        row = self.db.execute("SELECT raw, raw_codec FROM payloads WHERE digest = ? OR sha1 = ?"
                              " LIMIT 1", [digest, digest]).fetchone()
        return decompress_raw(*row) if row else None

    @locked
    def has_fetch(self, page: FetchedPage) -> bool:
        """True when the archive holds this fetch already: same URL, time and payload."""
        return self.db.execute(
            "SELECT 1 FROM pages WHERE (url = :url OR final_url = :url) AND fetched_at = :at"
            " AND payload_digest IS :digest LIMIT 1",
            {"url": page.address, "at": iso_utc(page.fetched_at),
             "digest": page.payload_digest}).fetchone() is not None

    def export_warc(self, output, *, site: str | None = None, since: str | None = None,
                    filename: str | None = None) -> dict:
        """Write the archive's fetches as WARC 1.1 to a binary file (newsarchive.archive.warc)."""
        from .warc import export_warc
        return export_warc(self, output, site=site, since=since, filename=filename)

    def import_warc(self, paths, *, extract_fn: ExtractFunction | None = None,
                    progress=None) -> dict:
        """Archive the HTML responses of WARC files (newsarchive.archive.warc)."""
        from .warc import import_warc
        return import_warc(self, paths, extract_fn=extract_fn, progress=progress)

    @locked
    def stats(self) -> dict:
        """Row counts per table, articles per site, and every crawl with its counters."""
        counts = {name: self.db[name].count for name in TABLES}
        sites = list(self.db.query(
            "SELECT site, count(*) AS articles FROM articles GROUP BY site"
            " ORDER BY articles DESC, site"))
        crawls = [{**row, "start_urls": json.loads(row["start_urls"] or "[]"),
                   "counters": json.loads(row["counters"] or "{}")}
                  for row in self.db.query(
                      "SELECT id, spider, site, status, start_urls, started_at, finished_at,"
                      " counters"
                      " FROM crawls ORDER BY id")]
        return {"path": str(self.path), "schema_version": self.schema_version,
                "tables": counts, "sites": sites, "crawls": crawls}
