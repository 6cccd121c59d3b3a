"""Versioned schema migrations for the archive.

The schema version is SQLite's `PRAGMA user_version`: migration N (1-based position in
MIGRATIONS) has run when user_version >= N. Each migration runs in its own
`BEGIN IMMEDIATE` transaction together with the version bump, so a process killed half-way
leaves the previous version intact and the next open simply runs it again; IMMEDIATE makes two
processes opening a new archive at once take turns instead of both migrating.

Migrations are history: never edit one that has shipped, append a new one.
"""
from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from datetime import datetime

from sqlite_utils import Database

from ..page import payload_digest, standard_status_line, warc_payload_digest
from ..urls import url_key
from .frontier import create_frontier_table, record_fetch
from .transaction import immediate_transaction

# Columns for the Article fields as they were when the archive was first created; fields that
# Article gains later are added by store.ensure_article_columns().
ARTICLE_FIELD_COLUMNS = {
    "canonical_url": str,
    "is_article": int,
    "headline": str,
    "dateline": str,
    "dateline_place": str,
    "dateline_date": str,
    "date_published": str,
    "date_published_source": str,
    "date_modified": str,
    "authors": str,
    "body": str,
    "boilerplate": str,
    "language": str,
    "site_name": str,
    "description": str,
    "section": str,
    "tags": str,
    "image_url": str,
}


def create_core_tables(db: Database) -> None:
    """crawls, pages, articles and article_versions with their indexes."""
    db["crawls"].create({
        "id": int,
        "spider": str,
        "start_urls": str,
        "settings": str,
        "started_at": str,
        "finished_at": str,
        "pages": int,
        "articles_new": int,
        "articles_updated": int,
        "articles_unchanged": int,
        "errors": int,
        "counters": str,
    }, pk="id")
    db["pages"].create({
        "id": int,
        "url": str,
        "final_url": str,
        "status": int,
        "fetched_at": str,
        "content_type": str,
        "headers": str,
        "raw": bytes,
        "raw_codec": str,
        "raw_size": int,
        "error": str,
        "hints": str,
        "crawl_id": int,
        "article_url": str,
    }, pk="id", foreign_keys=[("crawl_id", "crawls", "id")])
    db["articles"].create({
        "id": int,
        "url": str,
        **ARTICLE_FIELD_COLUMNS,
        "site": str,
        "first_seen": str,
        "last_seen": str,
        "content_hash": str,
        "page_id": int,
    }, pk="id", not_null={"url"}, foreign_keys=[("page_id", "pages", "id")])
    db["article_versions"].create({
        "id": int,
        "article_url": str,
        "page_id": int,
        "fetched_at": str,
        "content_hash": str,
        "headline": str,
        "body": str,
    }, pk="id", not_null={"article_url"}, foreign_keys=[
        ("article_url", "articles", "url"), ("page_id", "pages", "id")])
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["site"])
    db["articles"].create_index(["date_published"])
    db["articles"].create_index(["last_seen"])
    db["pages"].create_index(["url"])
    db["pages"].create_index(["final_url"])
    db["pages"].create_index(["crawl_id"])
    db["pages"].create_index(["article_url"])
    db["pages"].create_index(["fetched_at"])
    db["article_versions"].create_index(["article_url", "fetched_at"])


def enable_article_search(db: Database) -> None:
    """FTS5 over headline and body, kept current by triggers (what `sqlite-utils search` uses)."""
    db["articles"].enable_fts(["headline", "body"], create_triggers=True)


def add_crawl_site_counters(db: Database) -> None:
    """crawls gets a row per run and site: `site` (the site list's name), `status` ("ok",
    "failed" when every start URL failed, "interrupted") and the counters of scheduled crawls
    (`skipped` and `failed` are JSON objects: count by URL kind, count by reason)."""
    columns = db["crawls"].columns_dict
    for name, kind in {"site": str, "status": str, "discovered": int, "fetched": int,
                       "not_modified": int, "robots_blocked": int, "skipped": str,
                       "failed": str}.items():
        if name not in columns:
            db["crawls"].add_column(name, kind)
    db["crawls"].create_index(["site", "started_at"], if_not_exists=True)


def store_captures_and_payloads_once(db: Database) -> None:
    """Faithful captures and payloads stored once by digest.

    pages gains the request as sent (request_line, request_headers), the response head as
    received (status_line, response_headers), peer_address, capture (how faithful those are)
    and payload_digest; the bytes move from pages.raw into `payloads`, one row per distinct
    body. Existing fetches get what can be derived: a standard status line, their stored
    headers as pairs (lower-cased, merged), capture "derived"; what was sent stays unknown.
    """
    if "payloads" in db.table_names():  # run already, under another version number
        return
    db["payloads"].create({
        "digest": str,
        "sha1": str,
        "size": int,
        "raw": bytes,
        "raw_codec": str,
    }, pk="digest", not_null={"size"})
    for name in ("request_line", "request_headers", "status_line", "response_headers",
                 "peer_address", "capture"):
        db["pages"].add_column(name, str)
    db.execute("ALTER TABLE pages ADD COLUMN payload_digest TEXT REFERENCES payloads(digest)")
    rows = db.execute("SELECT id, status, headers, raw, raw_codec FROM pages ORDER BY id")
    for page_id, status, headers, raw, codec in rows.fetchall():
        update = {}
        if status is not None:
            update["status_line"] = standard_status_line(status)
            update["response_headers"] = json.dumps(
                [[name, value] for name, value in json.loads(headers or "{}").items()],
                ensure_ascii=False)
            update["capture"] = "derived"
        if raw is not None:
            body = zlib.decompress(raw) if codec == "zlib" else bytes(raw)
            digest = payload_digest(body)
            db.execute("INSERT OR IGNORE INTO payloads (digest, sha1, size, raw, raw_codec)"
                       " VALUES (?, ?, ?, ?, ?)",
                       [digest, warc_payload_digest(body), len(body), raw, codec])
            # emptied as it moves: the space is reused by the next payloads, and dropping
            # the columns below rewrites small rows only (the file does not double)
            update.update(payload_digest=digest, raw=None)
        if update:
            assignments = ", ".join(f"{name} = ?" for name in update)
            db.execute(f"UPDATE pages SET {assignments} WHERE id = ?", [*update.values(), page_id])
    db.execute("ALTER TABLE pages DROP COLUMN raw")
    db.execute("ALTER TABLE pages DROP COLUMN raw_codec")
    db["pages"].create_index(["payload_digest"])
    db["payloads"].create_index(["sha1"])


def add_frontier_and_article_urls(db: Database) -> None:
    """The crawl frontier (one row per URL key, with its schedule) and article_urls (every
    URL an article was fetched under), both filled from the pages archived so far."""
    create_frontier_table(db)
    db["article_urls"].create({"url": str, "article_url": str, "first_seen": str},
                              pk="url", not_null={"url", "article_url"})
    db["article_urls"].create_index(["article_url"])
    db["articles"].create_index(["content_hash"])
    published = dict(db.execute("SELECT url, date_published FROM articles").fetchall())
    rows = db.execute("SELECT url, final_url, status, error, headers, fetched_at, hints,"
                      " article_url FROM pages ORDER BY fetched_at, id").fetchall()
    for url, final_url, status, error, headers, fetched_at, hints, article_url in rows:
        hints = json.loads(hints or "{}")
        record_fetch(db, url=url, status=status, error=error,
                     headers=json.loads(headers or "{}"),
                     fetched_at=datetime.fromisoformat(fetched_at), hints=hints,
                     article_url=article_url, site=None,
                     published=published.get(article_url))
        if article_url:
            for fetched in {url, final_url or url}:
                db.execute("INSERT OR IGNORE INTO article_urls (url, article_url, first_seen)"
                           " VALUES (?, ?, ?)", [url_key(fetched), article_url, fetched_at])


def article_sources(db: Database) -> None:
    """articles.sources (Article.sources, JSON) replaces date_published_source: each row's old
    value moves to sources ->> 'date_published' (its "url" under the rule's present name,
    "url-path"), then the old column goes."""
    columns = db["articles"].columns_dict
    if "sources" not in columns:
        db["articles"].add_column("sources", str)
    if "date_published_source" in columns:
        db.execute("UPDATE articles SET sources = json_object('date_published', "
                   "CASE date_published_source WHEN 'url' THEN 'url-path' ELSE date_published_source END) "
                   "WHERE date_published_source IS NOT NULL AND sources IS NULL")
        db.execute("ALTER TABLE articles DROP COLUMN date_published_source")


MIGRATIONS: list[Callable[[Database], None]] = [
    create_core_tables,
    enable_article_search,
    add_crawl_site_counters,
    store_captures_and_payloads_once,
    add_frontier_and_article_urls,
    article_sources,
]


def schema_version(db: Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def apply_migrations(db: Database, migrations=MIGRATIONS) -> list[str]:
    """Run every migration newer than the archive's version; returns the names that ran."""
    applied = []
    for version, migration in enumerate(migrations, start=1):
        if schema_version(db) >= version:
            continue
        with immediate_transaction(db):
            # Another process may have migrated while this one waited for the write lock.
            if schema_version(db) >= version:
                continue
            migration(db)
            db.execute(f"PRAGMA user_version = {int(version)}")  # a PRAGMA takes no parameters
        applied.append(migration.__name__)
    return applied
