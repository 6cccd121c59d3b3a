"""One small page per rule of the AUTHORS cascade: the rule answers, with the names expected."""
from __future__ import annotations

import lxml.html
import pytest

from newsarchive import extract
from newsarchive.extract.authors import AUTHORS, author_answer
from newsarchive.extract.structured import read_structured

URL = "https://example.com/news/a"
LONG = "Die Windgeschwindigkeit beeinflusst die Leistung der Anlage mit der dritten Potenz. " * 3


def page(head="", body=""):
    return f"<html><head>{head}</head><body>{body}</body></html>"


CASES = [
    ("json-ld", page('<script type="application/ld+json">{"@type": "NewsArticle", "author": '
                     '{"@type": "Person", "name": "Jane Doe"}}</script>', "<h1>Storm</h1>"), URL, None, ["Jane Doe"]),
    ("meta", page('<meta name="author" content="Jane Doe">', "<h1>Storm</h1>"), URL, None, ["Jane Doe"]),
    ("itemprop", page(body='<h1>Storm</h1><span itemprop="author">Jane Doe</span>'), URL, None, ["Jane Doe"]),
    ("rel-author", page(body='<h1>Storm</h1><a rel="author" href="/jane">Jane Doe</a>'), URL, None, ["Jane Doe"]),
    ("byline-marked", page(body='<h1>Storm</h1><div class="byline">By Jane Doe</div><p>Text.</p>'), URL, None,
     ["Jane Doe"]),
    ("byline-prefixed", page(body="<h1>Storm</h1><p>By Jane Doe</p><p>Text.</p>"), URL, None, ["Jane Doe"]),
    ("cjk-credit", page(body="<h1>绿色工厂名单公布</h1><p>我省将持续优化政策环境。（记者 胡晓蓉）</p>"), URL, None, ["胡晓蓉"]),
    ("signature", page(body=f"<h1>Halbfinale</h1><div><p>{LONG}</p><p><b><i>Stefan Wasmer</i></b></p></div>"), URL, None,
     ["Stefan Wasmer"]),
    ("sign-off", page(body=f"<h1>Grußwort</h1><div><p>{LONG}</p><p>{LONG}</p>"
                           "<p>Kazım TÜRKMEN<br>DITIB-Bundesvorsitzender</p></div>"), URL, None, ["Kazım TÜRKMEN"]),
    # far below the headline (beyond the byline-prefixed window): only a label says it is a byline
    ("byline-labelled", page(body=f"<h1>Neue Hochzeitslokation</h1><p>{LONG}</p>{'<i>Wind.</i>' * 70}<p><em>Autor: <a href='/p'>Samuel "
                                  "Diekmann</a> (Sponsored Post), Redner bei rent-a-pastor.com</em></p>"), URL, None,
     ["Samuel Diekmann"]),
    ("post-author-comment", page('<meta property="og:site_name" content="Stylegart">',
                                 '<h1>Naturkosmetik</h1><p>Text.</p><ol class="commentlist"><li class="comment">'
                                 '<cite class="fn">Leserin Anna</cite><p>Toll!</p></li><li class="comment byuser '
                                 'comment-author-ramona bypostauthor"><cite class="fn">Ramona</cite><p>Danke!</p></li></ol>'),
     URL, "Stylegart", ["Ramona"]),
    ("profile-link", page(body='<div class="user-badge"><a href="/members/127862"><img alt="fri.juli" src="a.jpg">'
                               '<div class="name">fri.juli</div></a></div><h1>Vintage-Flair mit viel Grün</h1><p>Text.</p>'),
     URL, None, ["fri.juli"]),
    ("author-archive-link", page(body=f'<h1>Firmenwagen: Leasing oder Finanzierung?</h1><div class="entry-content"><p>{LONG}</p>'
                                      '</div><div class="author-bio footer"><h3>Martin Junker</h3><p><a href="/author/martin">'
                                      "Alles von Martin Junker</a></p></div>"), URL, None, ["Martin Junker"]),
    ("source-label", page(body='<h1>IWES und Nordex</h1><h6>Herausgeber: <a href="/f">Nordex SE</a></h6>'), URL, None,
     ["Nordex SE"]),
    ("site-owner", page('<meta property="og:site_name" content="Dr. Alexander Klier">', "<h1>Zeitphilosophie</h1>"),
     "https://www.alexander-klier.net/zeit/", "Dr. Alexander Klier", ["Alexander Klier"]),
]


def answer_for(html, url=URL, site_name=None):
    tree = lxml.html.document_fromstring(html)
    return author_answer(tree, read_structured(tree, url), site_name=site_name,
                         headline_element=next(tree.iter("h1"), None), url=url)


def test_every_rule_has_a_case():
    assert [rule for rule, *_ in CASES] == AUTHORS.names()


@pytest.mark.parametrize("rule, html, url, site_name, expected", CASES, ids=[case[0] for case in CASES])
def test_each_rule_answers_its_page(rule, html, url, site_name, expected):
    answer = answer_for(html, url, site_name)
    assert (answer.value, answer.rule) == (expected, rule)


def test_author_archive_links_naming_several_people_name_nobody():
    # (slugs that do not spell the names: profile-link, asked first, does not take them)
    links = "".join(f'<li><a href="/author/{slug}">{name}</a></li>' for slug, name in
                    [("ab", "Anna Berg"), ("jr", "Jan Roe"), ("ol", "Ole Lund")])
    assert answer_for(page(body=f"<h1>Storm</h1><p>Text.</p><ul>{links}</ul>")).value is None
    assert answer_for(page(body=f"<h1>Storm</h1><p>Text.</p><ul>{links[:links.index('</li>') + 5]}</ul>")).rule \
        == "author-archive-link"


def test_nobody_named_means_no_source():
    assert answer_for(page(body="<h1>Storm</h1><p>Text.</p>")).rule is None


def test_sources_of_the_article():
    article = extract(page('<meta name="author" content="Jane Doe">', "<h1>Storm</h1>"), url=URL)
    assert article.sources["authors"] == "meta"
    assert "authors" not in extract(page(body="<h1>Storm</h1><p>Text.</p>"), url=URL).sources
