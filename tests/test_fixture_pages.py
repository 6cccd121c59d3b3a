"""Real pages from the evaluation data, extracted end to end, with expected fields and a
pinned body-F1 floor per page (a regression gate: scores must not fall).

Each tests/fixtures/pages/<slug>/ with a "source" in expected.json is one page:
headline, date_published, body_first_sentence, body_last_sentence (from the annotated
truth body, not from our output), body_contains/body_excludes ("with"/"without" strings),
and body_f1_floor checked with the referee's 4-token shingle F1 against body_truth.
"""
import json
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from newsarchive.extract import extract

PAGES = Path(__file__).parent / "fixtures" / "pages"
TOKEN = re.compile(r"\w+", re.UNICODE)


def load_pages():
    pages = {}
    for folder in sorted(PAGES.iterdir()):
        expected_file = folder / "expected.json"
        if expected_file.is_file():
            expected = json.loads(expected_file.read_text(encoding="utf-8"))
            if "source" in expected:
                pages[folder.name] = expected
    return pages


EXPECTED = load_pages()


def pages_with(field):
    return [pytest.param(slug, id=slug) for slug, exp in EXPECTED.items() if exp.get(field)]


@lru_cache(maxsize=None)
def extracted(slug):
    html = (PAGES / slug / "page.html").read_bytes()
    return extract(html, url=EXPECTED[slug]["url"])


def norm(text):
    """The referee's normalisation: NFKC, case-folded, word tokens joined by spaces."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(TOKEN.findall(text))


def scored_body(article):
    """The body as the referee scores it: a split-off dateline put back in front."""
    body = article.body or ""
    if article.dateline and not norm(body).startswith(norm(article.dateline)):
        body = f"{article.dateline} {body}"
    return body


def shingles(text, n=4):
    toks = TOKEN.findall(text or "")
    return Counter(tuple(toks[i:i + n]) for i in range(max(1, len(toks) - n + 1)) if toks[i:i + n])


def body_f1(truth, predicted):
    """4-token shingle F1, as in the public article-extraction benchmark."""
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    if fp == fn == 0:
        return 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def test_there_are_enough_fixture_pages():
    assert len(EXPECTED) >= 12


@pytest.mark.parametrize("slug", pages_with("headline"))
def test_headline(slug):
    assert norm(extracted(slug).headline) == norm(EXPECTED[slug]["headline"])


@pytest.mark.parametrize("slug", pages_with("date_published"))
def test_date_published(slug):
    assert (extracted(slug).date_published or "")[:10] == EXPECTED[slug]["date_published"]


@pytest.mark.parametrize("slug", pages_with("body_first_sentence"))
def test_body_starts_with_first_sentence(slug):
    assert norm(scored_body(extracted(slug))).startswith(norm(EXPECTED[slug]["body_first_sentence"]))


@pytest.mark.parametrize("slug", pages_with("body_last_sentence"))
def test_body_ends_with_last_sentence(slug):
    assert norm(scored_body(extracted(slug))).endswith(norm(EXPECTED[slug]["body_last_sentence"]))


@pytest.mark.parametrize("slug", pages_with("body_f1_floor"))
def test_body_f1_does_not_fall_below_floor(slug):
    score = body_f1(EXPECTED[slug]["body_truth"], scored_body(extracted(slug)))
    assert score >= EXPECTED[slug]["body_f1_floor"], score


@pytest.mark.parametrize("slug", pages_with("body_contains"))
def test_body_contains_article_strings(slug):
    body = norm(extracted(slug).body)
    missing = [s for s in EXPECTED[slug]["body_contains"] if norm(s) not in body]
    assert not missing


@pytest.mark.parametrize("slug", pages_with("body_excludes"))
def test_body_excludes_boilerplate_strings(slug):
    body = norm(extracted(slug).body)
    leaked = [s for s in EXPECTED[slug]["body_excludes"] if norm(s) in body]
    assert not leaked


@pytest.mark.parametrize("slug", [pytest.param(s, id=s) for s in EXPECTED])
def test_page_is_an_article(slug):
    assert extracted(slug).is_article is True
