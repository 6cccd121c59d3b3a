"""Faithful captures, WARC out and WARC in, end to end on real files and real tools.

A real `scrapy crawl` of the demo newsroom is exported with `newsarchive export --format warc`,
checked by warcio's, cdxj-indexer's and pywb's own command-line tools, and imported back; a
raw loopback server shows what the capture keeps of an exchange (header case, order and
repeats, the reason phrase, gzip and chunked bodies); GNU Wget writes a WARC of the same
newsroom that `newsarchive import-warc` archives; and the sample WARCs of tests/fixtures/warc
(made with warcio's writer, see make_samples.py there) import cleanly.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import socketserver
import subprocess
import sys
import threading
import zlib
from pathlib import Path

import pytest
from test_crawl_e2e import DEMO_SITE, MANIFEST, PROJECT_ROOT, scrapy_crawl, sqlite_utils
from warcio.archiveiterator import ArchiveIterator

from newsarchive import FetchedPage
from newsarchive.archive import Archive
from newsarchive.archive.migrations import MIGRATIONS, apply_migrations
from newsarchive.archive.store import open_database
from newsarchive.archive.warc import is_html
from newsarchive.documents import HTML, classify_document
from newsarchive.fixtureserver import FixtureServer

BIN = Path(sys.executable).parent
SAMPLES = PROJECT_ROOT / "tests" / "fixtures" / "warc"
ARTICLE_COLUMNS = "url, content_hash, headline, date_published, authors, first_seen, last_seen"


def run(*argv, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": ""}
    return subprocess.run([str(arg) for arg in argv], capture_output=True, text=True, env=env,
                          timeout=300, **kwargs)


def newsarchive(*args) -> dict:
    result = run(BIN / "newsarchive", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def articles(db) -> list[dict]:
    return sqlite_utils("query", db, f"select {ARTICLE_COLUMNS} from articles order by url")


def records(path) -> list:
    """(type, WARC headers, HTTP head, payload as read by warcio) of every record."""
    found = []
    with open(path, "rb") as stream:
        for record in ArchiveIterator(stream):
            found.append((record.rec_type, record.rec_headers, record.http_headers,
                          record.content_stream().read()))
    return found


# -- the demo newsroom, crawled and exported ----------------------------------------------------

@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """(archive, WARC) of a crawl of the demo site."""
    folder = tmp_path_factory.mktemp("warc")
    db = folder / "archive.db"
    with FixtureServer(DEMO_SITE) as server:
        process = scrapy_crawl(server.url, db)
    assert process.returncode == 0, process.stderr[-2000:]
    warc = folder / "demo.warc.gz"
    result = run(BIN / "newsarchive", "export", "--db", db, "--format", "warc", "-o", warc)
    assert result.returncode == 0, result.stderr
    return db, warc, json.loads(result.stderr)


def test_crawl_captures_every_response_from_the_wire(exported):
    db, _, _ = exported
    rows = sqlite_utils("query", db, "select capture, count(*) as n from pages"
                                     " where status is not null group by capture")
    assert rows == [{"capture": "wire", "n": rows[0]["n"]}]
    [page] = sqlite_utils("query", db, "select * from pages where url like '%/robots.txt'"
                                       " or url like '%/sitemap.xml' order by id limit 1")
    request = json.loads(page["request_headers"])
    assert page["request_line"].startswith("GET /") and page["request_line"].endswith(" HTTP/1.1")
    assert ["User-Agent", "newsarchive/0.1 (news archiver; Scrapy)"] in request
    assert any(name == "Host" for name, _ in request)
    assert page["peer_address"] == "127.0.0.1"
    assert page["status_line"] == "HTTP/1.1 200 OK"


def test_export_is_warc_1_1_gzip_per_record_with_warcinfo_requests_responses_revisits(exported):
    db, warc, counts = exported
    with open(warc, "rb") as stream:
        members = stream.read().count(b"\x1f\x8b\x08")
    found = records(warc)
    kinds = [kind for kind, *_ in found]
    assert kinds[0] == "warcinfo" and members >= len(found)
    assert all(headers.protocol == "WARC/1.1" for _, headers, *_ in found)
    assert counts == {"records": len(found), "warcinfo": 1, "response": kinds.count("response"),
                      "request": kinds.count("request"), "revisit": kinds.count("revisit")}
    [[pages, payloads]] = [list(row.values()) for row in sqlite_utils(
        "query", db, "select count(*), count(distinct payload_digest) from pages"
                     " where status is not null and payload_digest is not null")]
    # one response per distinct payload, a revisit for every other fetch of the same bytes
    assert kinds.count("response") >= payloads
    assert kinds.count("revisit") == pages - payloads > 0
    for kind, headers, http, _ in found:
        if kind == "revisit":
            assert headers.get_header("WARC-Profile").endswith("/revisit/identical-payload-digest")
            assert headers.get_header("WARC-Refers-To-Target-URI")
            assert headers.get_header("WARC-Refers-To-Date")
            assert http.get_statuscode()


def test_the_exported_page_is_the_archived_payload(exported):
    db, warc, _ = exported
    with Archive(db) as archive:
        [(page_id, page)] = list(archive.iter_pages(
            "pages.url LIKE ? AND pages.status = 200", ["%/articles/vw-id-space%"]))
        body = archive.page_body(page_id)
    [(headers, http, payload)] = [
        (headers, http, payload) for kind, headers, http, payload in records(warc)
        if kind == "response" and headers.get_header("WARC-Target-URI") == page.url]
    assert payload == body
    assert http.get_header("Content-Length") == str(len(body))
    assert headers.get_header("WARC-IP-Address") == "127.0.0.1"
    assert headers.get_header("WARC-Date").startswith(page.fetched_at.strftime("%Y-%m-%dT%H:%M:%S"))


def test_warcio_check_and_index_read_the_export(exported):
    _, warc, counts = exported
    check = run(BIN / "warcio", "check", "-v", warc)
    assert check.returncode == 0, check.stdout[-2000:]
    assert "digest pass" in check.stdout and "fail" not in check.stdout
    index = run(BIN / "warcio", "index", "-f", "warc-type,warc-target-uri,offset", warc)
    assert index.returncode == 0, index.stderr
    assert len(index.stdout.splitlines()) == counts["records"]


@pytest.fixture(scope="module")
def pywb_collection(exported, tmp_path_factory):
    """A pywb folder with a collection "news" holding the export (wb-manager init, add)."""
    _, warc, _ = exported
    folder = tmp_path_factory.mktemp("pywb")
    for argv in (("init", "news"), ("add", "news", warc)):
        result = run(BIN / "wb-manager", *argv, cwd=folder)
        assert result.returncode == 0, result.stderr
    return folder


def test_cdxj_indexer_and_pywb_index_the_export(exported, pywb_collection):
    _, warc, counts = exported
    cdxj = run(BIN / "cdxj-indexer", warc)
    assert cdxj.returncode == 0, cdxj.stderr
    lines = cdxj.stdout.splitlines()
    # one line per response and revisit (pywb's index leaves requests out)
    assert len(lines) == counts["response"] + counts["revisit"]
    assert any("/articles/vw-id-space-vizzion-ev-wagon.html" in line for line in lines)
    [index] = (pywb_collection / "collections" / "news" / "indexes").glob("*.cdxj")
    indexed = index.read_text(encoding="utf-8")
    assert "articles/vw-id-space-vizzion-ev-wagon.html" in indexed
    assert len(indexed.splitlines()) == len(lines)


PYWB_REPLAY = """
import hashlib, io, json, sys
from pywb.apps.frontendapp import FrontEndApp
app, found = FrontEndApp(), []
for url, stamp in json.loads(sys.argv[1]):
    answer = {}
    body = b"".join(app({"REQUEST_METHOD": "GET", "PATH_INFO": f"/news/{stamp}id_/{url}",
                         "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80",
                         "SERVER_PROTOCOL": "HTTP/1.1", "HTTP_HOST": "127.0.0.1",
                         "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(),
                         "wsgi.errors": sys.stderr, "SCRIPT_NAME": ""},
                        lambda status, headers, exc=None: answer.update(status=status)))
    found.append([answer["status"], hashlib.sha256(body).hexdigest()])
print(json.dumps(found))
"""


def test_pywb_replays_responses_and_revisits_of_the_export(exported, pywb_collection):
    db, _, _ = exported
    # a page fetched twice (through a redirect, then by a link): a response, then a revisit
    with Archive(db) as archive:
        fetches = [(page.final_url or page.url, page.fetched_at, archive.page_body(page_id))
                   for page_id, page in archive.iter_pages(
                       "pages.status = 200 AND (pages.url LIKE ? OR pages.final_url LIKE ?)",
                       ["%/iran-russia-cooperate%"] * 2)]
    assert len(fetches) == 2 and fetches[0][2] == fetches[1][2]
    wanted = [[url, moment.strftime("%Y%m%d%H%M%S")] for url, moment, _ in fetches]
    replay = run(sys.executable, "-c", PYWB_REPLAY, json.dumps(wanted), cwd=pywb_collection)
    assert replay.returncode == 0, replay.stderr[-2000:]
    digest = hashlib.sha256(fetches[0][2]).hexdigest()
    # pywb logs to stdout too: the answer is the last line
    assert json.loads(replay.stdout.splitlines()[-1]) == [["200 OK", digest], ["200 OK", digest]]


def test_export_reimports_to_the_same_articles(exported, tmp_path):
    db, warc, _ = exported
    copy = tmp_path / "reimported.db"
    counts = newsarchive("import-warc", warc, "--db", copy)
    assert counts["articles_new"] == len(MANIFEST["articles"])
    assert "damaged_records" not in counts  # every record's bytes match the block digest we wrote
    assert articles(copy) == articles(db)
    # each response is paired with its request, written after it (as Heritrix does too)
    heads = ("select coalesce(final_url, url) as url, fetched_at, request_line, request_headers,"
             " status_line, peer_address from pages where article_url is not null order by 1, 2")
    assert sqlite_utils("query", copy, heads) == sqlite_utils("query", db, heads)


def test_importing_what_the_archive_holds_adds_nothing(exported, tmp_path):
    db, warc, _ = exported
    copy = tmp_path / "same.db"
    shutil.copy(db, copy)
    before = sqlite_utils("query", copy, "select count(*) as n from pages")
    counts = newsarchive("import-warc", warc, "--db", copy)
    assert counts.get("imported", 0) == counts.get("imported_revisits", 0) == 0
    assert counts["already_archived"] > 0
    assert sqlite_utils("query", copy, "select count(*) as n from pages") == before
    assert articles(copy) == articles(db)


def test_export_of_one_site_since_a_date(exported, tmp_path):
    db, _, counts = exported
    out = tmp_path / "none.warc.gz"
    result = run(BIN / "newsarchive", "export", "--db", db, "--format", "warc", "-o", out,
                 "--since", "2999-01-01")
    assert result.returncode == 0 and json.loads(result.stderr)["records"] == 1
    assert [kind for kind, *_ in records(out)] == ["warcinfo"]
    with Archive(db) as archive:
        assert archive.export_warc(io.BytesIO(), site="127.0.0.1",
                                   since="2000-01-01T00:00:00Z") == counts
        assert archive.export_warc(io.BytesIO(), site="www.example.com")["records"] == 1


# -- what a capture keeps ------------------------------------------------------------------------

ARTICLE_HTML = ("<html><head><title>Harbour reopens - Wire</title></head><body><article>"
                "<h1>Harbour reopens after the storm</h1>"
                + "".join(f"<p>Paragraph {n} of the report on the harbour, which reopened on "
                          f"Tuesday after three days, with ships unloading by noon.</p>"
                          for n in range(6))
                + "</article></body></html>").encode("utf-8")
GZIPPED = gzip.compress(ARTICLE_HTML, mtime=0)
CHUNKED = b"".join(b"%x\r\n%s\r\n" % (len(part), part)
                   for part in (GZIPPED[:100], GZIPPED[100:])) + b"0\r\n\r\n"
SENT_HEAD = [("content-type", "text/html; charset=utf-8"), ("X-Served-By", "cache-1"),
             ("Set-Cookie", "a=1; Path=/"), ("x-served-by", "cache-2"),
             ("Set-Cookie", "b=2; Path=/"), ("Content-Encoding", "gzip"),
             ("Transfer-Encoding", "chunked"), ("cache-control", "max-age=60")]
STATUS_LINE = "HTTP/1.1 200 Fine Thanks"


class RawHandler(socketserver.StreamRequestHandler):
    """Answers every request with the head above, byte for byte; keeps what it read."""

    def handle(self):
        head = b""
        while not head.endswith(b"\r\n\r\n"):
            line = self.rfile.readline()
            if not line:
                return
            head += line
        self.server.received.append(head)
        path = head.split(b" ")[1]
        if path != b"/":
            self.wfile.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
            return
        lines = [STATUS_LINE] + [f"{name}: {value}" for name, value in SENT_HEAD]
        self.wfile.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + CHUNKED)


class RawServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def crawl_raw_server(db, **settings) -> bytes:
    """Crawl the raw server into db; returns the page request as the server read it."""
    server = RawServer(("127.0.0.1", 0), RawHandler)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        process = scrapy_crawl(f"http://127.0.0.1:{server.server_address[1]}/", db,
                               ROBOTSTXT_OBEY=False, DEPTH_LIMIT=0, **settings)
    finally:
        server.shutdown()
        server.server_close()
    assert process.returncode == 0, process.stderr[-2000:]
    [page_request] = [head for head in server.received if head.startswith(b"GET / ")]
    return page_request


@pytest.fixture(scope="module")
def raw_crawl(tmp_path_factory):
    db = tmp_path_factory.mktemp("raw") / "archive.db"
    return db, crawl_raw_server(db)


def test_capture_keeps_the_response_head_as_received(raw_crawl):
    db, _ = raw_crawl
    with Archive(db) as archive:
        [(page_id, page)] = list(archive.iter_pages("pages.status = 200"))
        assert page.capture == "wire"
        assert page.status_line == STATUS_LINE
        assert [tuple(pair) for pair in page.response_headers] == SENT_HEAD
        assert page.peer_address == "127.0.0.1"
        # the payload is kept decoded: chunks joined, gzip undone
        assert archive.page_body(page_id) == ARTICLE_HTML
        assert page.headers["x-served-by"] == "cache-1, cache-2"
        # fetched_at: when the status line arrived, within the crawl
        [crawl] = archive.db.query("select started_at, finished_at from crawls")
        assert crawl["started_at"] < page.fetched_at.isoformat() < crawl["finished_at"]


def test_capture_keeps_the_request_as_sent(raw_crawl):
    db, received = raw_crawl
    with Archive(db) as archive:
        [(_, page)] = list(archive.iter_pages("pages.status = 200"))
    sent = "\r\n".join([page.request_line] + [f"{name}: {value}"
                                                for name, value in page.request_headers])
    assert (sent + "\r\n\r\n").encode("latin-1") == received


def test_without_the_capturing_handler_the_heads_are_scrapys_view(tmp_path):
    # what Scrapy's own handler shows of the same exchange: the reason why the capture exists
    db = tmp_path / "scrapy.db"
    plain = "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler"
    received = crawl_raw_server(db, DOWNLOAD_HANDLERS=json.dumps({"http": plain}))
    with Archive(db) as archive:
        [(page_id, page)] = list(archive.iter_pages("pages.status = 200"))
        assert archive.page_body(page_id) == ARTICLE_HTML
    assert page.capture == "scrapy"
    assert page.status_line == "HTTP/1.1 200 OK"  # the server said "Fine Thanks"
    names = [name for name, _ in page.response_headers]
    assert names != [name for name, _ in SENT_HEAD]
    assert names[:2] == ["Content-Type", "X-Served-By"]  # Title-Cased
    assert page.response_headers[1:3] == [["X-Served-By", "cache-1"], ["X-Served-By", "cache-2"]]
    assert "Content-Encoding" not in names  # dropped when the body was decoded
    sent = "\r\n".join([page.request_line] + [f"{name}: {value}"
                                                for name, value in page.request_headers])
    assert (sent + "\r\n\r\n").encode("latin-1") != received  # order and Host differ
    assert sorted(sent.split("\r\n")) == sorted(received.decode("latin-1").strip().split("\r\n"))


def test_warc_of_an_encoded_response_says_the_payload_is_decoded(raw_crawl, tmp_path):
    db, received = raw_crawl
    warc = tmp_path / "raw.warc.gz"
    with Archive(db) as archive, open(warc, "wb") as stream:
        archive.export_warc(stream)
    assert run(BIN / "warcio", "check", warc).returncode == 0
    found = {kind: (http, payload) for kind, _, http, payload in records(warc)}
    http, payload = found["response"]
    assert payload == ARTICLE_HTML
    assert http.statusline == "200 Fine Thanks" and http.protocol == "HTTP/1.1"
    assert http.headers == [
        ("content-type", "text/html; charset=utf-8"), ("X-Served-By", "cache-1"),
        ("Set-Cookie", "a=1; Path=/"), ("x-served-by", "cache-2"),
        ("Set-Cookie", "b=2; Path=/"), ("X-Archive-Orig-Content-Encoding", "gzip"),
        ("X-Archive-Orig-Transfer-Encoding", "chunked"), ("cache-control", "max-age=60"),
        ("Content-Length", str(len(ARTICLE_HTML)))]
    request, _ = found["request"]
    assert request.to_bytes() == received  # the request record is the request as sent
    copy = tmp_path / "copy.db"
    counts = newsarchive("import-warc", warc, "--db", copy)
    assert counts["articles_new"] == 1
    assert articles(copy) == articles(db)


# -- migration of an archive made before captures ------------------------------------------------

def test_migration_moves_bytes_to_payloads_once_and_derives_captures(tmp_path):
    path = tmp_path / "old.db"
    db = open_database(path, 5)
    apply_migrations(db, MIGRATIONS[:2])
    body = b"<html><body><article><h1>Old</h1><p>" + b"Old text. " * 40 + b"</p></article></body></html>"
    for n, url in enumerate(("http://e.com/a", "http://e.com/a", "http://e.com/b")):
        db["pages"].insert({"url": url, "status": 200, "fetched_at": f"2020-01-0{n + 1}T00:00:00+00:00",
                            "headers": json.dumps({"content-type": "text/html", "x-a": "1, 2"}),
                            "raw": zlib.compress(body), "raw_codec": "zlib", "raw_size": len(body),
                            "hints": "{}"})
    db["pages"].insert({"url": "http://e.com/gone", "fetched_at": "2020-01-04T00:00:00+00:00",
                        "error": "DNSLookupError", "headers": "{}", "hints": "{}"})
    db.conn.commit()
    db.close()
    with Archive(path) as archive:
        assert archive.schema_version == len(MIGRATIONS)
        assert archive.db["payloads"].count == 1
        assert "raw" not in archive.db["pages"].columns_dict
        pages = list(archive.db.query("select * from pages order by id"))
        assert [page["capture"] for page in pages] == ["derived"] * 3 + [None]
        assert pages[0]["status_line"] == "HTTP/1.1 200 OK"
        assert json.loads(pages[0]["response_headers"]) == [["content-type", "text/html"],
                                                            ["x-a", "1, 2"]]
        assert pages[0]["request_line"] is None and pages[3]["payload_digest"] is None
        assert {archive.page_body(page["id"]) for page in pages[:3]} == {body}
        assert archive.reextract()["pages"] == 3
        out = io.BytesIO()
        counts = archive.export_warc(out)
    assert counts == {"records": 4, "warcinfo": 1, "response": 1, "revisit": 2}


def test_store_page_keeps_identical_payloads_once(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        for n in range(3):
            archive.store_page(FetchedPage(url=f"http://e.com/{n}", status=200, body=b"<p>same</p>",
                                           headers={"content-type": "text/html"}))
        archive.store_page(FetchedPage(url="http://e.com/x", status=200, body=b"<p>other</p>"))
        assert archive.db["pages"].count == 4
        assert archive.db["payloads"].count == 2
        assert archive.payload_by_digest(FetchedPage(url="", body=b"<p>same</p>").payload_digest) \
            == b"<p>same</p>"


# -- WARCs written by others ---------------------------------------------------------------------

def test_a_wget_warc_of_the_newsroom_imports_every_article_it_holds(tmp_path):
    wget = shutil.which("wget")
    assert wget, "GNU Wget is needed (make test installs the Debian package)"
    with FixtureServer(DEMO_SITE) as server:
        fetch = run(wget, "--recursive", "--level=2", "--tries=1", "--timeout=10", "--no-verbose",
                    "--reject-regex", r"\.(gif|png|jpe?g|webp|svg|ico|css|js|woff2?|eot|ttf)(\?|$)",
                    "--no-directories", "--delete-after", f"--directory-prefix={tmp_path / 'files'}",
                    f"--warc-file={tmp_path / 'wget'}", server.url)
    warc = tmp_path / "wget.warc.gz"
    assert warc.exists(), fetch.stderr[-2000:]
    html = {headers.get_header("WARC-Target-URI") for kind, headers, http, _ in records(warc)
            if kind == "response" and http.get_statuscode() == "200"
            and "text/html" in (http.get_header("Content-Type") or "")}
    manifest = {article["path"] for article in MANIFEST["articles"]}
    held = {url for url in html if "/" + url.split("/", 3)[3] in manifest}
    assert len(held) >= 20  # the articles linked from home and section pages
    db = tmp_path / "wget.db"
    counts = newsarchive("import-warc", warc, "--db", db)
    assert "damaged_records" not in counts  # wget's block digests match
    archived = {row["url"] for row in sqlite_utils(
        "query", db, "select url from pages where article_url is not null")}
    assert held <= archived
    assert counts["articles_new"] == len(held)
    [request] = sqlite_utils("query", db, "select request_line, request_headers, peer_address"
                                          " from pages where request_line is not null limit 1")
    assert any(name == "User-Agent" and value.startswith("Wget/")
               for name, value in json.loads(request["request_headers"]))
    assert request["peer_address"] == "127.0.0.1"


def test_warcio_sample_files_import_cleanly(tmp_path):
    db = tmp_path / "samples.db"
    files = sorted(SAMPLES.glob("*.warc*"))
    assert len(files) == 3
    counts = newsarchive("import-warc", *files, "--db", db)
    assert counts["files"] == 3
    # example.com (gzip), www.iana.org (chunked), example.com/long (truncated); a revisit of
    # example.com's bytes, a 304
    assert counts["imported"] == 3 and counts["imported_revisits"] == 2
    assert counts["skipped_not_html"] == 1 and counts["skipped_status"] == 2  # png; 404, 301
    assert counts["skipped_resource"] == 2 and counts["skipped_metadata"] == 1
    with Archive(db) as archive:
        pages = {(page.url, page.fetched_at.isoformat()): (page_id, page)
                 for page_id, page in archive.iter_pages()}
        assert all(page.error is None and page.capture == "warc"
                   for _, page in pages.values())
        page_id, page = pages[("http://example.com/", "2014-01-03T03:03:21+00:00")]
        body = archive.page_body(page_id)
        assert body.startswith(b"<!doctype html>") and b"Example Domain" in body
        assert page.request_line == "GET / HTTP/1.1"
        revisit_id, _ = pages[("http://example.com/", "2014-01-03T03:03:41+00:00")]
        assert archive.page_body(revisit_id) == body
        not_modified_id, not_modified = pages[("http://example.com/", "2014-01-05T10:00:00+00:00")]
        assert not_modified.status == 304
        iana_id, iana = pages[("http://www.iana.org/", "2014-01-27T17:12:39+00:00")]
        assert archive.page_body(iana_id).startswith(b"<!doctype html>")
        assert iana.peer_address == "192.0.32.8"
        _, cut = pages[("http://example.com/long", "2014-01-03T03:03:25+00:00")]
        assert cut.hints["warc_truncated"] == "length"
        assert cut.hints["warc_file"] == "example-resource.warc.gz"
        assert archive.db["payloads"].count == 3
    again = newsarchive("import-warc", *files, "--db", db)
    assert again["already_archived"] == 5 and "imported" not in again


def test_import_progress_is_silent_unless_stderr_is_a_terminal(tmp_path):
    files = sorted(SAMPLES.glob("*.warc*"))
    quiet = run(BIN / "newsarchive", "import-warc", *files, "--db", tmp_path / "q.db")
    assert quiet.returncode == 0 and quiet.stderr == ""
    leader, follower = os.openpty()
    try:
        shown = subprocess.run([str(BIN / "newsarchive"), "import-warc", *map(str, files),
                                "--db", str(tmp_path / "t.db")], stdout=subprocess.PIPE,
                               stderr=follower, timeout=60)
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
    assert shown.returncode == 0
    assert b"importing" in output and b"100%" in output


def test_a_file_that_is_no_warc_is_named_and_the_others_are_read(tmp_path):
    bad = tmp_path / "notes.warc"
    bad.write_text("hello world\n")
    result = run(BIN / "newsarchive", "import-warc", bad, SAMPLES / "example.warc.gz",
                 "--db", tmp_path / "x.db")
    assert result.returncode == 1
    counts = json.loads(result.stdout)
    assert counts["failed_files"] == [{"file": str(bad), "error": counts["failed_files"][0]["error"]}]
    assert "Unknown archive format" in counts["failed_files"][0]["error"]
    assert counts["imported"] == 1 and counts["imported_revisits"] == 2


@pytest.mark.parametrize("keep", [0.6, 0.95])
def test_a_warc_cut_short_keeps_its_whole_records_and_is_named(tmp_path, keep):
    # warcio stops without a word at a record cut short (a truncated download or copy): the
    # records before it are archived, and the file is listed with what was left unread
    data = (SAMPLES / "example.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[:int(len(data) * keep)])
    result = run(BIN / "newsarchive", "import-warc", cut, "--db", tmp_path / "x.db")
    assert result.returncode == 1
    counts = json.loads(result.stdout)
    [failed] = counts["failed_files"]
    assert failed["file"] == str(cut) and failed["error"].startswith("EOFError: ")
    assert "cut short or damaged" in failed["error"]
    read = sum(1 for _ in ArchiveIterator(io.BytesIO(data[:int(len(data) * keep)])))
    assert counts["records"] == read and counts["imported"] == 1  # the response before the cut


def test_a_response_whose_body_is_cut_short_is_named(tmp_path):
    plain = gzip.decompress((SAMPLES / "example.warc.gz").read_bytes())
    start = plain.index(b"WARC-Type: response")
    cut = tmp_path / "cut.warc"
    cut.write_bytes(plain[:plain.index(b"\r\n\r\n", plain.index(b"HTTP/1.", start)) + 60])
    counts = json.loads(run(BIN / "newsarchive", "import-warc", cut, "--db", tmp_path / "x.db").stdout)
    [failed] = counts["failed_files"]
    assert "ends inside its last record (response of http" in failed["error"]
    [page] = sqlite_utils(tmp_path / "x.db", "select error from pages")
    assert page["error"] == "the WARC file ends inside this record: its body is cut short"


def test_blank_lines_after_the_last_record_are_no_damage(tmp_path):
    padded = tmp_path / "padded.warc.gz"
    padded.write_bytes((SAMPLES / "example.warc.gz").read_bytes())
    plain = tmp_path / "plain.warc"
    plain.write_bytes(gzip.decompress(padded.read_bytes()) + b"\r\n\r\n")
    for path in (padded, plain):
        result = run(BIN / "newsarchive", "import-warc", path, "--db", tmp_path / f"{path.name}.db")
        assert result.returncode == 0 and json.loads(result.stdout)["failed_files"] == [], path


def test_a_response_whose_bytes_do_not_match_its_block_digest_is_archived_as_damaged(tmp_path):
    plain = bytearray(gzip.decompress((SAMPLES / "example.warc.gz").read_bytes()))
    start = plain.index(b"WARC-Type: response")
    at = plain.index(b"\r\n\r\n", plain.index(b"HTTP/1.", start)) + 10  # inside the payload
    plain[at] ^= 0x01
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(bytes(plain))
    whole = tmp_path / "whole.warc"
    whole.write_bytes(gzip.decompress((SAMPLES / "example.warc.gz").read_bytes()))
    counts = json.loads(run(BIN / "newsarchive", "import-warc", damaged, "--db", tmp_path / "d.db").stdout)
    assert counts["damaged_records"] == 1 and counts["imported"] == 1
    [page] = sqlite_utils(tmp_path / "d.db", "select error from pages where error is not null")
    assert page["error"] == "the WARC record is damaged: its block digest does not match its bytes"
    counts = json.loads(run(BIN / "newsarchive", "import-warc", whole, "--db", tmp_path / "w.db").stdout)
    assert "damaged_records" not in counts
    assert sqlite_utils(tmp_path / "w.db", "select count(error) n from pages") == [{"n": 0}]


def test_a_record_whose_uri_urllib_cannot_read_is_skipped_and_counted(tmp_path):
    # "http://[broken" as WARC-Target-URI made the archive's URL key raise, and the whole
    # import stopped with a traceback at that record
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    story = b"<html><body><h1>Storm closes the port</h1>" + b"<p>The port closed on Tuesday.</p>" * 5 + b"</body></html>"
    path = tmp_path / "uris.warc.gz"
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, uri in enumerate(["https://news.example/0.html", "http://[broken/1.html",
                                 "https://news.example:99999/2.html", "https://news.example/3.html"]):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            body = story.replace(b"Storm", b"Storm %d" % n)
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http))
    result = run(BIN / "newsarchive", "import-warc", path, "--db", tmp_path / "x.db")
    counts = json.loads(result.stdout)
    assert result.returncode == 0 and counts["imported"] == 2 and counts["skipped_bad_uri"] == 2
    assert "a URI urllib cannot read" in result.stderr
    assert sqlite_utils(tmp_path / "x.db", "select url from pages order by url") == [
        {"url": "https://news.example/0.html"}, {"url": "https://news.example/3.html"}]


def test_the_import_takes_a_record_for_a_page_as_the_crawl_does():
    """What a record holds is judged by its bytes, as the crawl judges a response: HTML served
    untyped is a page, binary data or a feed served as text/html is not; a type naming
    another kind of file (a script, a style sheet) is taken at its word."""
    page = b"<!doctype html><html><head><title>T</title></head><body><p>x</p></body></html>"
    for content_type, body, expected in (
            ("text/html; charset=utf-8", page, True),
            ("application/xhtml+xml", b"<?xml version='1.0'?><html xmlns='x'><body/></html>", True),
            ("application/octet-stream", page, True),
            ("text/plain", page, True),
            (None, page, True),
            ("text/html", b"%PDF-1.7 binary", False),
            ("text/html", b"<?xml version='1.0'?><rss><channel/></rss>", False),
            ("application/javascript", b"const t = `<html><body>${x}</body></html>`;", False),
            ("text/css", b"body { color: red }", False),
            ("image/png", b"\x89PNG\r\n\x1a\n", False)):
        assert is_html(content_type, body) is expected, (content_type, body[:30])
    # the crawl's own judgement, from the same function
    assert classify_document(page, "application/octet-stream") == HTML


def test_a_missing_warc_file_is_a_clear_error(tmp_path):
    result = run(BIN / "newsarchive", "import-warc", tmp_path / "nope.warc.gz", "--db",
                 tmp_path / "x.db")
    assert result.returncode == 2 and "does not exist" in result.stderr
