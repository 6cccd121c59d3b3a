"""Archive benchmark: a synthetic archive of N articles (default 1,000,000) through the real store.

    python bench/archive.py [--count N] [--db PATH] [--batch N] [--keep] [--save]

Builds the archive with Archive.store_pages (the store's own code path: pages row with the
zlib-compressed HTML, articles row, its first version, full-text index kept by triggers), then
measures on it:

- insert rate (articles/s) over the first and the last 10% of articles, at most 100,000 each
  (goal: the last within 80% of the first);
- bytes per article (the file, and per table from dbstat);
- full-text query latency, median and p95, for common terms (in 5-50% of articles) and rare
  ones (a few articles each), newest first (what a news search shows; `ORDER BY rowid DESC`)
  and best match first (bm25, `ORDER BY rank`), each with LIMIT 20 (goal: p95 < 50 ms);
- re-extraction pages/s (Archive.reextract of the smallest site, every core);
- export rate (articles/s and MB/s, JSON lines of the largest site).

The text is real: paragraphs of the pages under tests/fixtures (21 fixture pages and the 34
of the demo site, eleven languages), extracted once, then varied per article: paragraphs
drawn and reordered, sentences reordered, and names drawn from a Zipf law over 200,000
made-up proper nouns so the vocabulary grows with the archive as a real one does. Each page
is a full news page around the text (head with meta tags and JSON-LD, navigation, related
links, footer): about 17 KB of HTML, 5 KB of body text.

--save writes bench/results/archive-<count>-<UTC date>.json and .txt.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from newsarchive import Article, FetchedPage, extract  # noqa: E402
from newsarchive.archive import Archive  # noqa: E402
from newsarchive.archive.export import Selection, export  # noqa: E402

RESULTS = ROOT / "bench" / "results"
FIXTURES = ROOT / "tests" / "fixtures"
T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)
SITES = [  # name, share of the articles (Zipf-like: a few big sites, a long tail)
    ("harbourgazette.example", 0.22), ("dailyledger.example", 0.16),
    ("northernpost.example", 0.12), ("citychronicle.example", 0.10),
    ("morningherald.example", 0.08), ("valleytimes.example", 0.07),
    ("coastalobserver.example", 0.06), ("metroreview.example", 0.05),
    ("riverbankreporter.example", 0.04), ("capitalcourier.example", 0.03),
    ("summitsentinel.example", 0.03), ("eveningstandard.example", 0.02),
    ("islandnews.example", 0.01), ("plainsdispatch.example", 0.005),
    ("lakesidejournal.example", 0.005),
]
SECTIONS = ["World", "Politics", "Business", "Science", "Sport", "Culture", "Health",
            "Technology", "Opinion", "Local"]
CORRECTED_SHARE = 0.03  # articles fetched a second time with a corrected body
SYLLABLES = ["ka", "ro", "vel", "an", "mir", "to", "sen", "dar", "li", "um", "bra", "cos",
             "ne", "phi", "sta", "gor", "el", "qui", "zan", "ty", "mo", "ber", "ash", "ven"]


# -- corpus ----------------------------------------------------------------------------------

def load_corpus() -> dict:
    """Headlines, paragraphs, authors and word frequencies of the real pages in tests/fixtures."""
    pages = sorted((FIXTURES / "pages").glob("*/page.html"))
    pages += sorted((FIXTURES / "sites" / "demo" / "articles").glob("*.html"))
    headlines, paragraphs, authors = [], [], []
    for path in pages:
        article = extract(path.read_bytes(), url=f"https://source.example/{path.parent.name}")
        if article.headline:
            headlines.append(article.headline)
        paragraphs += [p for p in article.body.split("\n\n") if len(p) >= 80]
        authors += article.authors
    return {"headlines": headlines, "paragraphs": paragraphs,
            "authors": sorted(set(authors)) or ["Staff Reporter"], "pages": len(pages)}


def made_up_names(count: int, rng: random.Random) -> list[str]:
    names, seen = [], set()
    while len(names) < count:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


class ArticleMaker:
    """Article i of the synthetic archive, the same on every run."""

    def __init__(self, corpus: dict, count: int, seed: int = 12):
        self.corpus = corpus
        self.count = count
        self.seed = seed
        rng = random.Random(seed)
        self.names = made_up_names(200_000, rng)
        # Zipf weights over the names: cumulative, for bisect-based draws
        weights = [1 / (rank + 1) ** 1.05 for rank in range(len(self.names))]
        total, acc = sum(weights), 0.0
        self.name_cdf = []
        for weight in weights:
            acc += weight / total
            self.name_cdf.append(acc)
        self.site_cdf, acc = [], 0.0
        for _, share in SITES:
            acc += share
            self.site_cdf.append(acc)
        self.sentences = [re.split(r"(?<=[.!?。])\s+", p) for p in corpus["paragraphs"]]

    def _draw(self, cdf: list[float], rng: random.Random) -> int:
        from bisect import bisect_left
        return min(bisect_left(cdf, rng.random() * cdf[-1]), len(cdf) - 1)

    def name(self, rng: random.Random) -> str:
        return self.names[self._draw(self.name_cdf, rng)]

    def make(self, i: int) -> tuple[FetchedPage, Article, FetchedPage | None]:
        rng = random.Random(self.seed * 1_000_003 + i)
        site = SITES[self._draw(self.site_cdf, rng)][0]
        section = rng.choice(SECTIONS)
        published = T0 + timedelta(seconds=int(i * 730 * 86400 / self.count)
                                   + rng.randint(0, 3600))
        person = self.name(rng)
        place = self.name(rng)
        base_headline = rng.choice(self.corpus["headlines"])
        headline = f"{base_headline}: {person} in {place}" if rng.random() < 0.6 else (
            f"{person} says {base_headline[:1].lower()}{base_headline[1:]}")
        paragraphs = []
        for _ in range(rng.randint(6, 18)):
            sentences = list(rng.choice(self.sentences))
            if len(sentences) > 2 and rng.random() < 0.5:
                rng.shuffle(sentences)
            text = " ".join(sentences)
            if rng.random() < 0.5:
                text = f"{self.name(rng)} of {self.name(rng)} said: {text}"
            paragraphs.append(text)
        body = "\n\n".join(paragraphs)
        slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:80]
        url = f"https://www.{site}/{section.lower()}/{published:%Y/%m/%d}/{slug}-{i}"
        authors = [rng.choice(self.corpus["authors"])]
        if rng.random() < 0.3:
            authors.append(f"{self.name(rng)} {self.name(rng)}")
        article = Article(
            url=url, canonical_url=url, is_article=True, headline=headline, body=body,
            date_published=published.isoformat(), sources={"date_published": "json-ld"},
            authors=authors, language="en", site_name=site.split(".")[0].title(),
            description=paragraphs[0][:200], section=section,
            tags=[self.name(rng) for _ in range(rng.randint(0, 5))],
            image_url=f"https://www.{site}/images/{i}.jpg")
        page = FetchedPage(url=url, status=200, body=self.html(article, rng),
                           headers={"content-type": "text/html; charset=utf-8"},
                           fetched_at=published + timedelta(minutes=rng.randint(5, 600)),
                           hints={"source": "sitemap", "depth": 1})
        correction = None
        if rng.random() < CORRECTED_SHARE:
            corrected = Article(**{**article.__dict__,
                                   "body": body.replace(person, self.name(rng), 1)
                                   + "\n\nCorrection: an earlier version misspelt a name."})
            correction = (FetchedPage(url=url, status=200, body=self.html(corrected, rng),
                                      headers=page.headers,
                                      fetched_at=page.fetched_at + timedelta(days=1),
                                      hints=page.hints), corrected)
        return page, article, correction

    def html(self, article: Article, rng: random.Random) -> bytes:
        site = article.site_name
        nav = "".join(f'<li><a href="/{s.lower()}/">{s}</a></li>' for s in SECTIONS * 3)
        related = "".join(
            f'<li><a href="/{rng.choice(SECTIONS).lower()}/{n}">{escape(h)}</a></li>'
            for n, h in enumerate(rng.sample(self.corpus["headlines"], 12)))
        paragraphs = "".join(f"<p>{escape(p)}</p>\n" for p in article.body.split("\n\n"))
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                         "headline": article.headline, "datePublished": article.date_published,
                         "author": [{"@type": "Person", "name": a} for a in article.authors],
                         "publisher": {"@type": "Organization", "name": site}})
        footer = " ".join(f'<a href="/info/{n}">{w}</a>' for n, w in enumerate(
            ["About us", "Contact", "Careers", "Advertise", "Privacy", "Terms", "Cookies",
             "Accessibility", "Newsletters", "Archive", "Corrections", "RSS"]))
        return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(article.headline)} | {site}</title>
<link rel="canonical" href="{article.canonical_url}">
<meta name="description" content="{escape(article.description or '')}">
<meta property="og:title" content="{escape(article.headline)}">
<meta property="og:image" content="{article.image_url}">
<meta property="article:section" content="{article.section}">
<script type="application/ld+json">{ld}</script>
<style>{STYLE}</style></head><body>
<header><div class="logo">{site}</div><nav><ul>{nav}</ul></nav>
<form action="/search"><input name="q" placeholder="Search"></form></header>
<main><article><h1>{escape(article.headline)}</h1>
<div class="byline">By {escape(' and '.join(article.authors))}</div>
<time datetime="{article.date_published}">{article.date_published[:10]}</time>
{paragraphs}</article>
<aside><h2>Most read</h2><ul>{related}</ul></aside></main>
<footer>{footer}<p>&copy; {site}. All rights reserved.</p></footer>
<script>{SCRIPT}</script></body></html>""".encode("utf-8")


STYLE = " ".join(f".c{n}{{margin:{n % 7}px;padding:{n % 5}px;color:#{n * 37 % 4096:03x}}}"
                 for n in range(120))
SCRIPT = "".join(f"window.cfg{n}={{id:{n},slot:'ad-{n}',sizes:[[300,250],[728,90]]}};"
                 for n in range(60))


# -- measurements ----------------------------------------------------------------------------

def build(archive: Archive, maker: ArticleMaker, count: int, batch: int) -> dict:
    """Insert `count` articles in batches; returns the insert rates of the first/last window."""
    window = max(batch, min(100_000, count // 10))
    # (articles done, wall clock, this process's CPU time): the machine is shared, so the
    # rate per CPU-second says what the store costs whatever else runs; wall time is also given
    stamps = [(0, time.perf_counter(), time.process_time())]
    corrections = []
    start = time.perf_counter()
    for first in range(0, count, batch):
        fetches = []
        for i in range(first, min(first + batch, count)):
            page, article, correction = maker.make(i)
            fetches.append((page, article))
            if correction:
                corrections.append(correction)
        archive.store_pages(fetches)
        stamps.append((min(first + batch, count), time.perf_counter(), time.process_time()))
        done = stamps[-1][0]
        if done % max(batch, count // 20) < batch:
            recent = stamps[max(0, len(stamps) - 11)]
            print(f"  {done:,} articles, lately {(done - recent[0]) / (stamps[-1][1] - recent[1]):,.0f}/s"
                  f" ({(done - recent[0]) / (stamps[-1][2] - recent[2]):,.0f} per CPU s)",
                  file=sys.stderr, flush=True)
    # the corrections come as later fetches of the same URLs, like a next day's crawl
    for first in range(0, len(corrections), batch):
        archive.store_pages(corrections[first:first + batch])

    def rate(lo: int, hi: int, clock: int) -> float:
        low = next(stamp for stamp in stamps if stamp[0] >= lo)
        high = next(stamp for stamp in stamps if stamp[0] >= hi)
        return (high[0] - low[0]) / (high[clock] - low[clock])

    first_rate, last_rate = rate(0, window, 1), rate(count - window, count, 1)
    first_cpu, last_cpu = rate(0, window, 2), rate(count - window, count, 2)
    return {"articles": count, "corrections": len(corrections), "window": window,
            "seconds": round(stamps[-1][1] - start, 1),
            "cpu_seconds": round(stamps[-1][2] - stamps[0][2], 1),
            "insert_rate_first": round(first_rate, 1), "insert_rate_last": round(last_rate, 1),
            "insert_per_cpu_s_first": round(first_cpu, 1),
            "insert_per_cpu_s_last": round(last_cpu, 1),
            "cpu_last_over_first": round(last_cpu / first_cpu, 3),
            "last_over_first": round(last_rate / first_rate, 3)}


def sizes(archive: Archive, count: int) -> dict:
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    file_bytes = archive.path.stat().st_size
    result = {"file_bytes": file_bytes, "bytes_per_article": round(file_bytes / count)}
    try:
        tables = {}
        for name, size in archive.db.execute(
                "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"):
            owner = name.split("_fts")[0] + "_fts" if "_fts" in name else name
            tables[owner] = tables.get(owner, 0) + size
        result["bytes_per_article_by_table"] = {
            name: round(size / count) for name, size in
            sorted(tables.items(), key=lambda item: -item[1]) if size / count >= 1}
    except Exception as exc:  # noqa: BLE001 - dbstat is a compile-time option of SQLite
        result["bytes_per_article_by_table"] = f"dbstat unavailable: {exc}"
    return result


def pick_terms(archive: Archive, maker: ArticleMaker, count: int) -> dict[str, list[str]]:
    """Common terms (in 5-50% of articles) and rare names (in 1-10 articles), from the index."""
    archive.db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab"
                       " USING fts5vocab(main, articles_fts, row)")
    common = [row[0] for row in archive.db.execute(
        "SELECT term FROM temp.bench_vocab WHERE doc BETWEEN ? AND ? AND length(term) > 4"
        " AND term GLOB '[a-z]*' ORDER BY doc DESC LIMIT 400",
        [max(1, count // 20), max(1, count // 2)])]
    rng = random.Random(7)
    common = rng.sample(common, min(20, len(common)))
    rare = [row[0] for row in archive.db.execute(
        "SELECT term FROM temp.bench_vocab WHERE doc BETWEEN 1 AND 10 AND length(term) > 5"
        " AND term GLOB '[a-z]*' LIMIT 2000")]
    rare = rng.sample(rare, min(20, len(rare)))
    archive.db.execute("DROP TABLE temp.bench_vocab")
    return {"common": common, "rare": rare}


QUERIES = {
    "newest": ("SELECT articles.id, articles.url, articles.headline FROM articles_fts"
               " JOIN articles ON articles.id = articles_fts.rowid"
               " WHERE articles_fts MATCH ? ORDER BY articles_fts.rowid DESC LIMIT 20"),
    "best_match": ("SELECT articles.id, articles.url, articles.headline FROM articles_fts"
                   " JOIN articles ON articles.id = articles_fts.rowid"
                   " WHERE articles_fts MATCH ? ORDER BY articles_fts.rank LIMIT 20"),
}


def query_latency(archive: Archive, terms: dict[str, list[str]], repeats: int = 3) -> dict:
    result = {}
    for kind, words in terms.items():
        for shape, sql in QUERIES.items():
            timings = []
            for _ in range(repeats):
                for word in words:
                    began = time.perf_counter()
                    archive.db.execute(sql, [word]).fetchall()
                    timings.append((time.perf_counter() - began) * 1000)
            timings.sort()
            result[f"{kind}_{shape}"] = {
                "queries": len(timings), "median_ms": round(statistics.median(timings), 2),
                "p95_ms": round(timings[int(0.95 * (len(timings) - 1))], 2),
                "max_ms": round(timings[-1], 2)}
    result["terms"] = terms
    return result


def reextract_rate(archive: Archive) -> dict:
    site, pages = archive.db.execute(
        "SELECT site, count(*) FROM articles GROUP BY site ORDER BY 2 LIMIT 1").fetchone()
    began = time.perf_counter()
    counts = archive.reextract(site=site)
    seconds = time.perf_counter() - began
    return {"site": site, "workers": os.cpu_count(), "seconds": round(seconds, 2),
            "pages_per_s": round(counts["pages"] / seconds, 1), "counts": counts}


class ByteCounter(io.RawIOBase):
    """A sink that counts what is written to it (the export is measured, not the disk)."""

    written = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.written += len(data)
        return len(data)


def export_rate(archive: Archive) -> dict:
    site = archive.db.execute(
        "SELECT site FROM articles GROUP BY site ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    sink = ByteCounter()
    began = time.perf_counter()
    stream = io.BufferedWriter(sink, buffer_size=1 << 20)
    articles = export(archive, stream, "jsonl", Selection(site=site))["articles"]
    stream.flush()
    seconds = time.perf_counter() - began
    return {"site": site, "format": "jsonl", "articles": articles, "bytes": sink.written,
            "seconds": round(seconds, 2), "articles_per_s": round(articles / seconds, 1),
            "mb_per_s": round(sink.written / seconds / 1e6, 1)}


def run(count: int, db_path: Path, batch: int, result: dict, *, existing: bool = False) -> dict:
    """Build and measure; fills `result` as it goes (a failure late keeps what was measured).

    `existing`: measure the archive at db_path as it is (built by an earlier run), no build;
    what `result` already holds (an earlier run's insert figures) is kept.
    """
    if not existing:
        for suffix in ("", "-wal", "-shm", ".reextract"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
    corpus = load_corpus()
    maker = ArticleMaker(corpus, count)
    sample = [maker.make(i) for i in range(200)]
    result.setdefault("started", datetime.now(timezone.utc).isoformat())
    result.update({"count": count, "batch": batch,
              "corpus": {"pages": corpus["pages"], "paragraphs": len(corpus["paragraphs"]),
                         "headlines": len(corpus["headlines"])},
              "html_bytes_median": statistics.median(len(p.body) for p, _, _ in sample),
              "body_chars_median": statistics.median(len(a.body) for _, a, _ in sample)})
    with Archive(db_path) as archive:
        if not existing:
            print(f"building {count:,} articles into {db_path}", file=sys.stderr)
            result["insert"] = build(archive, maker, count, batch)
        if "size" not in result:
            result["size"] = sizes(archive, count)
        print("full-text queries", file=sys.stderr)
        result["fts"] = query_latency(archive, pick_terms(archive, maker, count))
        print("re-extraction", file=sys.stderr)
        result["reextract"] = reextract_rate(archive)
        print("export", file=sys.stderr)
        result["export"] = export_rate(archive)
        result["sqlite"] = archive.db.execute("SELECT sqlite_version()").fetchone()[0]
    insert = result.get("insert", {})
    result["goals"] = {
        "insert_last_within_80pct": insert.get("last_over_first", 0) >= 0.8,
        "insert_last_within_80pct_per_cpu_s": insert.get("cpu_last_over_first", 0) >= 0.8,
        "fts_p95_under_50ms": {key: value["p95_ms"] < 50 for key, value in
                               result["fts"].items() if key != "terms"},
    }
    result["finished"] = datetime.now(timezone.utc).isoformat()
    return result


def report(result: dict) -> str:
    ins, size, fts = result["insert"], result["size"], result["fts"]
    lines = [
        f"archive benchmark: {result['count']:,} articles (+{ins['corrections']:,} corrected"
        f" fetches), batches of {result['batch']}, SQLite {result['sqlite']}",
        f"  page HTML median {result['html_bytes_median']:,.0f} B,"
        f" body median {result['body_chars_median']:,.0f} chars",
        f"  insert, wall clock: first {ins['window']:,}: {ins['insert_rate_first']:,.0f}/s;"
        f" last {ins['window']:,}: {ins['insert_rate_last']:,.0f}/s;"
        f" ratio {ins['last_over_first']:.2f} (goal >= 0.80); total {ins['seconds']:,} s",
        f"  insert, per CPU second: first {ins['insert_per_cpu_s_first']:,.0f}/s;"
        f" last {ins['insert_per_cpu_s_last']:,.0f}/s;"
        f" ratio {ins['cpu_last_over_first']:.2f}; total {ins['cpu_seconds']:,} CPU s",
        f"  size: {size['file_bytes'] / 1e6:,.1f} MB, {size['bytes_per_article']:,} B/article"
        f" {size.get('bytes_per_article_by_table', '')}",
    ]
    for key, value in fts.items():
        if key != "terms":
            lines.append(f"  fts {key:<18} median {value['median_ms']:7.2f} ms"
                         f"  p95 {value['p95_ms']:7.2f} ms  max {value['max_ms']:7.2f} ms"
                         f"  ({value['queries']} queries)")
    rex, exp = result["reextract"], result["export"]
    lines.append(f"  reextract --site {rex['site']}: {rex['counts']['pages']:,} pages in"
                 f" {rex['seconds']} s = {rex['pages_per_s']:,} pages/s ({rex['workers']} cores)")
    lines.append(f"  export jsonl --site {exp['site']}: {exp['articles']:,} articles in"
                 f" {exp['seconds']} s = {exp['articles_per_s']:,}/s, {exp['mb_per_s']} MB/s")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "bench-archive.db")
    parser.add_argument("--batch", type=int, default=500, help="articles per transaction")
    parser.add_argument("--keep", action="store_true", help="keep the archive file afterwards")
    parser.add_argument("--save", action="store_true", help="write bench/results/archive-*")
    parser.add_argument("--existing", type=Path, metavar="RESULTS_JSON",
                        help="measure the archive --db as an earlier run left it (killed after"
                             " building), adding to that run's results file")
    args = parser.parse_args(argv)
    result: dict = {}
    if args.existing:
        result = json.loads(args.existing.read_text())
        args.keep = True
    stem = RESULTS / f"archive-{args.count}-{datetime.now(timezone.utc):%Y-%m-%dT%H%M}"
    if args.existing:
        stem = args.existing.with_suffix("")
    try:
        run(args.count, args.db, args.batch, result, existing=bool(args.existing))
    finally:
        if args.save:
            RESULTS.mkdir(parents=True, exist_ok=True)
            stem.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    text = report(result)
    print(text)
    if args.save:
        stem.with_suffix(".txt").write_text(text + "\n")
    if not args.keep:
        for suffix in ("", "-wal", "-shm", ".reextract"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
