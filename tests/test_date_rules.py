"""One small page per rule of the DATE_PUBLISHED and DATE_MODIFIED cascades."""
from __future__ import annotations

from datetime import datetime, timezone

import lxml.html
import pytest

from newsarchive import extract
from newsarchive.extract.dates import DATE_MODIFIED, DATE_PUBLISHED, read_dates, site_utc_offsets
from newsarchive.extract.structured import read_structured

FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)
URL = "https://example.com/news/story"
STORY = "<p>" + "The council met on Thursday to discuss the budget for the coming year. " * 3 + "</p>"


def page(head="", body=""):
    return f"<html><head>{head}</head><body><h1>Council passes the budget</h1>{body}{STORY}</body></html>"


def ld(**dates):
    fields = ", ".join(f'"{key}": "{value}"' for key, value in dates.items())
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", {fields}}}</script>'


PUBLISHED = [
    ("json-ld", page(ld(datePublished="2024-03-05T10:00:00+01:00")), URL, "2024-03-05T10:00:00+01:00"),
    ("meta", page('<meta property="article:published_time" content="2024-03-05T10:00:00+01:00">'), URL,
     "2024-03-05T10:00:00+01:00"),
    ("itemprop", page(body='<span itemprop="datePublished" content="2024-03-05">5 March</span>'), URL, "2024-03-05"),
    ("time", page(body='<time datetime="2024-03-05T10:00:00+01:00">5 March</time>'), URL, "2024-03-05T10:00:00+01:00"),
    ("json-ld-upload", page('<script type="application/ld+json">{"@type": "VideoObject", '
                            '"uploadDate": "2024-03-05T10:00:00+01:00"}</script>'), URL, "2024-03-05T10:00:00+01:00"),
    ("script", page('<script>window.__STATE__ = {"article": {"publishedAt": "2024-03-05T10:00:00+01:00"}};</script>'),
     URL, "2024-03-05T10:00:00+01:00"),
    ("url-path", page(), "https://example.com/2024/03/05/council-budget", "2024-03-05"),
    ("text-dated-element", page(body='<div class="date">5 March 2024</div>'), URL, "2024-03-05"),
    ("meta-weak", page('<meta name="date" content="2024-03-05">'), URL, "2024-03-05"),
    ("text-near-headline", page(body="<p>Posted 5 March 2024</p>"), URL, "2024-03-05"),
    ("image-url-path", page('<meta property="og:image" content="https://example.com/files/2024/03/05/a.png">'), URL,
     "2024-03-05"),
    ("description", page('<meta name="description" content="The budget (news of 5 March 2024)">'), URL, "2024-03-05"),
]

MODIFIED = [
    ("json-ld", page(ld(datePublished="2024-03-05", dateModified="2024-03-06")), "2024-03-06"),
    ("meta", page('<meta property="article:modified_time" content="2024-03-06">'), "2024-03-06"),
    ("itemprop", page(body='<time itemprop="dateModified" datetime="2024-03-06">6 March</time>'), "2024-03-06"),
    ("time", page(body='<time datetime="2024-03-05">5 March</time> <time class="updated" '
                       'datetime="2024-03-06T09:00:00+01:00">6 March</time>'), "2024-03-06T09:00:00+01:00"),
    ("text-updated", page(body="<p>Updated: 6 March 2024</p><p>Published: 5 March 2024</p>"), "2024-03-06"),
]


def dates_of(html, url=URL):
    tree = lxml.html.document_fromstring(html)
    return read_dates(tree, read_structured(tree, url), url=url, language="en", fetched_at=FETCHED,
                      headline_element=next(tree.iter("h1"), None))


def test_every_rule_has_a_case():
    assert [rule for rule, *_ in PUBLISHED] == DATE_PUBLISHED.names()
    assert [rule for rule, *_ in MODIFIED] == DATE_MODIFIED.names()


@pytest.mark.parametrize("rule, html, url, expected", PUBLISHED, ids=[case[0] for case in PUBLISHED])
def test_each_published_rule_answers_its_page(rule, html, url, expected):
    found = dates_of(html, url)
    assert (found.published.iso(), found.published_source) == (expected, rule)


@pytest.mark.parametrize("rule, html, expected", MODIFIED, ids=[case[0] for case in MODIFIED])
def test_each_modified_rule_answers_its_page(rule, html, expected):
    found = dates_of(html)
    assert (found.modified.iso(), found.modified_source) == (expected, rule)


def test_sources_of_the_article():
    article = extract(page(ld(datePublished="2024-03-05", dateModified="2024-03-06")), url=URL, fetched_at=FETCHED)
    assert (article.sources["date_published"], article.sources["date_modified"]) == ("json-ld", "json-ld")
    article = extract(page(), url="https://example.com/2024/03/05/council-budget", fetched_at=FETCHED)
    assert article.sources["date_published"] == "url-path" and "date_modified" not in article.sources


def test_the_shown_update_is_read_only_when_the_markup_declares_none_and_never_before_publication():
    declared = dates_of(page('<meta property="article:modified_time" content="2024-03-07">',
                             body="<p>Updated: 6 March 2024</p><p>Published: 5 March 2024</p>"))
    assert (declared.modified.iso(), declared.modified_source) == ("2024-03-07", "meta")
    # an "update" dated before the publication is no modification of this article
    earlier = dates_of(page(ld(datePublished="2024-03-05"), body="<p>Updated: 1 March 2024</p>"))
    assert earlier.modified is None and "date_modified" not in extract(
        page(ld(datePublished="2024-03-05"), body="<p>Updated: 1 March 2024</p>"), url=URL,
        fetched_at=FETCHED).sources


def test_a_country_domain_gives_a_language_its_region():
    assert site_utc_offsets("fr", None, "https://ici.radio-canada.ca/nouvelle/1") == (-5, -3)
    assert site_utc_offsets("fr", "fr-FR", "https://ici.radio-canada.ca/nouvelle/1") == (1, 2)  # declared wins
    assert site_utc_offsets("fr", None, "https://example.com/a") == site_utc_offsets("fr", None)
