"""Re-extraction: rebuild articles and article_versions from the stored pages, on every core.

Pages are never written except their `article_url` link: a page is never lost, whatever the
extractor does. The work has two phases:

1. **Extract** every page in scope in a process pool, without holding the archive's write lock
   (crawls keep writing). Results go to a checkpoint file next to the archive
   (`<archive>.reextract`), committed every few hundred pages: an interrupted run started again
   with the same extractor and options resumes where it stopped.
2. **Apply**, in one write transaction: the pages a crawl stored meanwhile are extracted too,
   then the articles in scope are deleted with their versions and rebuilt by replaying their
   pages in fetch order, as `store_page` would have stored them. A killed apply leaves the
   archive as it was (and the checkpoint, so the next run goes straight to applying).

The scope is a set of articles: those with a page matching `site` / `since` (all of them when
neither is given), plus the pages of those articles fetched at any time, so each article's
versions are rebuilt from all its pages in order. An article a re-extracted page now points
to is drawn into the scope with its pages.

A page whose extraction raises keeps its article as it was (its article and that article's
pages are left out of the rebuild) and is counted in `errors`.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..page import FetchedPage
from .rows import article_field_types, article_key, iso_utc, site_of
from .transaction import immediate_transaction

log = logging.getLogger(__name__)

#: Pages sent to a worker at once: large enough to amortise pickling, small enough to balance.
CHUNK_PAGES = 32
#: Pages extracted between two checkpoint commits.
CHECKPOINT_EVERY = 256

#: Changes when the checkpoint's tables do: a checkpoint of another format is not resumed.
CHECKPOINT_FORMAT = b"newsarchive reextract checkpoint 2"

Progress = Callable[[int, int], None]
"""progress(done, total): called as pages are extracted."""


@dataclass
class Scope:
    """What one re-extraction rebuilds."""

    keys: set[str] = field(default_factory=set)
    """articles.url of every article rebuilt."""
    pages: set[int] = field(default_factory=set)
    """pages.id of every page replayed."""


def _extract_chunk(extract_fn, options: dict, pages: list[tuple[int, FetchedPage]]
                   ) -> list[tuple[int, bytes | None, str | None, str | None]]:
    """Worker: (page_id, pickled Article or None when not an article, its article key,
    error or None)."""
    from .store import extract_fetched_page, is_extractable_page
    results = []
    for page_id, page in pages:
        try:
            article = (extract_fetched_page(page, extract_fn, **options)
                       if is_extractable_page(page) else None)
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the rebuild
            log.exception("extraction failed on stored page %s", page_id)
            results.append((page_id, None, None, f"{type(exc).__name__}: {exc}"))
            continue
        if article is not None and article.is_article:
            results.append((page_id, pickle.dumps(article), article_key(article, page), None))
        else:
            results.append((page_id, None, None, None))
    return results


def extractor_fingerprint(extract_fn, options: dict) -> str:
    """Identifies an extractor and its options: a checkpoint is resumed only under the same one.

    The default extractor is identified by the source of the `newsarchive.extract` package, so
    editing it between an interrupted run and the next starts the work again.
    """
    digest = hashlib.sha256(CHECKPOINT_FORMAT)
    if extract_fn is None:
        package = Path(__file__).resolve().parent.parent / "extract"
        for source in sorted(package.glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    else:
        digest.update(f"{extract_fn.__module__}.{extract_fn.__qualname__}".encode())
    digest.update(json.dumps(options, sort_keys=True, default=str).encode())
    return digest.hexdigest()


class Checkpoint:
    """The extractions done so far, in a SQLite file beside the archive."""

    def __init__(self, path: Path, fingerprint: str):
        self.path = path
        self.conn = sqlite3.connect(str(path))
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        if row is None or row[0] != fingerprint:
            # another extractor, other options or another format: what was extracted is void
            self.conn.execute("DROP TABLE IF EXISTS extracted")
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)",
                              [fingerprint])
        self.conn.execute("CREATE TABLE IF NOT EXISTS extracted (page_id INTEGER PRIMARY KEY,"
                          " article BLOB, article_key TEXT, error TEXT)")
        self.conn.commit()

    def done(self) -> set[int]:
        return {row[0] for row in self.conn.execute("SELECT page_id FROM extracted")}

    def add(self, results: Iterable[tuple[int, bytes | None, str | None, str | None]]) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO extracted VALUES (?, ?, ?, ?)", results)

    def commit(self) -> None:
        self.conn.commit()

    def get(self, page_id: int) -> tuple[bytes | None, str | None]:
        """(pickled Article or None, its article key or None)."""
        row = self.conn.execute("SELECT article, article_key FROM extracted WHERE page_id = ?",
                                [page_id]).fetchone()
        if row is None:
            raise KeyError(page_id)
        return row[0], row[1]

    def keys(self) -> dict[int, str]:
        """page_id -> article key, for every page extracted as an article."""
        return dict(self.conn.execute(
            "SELECT page_id, article_key FROM extracted WHERE article_key IS NOT NULL"))

    def errors(self, page_ids: set[int]) -> set[int]:
        return {row[0] for row in self.conn.execute(
            "SELECT page_id FROM extracted WHERE error IS NOT NULL") if row[0] in page_ids}

    def close_and_remove(self) -> None:
        self.conn.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        self.conn.close()


def utc_since(since: str | None) -> str | None:
    """A --since bound as stored timestamps are written (UTC) when it names its zone, so the
    text comparison holds; a date, or a time without zone, is taken as UTC as given."""
    if not since:
        return None
    try:
        moment = datetime.fromisoformat(since)
    except ValueError:
        return since
    return iso_utc(moment) if moment.tzinfo is not None else since


class Reextraction:
    """One run of Archive.reextract(); see the module docstring."""

    def __init__(self, archive, extract_fn=None, *, site: str | None = None,
                 since: str | None = None, workers: int | None = None,
                 progress: Progress | None = None, options: dict | None = None):
        self.archive = archive
        self.db = archive.db
        self.extract_fn = extract_fn
        self.options = options or {}
        self.site = site_of("//" + site) if site else None
        self.since = utc_since(since)
        if workers is None:
            # a function given by the caller may be a closure, which a worker cannot receive
            workers = (os.cpu_count() or 1) if extract_fn is None else 1
        self.workers = max(1, workers)
        self.progress = progress
        self._applying = False
        fingerprint = extractor_fingerprint(extract_fn, {
            **self.options, "site": self.site, "since": since})
        self.checkpoint = Checkpoint(Path(str(archive.path) + ".reextract"), fingerprint)
        self.db.conn.create_function("newsarchive_site", 1, site_of, deterministic=True)

    # -- scope -----------------------------------------------------------------------------

    def _filter_sql(self, alias: str) -> tuple[str, dict]:
        """SQL (over pages AS alias) selecting the pages that --site / --since name."""
        conditions, params = [], {}
        if self.since:
            conditions.append(f"{alias}.fetched_at >= :since")
            params["since"] = self.since
        if self.site:
            conditions.append(
                f"({alias}.article_url IN (SELECT url FROM articles WHERE site = :site)"
                f" OR ({alias}.article_url IS NULL"
                f" AND newsarchive_site(coalesce({alias}.final_url, {alias}.url)) = :site))")
            params["site"] = self.site
        return (" AND ".join(conditions) or "1"), params

    def scope(self) -> Scope:
        """The articles named by site/since and every successful fetch of them."""
        where, params = self._filter_sql("p")
        scope = Scope()
        for page_id, key in self.db.execute(
                f"SELECT p.id, p.article_url FROM pages p WHERE p.status BETWEEN 200 AND 299"
                f" AND {where}", params):
            scope.pages.add(page_id)
            if key is not None:
                scope.keys.add(key)
        article_where = []
        if self.site:
            article_where.append("site = :site")
        if self.since:
            article_where.append("last_seen >= :since")
        scope.keys.update(row[0] for row in self.db.execute(
            "SELECT url FROM articles WHERE " + (" AND ".join(article_where) or "1"), params))
        self._add_pages_of(scope, scope.keys)
        return scope

    def _add_pages_of(self, scope: Scope, keys: Iterable[str]) -> None:
        self._fill_temp("reextract_keys", "url TEXT PRIMARY KEY", keys)
        scope.pages.update(row[0] for row in self.db.execute(
            "SELECT id FROM pages WHERE status BETWEEN 200 AND 299"
            " AND article_url IN (SELECT url FROM temp.reextract_keys)"))

    def _fill_temp(self, name: str, columns: str, values: Iterable) -> None:
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({columns})")
        self.db.execute(f"DELETE FROM temp.{name}")
        self.db.conn.executemany(f"INSERT OR IGNORE INTO temp.{name} VALUES (?)",
                                 ((value,) for value in values))
        if not self._applying:
            # sqlite3 opened a transaction for the temp table: end it, or it would hold a read
            # snapshot of the archive and forbid the BEGIN IMMEDIATE of the apply phase
            self.db.conn.commit()

    # -- extraction ------------------------------------------------------------------------

    def extract(self, page_ids: Iterable[int], *, workers: int) -> None:
        """Extract the pages not in the checkpoint yet, recording each result there."""
        todo = sorted(set(page_ids) - self.checkpoint.done())
        total, done = len(todo), 0
        if self.progress:
            self.progress(0, total)
        since_commit = 0
        try:
            for results in self._run(todo, workers):
                self.checkpoint.add(results)
                done += len(results)
                since_commit += len(results)
                if since_commit >= CHECKPOINT_EVERY:
                    self.checkpoint.commit()
                    since_commit = 0
                if self.progress:
                    self.progress(done, total)
        finally:
            # interrupted or not, what was extracted is kept for the next run
            self.checkpoint.commit()

    def _chunks(self, todo: list[int]) -> Iterator[list[tuple[int, FetchedPage]]]:
        for start in range(0, len(todo), CHUNK_PAGES):
            yield [(page_id, self.archive.page(page_id))
                   for page_id in todo[start:start + CHUNK_PAGES]]

    def _run(self, todo: list[int], workers: int) -> Iterator[list]:
        if workers <= 1 or len(todo) <= CHUNK_PAGES:
            for chunk in self._chunks(todo):
                yield _extract_chunk(self.extract_fn, self.options, chunk)
            return
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending = []
            chunks = self._chunks(todo)
            try:
                for chunk in chunks:
                    pending.append(pool.submit(_extract_chunk, self.extract_fn, self.options,
                                               chunk))
                    # a bounded queue: the pages read ahead stay few, results come in order
                    while len(pending) >= workers * 3:
                        yield pending.pop(0).result()
                while pending:
                    yield pending.pop(0).result()
            except BaseException:
                for future in pending:
                    future.cancel()
                raise

    def extract_closure(self, scope: Scope, *, workers: int) -> None:
        """Extract the scope's pages; draw in the archived articles they now point to."""
        examined: set[int] = set()
        while True:
            self.extract(scope.pages, workers=workers)
            keys = self.checkpoint.keys()
            new_keys = {keys[page_id] for page_id in scope.pages - examined
                        if page_id in keys} - scope.keys
            examined |= scope.pages
            self._fill_temp("reextract_keys", "url TEXT PRIMARY KEY", new_keys)
            existing = {row[0] for row in self.db.execute(
                "SELECT url FROM articles WHERE url IN (SELECT url FROM temp.reextract_keys)")}
            before = len(scope.pages)
            scope.keys |= existing
            self._add_pages_of(scope, existing)
            if len(scope.pages) == before:
                return

    # -- apply -----------------------------------------------------------------------------

    def run(self) -> dict:
        try:
            scope = self.scope()
            resumed = len(scope.pages & self.checkpoint.done())
            self.extract_closure(scope, workers=self.workers)
            with self.archive._lock, immediate_transaction(self.db):
                self._applying = True
                # Pages stored by a crawl while the first pass ran (few): extracted here.
                scope = self.scope()
                self.extract_closure(scope, workers=1)
                counts = self._apply(scope)
        except BaseException:
            self.checkpoint.close()
            raise
        finally:
            self._applying = False
            for name in ("reextract_keys", "reextract_pages"):
                self.db.execute(f"DROP TABLE IF EXISTS temp.{name}")
        self.checkpoint.close_and_remove()
        return {**counts, "resumed": resumed}

    def _fingerprints(self, keys: set[str]) -> dict[str, tuple[int, str]]:
        """url -> (id, digest of every extracted column) for the archived articles in keys."""
        columns = sorted(article_field_types()) + ["content_hash"]
        self._fill_temp("reextract_keys", "url TEXT PRIMARY KEY", keys)
        selected = ", ".join(f'"{name}"' for name in columns)
        result = {}
        for row in self.db.execute(
                f"SELECT url, id, {selected} FROM articles"
                f" WHERE url IN (SELECT url FROM temp.reextract_keys)"):
            digest = hashlib.sha256(json.dumps(row[2:], default=str).encode()).hexdigest()
            result[row[0]] = (row[1], digest)
        return result

    def _apply(self, scope: Scope) -> dict:
        failed = self.checkpoint.errors(scope.pages)
        # the ids as one JSON parameter: values never go into SQL text, however many
        kept_keys = {row[0] for row in self.db.execute(
            "SELECT DISTINCT article_url FROM pages WHERE article_url IS NOT NULL"
            " AND id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(failed))])} if failed else set()
        if kept_keys:
            # pages whose extraction raised keep their articles as they were
            scope.keys -= kept_keys
            self._fill_temp("reextract_keys", "url TEXT PRIMARY KEY", kept_keys)
            scope.pages -= {row[0] for row in self.db.execute(
                "SELECT id FROM pages WHERE article_url IN (SELECT url FROM temp.reextract_keys)")}
        before = self._fingerprints(scope.keys)

        self._fill_temp("reextract_keys", "url TEXT PRIMARY KEY", scope.keys)
        self._fill_temp("reextract_pages", "page_id INTEGER PRIMARY KEY", scope.pages)
        self.db.execute("DELETE FROM article_versions"
                        " WHERE article_url IN (SELECT url FROM temp.reextract_keys)")
        self.db.execute("DELETE FROM article_urls"
                        " WHERE article_url IN (SELECT url FROM temp.reextract_keys)")
        self.db.execute("DELETE FROM articles WHERE url IN (SELECT url FROM temp.reextract_keys)")
        self.db.execute("UPDATE pages SET article_url = NULL"
                        " WHERE article_url IN (SELECT url FROM temp.reextract_keys)"
                        " OR id IN (SELECT page_id FROM temp.reextract_pages)")
        replayed = self.db.execute(
            "SELECT id, url, final_url, fetched_at FROM pages"
            " WHERE id IN (SELECT page_id FROM temp.reextract_pages)"
            " ORDER BY fetched_at, id").fetchall()
        rebuilt: set[str] = set()
        versions = 0
        for page_id, url, final_url, fetched_at in replayed:
            stored, _key = self.checkpoint.get(page_id)
            if stored is None:
                continue
            article = pickle.loads(stored)  # written by this run's workers
            page = FetchedPage(url=url, final_url=final_url)
            # the key as store_page gives it, which depends on what is archived by now
            key = self.archive._article_key(article, page)
            if key not in before and key not in rebuilt:
                # an article outside the scope (same text elsewhere on the site): it takes
                # this page, and is counted as changed or not like the others
                before.update(self._fingerprints({key}))
            self.db.execute("UPDATE pages SET article_url = ? WHERE id = ?", [key, page_id])
            old = before.get(key)
            change = self.archive._upsert_article(key, article, page_id, fetched_at,
                                                  article_id=old[0] if old else None)
            self.archive._note_article_urls(key, page, fetched_at)
            versions += change in ("new", "updated")
            rebuilt.add(key)
        self.archive._relink_not_modified_fetches()
        after = self._fingerprints(rebuilt)
        changed = sum(1 for key in rebuilt if key in before and before[key][1] != after[key][1])
        new = len(rebuilt - before.keys())
        return {"pages": len(replayed), "articles": len(rebuilt), "new": new,
                "changed": changed, "unchanged": len(rebuilt) - new - changed,
                "removed": len(before.keys() - rebuilt), "versions": versions,
                "errors": len(failed)}
