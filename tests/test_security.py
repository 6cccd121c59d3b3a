"""Security: what a crawl refuses to request, how it reads XML, how it writes SQL and files.

The address guard is tested with loopback addresses only: a test resolver
(tests/loopback_resolver.py) maps the made-up name news.example to 127.0.0.2 and resolves
nothing else, so no request can leave the machine even if the guard failed.
"""
from __future__ import annotations

import ast
import json
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from hostile_site import build_news_site, hostile_xml
from newsarchive.archive import Archive
from newsarchive.fixtureserver import FixtureServer
from newsarchive.netguard import (
    address_kind, implicitly_local_hosts, offsite_refusal, scheme_refusal,
)
from spiders.discovery import parse_feed, parse_sitemap

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ENV = {"TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", "PATH": os.environ.get("PATH", "/usr/bin:/bin")}


def crawl(urls: list[str], db: Path, *args: str, **settings) -> subprocess.CompletedProcess:
    settings = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "INFO",
                "NEWSARCHIVE_EXTRACT_WORKERS": 1,
                "DNS_RESOLVER": "tests.loopback_resolver.LoopbackHostsResolver", **settings}
    argv = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "url=" + ",".join(urls),
            "-s", f"NEWSARCHIVE_DB={db}", *args]
    for name, value in settings.items():
        argv += ["-s", f"{name}={value}"]
    return subprocess.run(argv, cwd=PROJECT_ROOT, env=ENV, capture_output=True, text=True,
                          timeout=300)


# -- the rules, without the network -------------------------------------------------------

@pytest.mark.parametrize("address, kind", [
    ("127.0.0.2", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"),
    ("10.1.2.3", "private"), ("192.168.0.1", "private"), ("172.16.5.4", "private"),
    ("fd00::1", "private"), ("169.254.169.254", "link-local"), ("fe80::1", "link-local"),
    ("224.0.0.251", "multicast"), ("ff02::1", "multicast"), ("0.0.0.0", "unspecified"),
    ("100.64.0.1", "non-global"), ("240.0.0.1", "reserved"),
    ("93.184.216.34", None), ("2606:2800:220:1::", None),
])
def test_address_kinds(address, kind):
    assert address_kind(address) == kind


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/html,x",
                                 "javascript:alert(1)", "gopher://127.0.0.1/", "mailto:a@b.c",
                                 "//127.0.0.1/no-scheme"])
def test_non_http_schemes_are_refused(url):
    assert scheme_refusal(url).startswith("refused: ")
    assert scheme_refusal("https://127.0.0.1/a") is None
    assert scheme_refusal("HTTP://127.0.0.1/a") is None


def test_offsite_and_local_hosts():
    hosts = {"127.0.0.1:8000", "news.example"}
    assert offsite_refusal("http://127.0.0.1:8000/a", hosts) is None
    assert offsite_refusal("http://user:pw@news.example/a", hosts) is None
    assert offsite_refusal("http://127.0.0.1:8001/a", hosts).startswith("refused: offsite host")
    assert offsite_refusal("http://news.example.evil/a", hosts) is not None
    assert implicitly_local_hosts(["http://127.0.0.1:8000/", "http://localhost:9/",
                                   "http://[::1]:7/", "http://news.example/"]) == \
        {"127.0.0.1:8000", "localhost:9", "[::1]:7"}


# -- the guard in a real crawl (loopback only) --------------------------------------------

@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """news.example served on 127.0.0.2; a local site on 127.0.0.1 whose start URLs redirect
    to it (by name and by address)."""
    root = tmp_path_factory.mktemp("sec")
    build_news_site(root / "example", articles=3)
    with FixtureServer(root / "example", host="127.0.0.2") as example:
        build_news_site(root / "local", articles=2, first=10, routes={
            "/moved": {"redirect": f"http://news.example:{example.port}/", "status": 301},
            "/moved-literal": {"redirect": f"http://127.0.0.2:{example.port}/", "status": 302},
            "/cookie.html": {"body": "<html><body><p>cookie</p></body></html>",
                             "content_type": "text/html",
                             "headers": {"Set-Cookie": "session=TOPSECRETCOOKIE; Path=/"}},
        })
        with FixtureServer(root / "local") as local:
            yield {"root": root, "example": example, "local": local,
                   "hosts": json.dumps({"news.example": "127.0.0.2"})}


def test_private_addresses_are_refused_after_resolution_and_on_redirect_hops(sites, tmp_path):
    example, local = sites["example"], sites["local"]
    db = tmp_path / "archive.db"
    process = crawl([f"http://news.example:{example.port}/", local.url + "moved",
                     local.url + "moved-literal"], db, NEWSARCHIVE_TEST_HOSTS=sites["hosts"])
    assert process.returncode == 1, process.stderr[-3000:]  # every start URL refused: failed
    assert "Traceback" not in process.stderr
    assert example.requests == []  # not one request reached 127.0.0.2
    errors = {row["url"]: row["error"] for row in Database(db).query(
        "select url, error from pages")}
    assert errors[f"http://news.example:{example.port}/"] == \
        "refused: news.example resolves to the loopback address 127.0.0.2 " \
        "(declare the site local to crawl it)"
    assert errors[local.url + "moved"].startswith("refused: news.example resolves to the loopback")
    assert errors[local.url + "moved-literal"].startswith(
        "refused: 127.0.0.2 resolves to the loopback address")


def test_a_site_declared_local_is_crawled(sites, tmp_path):
    example = sites["example"]
    db = tmp_path / "archive.db"
    process = crawl([f"http://news.example:{example.port}/"], db, "-a", "local=true",
                    NEWSARCHIVE_TEST_HOSTS=sites["hosts"])
    assert process.returncode == 0, process.stderr[-3000:]
    urls = {row["url"] for row in Database(db).query("select url from articles")}
    assert {f"http://news.example:{example.port}/news/story-{n}.html" for n in range(3)} <= urls


def test_no_credentials_or_cookies_in_logs(sites, tmp_path):
    local = sites["local"]
    db = tmp_path / "archive.db"
    start = local.url.replace("http://", "http://reader:S3CRETPASS@")
    process = crawl([start + "cookie.html", start], db, LOG_LEVEL="DEBUG",
                    NEWSARCHIVE_TEST_HOSTS=sites["hosts"])
    assert process.returncode == 0, process.stderr[-3000:]
    assert "Crawled (200)" in process.stderr  # DEBUG logging was on
    assert "S3CRETPASS" not in process.stderr + process.stdout
    assert "TOPSECRETCOOKIE" not in process.stderr + process.stdout
    stored = [row["url"] for row in Database(db).query("select url from pages")]
    assert stored and not any("S3CRETPASS" in url for url in stored)


# -- XML, SQL, files ----------------------------------------------------------------------

def test_xml_is_parsed_without_entity_expansion_or_network():
    documents = {name: text.replace("{{BASE_URL}}", "http://127.0.0.1:9").encode()
                 for name, text in hostile_xml().items()}
    started = time.process_time()
    for name, body in documents.items():
        parse = parse_feed if name.startswith("feed") else parse_sitemap
        for entry in parse(body, "http://127.0.0.1:9/"):
            assert "lollol" not in entry.url and "root:" not in entry.url, (name, entry)
    # a billion laughs expanded would take minutes and gigabytes: this is parsing, not that
    assert time.process_time() - started < 5
    from lxml import etree
    with pytest.raises(etree.XMLSyntaxError):  # the default parser refuses to expand it
        etree.fromstring(documents["sitemap-bomb.xml"], etree.XMLParser(resolve_entities=True))


SQL_METHODS = {"execute", "executemany", "executescript", "query"}


def static_sql(node: ast.AST, assigned: dict[str, list[ast.AST]]) -> bool:
    """True when an SQL argument is built from literals and constants only (values go in
    parameters): string literals, UPPER_CASE constants, int(...), concatenations of those,
    and local names only ever assigned such expressions."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(part, ast.Constant) or static_sql(part.value, assigned)
                   for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return static_sql(node.left, assigned) and static_sql(node.right, assigned)
    if isinstance(node, ast.Name):
        if node.id.isupper():
            return True
        values = assigned.get(node.id)
        rest = {name: found for name, found in assigned.items() if name != node.id}
        # a name assigned from itself ("sql = sql + ...") is judged by its other assignments
        return bool(values) and all(static_sql(value, rest) or refers_to(value, node.id)
                                    for value in values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "int":
        return True
    if is_placeholder_list(node) or is_column_list(node, assigned):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):  # "IN (%s)" % placeholders
        return static_sql(node.left, assigned) and is_placeholder_list(node.right)
    return False


def is_column_list(node: ast.AST, assigned: dict[str, list[ast.AST]]) -> bool:
    """", ".join(values) where values is only ever a dict literal with string keys: column
    names written in the code."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join" and isinstance(node.func.value, ast.Constant)
            and len(node.args) == 1 and isinstance(node.args[0], ast.Name)):
        return False
    values = assigned.get(node.args[0].id) or []
    return bool(values) and all(
        isinstance(value, ast.Dict) and all(isinstance(key, ast.Constant)
                                            and isinstance(key.value, str) for key in value.keys)
        for value in values)


def is_placeholder_list(node: ast.AST) -> bool:
    """",".join("?" * n): a list of parameter placeholders, no values."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join" and isinstance(node.func.value, ast.Constant)
            and len(node.args) == 1 and isinstance(node.args[0], ast.BinOp)
            and isinstance(node.args[0].op, ast.Mult)
            and isinstance(node.args[0].left, ast.Constant) and node.args[0].left.value == "?")


def refers_to(node: ast.AST, name: str) -> bool:
    """An expression that only extends `name` with literals ("sql + ' WHERE ...'")."""
    return isinstance(node, ast.BinOp) and isinstance(node.left, ast.Name) \
        and node.left.id == name and static_sql(node.right, {})


def local_assignments(function: ast.AST) -> dict[str, list[ast.AST]]:
    found: dict[str, list[ast.AST]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                names = target.elts if isinstance(target, ast.Tuple) else [target]
                values = node.value.elts if isinstance(node.value, ast.Tuple) and \
                    isinstance(target, ast.Tuple) else [node.value] * len(names)
                for name, value in zip(names, values):
                    if isinstance(name, ast.Name):
                        found.setdefault(name.id, []).append(value)
    return found


def sql_calls(tree: ast.AST, methods: set[str]):
    """(function, call) for every call of one of `methods` with arguments in tree."""
    for function in [node for node in ast.walk(tree)
                     if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and node.args and (
                    isinstance(node.func, ast.Attribute) and node.func.attr in methods
                    or isinstance(node.func, ast.Name) and node.func.id in methods - SQL_METHODS):
                yield function, node


def test_sql_is_written_with_parameters_only():
    """Audit: every execute/query call in the package gets SQL made of literals; no value
    is ever formatted into SQL text. A function passing its own argument on as the SQL (a
    query helper) is audited at its callers instead."""
    sources = [*PROJECT_ROOT.glob("newsarchive/**/*.py"), *PROJECT_ROOT.glob("pipelines/*.py"),
               *PROJECT_ROOT.glob("spiders/*.py")]
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sources}
    methods = set(SQL_METHODS)
    while True:  # find the query helpers, and the helpers of helpers
        helpers = {function.name for tree in trees.values()
                   for function, call in sql_calls(tree, methods)
                   if isinstance(call.args[0], ast.Name)
                   and call.args[0].id in {arg.arg for arg in function.args.args}}
        if helpers <= methods:
            break
        methods |= helpers
    offences, calls = [], 0
    for path, tree in trees.items():
        for function, call in sql_calls(tree, methods):
            argument = call.args[0]
            if function.name in methods and isinstance(argument, ast.Name) \
                    and argument.id in {arg.arg for arg in function.args.args}:
                continue  # a helper passing its caller's SQL on: audited at the callers
            calls += 1
            if not static_sql(argument, local_assignments(function)):
                offences.append(f"{path.relative_to(PROJECT_ROOT)}:{call.lineno}")
    assert calls > 20
    assert offences == []


def test_archive_files_are_readable_by_their_owner_only(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "archive.db"
        archive = Archive(path)
        archive.start_crawl("news")
        for suffix in ("", "-wal", "-shm"):
            mode = stat.S_IMODE((tmp_path / f"archive.db{suffix}").stat().st_mode)
            assert mode == 0o600, (suffix, oct(mode))
        archive.close()
    finally:
        os.umask(old)
    # a mode its owner chose is kept
    shared = tmp_path / "shared.db"
    sqlite3.connect(shared).close()
    os.chmod(shared, 0o640)
    Archive(shared).close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o640
