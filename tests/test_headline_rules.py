"""One small page per rule of the HEADLINE cascade: the rule answers, with the headline expected.

Also the failure kinds of older, unseen pages: markup or script as <title>, the site's name as
<title>, section and box titles, kickers kept when <title> has them."""
from __future__ import annotations

import lxml.html
import pytest

from newsarchive import extract
from newsarchive.extract.headline import HEADLINE, read_headline
from newsarchive.extract.structured import read_structured

URL = "https://www.dailyplanet.com/news/2024/storm"
TEXT = ("<p>The port closed on Tuesday after a storm damaged two cranes, the harbour authority said, and "
        "ships were sent to other harbours along the coast until the damage is repaired.</p>")


BOX = ('<div class="box"><h1>{}</h1><ul><li><a href="/a">Harbour reopens after the storm</a></li>'
       '<li><a href="/b">Ferries sail again from Monday</a></li><li><a href="/c">Cranes repaired at last</a></li></ul></div>')


def page(head="", body=""):
    return f"<html><head>{head}</head><body>{body}</body></html>"


def ld(headline):
    return f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'


def og(title):
    return f'<meta property="og:title" content="{title}">'


CASES = [
    ("h1-page-name", page("<title>Über uns - Daily Planet</title>" + og("Über uns"), "<h1>Über uns</h1>"),
     "Über uns"),
    ("h1-without-json-ld-kicker", page(ld("Kücknitz - So lief die Auktion im Hafen"),
                                       "<h1>So lief die Auktion im Hafen</h1>"), "So lief die Auktion im Hafen"),
    ("h1-against-seo-pair", page("<title>Port storm damage cranes closed | Daily Planet</title>"
                                 + ld("Port storm damage cranes closed") + og("Storm closes the port"),
                                 "<h1>Storm closes the port</h1>"), "Storm closes the port"),
    ("article-heading-against-seo-pair",
     page("<title>Port storm damage cranes closed | Daily Planet</title>" + ld("Port storm damage cranes closed")
          + og("Storm closes the port"),
          '<div class="breadcrumb"><h1>Weather</h1></div><article><h2>Harbour: Storm closes the port</h2></article>'),
     "Storm closes the port"),
    ("h1-without-json-ld-affix", page(ld("Storm closes the port - Weather") + og("Storm closes the port"),
                                      "<h1>Storm closes the port</h1>"), "Storm closes the port"),
    ("og:title-without-kicker", page(ld("Leipzig: Judy Lybke opens a new gallery") + og("Judy Lybke opens a new gallery"),
                                     "<h1>Leipzig: Judy Lybke opens a new gallery</h1>"), "Judy Lybke opens a new gallery"),
    ("h1-continuing-json-ld", page(ld("Storm closes the port"), "<h1>Storm closes the port for three days</h1>"),
     "Storm closes the port for three days"),
    ("meta-extending-json-ld",
     page(ld("Storm closes the port of the city for three days while crews…")
          + og("Storm closes the port of the city for three days while crews repair the cranes")),
     "Storm closes the port of the city for three days while crews repair the cranes"),
    ("json-ld", page("<title>SEO title | Daily Planet</title>" + ld("The real headline"), "<h1>Shown headline</h1>"),
     "The real headline"),
    ("heading-below-masthead", page("<title>The Daily Planet on Saturday</title>",
                                    "<h1>The Daily Planet on Saturday</h1><ul>" + "".join(
                                        f"<li><a href='/s{n}'>Section {n}</a></li>" for n in range(12))
                                    + "</ul><h2>Storm closes the port for three days</h2>" + TEXT),
     "Storm closes the port for three days"),
    ("h1-declared", page("<title>Storm hits the coast | Daily Planet</title>", "<h1>Storm hits the coast</h1>"),
     "Storm hits the coast"),
    ("h1-in-article-reworded", page("<title>Storm batters coastal towns overnight | Daily Planet</title>",
                                    "<article><h1>Ships wait at sea while storm batters the coast</h1></article>"),
     "Ships wait at sea while storm batters the coast"),
    ("title-extending-meta", page('<title>Mayor calls the plan "reckless"</title><meta property="og:title" '
                                  'content="Mayor calls the plan "reckless"">'), 'Mayor calls the plan "reckless"'),
    ("meta-common-tail", page("<title>Vorschauen: Anno 1800 Beta</title>" + og("Industrie revolutioniert?: Anno 1800 Beta")),
     "Anno 1800 Beta"),
    ("h1-variant-of-meta", page(og("Storm closes the port for three days"), "<h1>Storm closes the port</h1>"),
     "Storm closes the port"),
    ("meta-title", page("<title>Daily Planet</title>" + og("Storm closes the port")), "Storm closes the port"),
    ("title-without-h1-kicker", page("<title>Storm closes the port for days | Daily Planet</title>",
                                     "<h1>Weather: Storm closes the port for days</h1>"), "Storm closes the port for days"),
    ("h1-agrees-with-title", page("<title>Storm closes the port for days | Daily Planet</title>",
                                  "<h1>Storm closes port for three days</h1>"), "Storm closes port for three days"),
    ("heading-nearest-body", page("<title>Daily Planet</title>",
                                  '<font size="+2"><b>Storm closes the port</b></font>' + TEXT), "Storm closes the port"),
    ("h1-beside-site-title", page("<title>Daily Planet</title>", "<h1>Storm closes the port</h1>"),
     "Storm closes the port"),
    ("h2-beside-site-title", page("<title>Daily Planet</title>", "<h2>Storm closes the port</h2>"),
     "Storm closes the port"),
    ("h2-article-header", page("<title>Weather news from the coast | Daily Planet</title>",
                               '<div class="entry-header"><h2>Storm closes the port today</h2></div>'),
     "Storm closes the port today"),
    ("title-longest-segment", page("<title>Storm closes the port for three days | Coastal desk | Daily Planet</title>"),
     "Storm closes the port for three days"),
    ("title", page("<title>Storm closes the port | Daily Planet</title>"), "Storm closes the port"),
    ("h1-only", page("", "<h1>Storm closes the port</h1>"), "Storm closes the port"),
]


def found_for(html, url=URL):
    tree = lxml.html.document_fromstring(html)
    return read_headline(tree, read_structured(tree, url), url=url)


def test_every_rule_has_a_case():
    assert [rule for rule, _, _ in CASES] == HEADLINE.names()


@pytest.mark.parametrize("rule, html, expected", CASES, ids=[case[0] for case in CASES])
def test_each_rule_answers_its_page(rule, html, expected):
    found = found_for(html)
    assert (found.text, found.source) == (expected, rule)


def test_the_rule_is_the_articles_source():
    article = extract(page("<title>Storm hits the coast | Daily Planet</title>", "<h1>Storm hits the coast</h1>" + TEXT),
                      url=URL)
    assert article.sources["headline"] == "h1-declared"


# ------------------------------------------------------------ failure kinds of older pages

def test_markup_in_title_is_no_headline():
    # a <title> left open swallows the markup after it: the heading over the text is the headline
    html = ('<html><head><title>Daily Planet <a href="/www/news/community/subscription.asp"><font color=red>'
            "Subscribe</font></a></title></head><body><h3>Storm closes the port</h3>" + TEXT + "</body></html>")
    found = found_for(html)
    assert (found.text, found.source) == ("Storm closes the port", "heading-nearest-body")


def test_script_text_is_no_headline():
    html = page('<title>"/sport2/hi/default.stm"; break; } }</title>', "<h2>Storm closes the port</h2>" + TEXT)
    assert found_for(html).text == "Storm closes the port"


def test_title_naming_the_site_with_a_motto_gives_way_to_the_heading():
    html = page("<title>DailyPlanet.com—Official Web Site of Daily Planet Athletics</title>",
                '<table><tr><td class="storyTitle">Spartans win the season opener</td></tr>'
                "<tr><td>" + TEXT + "</td></tr></table>")
    assert found_for(html, "https://dailyplanet.com/news/123").text == "Spartans win the season opener"


def test_section_and_box_titles_are_no_headline():
    # in an <h1>, and in <title>: a boilerplate heading, or the title of a box of teasers on the page
    cases = [(title, box_title) for title in ("Daily Planet", "Daily Planet - National News - Storm closes the port",
                                              "Daily Planet: Latest News")
             for box_title in ("Latest News", "HOT JOBS", "National News")]
    for title, box_title in cases + [("National News | Daily Planet", "National News")]:
        html = page(f"<title>{title}</title>", BOX.format(box_title) + "<h2>Storm closes the port</h2>" + TEXT)
        assert found_for(html).text == "Storm closes the port", (title, box_title)


def test_a_title_made_of_section_words_names_a_section():
    # no box of that name on the page: the words alone say it is a section ("Top Stories")
    for title in ("National News", "Top Stories", "Local Sports"):
        html = page(f"<title>{title}</title>", "<h3>Storm closes the port</h3>" + TEXT)
        assert found_for(html).text == "Storm closes the port", title


def test_a_section_name_in_the_h1_over_the_story_is_no_headline():
    # <title> "Daily Planet - National News" and an h1 "National News": the section the page is
    # filed under; the bold line over the text is the story's headline
    html = page("<title>Daily Planet - National News</title>",
                "<h1>National News</h1><p><b>Storm closes the port</b></p>" + TEXT)
    found = found_for(html)
    assert (found.text, found.source) == ("Storm closes the port", "heading-nearest-body")


def test_the_papers_name_with_its_article_is_the_sites_name():
    # "The Daily Planet" on dailyplanet.com (as "The Washington Post" on washingtonpost.com): an
    # h1 and a <title> naming the paper; the headline is the bold line opening the text's cell
    text = "<br><br>".join(["The port closed on Tuesday after a storm damaged two cranes, the harbour authority said.",
                            "Ships were sent to other harbours along the coast until the damage is repaired."] * 2)
    html = page("<title>The Daily Planet</title>",
                f"<h1>The Daily Planet</h1><table><tr><td><b>Storm closes the port</b><br><br>{text}</td></tr></table>")
    found = found_for(html)
    assert (found.text, found.source) == ("Storm closes the port", "heading-nearest-body")


def test_a_headline_over_a_share_bar_is_no_box_title():
    share = '<div><h1>Storm closes the port</h1><ul><li><a href="/f">Facebook</a></li><li><a href="/t">Twitter</a></li>' \
            '<li><a href="/m">Mail</a></li></ul></div>'
    assert found_for(page("<title>Daily Planet</title>", share + TEXT)).text == "Storm closes the port"


def test_a_kicker_in_title_is_kept():
    html = page("<title>Dad: Child's MP3 player came with porn - CNN.com</title>",
                "<h2>Child's MP3 player came with porn</h2>" + TEXT)
    found = found_for(html, "https://www.cnn.com/2008/TECH/01/02/mp3/index.html")
    assert (found.text, found.source) == ("Dad: Child's MP3 player came with porn", "heading-nearest-body")


def test_the_heading_must_agree_with_a_title_that_names_the_article():
    # the nearest heading is a subheading unrelated to <title>: <title> stays the headline
    html = page("<title>Storm closes the port | Daily Planet</title>", "<h3>Background</h3>" + TEXT)
    assert found_for(html).text == "Storm closes the port"


def test_a_kicker_in_title_is_kept_where_nothing_else_shows_the_headline():
    html = page("<title>Dad: Child's MP3 player came with porn - CNN.com</title>")
    found = found_for(html, "https://www.cnn.com/2008/TECH/01/02/mp3/index.html")
    assert (found.text, found.source) == ("Dad: Child's MP3 player came with porn", "title")
    # a site or section label in the other segments still goes
    html = page("<title>Storm closes the port for three days | Coastal desk | Daily Planet</title>")
    assert found_for(html).text == "Storm closes the port for three days"


def test_a_title_naming_the_section_the_url_files_the_page_under_gives_way_to_the_heading():
    html = page("<title>BBC NEWS | Business</title>", "<h2>Storm closes the port</h2>" + TEXT)
    found = found_for(html, "http://news.bbc.co.uk/2/hi/business/7170452.stm")
    assert (found.text, found.source) == ("Storm closes the port", "heading-nearest-body")
    # the same words in a page not filed under them: <title> is the headline
    assert found_for(html, "http://news.bbc.co.uk/2/hi/7170452.stm").text == "Business"


def test_an_h1_linking_to_the_front_page_is_the_sites_logo():
    html = page("", '<h1><a href="/">The Independent on Saturday</a></h1><h2>Storm closes the port</h2>' + TEXT)
    found = found_for(html, "https://www.iol.co.za/news/storm-closes-the-port-1")
    assert (found.text, found.source) == ("Storm closes the port", "heading-nearest-body")
    html = page("", '<h1><a href="https://www.dailyplanet.com/news/2024/storm">Storm closes the port</a></h1>' + TEXT)
    assert found_for(html).text == "Storm closes the port"  # a link to the article itself is its headline


def test_the_heading_over_short_paragraphs_is_found():
    # wire copy of a sentence or two a paragraph: no paragraph is long, two in a row are running text
    short = "".join(f"<p>Paragraph {n} says that the port closed on Tuesday after a storm hit the coast.</p>"
                    for n in range(4))
    html = page("<title>Daily Planet</title>", '<span class="articletitle">Storm closes the port</span>' + short)
    assert found_for(html).text == "Storm closes the port"
    # one short paragraph alone (a teaser) is no article's start
    html = page("<title>Daily Planet</title>", '<span class="articletitle">Storm closes the port</span>'
                "<p>Paragraph 1 says that the port closed on Tuesday after a storm hit the coast.</p>")
    assert found_for(html).text == "Daily Planet"


@pytest.mark.parametrize("title, body", [
    # "The Hindu : National : Headline": the section label goes, a real kicker ("Dad:") stays
    ("Daily Planet : National : Storm closes the port", "<h3>Storm closes the port</h3>"),
    # a section's title with the day's date after it still names a section
    ("DAILY PLANET - Top Stories; January 05, 2008",
     '<table><tr><td><font class="hdr">Storm closes the port</font><br>'),
    # a colon with a space before it separates title segments (except in French)
    ("Harbour news : Storm closes the port", "<h3>Storm closes the port</h3>"),
])
def test_section_labels_in_title_give_way_to_the_heading(title, body):
    assert found_for(page(f"<title>{title}</title>", body + TEXT)).text == "Storm closes the port"


def test_a_line_title_opens_with_is_the_headline():
    # "Headline-India-The Times of India": the site's affix glued on; the line over the text agrees
    html = page("<title>Storm closes the port for three days-India-The Daily Planet</title>",
                '<table><tr><td><span class="arttle">Storm closes the port for three days</span><br>' + TEXT
                + "</td></tr></table>")
    found = found_for(html)
    assert (found.text, found.source) == ("Storm closes the port for three days", "heading-nearest-body")


@pytest.mark.parametrize("cls", ["storyheadline", "storyHeadline", "mainheadline", "artTitle", "newshed"])
def test_glued_and_camelcase_headline_classes_name_the_heading(cls):
    html = page("<title>Daily Planet</title>", f'<div class="{cls}">Storm closes the port</div>' + TEXT)
    assert found_for(html).text == "Storm closes the port"


def test_a_subheadline_class_names_no_headline():
    html = page("<title>Daily Planet</title>", '<div class="subHeadline">Cranes were damaged</div>' + TEXT)
    assert found_for(html).text == "Daily Planet"


def test_a_sections_link_opening_the_heading_is_no_part_of_the_headline():
    # XOOPS's news module: "<a href=...storytopic=3>Section</a> : Headline"
    html = page("<title>Daily Planet - Storm closes the port - Harbour news</title>",
                '<span class="itemTitle"><a href="/news/index.php?storytopic=3">Harbour news</a> : '
                "Storm closes the port</span>" + TEXT)
    assert found_for(html).text == "Storm closes the port"



def test_an_h1_equal_to_title_close_over_its_text_is_the_headline():
    # a short real headline, a share bar between it and a dek: no masthead
    share = "".join(f"<a href='/share{n}'>Share {n}</a>" for n in range(5))
    html = page("<title>New World Record</title>", f"<h1>New World Record</h1>{share}"
                "<h2>Bolt runs the hundred metres in record time</h2>" + TEXT)
    assert found_for(html).text == "New World Record"


def test_a_date_line_in_the_headlines_font_is_no_heading():
    # an older page sets the story's date in bold under the headline, nearer the text
    html = page("<title>Storm closes the port for three days - The Daily Planet</title>",
                '<table><tr><td><font size="5"><b>Storm closes the port for three days</b></font><br>'
                '<font size="1">Saturday, January 5, 2008 10:45 AM EST</font><br>' + TEXT + "</td></tr></table>")
    found = found_for(html)
    assert (found.text, found.source) == ("Storm closes the port for three days", "heading-nearest-body")
