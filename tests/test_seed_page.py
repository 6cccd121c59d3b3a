"""End-to-end check of newsarchive.extract on the seed page (a WordPress news theme)."""
import json
from pathlib import Path

import pytest

from newsarchive.extract import extract

SEED = Path(__file__).parent / "fixtures" / "pages" / "iranfocus-assad"


@pytest.fixture(scope="module")
def expected():
    return json.loads((SEED / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article(expected):
    return extract((SEED / "page.html").read_bytes(), url=expected["url"])


def paragraphs(article):
    return article.body.split("\n\n")


def test_headline_is_exact(article, expected):
    assert article.headline == expected["headline"]


def test_dateline_is_split_off(article, expected):
    assert article.dateline == expected["dateline"]


def test_page_is_an_article(article):
    assert article.is_article is True


def test_body_first_paragraph(article, expected):
    assert paragraphs(article)[0] == expected["body_first_paragraph"]


def test_body_last_paragraph(article, expected):
    assert paragraphs(article)[-1] == expected["body_last_paragraph"]


def test_body_paragraph_count(article, expected):
    assert len(paragraphs(article)) == expected["body_paragraph_count"]


def test_source_line_is_not_a_body_paragraph(article, expected):
    assert expected["source_line"] not in [p.strip() for p in paragraphs(article)]


def test_no_boilerplate_heading_in_body(article, expected):
    lines = [p.strip() for p in paragraphs(article)]
    for heading in expected["boilerplate_headings"]:
        assert heading not in lines
        assert heading.lower() not in article.body.lower()


def test_no_teaser_text_in_body(article, expected):
    for teaser in expected["teasers"]:
        assert teaser not in article.body


def test_every_block_is_in_boilerplate_by_heading(article, expected):
    headings = [block.heading or "" for block in article.boilerplate]
    for heading in expected["boilerplate_headings"]:
        assert any(heading in h for h in headings), (heading, headings)


def test_teasers_are_kept_in_boilerplate(article, expected):
    removed = "\n".join(block.text for block in article.boilerplate)
    for teaser in expected["teasers"]:
        assert teaser in removed, teaser


def test_boilerplate_labels_come_from_the_vocabulary(article):
    from newsarchive.article import BOILERPLATE_LABELS
    assert article.boilerplate
    assert all(block.label in BOILERPLATE_LABELS for block in article.boilerplate)
