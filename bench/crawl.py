"""Crawl benchmark: requests and pages/s of scheduled crawls over a generated local news site.

    python bench/crawl.py [--stories 2000] [--concurrency 8] [--crawler newsarchive ...]
    python bench/crawl.py --templates eval [--pages 1000]

Generates a news site of N stories and serves it on 127.0.0.1 (StorySite, StorySiteServer):
story pages made from real pages (one per story in turn, each with words of its body numbered
so that every story's text is its own, and its links to the original site's paths pointed
off-site), a home page, ten sections paginated
20 stories a page, a sitemap index of 500-story sitemaps with <lastmod>, an RSS feed of the 50
newest and robots.txt naming the index. Every page carries an ETag and a Last-Modified and a
conditional GET that still matches gets 304, as from a real web server.

The real pages (--templates): "demo" (the default), the 28 article pages of
tests/fixtures/sites/demo/articles that can be numbered, ~92 KB each, served in turn to 2,000
stories; "eval", --pages pages (default 1,000) of ../shared/eval/data/*/html/*.html.gz (real
pages of many sites and languages, the issue's "held-out pages" condition), taken evenly spaced
from the sorted list so that every dataset gives its share, one story each (--stories defaults
to the number of pages); or a folder of *.html / */html/*.html.gz files of your own.

Each crawler of CRAWLERS runs twice into a fresh archive, in a folder of its own: run 1 (the
archive empty) and run 2 (nothing changed). For each run the table gives the requests the
server answered (in full, 304, other), the articles the archive holds, the wall time,
requests/s and pages/s (full answers per second), and the CPU the run took: the crawl's (its
worker processes included) in seconds and per full answer, and the loopback server's (this
process), which shares the machine's cores with the crawl. Results go to
bench/results/crawl-<UTC time>.txt and .json. Every crawl process runs under bench/netguard.py's rule: loopback only.

A crawler is a function (CrawlJob) -> None that crawls job.site_url into job.db from
job.workdir; CRAWLERS names them. Beside newsarchive (`scrapy crawl news` with the project's
default settings, extraction in worker processes included; politeness aside: delay 0, the
same concurrency for all), the end-to-end comparison runs two peers over the same site in the
same run (bench/peer_spider.py): Scrapy fetching only (the floor: what the download side
costs) and Scrapy with trafilatura.extract() in its callback (how a Scrapy user archives
text without newsarchive; trafilatura comes with `make bench`). The peers have no archive to
consult, so their second run fetches everything again: they run once (PEERS). The summary
line gives first-run pages/s side by side and newsarchive's ratio to each.

Timings on a shared machine drift by a third from one minute to the next (the same crawl's CPU
per page too), so the crawlers run in --rounds rounds (default 3), taking turns, each round into
fresh archives: the summary gives each crawler's median first-run pages/s, the ratio of the
medians, and every round's own ratio.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import statistics
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from tempfile import TemporaryDirectory
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TEMPLATES = ROOT / "tests" / "fixtures" / "sites" / "demo" / "articles"
#: The evaluation pages (gzip-compressed, one folder per dataset): ../shared from the project.
EVAL_PAGES = ROOT.parent / "shared" / "eval" / "data"
#: --templates names: the page folders the stories are made from.
TEMPLATE_SETS = {"demo": TEMPLATES, "eval": EVAL_PAGES}
#: Encodings the words to number are looked for in, in a set other than demo (GBK pages...).
PAGE_ENCODINGS = ("utf-8", "gb18030", "cp1252", "shift_jis", "euc-kr", "cp1251")
SECTIONS = ("world", "politics", "business", "tech", "science", "health", "sport", "culture",
            "opinion", "travel")
PER_PAGE = 20
PER_SITEMAP = 500
FEED_SIZE = 50
HOME_SIZE = 30
BASE_TIME = datetime(2026, 1, 5, 6, 0, tzinfo=timezone.utc)
LAST_MODIFIED = format_datetime(BASE_TIME, usegmt=True)
_RELATIVE_HREF = re.compile(rb'href=(["\'])(?!https?:|//|#|mailto:|javascript:)/?')
#: Unquoted ones (minified pages: href=/category/usa/), pointed off-site too in sets other than
#: demo (whose pages keep the few they have: the set stays as it was measured).
_UNQUOTED_RELATIVE_HREF = re.compile(
    rb'(?i)\bhref=(?![\s"\'>])(?!https?:|//|#|mailto:|javascript:)/?')


# -- the site ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Story:
    number: int
    section: str
    published: datetime
    template: int

    @property
    def path(self) -> str:
        return (f"/{self.section}/{self.published:%Y/%m/%d}/"
                f"story-{self.number:05d}-{SECTIONS.index(self.section)}.html")


def template_files(folder: Path, pages: int | None = None) -> list[Path]:
    """The page files of a template folder, sorted: its *.html, else its */html/*.html.gz (the
    evaluation data's layout); `pages` of them, evenly spaced over the sorted list (every
    dataset gives its share), when given."""
    files = sorted(folder.glob("*.html")) or sorted(folder.glob("*/html/*.html.gz"))
    if not files:
        raise SystemExit(f"no pages (*.html, */html/*.html.gz) in {folder}")
    if pages is None or pages >= len(files):
        return files
    return [files[index * len(files) // pages] for index in range(pages)]


def read_page(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def content_type(html: bytes) -> str:
    """The Content-Type a page is served with: UTF-8 said when its bytes are UTF-8; else no
    charset, so that the page's own declaration (or detection) decides, as on its site."""
    try:
        html.decode("utf-8")
    except UnicodeDecodeError:
        return "text/html"
    return "text/html; charset=utf-8"


class StorySite:
    """A news site of `stories` stories, every page made on request (nothing on disk).

    templates: the real page files (default: the demo articles); numbered_only keeps only the
    pages whose text can be numbered per story (needed when pages serve many stories in turn);
    else a page that cannot be is served as it is. encodings: those the words to number are
    looked for in; unquoted_hrefs: point unquoted site-relative links off-site too (the demo
    set does neither, as it always was)."""

    def __init__(self, stories: int | None = None, templates: list[Path] | None = None, *,
                 numbered_only: bool = True, encodings: tuple[str, ...] = ("utf-8",),
                 unquoted_hrefs: bool = False):
        files = templates if templates is not None else template_files(TEMPLATES)
        self.templates = [self._template(read_page(path), encodings, unquoted_hrefs)
                          for path in files]
        self.numbered = sum(1 for _, words, _ in self.templates if words)
        if numbered_only:
            self.templates = [template for template in self.templates if template[1]]
        self.content_types = [content_type(html) for html, _, _ in self.templates]
        self.megabytes = sum(len(html) for html, _, _ in self.templates) / 1e6
        stories = len(self.templates) if stories is None else stories
        self.stories = [Story(n, SECTIONS[n % len(SECTIONS)],
                              BASE_TIME - timedelta(minutes=37 * n), n % len(self.templates))
                        for n in range(stories)]  # newest first
        self.by_path = {story.path: story for story in self.stories}

    @staticmethod
    def _template(html: bytes, encodings: tuple[str, ...],
                  unquoted_hrefs: bool = False) -> tuple[bytes, bytes | None, str]:
        """(page, words, encoding): a real page with its site-relative links pointed off-site,
        and words of its body to number per story, in the page's encoding (the first of
        `encodings` they are found in): found once in the page, and seen in the extracted body
        once numbered (words that are also in structured data may not be); words None when no
        sentence qualifies."""
        from newsarchive import extract

        html = _RELATIVE_HREF.sub(rb"href=\1https://elsewhere.example/", html)
        if unquoted_hrefs:
            html = _UNQUOTED_RELATIVE_HREF.sub(b"href=https://elsewhere.example/", html)
        body = extract(html).body or ""
        for sentence in re.findall(r"[^.!?\n]{60,}", body)[:8]:
            for encoding in encodings:
                try:
                    words = sentence.strip()[:40].encode(encoding)
                except UnicodeEncodeError:
                    continue
                if html.count(words) != 1:
                    continue
                numbered = html.replace(words, "Story 0: ".encode(encoding) + words)
                if "Story 0: " in (extract(numbered).body or ""):
                    return html, words, encoding
                break
        return html, None, "utf-8"

    def page(self, path: str, base: str) -> tuple[bytes, str] | None:
        """(body, content type) of a URL path, None when the site has no such page."""
        story = self.by_path.get(path)
        if story is not None:
            html, words, encoding = self.templates[story.template]
            if words:
                html = html.replace(words, f"Story {story.number}: ".encode(encoding) + words, 1)
            return html, self.content_types[story.template]
        if path == "/robots.txt":
            return f"User-agent: *\nDisallow: /private/\n\nSitemap: {base}/sitemap.xml\n" \
                .encode(), "text/plain; charset=utf-8"
        if path == "/":
            return self.listing("Bench News", self.stories[:HOME_SIZE], [
                (f"/{section}/", section.capitalize()) for section in SECTIONS]), \
                "text/html; charset=utf-8"
        if path == "/sitemap.xml":
            return self.sitemap_index(base), "application/xml"
        if path == "/feed.xml":
            return self.feed(base), "application/rss+xml"
        match = re.fullmatch(r"/sitemap-(\d+)\.xml", path)
        if match:
            return self.sitemap(int(match.group(1)), base), "application/xml"
        match = re.fullmatch(r"/(\w+)/(?:page/(\d+)/)?", path)
        if match and match.group(1) in SECTIONS:
            return self.section(match.group(1), int(match.group(2) or 1)), \
                "text/html; charset=utf-8"
        return None

    def listing(self, title: str, stories: list[Story], extra: list[tuple[str, str]]) -> bytes:
        links = [(story.path, f"Story {story.number}") for story in stories] + extra
        items = "\n".join(f'<li><a href="{href}">{escape(text)}</a></li>' for href, text in links)
        return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{escape(title)}</title>"
                f'<link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
                f"<body><h1>{escape(title)}</h1><ul>\n{items}\n</ul></body></html>").encode()

    def section(self, name: str, number: int) -> bytes | None:
        stories = [story for story in self.stories if story.section == name]
        chunk = stories[(number - 1) * PER_PAGE:number * PER_PAGE]
        if not chunk:
            return None
        extra = [(f"/{name}/page/{number + 1}/", "Older")] \
            if number * PER_PAGE < len(stories) else []
        return self.listing(f"{name.capitalize()} page {number}", chunk, extra)

    def sitemap_index(self, base: str) -> bytes:
        count = (len(self.stories) + PER_SITEMAP - 1) // PER_SITEMAP
        entries = "".join(f"<sitemap><loc>{base}/sitemap-{k}.xml</loc>"
                          f"<lastmod>{BASE_TIME.isoformat()}</lastmod></sitemap>\n"
                          for k in range(1, count + 1))
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns='
                f'"http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'
                ).encode()

    def sitemap(self, number: int, base: str) -> bytes | None:
        chunk = self.stories[(number - 1) * PER_SITEMAP:number * PER_SITEMAP]
        if not chunk:
            return None
        entries = "".join(f"<url><loc>{base}{story.path}</loc>"
                          f"<lastmod>{story.published.isoformat()}</lastmod></url>\n"
                          for story in chunk)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
                f'"http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n').encode()

    def feed(self, base: str) -> bytes:
        items = "".join(f"<item><title>Story {story.number}</title>"
                        f"<link>{base}{story.path}</link>"
                        f"<pubDate>{format_datetime(story.published)}</pubDate></item>\n"
                        for story in self.stories[:FEED_SIZE])
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
                f"<title>Bench News</title><link>{base}/</link>\n{items}</channel></rss>\n"
                ).encode()


class StorySiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        site: StorySite = self.server.site
        path = urlsplit(self.path).path or "/"
        page = site.page(path, self.server.base_url)
        conditional = bool(self.headers.get("If-None-Match")
                           or self.headers.get("If-Modified-Since"))
        if page is None or page[0] is None:
            self.answer(404, b"<html><body>Not found</body></html>", "text/html", conditional)
            return
        body, content_type = page
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.still_fresh(etag):
            self.answer(304, b"", content_type, conditional, etag, send_body=False)
            return
        self.answer(200, body, content_type, conditional, etag)

    def still_fresh(self, etag: str) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            return etag in [tag.strip() for tag in if_none_match.split(",")]
        since = self.headers.get("If-Modified-Since")
        try:
            return bool(since) and parsedate_to_datetime(since) >= BASE_TIME
        except (TypeError, ValueError):
            return False

    def answer(self, status: int, body: bytes, content_type: str, conditional: bool,
               etag: str | None = None, *, send_body: bool = True) -> None:
        self.server.log.append((status, conditional, len(body) if send_body else 0))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format, *args) -> None:  # noqa: A002 - http.server's naming
        pass


class StorySiteServer(ThreadingHTTPServer):
    """StorySite on 127.0.0.1 in a background thread; `log` holds (status, conditional, bytes)."""

    daemon_threads = True

    def __init__(self, site: StorySite):
        super().__init__(("127.0.0.1", 0), StorySiteHandler)
        self.site = site
        self.log: list[tuple[int, bool, int]] = []
        self.base_url = f"http://127.0.0.1:{self.server_address[1]}"
        self.thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> StorySiteServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


# -- the crawlers --------------------------------------------------------------------------------

@dataclass
class CrawlJob:
    """One run of a crawler: crawl site_url into db, from workdir (a folder of its own)."""

    workdir: Path
    site_url: str
    db: Path
    concurrency: int
    max_pages: int


#: Runs a module as `python -m MODULE ARGS` with bench/netguard.py's loopback-only rule.
GUARDED_MODULE = ("import runpy, sys\n"
                  "from bench.netguard import allow_only_loopback\n"
                  "allow_only_loopback()\n"
                  "sys.argv = sys.argv[1:]\n"
                  "runpy.run_module(sys.argv[0], run_name='__main__', alter_sys=True)\n")


def guarded_module(module: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m module args` from cwd, loopback only; raises when it fails."""
    env = {**os.environ, "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": ""}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run([sys.executable, "-c", GUARDED_MODULE, module, *args], cwd=cwd,
                            env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"python -m {module} exited {result.returncode}: "
                           f"{result.stderr[-2000:]}")
    return result


def newsarchive_crawl(job: CrawlJob) -> None:
    """The crawl `newsarchive crawl --sites sites.toml --quiet` runs (`python -m spiders crawl
    news -a sites=...`), over a one-site list, as a scheduled job runs it."""
    sites = job.workdir / "sites.toml"
    sites.write_text(f'[sites.bench]\nstart = ["{job.site_url}/"]\ndepth = 3\n'
                     f"max_pages = {job.max_pages}\ndelay = 0\nconcurrency = {job.concurrency}\n"
                     "local = true\n", encoding="utf-8")
    guarded_module("spiders", "crawl", "news", "-a", f"sites={sites.name}", "-s",
                   f"NEWSARCHIVE_DB={job.db}", "-s", "LOG_LEVEL=WARNING", cwd=job.workdir)


def peer_crawl(extract: str):
    """A peer of bench/peer_spider.py (`scrapy runspider`, Scrapy's default settings plus the
    same politeness-aside settings as newsarchive's run: robots.txt obeyed, delay 0, depth 3,
    the same concurrency)."""
    def crawl(job: CrawlJob) -> None:
        settings = {"ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                    "DEPTH_LIMIT": 3, "CONCURRENT_REQUESTS_PER_DOMAIN": job.concurrency,
                    "CONCURRENT_REQUESTS": max(16, job.concurrency), "LOG_LEVEL": "WARNING",
                    "TELNETCONSOLE_ENABLED": False, "USER_AGENT": "newsarchive-bench-peer"}
        argv = ["runspider", str(ROOT / "bench" / "peer_spider.py"), "-a",
                f"url={job.site_url}/"] + (["-a", f"extract={extract}"] if extract else [])
        for name, value in settings.items():
            argv += ["-s", f"{name}={value}"]
        guarded_module("scrapy", *argv, cwd=job.workdir)
    return crawl


#: name -> crawler; each runs twice over the same site into its own archive (peers once).
CRAWLERS = {"newsarchive": newsarchive_crawl, "scrapy-fetch-only": peer_crawl(""),
            "scrapy+trafilatura": peer_crawl("trafilatura")}
#: Crawlers without an archive: a second run would fetch everything again, so one run.
PEERS = {"scrapy-fetch-only", "scrapy+trafilatura"}


# -- measuring ------------------------------------------------------------------------------------

@dataclass
class RunResult:
    crawler: str
    run: str
    round: int
    """Which round of the benchmark (crawlers take turns, round after round)."""
    requests: int
    full: int
    not_modified: int
    other: int
    conditional: int
    megabytes: float
    articles: int
    seconds: float
    crawler_cpu: float = 0.0
    """CPU seconds of the crawl, its worker processes included (user + system)."""
    server_cpu: float = 0.0
    """CPU seconds of the loopback server (this process) meanwhile: on 2 cores it competes
    with the crawl, which a remote site would not."""

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def pages_per_second(self) -> float:
        return self.full / self.seconds if self.seconds else 0.0


def count_articles(db: Path) -> int:
    import sqlite3

    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def measure(name: str, crawler, server: StorySiteServer, workdir: Path, *, concurrency: int,
            max_pages: int, round_number: int = 1) -> list[RunResult]:
    workdir.mkdir(parents=True, exist_ok=True)
    job = CrawlJob(workdir, server.base_url, workdir / "archive.db", concurrency, max_pages)
    results = []
    runs = ("1: empty archive", "2: nothing changed")
    for run in runs[:1] if name in PEERS else runs:
        mark = len(server.log)
        started, children = time.perf_counter(), cpu_of_children()
        server_started = time.process_time()
        crawler(job)
        seconds = time.perf_counter() - started
        server_cpu = time.process_time() - server_started
        crawler_cpu = cpu_of_children() - children
        log = server.log[mark:]
        statuses = Counter(status for status, _, _ in log)
        results.append(RunResult(
            crawler=name, run=run, round=round_number, requests=len(log), full=statuses[200],
            not_modified=statuses[304], other=len(log) - statuses[200] - statuses[304],
            conditional=sum(1 for _, conditional, _ in log if conditional),
            megabytes=sum(sent for _, _, sent in log) / 1e6, articles=count_articles(job.db),
            seconds=seconds, crawler_cpu=crawler_cpu, server_cpu=server_cpu))
    return results


def cpu_of_children() -> float:
    """User + system CPU seconds of every finished child process, and their waited-for children."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def table(results: list[RunResult]) -> str:
    header = ("crawler", "run", "round", "requests", "200", "304", "other", "cond.", "MB sent",
              "articles", "wall s", "req/s", "pages/s", "cpu s", "ms/page", "server cpu s")
    rows = [(r.crawler, r.run, r.round, r.requests, r.full, r.not_modified, r.other, r.conditional,
             f"{r.megabytes:.1f}", r.articles, f"{r.seconds:.1f}",
             f"{r.requests_per_second:.1f}", f"{r.pages_per_second:.1f}",
             f"{r.crawler_cpu:.1f}", f"{r.crawler_cpu / r.full * 1000:.1f}" if r.full else "-",
             f"{r.server_cpu:.1f}") for r in results]
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(cell).ljust(width) if i < 2 else str(cell).rjust(width)
                       for i, (cell, width) in enumerate(zip(row, widths)))
             for row in [header, *rows]]
    return "\n".join([lines[0], "-" * len(lines[0]), *lines[1:]])


def comparison(results: list[RunResult]) -> str:
    """First-run pages/s side by side (each crawler's median over the rounds), newsarchive's
    ratio to each peer's median, and each round's own ratio ("" without peers)."""
    first: dict[str, dict[int, float]] = {}
    for r in results:
        if r.run.startswith("1"):
            first.setdefault(r.crawler, {})[r.round] = r.pages_per_second
    ours = first.get("newsarchive")
    peers = [name for name in first if name in PEERS]
    if ours is None or not peers:
        return ""
    rounds = len(ours)
    median = {name: statistics.median(by_round.values()) for name, by_round in first.items()}
    parts = [f"{name} {median[name]:.1f}" for name in ["newsarchive", *peers]]
    ratios = []
    for name in peers:
        if not median[name]:
            continue
        each = ", ".join(f"{ours[n] / first[name][n]:.2f}" for n in sorted(ours)
                         if first[name].get(n))
        ratios.append(f"newsarchive / {name} = {median['newsarchive'] / median[name]:.2f}"
                      + (f" (rounds: {each})" if rounds > 1 else ""))
    label = f"median of {rounds} rounds" if rounds > 1 else "one round"
    return (f"\nend to end, first run, pages/s ({label}): " + "; ".join(parts) + "\n"
            + "; ".join(ratios) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int,
                        help="stories of the site (default: 2,000 for the demo pages, else one "
                             "per page)")
    parser.add_argument("--templates", default="demo",
                        help="the real pages stories are made from: demo (default), eval "
                             "(../shared/eval/data) or a folder")
    parser.add_argument("--pages", type=int, default=1000,
                        help="pages drawn from a template set other than demo (default 1000)")
    parser.add_argument("--concurrency", type=int, default=8,
                        help="requests in flight to the site (the site list's concurrency)")
    parser.add_argument("--crawler", action="append", choices=sorted(CRAWLERS),
                        help="crawlers to run (default: all)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds of all crawlers, taking turns (default 3): medians")
    parser.add_argument("--no-save", action="store_true", help="print only")
    args = parser.parse_args(argv)
    demo = args.templates == "demo"
    folder = TEMPLATE_SETS.get(args.templates, Path(args.templates))
    label = args.templates if args.templates in TEMPLATE_SETS else folder.name
    files = template_files(folder, None if demo else args.pages)
    stories = args.stories or (2000 if demo else len(files))
    # pages serving several stories each must be numbered, or stories would share their text
    site = StorySite(stories, files, numbered_only=stories > len(files),
                     encodings=("utf-8",) if demo else PAGE_ENCODINGS, unquoted_hrefs=not demo)
    args.stories = len(site.stories)
    rounds = max(1, args.rounds)
    results: list[RunResult] = []
    with StorySiteServer(site) as server, TemporaryDirectory(prefix="bench-crawl-") as tmp:
        for round_number in range(1, rounds + 1):
            for name in args.crawler or list(CRAWLERS):
                results += measure(name, CRAWLERS[name], server,
                                   Path(tmp) / f"{name}-{round_number}",
                                   concurrency=args.concurrency, max_pages=args.stories * 3,
                                   round_number=round_number)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H%M")
    pages = (f"{len(site.templates)} real page templates" if demo else
             f"{len(site.templates)} real pages of {label} ({site.numbered} numbered), "
             f"{site.megabytes / len(site.templates) * 1000:.0f} KB each on average")
    text = (f"crawl benchmark {stamp} UTC: {args.stories} stories ({pages}), concurrency "
            f"{args.concurrency}, delay 0, depth 3, on {os.cpu_count()} cores, "
            f"{rounds} round(s)\n\n"
            f"{table(results)}\n{comparison(results)}")
    print(text)
    if not args.no_save:
        RESULTS.mkdir(parents=True, exist_ok=True)
        name = "crawl" if demo else f"crawl-{label}{len(site.templates)}"
        (RESULTS / f"{name}-{stamp}.txt").write_text(text, encoding="utf-8")
        (RESULTS / f"{name}-{stamp}.json").write_text(json.dumps({
            "stories": args.stories, "concurrency": args.concurrency, "rounds": rounds,
            "templates": args.templates, "pages": len(site.templates),
            "results": [{**asdict(r), "requests_per_second": r.requests_per_second,
                         "pages_per_second": r.pages_per_second} for r in results]},
            indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
