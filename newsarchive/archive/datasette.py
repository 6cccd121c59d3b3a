"""Datasette over an archive: descriptions of every table and column, facets, full-text search
and saved queries (`newsarchive datasette`, an optional extra: pip install newsarchive[datasette]).

The descriptions of the columns that hold Article fields are the fields' docstrings in
newsarchive/article.py (the spec); the archive's own columns are described here.
"""
from __future__ import annotations

import ast
import json
from functools import cache
from pathlib import Path

from .. import article as article_module

TABLE_DESCRIPTIONS = {
    "articles": "One row per article, keyed by its canonical URL; always the extraction of the"
                " latest fetch. Rebuilt from the pages by `newsarchive reextract`.",
    "article_versions": "Every distinct content (headline and body) an article had: a row when"
                        " it was first stored and whenever a later fetch changed it."
                        " `newsarchive history URL` shows the word diffs.",
    "pages": "Every fetch, the source of truth: raw bytes kept, failed downloads and non-article"
             " pages included.",
    "crawls": "One row per crawl run and site, with its counters.",
    "payloads": "Every distinct body, once: pages.payload_digest points here.",
    "frontier": "One row per URL a crawl met, with its schedule: what a scheduled crawl asks"
                " again and when (`newsarchive frontier reset --site NAME` clears a site).",
    "article_urls": "Every URL (key) an article was fetched under; `newsarchive show URL` finds"
                    " an article by any of them.",
    "articles_fts": "The FTS5 full-text index over articles.headline and articles.body, kept"
                    " current by triggers.",
}

#: The archive's own columns (those that are not Article fields).
COLUMN_DESCRIPTIONS = {
    "articles": {
        "id": "Integer key (the full-text index's rowid).",
        "url": "The article's key, unique: canonical_url, else the URL given to extraction,"
               " else the URL the fetch ended at.",
        "site": "Host of url, lower-case, without port or leading www.",
        "first_seen": "fetched_at of the earliest fetch of this article (ISO 8601, UTC).",
        "last_seen": "fetched_at of the latest fetch (ISO 8601, UTC).",
        "content_hash": "sha256 of the JSON array [headline, body]: what decides whether the"
                        " content changed.",
        "page_id": "The pages row of the latest fetch.",
    },
    "article_versions": {
        "id": "Integer key.",
        "article_url": "articles.url of the article.",
        "page_id": "The pages row (fetch) this version was seen in.",
        "fetched_at": "When that fetch happened (ISO 8601, UTC).",
        "content_hash": "sha256 of the JSON array [headline, body].",
        "headline": "The headline of this version.",
        "body": "The body of this version.",
    },
    "pages": {
        "id": "Integer key.",
        "url": "The URL as requested.",
        "final_url": "The URL after redirects; null when it equals url.",
        "status": "HTTP status of the final response; null when the download failed; 304 for a"
                  " conditional revisit of an unchanged article.",
        "fetched_at": "When the response arrived (ISO 8601, UTC).",
        "content_type": "The Content-Type response header.",
        "headers": "JSON object of the response headers.",
        "payload_digest": "The body: payloads.digest (sha256:<hex>); null when there was none"
                          " (failed download, 304).",
        "raw_size": "Length of the body in bytes (Content-Encoding undone).",
        "request_line": "The request line as sent (GET /news/a.html HTTP/1.1); its first word is"
                        " the method.",
        "request_headers": "JSON list of [name, value] pairs as sent, in order (Host included).",
        "status_line": "The status line as received (HTTP/1.1 200 OK, the server's own reason"
                       " phrase).",
        "response_headers": "JSON list of [name, value] pairs as received: case, order and"
                            " repeats kept.",
        "peer_address": "The IP address the response came from.",
        "capture": "How faithful request_line, request_headers, status_line and"
                   " response_headers are: wire, scrapy, warc or derived.",
        "error": "Why the download or the extraction failed; null when all went well.",
        "hints": "JSON object of what discovery knew of the URL (source, lastmod, depth, kind,"
                 " frontier).",
        "crawl_id": "The crawls row of the run that fetched it; null outside a crawl.",
        "article_url": "The articles.url this fetch was archived as; null when it was no"
                       " article.",
    },
    "payloads": {
        "digest": "sha256: and the hex SHA-256 of the body (the key).",
        "sha1": "sha1: and the base-32 SHA-1 of the body: the WARC-Payload-Digest, so revisit"
                " records find it.",
        "size": "Length of the body in bytes.",
        "raw": "The body, compressed as raw_codec says.",
        "raw_codec": "How raw is compressed (zstd; zlib for bodies archived before).",
    },
    "frontier": {
        "url": "The URL's key (newsarchive.urls.url_key).",
        "site": "The site list's name of its site (the host for -a url= crawls).",
        "kind": "article, home, section, sitemap, feed, page (HTML, not an article), robots"
                " (a host's robots.txt) or other.",
        "first_seen": "First time a crawl met it (discovered or fetched).",
        "last_seen": "Last time a crawl met it.",
        "last_fetched": "The last time it was asked, whatever the outcome; null: never.",
        "status": "The HTTP status of that answer; null when none came (timeout, dropped"
                  " connection).",
        "etag": "ETag of the last full answer (sent back as If-None-Match).",
        "last_modified": "Last-Modified of the last full answer (sent back as"
                         " If-Modified-Since).",
        "next_check": "When it is due again; null: not again (see docs/crawling.md).",
        "failures": "Failed asks in a row (a success resets it).",
        "depth": "Link hops from a start page when it was met.",
        "error": "The last failure's reason.",
    },
    "article_urls": {
        "url": "A URL key a fetch of the article was requested or redirected to.",
        "article_url": "articles.url of the article.",
        "first_seen": "When a fetch of that URL first gave the article.",
    },
    "crawls": {
        "id": "Integer key (pages.crawl_id).",
        "spider": "The spider's name.",
        "start_urls": "JSON list of the start URLs.",
        "settings": "JSON object of the settings that shaped the run.",
        "started_at": "When the run started (ISO 8601, UTC).",
        "finished_at": "When the run ended; null for a run that was killed.",
        "pages": "Fetches stored in this run.",
        "articles_new": "Articles archived for the first time.",
        "articles_updated": "Articles whose content changed.",
        "articles_unchanged": "Articles fetched again with the same content.",
        "errors": "Fetches with an error.",
        "counters": "JSON object of every counter the run reported.",
        "site": "The site list's name of the site this row counts (a crawl of a site list has"
                " a row per site); null for a crawl of start URLs.",
        "status": "How the run ended: ok, failed (every start URL failed) or interrupted.",
        "discovered": "URLs found (sitemaps, feeds, links).",
        "fetched": "URLs downloaded.",
        "not_modified": "Conditional revisits the server answered 304 Not Modified.",
        "robots_blocked": "URLs robots.txt disallowed.",
        "skipped": "JSON object: URLs not fetched, counted by kind.",
        "failed": "JSON object: failed fetches, counted by reason.",
    },
    "articles_fts": {
        "headline": "articles.headline, indexed.",
        "body": "articles.body, indexed.",
    },
}

QUERIES = {
    "latest_articles": {
        "title": "Latest articles",
        "description": "The newest articles by date published (else first archived); leave site"
                       " empty for every site.",
        "sql": "SELECT id, site, headline, coalesce(date_published, first_seen) AS date,"
               " section, language, url\nFROM articles\n"
               "WHERE :site = '' OR site = :site\n"
               "ORDER BY coalesce(date_published, first_seen) DESC\nLIMIT 100",
    },
    "articles_per_site": {
        "title": "Articles per site",
        "description": "How many articles each site has, with the dates they span.",
        "sql": "SELECT site, count(*) AS articles, min(date_published) AS earliest,"
               " max(date_published) AS latest, max(last_seen) AS last_fetched\n"
               "FROM articles\nGROUP BY site\nORDER BY articles DESC",
    },
    "changed_articles": {
        "title": "Changed articles",
        "description": "Articles whose headline or body changed after they were first archived,"
                       " most recently changed first (`newsarchive history URL` shows how).",
        "sql": "SELECT articles.id, articles.site, articles.headline, articles.url,"
               " count(*) AS versions, max(article_versions.fetched_at) AS last_changed\n"
               "FROM articles JOIN article_versions"
               " ON article_versions.article_url = articles.url\n"
               "GROUP BY articles.id\nHAVING versions > 1\nORDER BY last_changed DESC",
    },
    "failed_pages": {
        "title": "Failed pages",
        "description": "Fetches that failed to download or extract, or answered with an error"
                       " status, newest first.",
        "sql": "SELECT id, fetched_at, url, status, error, crawl_id\nFROM pages\n"
               "WHERE error IS NOT NULL OR status IS NULL OR status >= 400\n"
               "ORDER BY fetched_at DESC",
    },
}


@cache
def article_field_docs() -> dict[str, str]:
    """Article field name -> its docstring (the string under the field in article.py)."""
    tree = ast.parse(Path(article_module.__file__).read_text(encoding="utf-8"))
    docs = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "Article":
            body = node.body
            for field, doc in zip(body, body[1:]):
                if (isinstance(field, ast.AnnAssign) and isinstance(doc, ast.Expr)
                        and isinstance(doc.value, ast.Constant)
                        and isinstance(doc.value.value, str)):
                    docs[field.target.id] = " ".join(doc.value.value.split())
    return docs


def column_descriptions() -> dict[str, dict[str, str]]:
    """Every table's column descriptions, Article fields included."""
    columns = {table: dict(described) for table, described in COLUMN_DESCRIPTIONS.items()}
    fields = article_field_docs()
    json_fields = {"authors", "boilerplate", "tags"}
    for name, doc in fields.items():
        if name != "url":
            columns["articles"].setdefault(
                name, doc + (" (JSON text)" if name in json_fields else ""))
    return columns


def metadata(database: str) -> dict:
    """Datasette metadata for an archive served under the name `database` (the file's stem)."""
    columns = column_descriptions()
    tables = {name: {"description": description, "columns": columns.get(name, {})}
              for name, description in TABLE_DESCRIPTIONS.items()}
    tables["articles"].update({
        "facets": ["site", "language", "section", {"date": "date_published"}],
        "fts_table": "articles_fts", "fts_pk": "id",
        "sort_desc": "date_published", "label_column": "headline",
        "size": 50,
    })
    tables["article_versions"].update({"facets": [{"date": "fetched_at"}],
                                       "sort_desc": "fetched_at", "label_column": "headline"})
    tables["pages"].update({"facets": ["status", "crawl_id"], "sort_desc": "fetched_at",
                            "label_column": "url"})
    tables["crawls"].update({"facets": ["site", "status"], "sort_desc": "started_at",
                             "label_column": "spider"})
    return {
        "title": "newsarchive",
        "description": "Articles archived by newsarchive: search them, facet by site, language,"
                       " section and date, or open a saved query.",
        "source": "newsarchive",
        "source_url": "https://pypi.org/project/newsarchive/",
        "databases": {database: {
            "description": "A newsarchive archive: every fetch in pages, the articles extracted"
                           " from them, their versions, and the crawl runs.",
            "tables": tables,
            "queries": QUERIES,
        }},
    }


def write_metadata(db_path: str | Path, target: str | Path) -> Path:
    target = Path(target)
    target.write_text(json.dumps(metadata(Path(db_path).stem), indent=2, ensure_ascii=False),
                      encoding="utf-8")
    return target
