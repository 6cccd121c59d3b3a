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
# tests/ on the crawl's path for the test resolver (not as the package "tests": a dependency
# may install a package of that name)
ENV = {"TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "", "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
       "PYTHONPATH": str(Path(__file__).resolve().parent)}


def crawl(urls: list[str], db: Path, *args: str, **settings) -> subprocess.CompletedProcess:
    settings = {"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "LOG_LEVEL": "INFO",
                "NEWSARCHIVE_EXTRACT_WORKERS": 1,
                "DNS_RESOLVER": "loopback_resolver.LoopbackHostsResolver", **settings}
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


def test_only_the_http_download_handlers_are_on():
    from spiders import settings
    handlers = settings.DOWNLOAD_HANDLERS
    assert all(handlers[scheme] is None for scheme in ("file", "data", "ftp", "s3"))
    assert handlers["http"] and handlers["https"]
    assert "spiders.middlewares.RequestGuardMiddleware" in settings.DOWNLOADER_MIDDLEWARES


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


class SqlScope:
    """What an SQL expression in one function may be built from: literals, UPPER_CASE
    constants, int(...), placeholder lists, column lists and condition lists written in the
    code, local names only ever assigned such things, the SQL part of what a condition
    builder returns ((sql, params) with static sql), and (for a query helper) the function's
    own parameters, which are then audited at every call."""

    builders: set[str] = set()
    """Functions returning (static SQL, parameters): their first element is static."""

    def __init__(self, function: ast.AST):
        self.function = function
        self.params = {arg.arg for arg in function.args.args + function.args.kwonlyargs}
        self.assigned: dict[str, list[ast.AST]] = {}
        self.appended: dict[str, list[ast.AST]] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    names = target.elts if isinstance(target, ast.Tuple) else [target]
                    values = node.value.elts if isinstance(node.value, ast.Tuple) and \
                        isinstance(target, ast.Tuple) else [node.value] * len(names)
                    for name, value in zip(names, values):
                        if isinstance(name, ast.Name):
                            self.assigned.setdefault(name.id, []).append(value)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "append" and isinstance(node.func.value, ast.Name):
                self.appended.setdefault(node.func.value.id, []).extend(node.args)
            elif isinstance(node, ast.For) and isinstance(node.target, ast.Name) \
                    and isinstance(node.iter, (ast.Tuple, ast.List)):
                self.assigned.setdefault(node.target.id, []).extend(node.iter.elts)
        self.needs: set[str] = set()
        """Parameters the SQL is built from: the callers must pass static SQL for them."""
        self._judging: set[str] = set()

    def static(self, node: ast.AST) -> bool:
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str)
        if isinstance(node, ast.JoinedStr):
            return all(isinstance(part, ast.Constant) or self.static(part.value)
                       for part in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.static(node.left) and self.static(node.right)
        if isinstance(node, ast.IfExp):
            return self.static(node.body) and self.static(node.orelse)
        if isinstance(node, ast.BoolOp):
            return all(self.static(value) for value in node.values)
        if isinstance(node, ast.Call) and called_name(node) in self.builders:
            return True  # (sql, params) = builder(...): the name holds its static SQL
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):  # "IN (%s)" % "?,?"
            return self.static(node.left) and is_placeholder_list(node.right)
        if isinstance(node, ast.Name):
            return self.static_name(node.id)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "int":
            return True
        if is_placeholder_list(node):
            return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "join" and isinstance(node.func.value, ast.Constant) \
                and len(node.args) == 1:
            return self.static_join(node.args[0])
        return False

    def static_name(self, name: str) -> bool:
        if name.isupper():
            return True
        if name in self._judging:  # "sql = sql + ...": judged by its other assignments
            return True
        if name in self.params and name not in self.assigned:
            self.needs.add(name)
            return True
        values = self.assigned.get(name)
        self._judging.add(name)
        try:
            return bool(values) and all(self.static(value) for value in values)
        finally:
            self._judging.discard(name)

    def static_join(self, joined: ast.AST) -> bool:
        """What ", ".join(...) may join: column names written in the code (the keys of a
        dict literal, or "name = ?" assignments made from them), placeholders, or a list of
        static conditions (its literal and every .append() made to it)."""
        if isinstance(joined, (ast.GeneratorExp, ast.ListComp)):
            # identifiers: the loop variable, quoted or as "name = ?", and nothing else
            targets = {generator.target.id for generator in joined.generators
                       if isinstance(generator.target, ast.Name)}
            parts = joined.elt.values if isinstance(joined.elt, ast.JoinedStr) else [joined.elt]
            return all(isinstance(part, ast.Constant) or isinstance(part, ast.Name)
                       and part.id in targets
                       or isinstance(part, ast.FormattedValue)
                       and isinstance(part.value, ast.Name) and part.value.id in targets
                       for part in parts)
        if not isinstance(joined, ast.Name):
            return False
        values = self.assigned.get(joined.id) or []
        if values and all(isinstance(value, ast.Dict) for value in values):
            return all(isinstance(key, ast.Constant) and isinstance(key.value, str)
                       for value in values for key in value.keys)
        if values and all(isinstance(value, ast.List) for value in values):
            return all(self.static(element) for value in values for element in value.elts) \
                and all(self.static(element) for element in self.appended.get(joined.id, []))
        return False


def is_placeholder_list(node: ast.AST) -> bool:
    """",".join("?" * n): a list of parameter placeholders, no values."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "join" and isinstance(node.func.value, ast.Constant)
            and len(node.args) == 1 and isinstance(node.args[0], ast.BinOp)
            and isinstance(node.args[0].op, ast.Mult)
            and isinstance(node.args[0].left, ast.Constant) and node.args[0].left.value == "?")


def functions(tree: ast.AST):
    return [node for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return call.func.id if isinstance(call.func, ast.Name) else None


def argument_for(call: ast.Call, function: ast.AST, param: str) -> ast.AST | None:
    """The expression a call passes for a parameter of function (its default if none)."""
    for keyword in call.keywords:
        if keyword.arg == param:
            return keyword.value
    names = [arg.arg for arg in function.args.args]
    offset = 1 if names and names[0] in ("self", "cls") and \
        isinstance(call.func, ast.Attribute) else 0
    index = names.index(param) if param in names else None
    if index is not None and 0 <= index - offset < len(call.args):
        return call.args[index - offset]
    defaults = dict(zip(names[len(names) - len(function.args.defaults):], function.args.defaults))
    return defaults.get(param)


def test_sql_is_written_with_parameters_only():
    """Audit: every execute/query call in the package gets SQL made of literals; no value
    is ever formatted into SQL text. A function building its SQL from its own parameters (a
    query helper) is audited at every call instead: what its callers pass for them."""
    sources = [*PROJECT_ROOT.glob("newsarchive/**/*.py"), *PROJECT_ROOT.glob("pipelines/*.py"),
               *PROJECT_ROOT.glob("spiders/*.py")]
    trees = {path.relative_to(PROJECT_ROOT): ast.parse(path.read_text(encoding="utf-8"))
             for path in sources}
    helpers: dict[str, tuple[ast.AST, set[str]]] = {}
    for tree in trees.values():  # condition builders: return (static SQL, parameters)
        for function in functions(tree):
            scope = SqlScope(function)
            returns = [node.value for node in ast.walk(function) if isinstance(node, ast.Return)
                       and isinstance(node.value, ast.Tuple) and node.value.elts]
            if returns and all(scope.static(value.elts[0]) for value in returns):
                SqlScope.builders.add(function.name)
                if scope.needs:
                    helpers[function.name] = (function, set(scope.needs))
    offences, calls = [], 0
    for _ in range(4):  # helpers of helpers
        offences, calls, found = [], 0, {}
        for path, tree in trees.items():
            for function in functions(tree):
                scope = SqlScope(function)
                for call in [node for node in ast.walk(function) if isinstance(node, ast.Call)]:
                    name = called_name(call)
                    if name in SQL_METHODS and isinstance(call.func, ast.Attribute) and call.args:
                        sql_arguments = [call.args[0]]
                    elif name in helpers:
                        helper, needs = helpers[name]
                        sql_arguments = [argument_for(call, helper, param) for param in needs]
                    else:
                        continue
                    calls += 1
                    if not all(argument is not None and scope.static(argument)
                               for argument in sql_arguments):
                        offences.append(f"{path}:{call.lineno}")
                if scope.needs:
                    found[function.name] = (function, set(scope.needs))
        if found.keys() <= helpers.keys():
            break
        helpers.update(found)
    assert calls > 20
    assert offences == []


@pytest.mark.parametrize("source, static", [
    ("def f(db, row):\n    db.execute('SELECT * FROM pages WHERE url = ' + row['url'])", False),
    ("def f(db, row):\n    url = row['url']\n    db.execute(f'SELECT 1 WHERE u = {url}')", False),
    ("def f(db, n):\n    db.execute('SELECT 1 WHERE u IN (%s)' % ','.join('?' * n))", True),
    ("def f(db, v):\n    sql = 'SELECT 1'\n    sql = sql + ' WHERE u = ?'\n"
     "    db.execute(sql, [v])", True),
])
def test_the_sql_audit_tells_values_from_literals(source, static):
    function = ast.parse(source).body[0]
    call = [node for node in ast.walk(function) if isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "execute"][0]
    assert SqlScope(function).static(call.args[0]) is static


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
