"""The app-state fallback: a page that renders its article with scripts from inline JSON."""
import json

from newsarchive import extract
from newsarchive.extract.app_state import app_state_html, json_spellings

HEADLINE = "Council approves the new budget after a long debate"
PARAGRAPHS = [
    "The council voted on Tuesday to approve the new budget, which raises spending on schools.",
    "Roads and parks get the rest of the new money, after a debate that lasted most of the evening.",
    "The mayor said the vote was a good day for the city, and the opposition promised a review.",
    "Residents will see the first changes in the spring, when work on three schools begins.",
    "Two members abstained, saying the plan leaves too little for the city's libraries.",
    "The budget takes effect on the first of January and runs for two years.",
]
ARTICLE_HTML = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)


def shell_page(state: dict, *, markup: str = "") -> bytes:
    # an app shell: the article exists only in the JSON the page's scripts render from
    script = "window.__STATE__ = " + json.dumps(state).replace("<", "\\u003c") + ";"
    return (f"<html><head><title>{HEADLINE} | The Daily</title>"
            f'<meta property="og:title" content="{HEADLINE}"></head>'
            f"<body><div id='root'>{markup}</div><script>{script}</script></body></html>").encode()


def test_an_empty_shell_takes_its_body_from_the_article_record_in_its_app_state():
    page = shell_page({"article": {"title": HEADLINE, "contentHtml": ARTICLE_HTML + "$$ARTICLEAD$$"}})
    article = extract(page)
    assert article.body == "\n\n".join(PARAGRAPHS)


def test_html_in_a_script_that_does_not_hold_the_headline_is_not_the_article():
    menu = {"menuHtml": "".join(f"<p>{text}</p>" for text in PARAGRAPHS)}
    assert extract(shell_page(menu)).body == ""


def test_a_page_whose_markup_holds_the_article_keeps_it():
    markup = "<article>" + "".join(f"<p>{text} Markup.</p>" for text in PARAGRAPHS) + "</article>"
    page = shell_page({"article": {"title": HEADLINE, "body": ARTICLE_HTML}}, markup=markup)
    assert extract(page).body.endswith("two years. Markup.")


def test_app_state_html_unescapes_the_longest_body_like_string_and_drops_placeholders():
    state = {"title": HEADLINE, "teaserHtml": "<p>Short.</p><p>Teaser.</p>" + "x" * 300,
             "bodyHtml": ARTICLE_HTML + "{{ad_slot}}"}
    script = json.dumps(state).replace("<", "\\u003c")
    assert app_state_html([script], HEADLINE) == ARTICLE_HTML
    assert app_state_html([script], None) is None


def test_json_spellings_cover_escaped_non_ascii_words():
    assert json_spellings("장동혁") >= {"장동혁", "\\uc7a5\\ub3d9\\ud601", "\\uC7A5\\uB3D9\\uD601"}
