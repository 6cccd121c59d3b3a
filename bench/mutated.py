"""Extraction time on real pages broken the ways the web breaks them, in seconds per MB.

    python bench/mutated.py [--data ../shared/eval/data] [--sample N] [--every K] [--min-kb 20]

bench/worstcase.py times pages generated to stress one thing each; this takes real pages (every
K-th page of the evaluation datasets) and breaks them: closing tags typed as opening ones (every
box opens inside the one before), a <title> or a <script> never closed, thousands of figures,
bylines, headings or date lines inserted where the body starts. Each broken page is extracted
once (CPU seconds of this thread), and the slowest pages of at least --min-kb are listed with
their seconds per MB, beside the lxml parse of the same bytes. The goal is no page over 1 s per
MB. The process runs under bench/netguard.py.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.extraction import add_page_arguments, datasets_in  # noqa: E402
from bench.netguard import allow_only_loopback  # noqa: E402
from bench.speed import load_pages  # noqa: E402

INSERTED = 3000
"""Copies of each snippet inserted where the body starts."""

#: Name -> what it does to a page's bytes.
MUTATIONS = {
    "div_never_closed": lambda page: page.replace(b"</div>", b"<div>"),
    "span_never_closed": lambda page: page.replace(b"</span>", b"<span>"),
    "li_opens_a_list": lambda page: page.replace(b"</li>", b"<ul><li>"),
    "cell_opens_a_table": lambda page: page.replace(b"</td>", b"<table><tr><td>"),
    "end_tags_lost": lambda page: page.replace(b"</", b"<", 200),
    "title_never_closed": lambda page: page.replace(b"</title>", b"", 1),
    "script_never_closed": lambda page: page.replace(b"</script>", b"", 1),
    "paragraphs_tripled": lambda page: page.replace(b"<p>", b"<p>" * 3),
}

#: Name -> the i-th copy of a snippet inserted (INSERTED times) where the body starts.
SNIPPETS = {
    "figures": lambda i: f"<figure><img src='/i/{i}.jpg'><figcaption>Photo {i}: the harbour (AP Photo/John "
                         "Smith)</figcaption></figure>",
    "bylines": lambda i: f"<p>By Jane Doe and John Roe, Staff Writers {i}</p>",
    "source_labels": lambda i: f"<p>Quelle: dpa {i}</p>",
    "h1s": lambda i: f"<h1>Headline number {i} - Section | Site</h1>",
    "time_elements": lambda i: f"<time datetime='2020-01-{i % 28 + 1:02d}T10:00:00Z'>Jan {i % 28 + 1}, 2020</time> ",
    "date_lines": lambda i: f"<p>LONDON, Jan {i % 28 + 1} (Reuters) - Paragraph {i}.</p>",
    "comment_titles": lambda i: f"<h3>{i} Comments</h3><div><p>Comment text {i}</p></div>",
    "json_ld": lambda i: '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H%d"}</script>' % i,
    "image_captions": lambda i: f"<img src='/i/{i}.jpg' alt='The harbour at dawn'><br><span>The harbour at dawn, "
                                f"picture {i}</span><br>",
}


def inserted(page: bytes, snippet) -> bytes:
    """The page with INSERTED copies of the snippet where its body starts (else in its middle)."""
    at = page.find(b"<body")
    at = page.find(b">", at) + 1 if at >= 0 else len(page) // 2
    return page[:at] + "".join(snippet(i) for i in range(INSERTED)).encode() + page[at:]


def broken_pages(pages):
    """(kind, url, bytes) of every page broken every way."""
    for url, page in pages:
        for kind, mutate in MUTATIONS.items():
            yield kind, url, mutate(page)
        for kind, snippet in SNIPPETS.items():
            yield f"{INSERTED}_{kind}", url, inserted(page, snippet)


def cpu_seconds(fn) -> float:
    """CPU seconds of this thread for fn() (lxml's own parse refuses some broken pages: the time
    until it did)."""
    start = time.thread_time()
    try:
        fn()
    except Exception:  # noqa: BLE001 - the floor's refusal; extract() itself never raises
        pass
    return time.thread_time() - start


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_page_arguments(ap)
    ap.add_argument("--every", type=int, default=25, help="take every K-th page (default 25)")
    ap.add_argument("--min-kb", type=int, default=20, help="list pages of at least this size (default 20)")
    ap.add_argument("--top", type=int, default=10, help="how many of the slowest to list")
    args = ap.parse_args(argv)
    datasets = [d for d in datasets_in(args.data.resolve()) if not args.dataset or d.name in set(args.dataset)]
    if not datasets:
        print(f"no datasets under {args.data}", file=sys.stderr)
        return 2
    allow_only_loopback()
    import lxml.html

    from newsarchive.extract import extract

    pages = load_pages(datasets, args.sample)[::max(1, args.every)]
    for url, page in pages[:10]:  # imports and first-call set-up are not a page's cost
        extract(page, url=url)
    rows = []
    for kind, url, page in broken_pages(pages):
        took = cpu_seconds(lambda: extract(page, url=url))
        parse = cpu_seconds(lambda: lxml.html.document_fromstring(page))
        rows.append((took / (len(page) / 1e6), took, parse, len(page), kind, url or ""))
    listed = sorted((row for row in rows if row[3] >= args.min_kb * 1000), reverse=True)
    print(f"# {len(pages)} pages x {len(MUTATIONS) + len(SNIPPETS)} ways broken; slowest of >= {args.min_kb} kB:")
    print(f"{'s/MB':>6} {'extract s':>9} {'parse s':>8} {'kB':>6}  kind / page")
    for per_mb, took, parse, size, kind, url in listed[:args.top]:
        print(f"{per_mb:6.2f} {took:9.3f} {parse:8.3f} {size // 1000:6d}  {kind}  {url[:70]}")
    worst = listed[0] if listed else None
    print(f"slowest: {worst[0]:.2f} s/MB ({worst[4]})" if worst else "no page that large")
    return 0


if __name__ == "__main__":
    sys.exit(main())
