"""Bad input to the extractor: no exception escapes, and no page costs more than its limits.

Property-based (hypothesis) cases start from the real fixture pages and truncate, mutate,
NUL-fill, re-encode and mislabel them; newsarchive.extract must return an Article for each,
never raise. The pathological documents (100,000-deep nesting, a 10 MB attribute, a giant
table, a NUL flood) go through the crawl's own worker pool: each ends as an Article or as a
recorded error under the per-page time and memory limits, whatever the extractor does with it;
the bound comes from the worker's limits, not from timed asserts.

CI runs FUZZ_EXAMPLES (60) cases per property; NEWSARCHIVE_LONG_TESTS=1 runs 1,000 per property.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive import Article, extract
from pipelines.extract import PooledExtractPipeline
from test_pipelines import run_pooled

PAGES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*/page.html"))
SEEDS = [path.read_bytes() for path in PAGES]
LONG = bool(os.environ.get("NEWSARCHIVE_LONG_TESTS"))
FUZZ_EXAMPLES = 1000 if LONG else 60
FETCHED_AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
URL = "http://127.0.0.1:8000/world/story.html"
ENCODINGS = ("utf-8", "latin-1", "cp1252", "shift_jis", "euc-kr", "gb18030", "koi8-r",
             "utf-16", "utf-16-le", "utf-32", "iso-8859-7")

fuzz = settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=not LONG, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

seeds = st.sampled_from(SEEDS)
charset_headers = st.one_of(
    st.just({}),
    st.sampled_from(ENCODINGS + ("bogus", "", "utf-8; x=\x00", "x" * 300)).map(
        lambda charset: {"content-type": f"text/html; charset={charset}"}),
    st.just({"content-type": "application/octet-stream"}),
)


def assert_extracts(body, headers=None) -> Article:
    article = extract(body, url=URL, headers=headers, fetched_at=FETCHED_AT)
    assert isinstance(article, Article)
    assert isinstance(article.body, str)
    return article


@fuzz
@given(seed=seeds, cut=st.floats(0, 1), headers=charset_headers)
def test_truncated_pages(seed, cut, headers):
    assert_extracts(seed[:int(len(seed) * cut)], headers)


@st.composite
def mutated(draw):
    """A fixture page with bytes replaced, inserted, deleted and spans duplicated."""
    data = bytearray(draw(seeds))
    for _ in range(draw(st.integers(1, 40))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(("replace", "insert", "delete", "duplicate")))
        if action == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.one_of(
                st.binary(max_size=16),
                st.sampled_from([b"<", b">", b"</div>", b"<table>", b"<!--", b"<![CDATA[",
                                 b"<script>", b"&#0;", b"&#x110000;", b"&#xD800;",
                                 b"<meta charset=shift_jis>", b"\xef\xbb\xbf", b"\xff\xfe"]),
            ))
        elif action == "delete":
            del data[at:at + draw(st.integers(1, 200))]
        else:
            span = bytes(data[at:at + draw(st.integers(1, 500))])
            data[at:at] = span * draw(st.integers(1, 20))
    return bytes(data)


@fuzz
@given(body=mutated(), headers=charset_headers)
def test_mutated_pages(body, headers):
    assert_extracts(body, headers)


@fuzz
@given(seed=seeds, every=st.integers(1, 64), headers=charset_headers)
def test_nul_laden_pages(seed, every, headers):
    body = b"".join(seed[i:i + every] + b"\x00" for i in range(0, len(seed), every))
    assert_extracts(body, headers)


@fuzz
@given(seed=seeds, parts=st.lists(st.tuples(st.floats(0, 1), st.sampled_from(ENCODINGS)),
                                  min_size=2, max_size=6),
       headers=charset_headers)
def test_mixed_encoding_pages(seed, parts, headers):
    """Slices of one page's text, each in another encoding, glued together."""
    text = seed.decode("utf-8", "replace")
    cuts = sorted(int(len(text) * fraction) for fraction, _ in parts)
    pieces, start = [], 0
    for cut, (_, encoding) in zip(cuts + [len(text)], parts + [(0, "utf-8")]):
        pieces.append(text[start:cut].encode(encoding, "replace"))
        start = cut
    assert_extracts(b"".join(pieces), headers)


@fuzz
@given(text=st.text(max_size=2000), headers=charset_headers)
def test_arbitrary_text(text, headers):
    assert_extracts(text.encode("utf-8", "surrogatepass"), headers)
    assert_extracts(text.replace("\ud800", ""), headers)


def deep_document(depth: int) -> bytes:
    return (b"<html><body>" + b"<div>" * depth + b"<p>deep text</p>" + b"</div>" * depth
            + b"</body></html>")


def giant_attribute_document(size: int) -> bytes:
    return (b'<html><head><title>Huge attribute</title></head><body><article><h1>Huge</h1>'
            b'<p data-x="' + b"a" * size + b'">A paragraph after a huge attribute.</p>'
            b"</article></body></html>")


def giant_table_document(rows: int) -> bytes:
    row = b'<tr><td><a href="/row/%d">Row %d</a></td><td>cell text of the row</td></tr>'
    return (b"<html><head><title>Table</title></head><body><h1>A table</h1><table>"
            + b"".join(row % (n, n) for n in range(rows)) + b"</table></body></html>")


#: The pathological documents, as the crawl would meet them (bodies under the 20 MB cap).
HOSTILE_DOCUMENTS = {
    "100,000-deep nesting": deep_document(100_000),
    "10 MB attribute": giant_attribute_document(10 * 1024 * 1024),
    "giant table (40,000 linked rows)": giant_table_document(40_000),
    "NUL flood": b"<html><body><p>" + b"\x00" * (5 * 1024 * 1024) + b"</p></body></html>",
    "10 MB of one unclosed tag": b"<html><body><p " + b"a=b " * (2 * 1024 * 1024),
    "every page of the fixtures concatenated, mixed encodings": b"".join(
        seed.decode("utf-8", "replace").encode(encoding, "replace")
        for seed, encoding in zip(SEEDS, ENCODINGS * 3)),
}
#: What a hostile page may end as besides an Article: the limits of the worker pool.
BOUNDED_ERRORS = ("extract: timed out after", "extract: MemoryError",
                  "extract: worker process died")


def page_item(name: str, body: bytes) -> dict:
    return {"url": f"http://127.0.0.1:8000/{name.replace(' ', '-')}", "final_url": None,
            "status": 200, "headers": {"content-type": "text/html"}, "body": body,
            "fetched_at": FETCHED_AT, "error": None,
            "hints": {"source": "link", "depth": 1, "lastmod": None, "kind": "html"}}


def test_hostile_documents_end_within_the_worker_limits():
    """Each pathological page gives an Article or a bounded failure; none stops the others."""
    pipeline = PooledExtractPipeline(2, timeout=60 if LONG else 8, memory_mb=2048)
    items = [page_item(name, body) for name, body in HOSTILE_DOCUMENTS.items()]
    outcomes = {}
    for name, item in zip(HOSTILE_DOCUMENTS, run_pooled(pipeline, items)):
        error = item.get("error")
        assert item["article"] is not None or (error and error.startswith(BOUNDED_ERRORS)), \
            (name, error)
        outcomes[name] = error or "article"
    print("hostile documents:", outcomes)


@pytest.mark.parametrize("name", ["100,000-deep nesting", "NUL flood"])
def test_hostile_documents_inline_raise_nothing(name):
    """The cheap ones straight through extract(): no exception, whatever the parser makes of it."""
    assert_extracts(HOSTILE_DOCUMENTS[name], {"content-type": "text/html"})


# ------------------------------------------------------------ cases a byte-flipping run found

STORY = ("<p>The port closed on Tuesday after a storm damaged two cranes, the harbour authority said, and "
         "ships were sent to other harbours along the coast until the damage is repaired.</p>") * 3


@pytest.mark.parametrize("markup", [
    '<link rel="canonical" href="http://[broken/story">',
    '<meta property="og:image" content="https://[::1/img.jpg">',
    '<meta property="og:url" content="http://site.example:99999/story">',
    '<link rel="author" href="http://a]b/jane">',
])
def test_a_url_urllib_cannot_read_is_skipped_not_raised(markup):
    # urljoin and urlsplit raise ValueError on broken IPv6 brackets and ports past 65535
    html = (f"<html><head><title>Storm closes the port</title>{markup}</head><body>"
            '<h1><a href="http://[x">Storm closes the port</a></h1>' + STORY + "</body></html>")
    article = assert_extracts(html.encode())
    assert article.headline == "Storm closes the port" and article.body.count("The port closed") == 3


@pytest.mark.parametrize("control", ["\x0b", "\x0c", "\x1b", "\x01"])
def test_a_control_character_beside_removed_chrome_keeps_the_body(control):
    # the parser keeps C0 controls in text (a vertical tab pasted from a word processor), but
    # lxml refuses to set them: moving a removed share bar's tail failed the whole body pass
    html = ("<html><head><title>Storm closes the port</title></head><body><article><h1>Storm closes the port</h1>"
            + STORY + f'<div class="share-buttons"><a href="/s">Share</a></div>Tail text{control}after the bar.'
            + STORY + "</article></body></html>")
    article = assert_extracts(html.encode())
    assert article.body.count("The port closed") == 6 and "Share" not in article.body
    assert "Tail text after the bar." in article.body
