"""A whole page laid out as news sites were in 2007-2008 (the Google News set of the issue):
a layout table with a section column, the story's cell and a "Most Popular" column; the
headline in a big bold font, the byline and its role line, the date in small type, a tool
bar of links, a wire dateline, an ad slot, the copyright line, related links and reader
comments under the text."""
from __future__ import annotations

from datetime import datetime, timezone

from newsarchive import extract

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story tells what happened in the town on Tuesday and what officials said about "
    "it afterwards in a long statement to reporters.</p>" for n in range(4))

PAGE = f"""<html><head><title>Budget talks end in deal after long night - The Daily Gazette</title></head><body>
<table width=100%><tr><td colspan=3><a href="/"><img src=logo.gif alt="The Daily Gazette"></a>
<a href=/subscribe>Subscribe</a> | <a href=/login>Log in</a></td></tr>
<tr><td width=150 valign=top><b>Sections</b><br><a href=/news>News</a><br><a href=/sports>Sports</a><br>
<a href=/business>Business</a><br><a href=/opinion>Opinion</a><br><a href=/obits>Obituaries</a></td>
<td valign=top>
<font size=5><b>Budget talks end in deal after long night</b></font><br>
<font size=2>By JOHN SMITH<br>Gazette Staff Writer</font><br>
<font size=1>Saturday, January 5, 2008 10:45 AM EST</font><br>
<a href=/print>Print this story</a> | <a href=/email>E-mail this story</a> | <a href=#comments>Comments (3)</a>
<p>WASHINGTON -- The Senate voted early Saturday to approve the budget that the House passed last week,
sending it to the president for his signature after a night of talks.</p>
{PARAGRAPHS}
<center><font size=1>ADVERTISEMENT</font><br><img src=ad.gif></center>
<p>The final paragraph says what happens next, with a quote from the governor about the schools.</p>
<p><i>Copyright 2008 The Daily Gazette. All rights reserved. This material may not be published,
broadcast, rewritten or redistributed.</i></p>
<b>Related Stories</b><br><a href=/a>Senate debates the budget for a third day in a row</a><br>
<a href=/b>House passes spending plan after long debate</a><br>
<a name=comments></a><b>Reader Comments</b><br>
<p><b>jdoe wrote:</b> This budget is a disaster for our schools and the council should be ashamed.</p>
</td>
<td width=160 valign=top><b>Most Popular</b><br><a href=/m1>Man bites dog in the town park on Friday</a><br>
<a href=/m2>Storm closes the schools for two days</a><br><a href=/m3>Council votes to raise taxes again</a></td></tr>
<tr><td colspan=3><font size=1>&copy; 2008 The Daily Gazette | <a href=/privacy>Privacy Policy</a></font></td></tr>
</table></body></html>"""


def test_a_2008_table_layout_page_gives_each_field_and_only_the_story():
    article = extract(PAGE.encode(), url="http://www.dailygazette.example/news/2008/01/05/budget.html",
                      fetched_at=datetime(2008, 1, 6, tzinfo=timezone.utc))
    assert (article.headline, article.sources["headline"]) == (
        "Budget talks end in deal after long night", "heading-nearest-body")
    assert article.authors == ["JOHN SMITH"]
    assert article.date_published.startswith("2008-01-05")
    assert article.dateline == "WASHINGTON"
    assert article.body.startswith("The Senate voted early Saturday")
    assert article.body.endswith("about the schools.")
    for chrome in ("Print this story", "ADVERTISEMENT", "Copyright 2008", "Related Stories", "jdoe",
                   "Most Popular", "Obituaries"):
        assert chrome not in article.body, chrome


def test_the_same_page_with_its_title_left_open_keeps_every_field():
    # "<title>...</head>": HTML's parsing reads the whole page as the title's text (no body, and
    # a headline of raw markup); the browsers of 2008 ended the title at the next tag
    page = PAGE.replace("</title>", "", 1)
    assert "</title>" not in page
    article = extract(page.encode(), url="http://www.dailygazette.example/news/2008/01/05/budget.html",
                      fetched_at=datetime(2008, 1, 6, tzinfo=timezone.utc))
    assert article.headline == "Budget talks end in deal after long night"
    assert (article.authors, article.dateline) == (["JOHN SMITH"], "WASHINGTON")
    assert article.body.startswith("The Senate voted early Saturday")
