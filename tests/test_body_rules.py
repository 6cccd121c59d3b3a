"""The body's provenance: one small page per BODY_CONTAINER rule, and per text that replaces it."""
from __future__ import annotations

import json

from newsarchive import extract
from newsarchive.extract.body import BODY_CONTAINER
from newsarchive.sites import SiteProfile

URL = "https://example.com/news/council-budget"
PARAGRAPHS = [
    "The council voted on Tuesday to approve the new budget, which raises spending on schools.",
    "Roads and parks get the rest of the new money, after a debate that lasted most of the evening.",
    "The mayor said the vote was a good day for the city, and the opposition promised a review.",
    "Residents will see the first changes in the spring, when work on three schools begins.",
]
TEXT = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
HEAD = "<head><title>Council approves the budget | The Daily</title></head>"


def body_source(html, **options):
    article = extract(html, url=URL, **options)
    assert article.body  # every case yields a body
    return article.sources.get("body")


def test_the_rules_in_order():
    assert BODY_CONTAINER.names() == ["site-profile", "container", "whole-page"]


def test_site_profile():
    html = f'<html>{HEAD}<body><div class="story-text">{TEXT}</div><aside>{TEXT}</aside></body></html>'
    profile = SiteProfile(host="example.com", keep=["div.story-text"], drop=[])
    assert body_source(html, profile=profile) == "site-profile"


def test_container_names_the_chosen_elements_tag():
    html = f"<html>{HEAD}<body><nav><a href='/'>Home</a></nav><article><h1>Council approves the budget</h1>" \
           f"{TEXT}</article></body></html>"
    assert body_source(html) == "container:article"


def test_whole_page_when_no_block_scores():
    # a list alone: no paragraph or container text to score
    items = "".join(f"<li>{text}</li>" for text in PARAGRAPHS)
    assert body_source(f"<html>{HEAD}<body><ul>{items}</ul></body></html>") == "whole-page"


def test_json_ld_article_body_replaces_a_dom_with_almost_no_text():
    article_body = "\\n".join(PARAGRAPHS * 2)
    html = (f'<html>{HEAD}<script type="application/ld+json">{{"@type": "NewsArticle", '
            f'"articleBody": "{article_body}"}}</script><body><article><p>Loading the article ...</p>'
            "</article></body></html>")
    assert body_source(html) == "json-ld-articlebody"


def test_app_state_replaces_an_empty_shell():
    headline = "Council approves the new budget after a long debate"
    state = {"article": {"title": headline, "contentHtml": TEXT * 2}}
    script = "window.__STATE__ = " + json.dumps(state).replace("<", "\\u003c") + ";"
    html = (f"<html><head><title>{headline} | The Daily</title><meta property='og:title' content='{headline}'>"
            f"</head><body><div id='root'></div><script>{script}</script></body></html>")
    assert body_source(html) == "app-state"


def test_no_body_no_source():
    assert "body" not in extract(f"<html>{HEAD}<body></body></html>", url=URL).sources


def test_discussion_when_the_page_holds_only_its_comments():
    posts = "".join(f'<li class="comment"><p>user{i} 28.09.19 Has anyone found a fix for the app store on mobile '
                    f"data? I tried everything. Post {i}.</p></li>" for i in range(8))
    html = (f"<html><head><title>App Store over mobile data? | Forum</title></head><body>"
            f'<h1>App Store over mobile data?</h1><ol class="comments">{posts}</ol></body></html>')
    assert body_source(html) == "discussion"
