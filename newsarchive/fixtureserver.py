"""A tiny threaded HTTP server for fixture sites on loopback (tests, demo, benchmarks).

It serves one directory as a web site: static files with their content types (HTML as UTF-8
unless the file says otherwise, XML, RSS and Atom feeds), `index.html` for directory URLs,
and the special responses a crawler must cope with, declared in `_routes.json` at the root:

    {
      "/old-story.html": {"redirect": "/world/story.html", "status": 301},
      "/missing.html": {"status": 404},
      "/flaky.html": {"status": 503, "body": "try later"},
      "/slow.html": {"delay": 0.5, "file": "/world/story.html"},
      "/broken.html": {"broken": true}
    }

A route may redirect (301/302/307/308 with a Location), answer an error status with an
optional body, serve another file, wait before answering, or close the connection without
any response ("broken"). Files whose names start with "_" are never served.

Sitemaps, feeds and robots.txt must name absolute URLs, but the port is only known when the
server starts: in files ending .xml, .rss, .atom and .txt the token `{{BASE_URL}}` is
replaced by the server's base URL without its trailing slash ("http://127.0.0.1:PORT").
HTML files are served byte for byte, with a UTF-8 charset only when they decode as UTF-8
(pages in other encodings keep their own meta charset). Every request is logged in
`FixtureServer.requests` as (method, path, status), so tests can tell what was fetched, and in
`FixtureServer.request_log` with its query, whether it was conditional (If-None-Match or
If-Modified-Since) and how many body bytes went out.
Files are served with an ETag and a Last-Modified (the file's mtime), and a conditional GET
whose If-None-Match / If-Modified-Since still matches gets 304 Not Modified, as from a real
web server: incremental crawls are tested against it.

    with FixtureServer("tests/fixtures/sites/demo") as server:
        print(server.url)   # http://127.0.0.1:PORT/

No Scrapy here: the server is plain http.server, so anything can use it.
"""
from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import threading
import time
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROUTES_FILE = "_routes.json"

#: Content types by file suffix; types that are text get a charset.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".rss": "application/rss+xml",
    ".atom": "application/atom+xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".gz": "application/gzip",
}


#: Files in which {{BASE_URL}} is replaced by the server's base URL.
TEMPLATED_SUFFIXES = (".xml", ".rss", ".atom", ".txt")
BASE_URL_TOKEN = b"{{BASE_URL}}"


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def content_type_for(path: Path, body: bytes = b"") -> str:
    """The Content-Type header for a served file, from its suffix (and, for HTML, its bytes)."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm") and not is_utf8(body):
        return "text/html"
    known = CONTENT_TYPES.get(suffix)
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def load_routes(root: Path) -> dict[str, dict]:
    """The special routes declared in the site's `_routes.json` ({} when there is none)."""
    routes_path = root / ROUTES_FILE
    if not routes_path.is_file():
        return {}
    return json.loads(routes_path.read_text(encoding="utf-8"))


def resolve_file(root: Path, url_path: str) -> Path | None:
    """The file under root that serves url_path, or None (outside root, hidden, missing).

    Containment is judged on the URL path, not on where a link inside the site points: a
    site may link a page it shares with another fixture (the demo site links the real pages
    it has in common with tests/fixtures/pages rather than storing them twice)."""
    relative = unquote(url_path).lstrip("/")
    candidate = Path(os.path.normpath(root / relative))
    if candidate != root and root not in candidate.parents:
        return None
    if candidate.is_dir():
        candidate = candidate / "index.html"
    if not candidate.is_file() or candidate.name.startswith("_"):
        return None
    return candidate


def file_validators(path: Path, body: bytes) -> dict[str, str]:
    """ETag (of the bytes served) and Last-Modified (the file's mtime), as web servers send."""
    return {"ETag": '"' + hashlib.sha1(body).hexdigest()[:16] + '"',
            "Last-Modified": formatdate(int(path.stat().st_mtime), usegmt=True)}


def not_modified(request_headers, validators: dict[str, str], path: Path) -> bool:
    """True when a conditional GET's validators still match (If-None-Match wins, RFC 9110)."""
    if_none_match = request_headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [tag.strip() for tag in if_none_match.split(",")]
        return "*" in tags or validators["ETag"] in tags
    if_modified_since = request_headers.get("If-Modified-Since")
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since).timestamp()
        except (TypeError, ValueError):
            return False
        return int(path.stat().st_mtime) <= since
    return False


class FixtureHandler(BaseHTTPRequestHandler):
    """Serves one request from the server's root and routes."""

    server_version = "newsarchive-fixtures/1"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802 - http.server's naming
        self.respond(send_body=False)

    def respond(self, *, send_body: bool) -> None:
        url_path = urlsplit(self.path).path or "/"
        route = self.server.routes.get(url_path)
        if route is not None:
            self.respond_route(route, send_body=send_body)
            return
        self.respond_file(url_path, send_body=send_body)

    def respond_route(self, route: dict, *, send_body: bool) -> None:
        if route.get("delay"):
            time.sleep(float(route["delay"]))
        if route.get("broken"):
            # A server that dies mid-request: the client sees a dropped connection.
            self.log_request_made(None, 0)
            self.close_connection = True
            self.connection.close()
            return
        if "redirect" in route:
            self.send_bytes(int(route.get("status", 301)), b"", "text/plain; charset=utf-8",
                            send_body=send_body, extra={"Location": route["redirect"]})
            return
        if "file" in route:
            self.respond_file(route["file"], send_body=send_body,
                              status=int(route.get("status", 200)))
            return
        status = int(route.get("status", 200))
        body = route.get("body", HTTPStatus(status).phrase).encode("utf-8")
        self.send_bytes(status, body, route.get("content_type", "text/plain; charset=utf-8"),
                        send_body=send_body)

    def respond_file(self, url_path: str, *, send_body: bool, status: int = 200) -> None:
        path = resolve_file(self.server.root, url_path)
        if path is None:
            self.send_bytes(404, b"<html><body><h1>Not found</h1></body></html>",
                            "text/html; charset=utf-8", send_body=send_body)
            return
        body = path.read_bytes()
        if path.suffix.lower() in TEMPLATED_SUFFIXES:
            body = body.replace(BASE_URL_TOKEN, self.server.base_url.encode("ascii"))
        validators = file_validators(path, body) if status == 200 else {}
        if validators and not_modified(self.headers, validators, path):
            self.send_bytes(304, b"", content_type_for(path, body), send_body=False,
                            extra=validators)
            return
        self.send_bytes(status, body, content_type_for(path, body), send_body=send_body,
                        extra=validators)

    def log_request_made(self, status: int | None, sent: int) -> None:
        parts = urlsplit(self.path)
        conditional = bool(self.headers.get("If-None-Match")
                           or self.headers.get("If-Modified-Since"))
        self.server.log_request_made(self.command, parts.path or "/", status, query=parts.query,
                                     conditional=conditional, sent=sent)

    def send_bytes(self, status: int, body: bytes, content_type: str, *, send_body: bool,
                   extra: dict[str, str] | None = None) -> None:
        self.log_request_made(status, len(body) if send_body else 0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - http.server's naming
        if self.server.verbose:
            super().log_message(format, *args)


class FixtureHTTPServer(ThreadingHTTPServer):
    """ThreadingHTTPServer that knows its site root and routes."""

    daemon_threads = True

    def __init__(self, address, root: Path, *, verbose: bool = False):
        self.root = root
        self.routes = load_routes(root)
        self.verbose = verbose
        self.requests: list[tuple[str, str, int | None]] = []
        self.request_log: list[dict] = []
        self._requests_lock = threading.Lock()
        super().__init__(address, FixtureHandler)
        self.base_url = f"http://{self.server_address[0]}:{self.server_address[1]}"

    def log_request_made(self, method: str, path: str, status: int | None, *, query: str = "",
                         conditional: bool = False, sent: int = 0) -> None:
        with self._requests_lock:
            self.requests.append((method, path, status))
            self.request_log.append({"method": method, "path": path, "query": query,
                                     "status": status, "conditional": conditional,
                                     "sent": sent})


class FixtureServer:
    """Serves a fixture site directory on loopback in a background thread.

    root: the site directory. port 0 picks a free port. `url` is the base URL with a
    trailing slash. Use as a context manager, or call start() and stop().
    """

    def __init__(self, root, host: str = "127.0.0.1", port: int = 0, *, verbose: bool = False):
        self.root = Path(root).resolve()
        if not self.root.is_dir():
            raise FileNotFoundError(f"fixture site directory not found: {self.root}")
        self.host = host
        self.port = port
        self.verbose = verbose
        self._httpd: FixtureHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._log: list[tuple[str, str, int | None]] = []
        self._full_log: list[dict] = []

    @property
    def requests(self) -> list[tuple[str, str, int | None]]:
        """(method, path, status) of every request served so far (status None: dropped)."""
        return list(self._httpd.requests) if self._httpd is not None else list(self._log)

    @property
    def request_log(self) -> list[dict]:
        """Every request served so far: method, path, query, status, conditional (it carried
        If-None-Match or If-Modified-Since) and sent (body bytes sent)."""
        return list(self._httpd.request_log) if self._httpd is not None \
            else list(self._full_log)

    def reload(self) -> None:
        """Read the site's `_routes.json` again (after a test changed the site's files)."""
        if self._httpd is not None:
            self._httpd.routes = load_routes(self.root)

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("FixtureServer is not started")
        return f"http://{self.host}:{self.port}/"

    def start(self) -> "FixtureServer":
        self._httpd = FixtureHTTPServer((self.host, self.port), self.root, verbose=self.verbose)
        self.port = self._httpd.server_address[1]
        # A short poll interval makes stop() quick: tests start and stop many servers.
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,),
                                        name=f"fixtures:{self.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is None:
            return
        self._httpd.shutdown()
        self._httpd.server_close()
        self._log = list(self._httpd.requests)
        self._full_log = list(self._httpd.request_log)
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None
        self._thread = None

    def serve_forever(self) -> None:
        """Block until interrupted (for the CLI), starting the server if needed."""
        if self._httpd is None:
            self.start()
        try:
            while self._thread is not None and self._thread.is_alive():
                self._thread.join(timeout=0.5)
        finally:
            self.stop()

    def __enter__(self) -> "FixtureServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
