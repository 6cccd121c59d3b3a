"""Worst-case extraction timings: generated giant pages of several kinds and sizes.

    python bench/worstcase.py [--sizes 0.25,1,4] [--kind KIND ...] [--repeat N] [--check]

Each page is a short news article (headline, byline, five paragraphs) inside a page made
giant in one way: a table of linked rows, deep nesting (past the parser's limit, before the
article too), sibling paragraphs, huge attribute values, many links, one huge text node, many
headings, many small blocks, nested lists, lists of links, alike chrome blocks and bylines, a
huge JSON-LD block... For every kind and size (MB of HTML) it prints the CPU seconds that
`newsarchive.extract.extract` takes (this thread's: steady on a machine other jobs share; wall
seconds beside them) and seconds per MB, beside lxml's parse of the same page; the slowest s/MB
closes the table. The goal is no page slower than 1 s per MB on the machine
that runs it. `--check` also says whether each page still gave its article (the body holds
the article's paragraphs).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ARTICLE_PARAGRAPHS = [
    "The city council voted on Tuesday to expand the northern tram line by four stations, "
    "ending a debate that has run for more than a decade.",
    "Supporters said the extension would cut commuting times for thousands of residents in the "
    "fast-growing districts beyond the river, where buses are often full by seven in the morning.",
    "Opponents warned that the cost, estimated at 240 million euros, would strain a budget "
    "already stretched by repairs to bridges and schools, and asked for an independent review.",
    "Construction is expected to begin next spring and to last three years, the transport "
    "department said, with the first new station opening in the second year.",
    "The mayor called the vote a turning point for the city and promised regular reports on "
    "the project's progress and spending.",
]
HEADLINE = "Council approves northern tram extension after decade of debate"


def article_html() -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in ARTICLE_PARAGRAPHS)
    return (f'<article><h1>{HEADLINE}</h1><p class="byline">By Anna Berger</p>'
            f'<div class="article-body">{paragraphs}</div></article>')


def page(chrome: str, *, before: bool = False, head: str = "", article: bool = True) -> str:
    """An article page with `chrome` after (or before) the article; without the article, an
    index page of `chrome` alone."""
    parts = [article_html(), chrome] if not before else [chrome, article_html()]
    if not article:
        parts = [chrome]
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{HEADLINE} - City News</title>"
            f"{head}</head><body><header><a href='/'>City News</a></header><main>"
            f"{''.join(parts)}</main><footer>Contact us</footer></body></html>")


def repeat_to(size: int, unit) -> str:
    """Units unit(0), unit(1), ... joined until `size` characters."""
    out, total, i = [], 0, 0
    while total < size:
        piece = unit(i)
        out.append(piece)
        total += len(piece)
        i += 1
    return "".join(out)


#: Pages of one unit repeated: kind -> (the unit for its i-th copy, the markup around the
#: copies ("{}" stands for them), where they stand: "after" or "before" the article, or
#: "alone" on an index page without one).
REPEATED = {
    "table_links": (lambda i: f'<tr><td><a href="/item/{i}">Item {i}</a></td></tr>', "<table>{}</table>", "after"),
    "sibling_paragraphs": (lambda i: f"<p>Short paragraph number {i} of the page.</p>",
                           "<div class='archive'>{}</div>", "after"),
    "many_links": (lambda i: f'<li><a href="/story/{i}.html">Story {i} headline here</a></li>',
                   "<nav><ul>{}</ul></nav>", "before"),
    "inline_links": (lambda i: f'words <a href="/t/{i}">tag {i}</a> ', "<div class='tags'><p>{}</p></div>", "after"),
    "many_headings": (lambda i: f"<h2>Section {i}</h2><p>Text of section {i}.</p>",
                      "<div class='sections'>{}</div>", "after"),
    "many_blocks": (lambda i: f"<div class='teaser'><div><span>Teaser {i}</span></div></div>",
                    "<section>{}</section>", "after"),
    # copies of the headline all over the page: each is a headline candidate
    "many_headlines": (lambda i: f"<div><h1>{HEADLINE}</h1><p>Teaser {i}</p></div>", "<aside>{}</aside>", "before"),
    "link_list": (lambda i: f'<li><a href="/r/{i}">Row {i}</a></li>', "<ul>{}</ul>", "alone"),
    # alike blocks named as chrome ("share") that hold the page's prose
    "alike_boxes": (lambda i: f'<div class="share"><p>{ARTICLE_PARAGRAPHS[i % 5]}</p></div>',
                    "<div class='content'>{}</div>", "after"),
    # alike byline elements without a date in them
    "alike_bylines": (lambda i: f'<span class="author">By John Smith{i}</span>', "<div>{}</div>", "after"),
    "boilerplate_headings": (lambda i: f"<h2>Related</h2><p>Line {i}</p>", "<div class='more'>{}</div>", "after"),
    "plain_list": (lambda i: f"<li>Plain item {i}</li>", "<ul>{}</ul>", "alone"),
    "definition_list": (lambda i: f"<dt>Term {i}</dt><dd>Definition {i}</dd>", "<dl>{}</dl>", "after"),
    "line_breaks": (lambda i: f"line {i} of the text<br>", "<div class='text'>{}</div>", "after"),
    "many_scripts": (lambda i: f"<script>var x{i} = {{'a': {i}, 'b': 'text {i}'}};</script>", "<div>{}</div>", "after"),
}


def repeated(kind: str):
    unit, around, where = REPEATED[kind]

    def make(size: int) -> str:
        return page(around.format(repeat_to(size, unit)), before=where == "before", article=where != "alone")
    make.__name__ = kind
    return make


def nesting(size: int, before: bool) -> str:
    unit = "<div><span>level</span>"
    depth = max(1, size // (len(unit) + 6))
    return page(unit * depth + "</div>" * depth, before=before)


def deep_nesting(size: int) -> str:
    """Nesting past libxml2's depth limit (2,048) after the article."""
    return nesting(size, before=False)


def nesting_before_article(size: int) -> str:
    """Nesting past libxml2's depth limit (2,048) before the article."""
    return nesting(size, before=True)


def huge_attributes(size: int) -> str:
    value = "x" * (size // 20)
    blocks = "".join(f'<div class="c{i} {value}" data-state="{value}"><p>Box {i}</p></div>'
                     for i in range(10))
    return page(blocks, before=True)


def huge_text(size: int) -> str:
    words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor "
    return page(f"<div class='notes'><p>{words * (size // len(words))}</p></div>")


def huge_word(size: int) -> str:
    """One text node without spaces (a base64 blob shown as text)."""
    return page(f"<div class='blob'><p>{'A' * size}</p></div>")


def nested_lists(size: int) -> str:
    unit = "<ul><li><a href='/x'>Menu entry</a>"
    depth = max(1, min(size // (len(unit) + 10), 5000))
    width = max(1, size // ((len(unit) + 10) * depth))
    one = unit * depth + "</li></ul>" * depth
    return page(f"<nav>{one * width}</nav>", before=True)


def cards_after_text(size: int) -> str:
    """A long text followed, in the same container, by thousands of linked teaser cards."""
    text = "".join(f"<p>{ARTICLE_PARAGRAPHS[i % 5]}</p>" for i in range(50))
    cards = repeat_to(size, lambda i: f'<div><a href="/s/{i}"><h3>Story number {i}</h3></a></div>')
    return page(f"<div class='story'>{text}{cards}</div>")


def huge_json_ld(size: int) -> str:
    items = []
    total = 0
    while total < size:
        item = {"@type": "ListItem", "position": len(items), "name": f"Item {len(items)}",
                "url": f"https://example.com/{len(items)}"}
        items.append(item)
        total += 90
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2026-12-01T10:00:00Z",
         "author": {"@type": "Person", "name": "Anna Berger"}},
        {"@type": "ItemList", "itemListElement": items}]}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return page("", head=head)


def unclosed_title(size: int) -> str:
    """A <title> never closed: the page after it is the title's text to the parser."""
    return page(repeat_to(size, lambda i: f"<div class='teaser'><a href='/s/{i}'>Story - number {i} | Section</a></div>")
                ).replace(f"{HEADLINE} - City News</title>", f"{HEADLINE} - City News", 1)


KINDS = {**{kind: repeated(kind) for kind in REPEATED}, **{f.__name__: f for f in (
    deep_nesting, nesting_before_article, huge_attributes, huge_text, huge_word, nested_lists,
    cards_after_text, huge_json_ld, unclosed_title)}}


def timed(fn, repeat: int) -> tuple[float, float]:
    """The fastest run's CPU seconds (this thread's: steady on a shared machine) and wall seconds."""
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        cpu, wall = time.thread_time(), time.perf_counter()
        fn()
        best = min(best, (time.thread_time() - cpu, time.perf_counter() - wall))
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="0.25,1,4", help="page sizes in MB, comma-separated")
    ap.add_argument("--kind", action="append", choices=sorted(KINDS), help="only these kinds")
    ap.add_argument("--repeat", type=int, default=1, help="runs per page; the fastest counts")
    ap.add_argument("--check", action="store_true", help="say whether the article was found")
    args = ap.parse_args(argv)

    import lxml.html

    from newsarchive.extract import extract

    sizes = [float(s) for s in args.sizes.split(",")]
    kinds = args.kind or list(KINDS)
    print(f"{'kind':<22}{'MB':>6}{'parse s':>9}{'extract s':>11}{'s/MB':>7}{'wall s':>8}"
          + ("  article" if args.check else ""))
    worst = (0.0, "")
    for kind in kinds:
        for mb in sizes:
            html = KINDS[kind](int(mb * 1_000_000)).encode("utf-8")
            real_mb = len(html) / 1_000_000
            parse, _ = timed(lambda: lxml.html.document_fromstring(html), args.repeat)
            result = []
            took, wall = timed(lambda: result.append(extract(html, url="https://news.example.com/a/1")),
                               args.repeat)
            per_mb = took / real_mb
            line = f"{kind:<22}{real_mb:>6.2f}{parse:>9.3f}{took:>11.3f}{per_mb:>7.3f}{wall:>8.3f}"
            if args.check:
                body = result[-1].body
                found = sum(text in body for text in ARTICLE_PARAGRAPHS)
                line += f"  {found}/{len(ARTICLE_PARAGRAPHS)} paragraphs"
            print(line, flush=True)
            if per_mb > worst[0]:
                worst = (per_mb, f"{kind} at {real_mb:.2f} MB")
    print(f"slowest: {worst[0]:.3f} s/MB ({worst[1]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
