"""Unit tests of the body passes on tiny inline HTML."""
import lxml.html
import pytest

from newsarchive.article import BOILERPLATE_LABELS, Boilerplate
from newsarchive.extract.body import (
    BlockLog, BodyResult, cross_check_article_body, cut_at_trailing_heading, drop_captions,
    discussion_text, drop_closing_heading, drop_repeated_short, edge_label, extract_body, heading_texts, strip_read_more_tails,
    whole_table, is_listing, looks_like_article, trim_edges,
)
from newsarchive.extract.boilerplate import (
    describe_block, heading_elements, heading_label, is_internal_link, promo_label,
    separate_boilerplate,
)
from newsarchive.extract.prune import (
    chrome_label, class_tokens, holds_article, is_hidden, joined_tokens, names_article_body,
    prose_weights, prune_chrome, remove_element,
)
from newsarchive.extract.score import (
    best_candidate, break_separated, class_weight, is_paragraph, loose_text, merge_siblings, score_candidates,
    text_stats,
)
from newsarchive.extract.structured import StructuredData
from newsarchive.extract.text import clean_space, normalize_phrase, paragraphs_of, text_weight
from newsarchive.sites import SiteProfile

LONG = ("The council voted on Tuesday to approve the new budget, which raises spending on "
        "schools, roads and parks, after a debate that lasted most of the evening.")


def html(body):
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def frag(markup):
    return lxml.html.fragment_fromstring(markup)


def article_page(extra_inside="", extra_outside=""):
    paras = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(6))
    return html(f"<div class='site'><nav><a href='/'>Home</a><a href='/news'>News</a></nav>"
                f"<main><article><h1>Council passes budget</h1>"
                f"<div class='article-body'>{paras}{extra_inside}</div></article>"
                f"{extra_outside}</main><footer>© 2024 The Paper</footer></div>")


# ---------------------------------------------------------------- text
def test_clean_space_collapses_all_whitespace():
    assert clean_space(" a\u00a0\n b\u200b c ") == "a b c"


def test_normalize_phrase_strips_case_and_edge_punctuation():
    assert normalize_phrase("  Read MORE: ") == "read more"
    assert normalize_phrase("– Mehr zum Thema › ") == "mehr zum thema"
    assert normalize_phrase("«\xa0It’s here\u3000—») ") == "it's here —»)"
    assert normalize_phrase(" —|— ") == ""
    assert normalize_phrase("» You might also like…") == "you might also like…"
    assert normalize_phrase("More ▾") == "more"


def test_text_weight_counts_cjk_heavier():
    assert text_weight("abc") == 3
    assert text_weight("新闻") == 6


def test_paragraphs_of_splits_at_blocks_and_br():
    el = frag("<div>Intro <b>bold</b> text<p>Second</p>tail<br>after br<ul><li>one</li><li>two</li></ul></div>")
    assert paragraphs_of(el) == ["Intro bold text", "Second", "tail", "after br", "one", "two"]


def test_paragraphs_of_keeps_table_rows_together():
    el = frag("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>")
    assert paragraphs_of(el) == ["a b", "c"]


def test_paragraphs_of_skips_subtrees_but_keeps_tails():
    el = frag("<div><p>keep</p><span>skip me</span> tail</div>")
    skip = {el.find("span")}
    assert paragraphs_of(el, skip=skip) == ["keep", "tail"]


def test_paragraphs_of_marks_headings():
    el = frag("<div><h3>Title</h3><p>body</p></div>")
    assert paragraphs_of(el, headings={el.find("h3")}) == [("Title", True), ("body", False)]


# ---------------------------------------------------------------- prune
def test_class_tokens_split_camel_case_and_separators():
    el = frag("<div class='articleBody td-post_content' id='main'></div>")
    assert class_tokens(el) == ["article", "body", "td", "post", "content", "main"]


def test_token_labels_read_tokens_and_glued_pairs_in_order():
    from newsarchive.extract.prune import token_labels
    # strong label, any label, names the body, holds a chrome token, holds an article-like token
    assert token_labels(("side", "bar")) == ("other", "other", False, True, False)
    assert token_labels(("post", "meta", "share")) == ("share", "byline", False, True, True)
    assert token_labels(("article", "body", "share")) == (None, None, True, True, True)
    assert token_labels(("elementor", "widget")) == (None, None, False, True, False)
    assert token_labels(("main",)) == (None, None, False, False, True)
    assert token_labels(("teaser",)) == (None, None, False, False, False)
    assert token_labels(()) == (None, None, False, False, False)


def test_text_of_is_text_content():
    from lxml import etree
    from newsarchive.extract.text import text_of
    el = frag("<div>a <b>bold</b><!-- note --> tail<p>x&amp;y<br>z</p>\u00a0end</div>")
    el.append(etree.Comment(" late "))
    el[-1].tail = "after"
    el.tail = "not in it"
    for node in el.iter(etree.Element):
        assert text_of(node) == node.text_content()
    assert text_of(el) == "a bold tailx&yz\u00a0endafter"


def test_whitespace_is_every_character_python_counts_as_space():
    import sys
    from newsarchive.extract.text import WHITESPACE
    assert set(WHITESPACE) == {c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()}


def test_joined_tokens_glue_pairs():
    assert "articlebody" in joined_tokens(["article", "body"])


def test_names_article_body():
    assert names_article_body(["l", "article", "body", "segment"])
    assert names_article_body(["entry", "content"])
    assert not names_article_body(["sidebar", "widget"])


@pytest.mark.parametrize("markup, hidden", [
    ("<div hidden>x</div>", True),
    ("<div style='display: none'>x</div>", True),
    ("<span class='sr-only'>x</span>", True),
    ("<div aria-hidden='true'>x</div>", True),
    ("<div class='hidden md:block'>x</div>", False),
    ("<div class='d-none d-lg-block'>x</div>", False),
    ("<div class='hidden-xs'>x</div>", False),
    ("<div>x</div>", False),
])
def test_is_hidden(markup, hidden):
    assert is_hidden(frag(markup)) is hidden


@pytest.mark.parametrize("markup, label", [
    ("<nav>x</nav>", "navigation"),
    ("<div role='complementary'>x</div>", "other"),
    ("<div class='share-buttons'>x</div>", "share"),
    ("<div id='comments'>x</div>", "comments"),
    ("<div class='related-posts'>x</div>", "related"),
    ("<div class='newsletter-signup'>x</div>", "newsletter"),
    ("<div class='ad-slot'>x</div>", "advertisement"),
    ("<div class='article-body'>x</div>", None),
    ("<div class='l-sidebar article-body'>x</div>", None),
    ("<div class='saboxplugin-wrap'>x</div>", "byline"),
    ("<div class='abh_box abh_box_down'>x</div>", "byline"),
    ("<div class='user-bio'>x</div>", "byline"),
    ("<div class='live-match-comments'>x</div>", None),
])
def test_chrome_label(markup, label):
    assert chrome_label(frag(markup), weak_allowed=False) == label


def test_weak_tokens_only_when_allowed():
    el = frag("<div class='entry-meta'>x</div>")
    assert chrome_label(el, weak_allowed=False) is None
    assert chrome_label(el, weak_allowed=True) == "byline"


def test_remove_element_keeps_tail_text():
    el = frag("<p>a<span>x</span> tail</p>")
    remove_element(el.find("span"))
    assert el.text_content() == "a tail"


def test_holds_article_for_a_sidebar_layout_wrapper_with_the_headline():
    tree = html(f"<div class='container penci_sidebar'><h1>T</h1><p>{LONG}</p></div><div>x</div>")
    wrapper = tree.find(".//div")
    assert holds_article(wrapper, len(tree.text_content()))


def test_main_holders_are_the_ancestors_of_h1s_and_marked_article_bodies():
    from newsarchive.extract.prune import main_holders
    tree = html("<div id='a'><div id='b'><h1>T</h1></div></div><div id='c'><div id='d' itemprop="
                "'articleBody'><p>x</p></div></div><div id='e'><div itemprop='a\xa0articleBody'></div></div>")
    h1s: list = []
    prose_weights(tree.find("body"), h1s)
    assert [h.text for h in h1s] == ["T"]
    marked = [tree.get_element_by_id("d"), tree.get_element_by_id("e")[0]]
    holders = main_holders(h1s, marked)
    # as the XPath test: an h1 or articleBody strictly below, itemprop split at XML spaces only
    assert {el.get("id") for el in holders if el.get("id")} == {"a", "b", "c"}
    for el in tree.iter("div"):
        assert (el in holders) == bool(_HOLDS_MAIN(el))


def test_prune_chrome_with_marked_bodies_keeps_the_marked_wrapper():
    page = (f"<div class='sidebar-layout'><div itemprop='articleBody'><p>Kept</p></div></div>"
            f"<div class='sidebar'><p>Other</p></div><div><p>{LONG}</p><p>{LONG}</p></div>")
    for marked in (None, "given"):
        tree = html(page)
        bodies = None if marked is None else [el for el in tree.iter() if el.get("itemprop")]
        prune_chrome(tree, BlockLog(), marked_bodies=bodies)
        assert "Kept" in tree.text_content() and "Other" not in tree.text_content()


def test_prune_chrome_walks_empty_class_and_id_attributes():
    tree = html(f"<div class=''><p id=''>{LONG}</p></div><div class='' id='share'><p>Share</p></div>")
    prune_chrome(tree, BlockLog())
    assert LONG in tree.text_content() and "Share" not in tree.text_content()


def test_prose_weights_sum_long_paragraphs_up_the_tree():
    tree = html(f"<div id='a'><p>{LONG}</p><p>short</p></div>")
    weights = prose_weights(tree.find("body"))
    assert weights[tree.get_element_by_id("a")] == len(LONG)


def test_prune_chrome_removes_and_records_chrome():
    tree = article_page(extra_outside="<aside class='sidebar'><h4>Latest news</h4><a href='/x'>Other story</a></aside>")
    log = BlockLog()
    prune_chrome(tree, log)
    text = tree.text_content()
    assert "Home" not in text and "Other story" not in text and "© 2024" not in text
    assert LONG in text
    headings = [b.heading for b in log.records()]
    assert "Latest news" in headings


def test_prune_chrome_keeps_a_share_wrapper_holding_the_prose():
    paras = "".join(f"<p>{LONG}</p>" for _ in range(4))
    tree = html(f"<div class='entry share'>{paras}</div><div class='sidebar'><p>{LONG}</p></div>")
    prune_chrome(tree, BlockLog())
    assert tree.text_content().count(LONG) == 4


def test_prune_chrome_drops_scripts_silently():
    tree = html("<script>var x = 1;</script><p>text</p>")
    log = BlockLog()
    prune_chrome(tree, log)
    assert "var x" not in tree.text_content() and log.records() == []


# ---------------------------------------------------------------- score
def test_text_stats_counts_text_and_links():
    tree = html("<div id='d'>abc <a href='/'>link</a> def</div>")
    stats = text_stats(tree.find("body"))
    div = tree.get_element_by_id("d")
    assert stats.text_len(div) == len("abc") + len("link") + len("def")
    assert stats.link_count[div] == 1
    assert stats.link_density(div) == pytest.approx(0.4)


def test_score_paragraph_counts_commas_and_length_up_to_three():
    from newsarchive.extract.score import score_paragraph
    assert score_paragraph("a, b, c") == 1 + 2 + 0.07
    assert score_paragraph("x" * 299) == 1 + 2.99
    assert score_paragraph("x" * 300) == score_paragraph("x" * 900) == 4
    assert score_paragraph("漢字" * 50) == 4  # a CJK character weighs three


def test_class_weight():
    assert class_weight(frag("<div class='article-body'></div>")) == 50
    assert class_weight(frag("<div class='sidebar'></div>")) == -25
    assert class_weight(frag("<div itemprop='articleBody'></div>")) == 60


def test_a_framework_component_body_is_no_article_token():
    # Bootstrap's "panel-body" names a part of a box (a contact panel), not the article
    assert class_weight(frag("<div class='panel-body'></div>")) == 0
    assert class_weight(frag("<div class='card-body'></div>")) == 0
    assert class_weight(frag("<div class='post-body'></div>")) == 50
    assert class_weight(frag("<div class='card-body article'></div>")) == 25


def test_break_separated_cuts_at_blank_lines_and_blocks():
    el = frag("<div>First, one<br>line on<br><br>Second <b>part</b><br> <br>Third<p>block</p>Fourth</div>")
    assert [part.strip() for part in break_separated(el, True)] == [
        "First, oneline on", "Second part", "Third", "Fourth"]
    assert break_separated(frag("<div>No <i>blank</i> line<br>here</div>"), False) == ["No blank linehere"]


def test_paragraphs_written_between_blank_lines_score_as_paragraphs():
    # the same text as one run scores as one paragraph; cut by <br><br>, as three
    runs = "<br><br>".join(f"{LONG} Part {i}." for i in range(3))
    body = html(f"<section id='runs'><div>{runs}</div></section>"
                f"<section id='one'><div>{LONG} {LONG} {LONG}</div></section>").find("body")
    scores = score_candidates(body, text_stats(body))
    by_id = {el.get("id"): score for el, score in scores.items() if el.get("id")}
    assert by_id["runs"] > by_id["one"]


def test_is_paragraph():
    assert is_paragraph(frag("<p>x</p>"))
    assert is_paragraph(frag("<div>only <b>inline</b></div>"))
    assert not is_paragraph(frag("<div><p>block</p></div>"))
    cells = lxml.html.fromstring("<table><tr><td>only <b>inline</b></td><td><p>block</p></td></tr></table>")
    inline_cell, block_cell = cells.iter("td")
    assert is_paragraph(inline_cell) and not is_paragraph(block_cell)


LAYOUT_PARAGRAPHS = [
    "SPRINGFIELD - The city council voted 5-2 on Monday night to approve a new budget that raises "
    "property taxes by three percent, the first increase in a decade.",
    "Mayor Jane Doe said the increase was needed to pay for road repairs, new police officers and the "
    "rising cost of employee health insurance, which has doubled since 2002.",
    "Council members John Roe and Mary Major voted against the budget, saying the city should cut "
    "spending first. Roe said he would push for a review of city contracts.",
    "The new budget takes effect July 1. Homeowners will see the increase on their fall tax bills, officials said.",
]


@pytest.mark.parametrize("article", [
    "".join(f"<p>{text}</p>" for text in LAYOUT_PARAGRAPHS),  # paragraphs in the cell
    "<br><br>".join(LAYOUT_PARAGRAPHS),  # the text in the cell itself, between blank lines
    # a byline, then the text in one <font>, its paragraphs between blank lines
    "<font size=2>By Bob Smith<br>Gazette Staff Writer</font><br><br><font size=2>"
    + "<br><br>".join(LAYOUT_PARAGRAPHS) + "</font>",
])
def test_a_layout_tables_article_cell_is_chosen_not_its_row(article):
    # an older page's layout: a row of three columns, navigation, the article, side boxes
    nav = ("<a href=/>Home</a><br><a href=/news>News</a><br><a href=/sport>Sport</a><br><b>HOT JOBS</b><br>"
           "<a href=/j1>Sales manager wanted in Springfield</a><br><a href=/j2>Nurse needed at county hospital</a>"
           "<br>Call us today, we are open daily, from nine to five, except holidays, for all your needs.")
    side = ("<b>Most Popular</b><br><a href=/a>Man arrested after chase through downtown streets</a><br>"
            "<a href=/b>School board names new superintendent for district</a>")
    page = (f"<html><head><title>Gazette - Council raises taxes for first time in decade</title></head><body>"
            f"<table width=800><tr><td width=150>{nav}</td><td><font size=4><b>Council raises taxes for first "
            f"time in decade</b></font><br>{article}</td><td width=160>{side}</td></tr></table></body></html>")
    from newsarchive.extract import extract
    body = extract(page.encode(), url="http://www.gazette.example/news/2008/01/08/council.html").body
    assert "HOT JOBS" not in body and "Most Popular" not in body and "superintendent" not in body
    assert body.endswith("officials said.") and "Mayor Jane Doe said" in body


def test_loose_text_of_a_mixed_container():
    assert "loose words" in loose_text(frag("<div>loose words<p>para</p></div>"))


def test_best_candidate_is_the_article_container():
    tree = article_page()
    body = tree.find("body")
    stats = text_stats(body)
    top = best_candidate(score_candidates(body, stats))
    assert "article-body" in (top.get("class") or "") or top.tag in ("article", "main")


def test_merge_siblings_takes_split_article_parts():
    tree = html(f"<div><div class='part'><p>{LONG}</p><p>{LONG}</p></div><p>{LONG}</p>"
                f"<div class='part'><p>{LONG}</p><p>{LONG}</p></div><ul><li><a href='/'>x</a></li></ul></div>")
    body = tree.find("body")
    stats = text_stats(body)
    scores = score_candidates(body, stats)
    first = tree.find(".//div[@class='part']")
    chosen = merge_siblings(first, scores, stats)
    assert len(chosen) == 3 and chosen[1].tag == "p"


# ---------------------------------------------------------------- boilerplate
@pytest.mark.parametrize("text, label", [
    ("Latest news", "related"), ("Must read", "related"), ("You might also like", "related"),
    ("Recommended to you", "related"), ("Lesen Sie auch:", "related"), ("相关新闻", "related"),
    ("Leave a Reply", "comments"), ("Share this article", "share"), ("Newsletter", "newsletter"),
    ("More from Reuters", "related"), ("The council's decision", None),
    ("Newsletter Signup", "newsletter"), ("Newsletter-Anmeldung", "newsletter"),
    ("Hozzászólások", "comments"), ("Comentários", "comments"), ("Σχόλια", "comments"),
    ("التعليقات", "comments"), ("Bình luận", "comments"),
    ("İlgili Haberler", "related"), ("Kapcsolódó", "related"),
])
def test_heading_label(text, label):
    assert heading_label(text) == label


def test_heading_label_exact_for_plain_paragraphs():
    assert heading_label("Tags:", exact=True) == "navigation"
    assert heading_label("More on this story later", exact=True) is None


def test_heading_elements_skip_teaser_titles():
    block = frag("<div><h4>Latest news</h4><h3><a href='/a'>A story</a></h3><h4>Must read</h4></div>")
    found = {el.text_content() for el in heading_elements(block)}
    assert found == {"Latest news", "Must read"}


def test_describe_block_splits_titled_sections():
    block = frag("<div><h4>Latest news</h4><a href='/a'>Story A</a><h4>Must read</h4><a href='/b'>Story B</a></div>")
    records = describe_block(block, "other")
    assert [(r.heading, r.text, r.label) for r in records] == [
        ("Latest news", "Story A", "related"), ("Must read", "Story B", "related")]


@pytest.mark.parametrize("text, share, label", [
    ("Advertisement", 0.0, "advertisement"),
    ("Read more: Council delays vote", 0.8, "related"),
    ("Lesen Sie auch: Der Rat vertagt sich", 0.9, "related"),
    ("Readers said the plan was fair.", 0.0, None),
    ("Related: Council delays vote", 0.9, "related"),
    ("Hier geht es zur neuen Vorstandsstruktur", 0.0, "related"),
    ("Related to each other: for example, a cache and a web server", 0.0, None),
    ("Story continues below", 0.0, "advertisement"),
    ("Page 1 of 2 Next page »", 0.5, "navigation"),
    ("Seite 2 von 3", 0.0, "navigation"),
    ("Page 3 of the report says the council knew.", 0.0, None),
    ("Share on Pinterest", 0.0, "share"), ("Partager sur Facebook", 1.0, "share"),
    ("Share this article via Email", 0.0, "share"), ("Share on the evening news, she said", 0.0, None),
    # Turkish: "İ" lowers to "i" and a combining dot, which no table spells
    ("İlgili Haberler: Meclis oylamayı erteledi", 0.8, "related"),
    ("İLGİLİ HABERLER", 0.0, "related"),
    ("Kapcsolódó: A tanács elhalasztotta a szavazást", 0.8, "related"),
    # ad labels and share lines standing alone, in other languages
    ("Reklama", 0.0, "advertisement"), ("REKLAM", 0.0, "advertisement"), ("Hirdetés", 0.0, "advertisement"),
    ("La suite après cette publicité", 0.0, "advertisement"), ("Продолжение ниже", 0.0, "advertisement"),
    ("Escuchar este artículo", 0.0, "other"), ("Ascolta l’articolo", 0.0, "other"),
    ("إعلان", 0.0, "advertisement"), ("Quảng cáo", 0.0, "advertisement"),
    ("Condividi questo articolo", 0.0, "share"), ("Udostępnij", 1.0, "share"), ("この記事をシェア", 0.0, "share"),
])
def test_promo_label(text, share, label):
    assert promo_label(text, share) == label


def test_is_internal_link():
    assert is_internal_link(frag("<a href='/news/x'>x</a>"), "paper.com")
    assert is_internal_link(frag("<a href='https://www.paper.com/x'>x</a>"), "paper.com")
    assert not is_internal_link(frag("<a href='https://other.org/x'>x</a>"), "paper.com")


def separated(inner):
    tree = html(f"<div id='c'><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p>{inner}<p>{LONG} End.</p></div>")
    container = tree.get_element_by_id("c")
    log = BlockLog()
    separate_boilerplate([container], text_stats(tree.find("body")), log, page_host="paper.com")
    return container, log.records()


def test_separate_boilerplate_removes_a_headed_related_block():
    container, records = separated("<div><h3>Related stories</h3><ul><li><a href='/a'>A</a></li>"
                                   "<li><a href='/b'>B</a></li></ul></div>")
    assert "Related stories" not in container.text_content()
    assert records[0].heading == "Related stories" and records[0].label == "related"


def test_separate_boilerplate_removes_link_lists():
    container, records = separated("<ul><li><a href='/a'>Story A here</a></li><li><a href='/b'>Story B here</a></li></ul>")
    assert "Story A" not in container.text_content()
    assert records[0].label == "related"


def test_separate_boilerplate_removes_single_link_teasers_to_the_same_site():
    container, _ = separated("<p><strong><a href='https://paper.com/other'>OTHER STORY HEADLINE</a></strong></p>"
                             "<p><em>Read <a href='https://elsewhere.org/report'>The full report</a></em></p>")
    assert "OTHER STORY" not in container.text_content()
    assert "The full report" in container.text_content()


def test_separate_boilerplate_removes_linked_teaser_boxes_after_the_text_began():
    container, records = separated(
        f"<p class='teaser'>The council met to vote.</p><p>{LONG}</p>"
        "<div class='c-teaser'><h4>Budget forum</h4><p>Another page about the forum.</p>"
        "<a href='/forum'>More</a></div><p>Closing words of the story.</p>")
    text = container.text_content()
    assert "The council met" in text and "Budget forum" not in text and "Closing words" in text
    assert records[0].label == "related"


# ---------------------------------------------------------------- edges and checks
def test_edge_label():
    for line in ("Temps de lecture : 3 min", "Время чтения: 3 минуты", "Okuma süresi: 3 dk",
                 "Leestijd: 3 minuten", "読了時間：3分"):
        assert edge_label(line, None, None) is not None, line  # the reading time over the text
    assert edge_label("Mark Lavin", None, None, frozenset({"mark lavin"})) == "byline"
    assert edge_label("Künstlerischer Lebenslauf", None, None, frozenset({"mark lavin"})) is None
    assert edge_label("The council voted.", None, None) is None
    assert edge_label("NEW YORK", None, None) is None
    assert edge_label("By Jane Doe", None, None) == "byline"
    # a labelled byline, the label closed by a colon
    for line in ("Written by: Julie Mollins", "Autor: Die Redaktion", "Autor: Jan Kowalski",
                 "Автор: Иван Иванов", "Yazan: Ahmet Yılmaz"):
        assert edge_label(line, None, None) == "byline", line
    assert edge_label("Photo: Reuters", None, None) == "caption"
    assert edge_label("Iran Focus", None, "iran focus") == "byline"
    assert edge_label("Council passes budget", "council passes budget", None) == "other"
    assert edge_label(LONG, None, None) is None


@pytest.mark.parametrize("line", ["Associated Press Writer", "AP Business Writer", "Times Staff Writer",
                                  "Jane Doe, Special Correspondent", "Staff Reporters"])
def test_a_role_line_under_the_byline_is_byline(line):
    assert edge_label(line, None, None) == "byline"


@pytest.mark.parametrize("line", ["Print this story | E-mail this story | Comments (3)", "Home · News · Sports"])
def test_a_menu_line_over_the_text_is_navigation(line):
    assert edge_label(line, None, None) == "navigation"
    assert edge_label("Budget | Taxes", None, None) is None  # two items: a title's segments
    assert edge_label("The vote ended 5 | 4 in favour of the plan. | The mayor signed it.", None, None) is None


@pytest.mark.parametrize("line", ["The Associated Press", "Associated Press", "The Canadian Press", "Agencia EFE"])
def test_an_agency_on_a_line_of_its_own_at_the_start_is_the_stories_credit(line):
    # "By JOHN SMITH<br>The Associated Press": the wire credited under the byline
    assert edge_label(line, None, None) == "byline"


@pytest.mark.parametrize("line", ["Saturday, January 5, 2008", "Thursday, November 9, 2023 7:35AM",
                                  "26. Januar 2022", "jeudi 13 juin 2019", "Mittwoch, 01.11.2023"])
def test_the_days_date_alone_under_the_headline_is_byline(line):
    assert edge_label(line, None, None) == "byline"


@pytest.mark.parametrize("line", ["The editor is out", "He wanted to be a writer, not a politician, he said",
                                  "Why the writer left"])
def test_a_line_about_a_writer_is_no_role_line(line):
    assert edge_label(line, None, None) is None


def test_trim_edges_drops_bylines_and_trailers():
    log = BlockLog()
    kept = trim_edges(["By Jane Doe", LONG, "© 2024 The Paper. All rights reserved."], None, None, log)
    assert kept == [LONG]
    assert {r.label for r in log.records()} == {"byline", "footer"}


def test_trim_edges_drops_a_closing_permalink_and_the_stamp_above_it():
    kept = trim_edges([LONG, "Aktualisiert am 17.01.2021.", "Permalink: https://paper.com/a.php"],
                      None, None, BlockLog())
    assert kept == [LONG]


def test_trim_edges_drops_a_closing_pointer_line():
    kept = trim_edges([LONG, "Alles über nachhaltige Wanderschuhe findest Du hier."], None, None, BlockLog())
    assert kept == [LONG]
    assert trim_edges([LONG, "The vote is here."], None, None, BlockLog()) == [LONG]
    assert trim_edges([LONG, LONG + " We stay here."], None, None, BlockLog()) == [LONG, LONG + " We stay here."]


def test_trim_edges_drops_a_closing_call_to_comment_only_when_it_is_the_paragraph():
    call = "Du möchtest mitmachen? Dann hinterlasse einfach einen Kommentar unter diesem Beitrag."
    assert trim_edges([LONG, call], None, None, BlockLog()) == [LONG]
    thought = LONG + " " + LONG + " Leave a comment and let us know your favourite."
    assert trim_edges([LONG, thought], None, None, BlockLog()) == [LONG, thought]


def test_trim_edges_drops_a_closing_newsroom_role_line_but_not_a_sentence():
    assert trim_edges([LONG, "Leiterin Redaktion Leben und Gesundheit"], None, None, BlockLog()) == [LONG]
    bio = "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR"
    assert trim_edges([LONG, bio], None, None, BlockLog()) == [LONG, bio]


def test_trim_edges_drops_a_closing_line_about_the_declared_author():
    structured = StructuredData()
    structured.meta["author"] = "Aaron Kliegman"
    bio = "Aaron Kliegman is a politics reporter for Fox News Digital."
    assert trim_edges([LONG, bio], None, structured, BlockLog()) == [LONG]
    # a sentence about someone else, or about the author inside the text, stays
    other = "Jane Doe is a politics reporter for the Daily Planet, the mayor said."
    assert trim_edges([LONG, other], None, structured, BlockLog()) == [LONG, other]
    assert trim_edges([bio, LONG], None, structured, BlockLog()) == [bio, LONG]


def test_trim_edges_drops_a_closing_agency_sign_off():
    assert trim_edges([LONG, "RIRM"], None, None, BlockLog()) == [LONG]
    assert trim_edges([LONG, "(dpa)"], None, None, BlockLog()) == [LONG]
    assert trim_edges([LONG, "Thanks."], None, None, BlockLog()) == [LONG, "Thanks."]


def test_cut_at_trailing_heading():
    log = BlockLog()
    paragraphs = [LONG, LONG, "Tags", "budget, council"]
    assert cut_at_trailing_heading(paragraphs, 0, log) == 2
    assert log.records()[0].heading == "Tags"


def test_drop_captions_by_credit():
    log = BlockLog()
    caption = "The mayor speaks in the council chamber. (AP Photo/Jane Doe)"
    assert drop_captions([LONG, caption], log) == [LONG]
    assert log.records()[0].label == "caption"


def test_drop_repeated_short_lines_and_gallery_captions():
    log = BlockLog()
    caption = "A long gallery caption describing the scene in the council chamber at night."
    paragraphs = [LONG, "Advertisement", LONG + " 2", "Advertisement", caption, caption, caption,
                  LONG + " 3", "Advertisement", LONG + " 4", LONG + " 5", LONG + " 6"]
    kept = drop_repeated_short(paragraphs, log)
    assert "Advertisement" not in kept and caption not in kept and len(kept) == 6


def test_a_short_line_said_twice_stays():
    paragraphs = [LONG, "Repeat Chorus", LONG + " 2", "Repeat Chorus"]
    assert drop_repeated_short(paragraphs, BlockLog()) == paragraphs


def test_heading_texts_holds_bold_run_in_heads_only():
    el = frag("<div><h2>Setup</h2><p><b>Isolation</b><br>Each queue runs alone.</p>"
              "<p>See <b>this</b> too.</p></div>")
    assert heading_texts([el]) == {"Setup", "Isolation"}


def test_repeated_run_in_head_stays():
    el = frag(f"<div><ul><li>Isolation</li></ul><p><b>Isolation</b><br>{LONG}</p></div>")
    paragraphs = ["Isolation", "Isolation", LONG]
    assert drop_repeated_short(paragraphs, BlockLog(), subheadings=heading_texts([el])) == paragraphs


def test_an_ad_label_heads_its_slot_not_the_next_paragraph():
    short = "The new budget takes effect July 1, officials said."
    el = frag(f"<div><p>{LONG}</p><p>{LONG} Two.</p><div class='slot'>Advertisement</div>"
              f"<div class='promo'><a href='/x'>Buy now</a></div><p>{short}</p></div>")
    log = BlockLog()
    separate_boilerplate([el], text_stats(el), log)
    assert short in el.text_content() and "Buy now" not in el.text_content()
    assert [r.label for r in log.records()] == ["advertisement"]


def test_an_ad_label_in_the_second_half_cuts_nothing_after_it():
    paragraphs = [LONG, LONG + " 2", "Advertisement", "The new budget takes effect July 1, officials said."]
    assert cut_at_trailing_heading(paragraphs, 0, BlockLog()) == len(paragraphs)


def test_a_heading_that_closes_the_body_goes():
    # the box's list is loaded by a script: its title is left over under the text
    el = frag(f"<div><p>{LONG}</p><h2>Storage Reviews</h2><h3>Best Picks</h3><ul></ul></div>")
    log = BlockLog()
    kept = drop_closing_heading([LONG, "Storage Reviews", "Best Picks"], [el], log)
    assert kept == [LONG]
    assert [(r.label, r.heading) for r in log.records()] == [
        ("related", "Best Picks"), ("related", "Storage Reviews")]


def test_a_closing_heading_over_a_picture_stays():
    el = frag(f"<div><p>{LONG}</p><div><h2>The lake at dawn</h2></div><p><img src='a.jpg'></p></div>")
    assert drop_closing_heading([LONG, "The lake at dawn"], [el], BlockLog()) == [LONG, "The lake at dawn"]


def test_a_closing_line_that_is_no_heading_stays():
    el = frag(f"<div><p>{LONG}</p><p>Thanks for reading</p></div>")
    assert drop_closing_heading([LONG, "Thanks for reading"], [el], BlockLog()) == [LONG, "Thanks for reading"]


def test_a_body_that_is_one_heading_stays():
    el = frag("<div><h2>Storage Reviews</h2></div>")
    assert drop_closing_heading(["Storage Reviews"], [el], BlockLog()) == ["Storage Reviews"]


def test_repeated_filler_that_is_the_content_stays():
    assert drop_repeated_short([LONG, LONG, LONG], BlockLog()) == [LONG, LONG, LONG]


def test_cross_check_drops_paragraphs_missing_from_article_body():
    structured = StructuredData(article_body=" ".join([LONG, LONG + " Two."]))
    log = BlockLog()
    kept = cross_check_article_body([LONG, "Sign up to our daily briefing now", LONG + " Two."], structured, log)
    assert kept == [LONG, LONG + " Two."]


def test_cross_check_ignores_a_truncated_article_body():
    structured = StructuredData(article_body=LONG[:210] + " and more of the story here")
    paragraphs = [LONG, LONG + " Two.", LONG + " Three."]
    assert cross_check_article_body(paragraphs, structured, BlockLog()) == paragraphs


def test_cross_check_uses_article_body_when_the_dom_is_empty():
    structured = StructuredData(article_body=f"{LONG}\n{LONG} Two.")
    assert cross_check_article_body([], structured, BlockLog()) == [LONG, LONG + " Two."]


def test_looks_like_article_and_listing():
    assert looks_like_article([LONG, LONG], StructuredData())
    assert not looks_like_article(["Page not found"], StructuredData())
    assert looks_like_article([LONG[:90]], StructuredData(types={"NewsArticle"}))
    assert is_listing(StructuredData(types={"CollectionPage"}), None, None)
    assert not is_listing(StructuredData(types={"CollectionPage", "NewsArticle"}), None, None)


# ---------------------------------------------------------------- extract_body
def test_extract_body_end_to_end():
    tree = article_page(
        extra_inside="<figure><img src='x.jpg'><figcaption>The council chamber. Photo: J. Doe</figcaption></figure>",
        extra_outside="<aside><h4>Most read</h4><a href='/a'>Another story</a></aside>")
    result = extract_body(tree, StructuredData(), headline="Council passes budget", url="https://paper.com/a")
    assert isinstance(result, BodyResult) and result.is_article
    assert len(result.paragraphs) == 6 and result.paragraphs[0].startswith("The council voted")
    assert "Council passes budget" not in result.paragraphs
    labels = {b.label for b in result.boilerplate}
    assert labels <= set(BOILERPLATE_LABELS)
    assert "caption" in labels and "navigation" in labels
    assert any(b.heading == "Most read" for b in result.boilerplate)


def test_extract_body_keeps_captions_when_asked():
    tree = article_page(extra_inside="<figure><figcaption>The council chamber at night</figcaption></figure>")
    result = extract_body(tree, StructuredData(), headline=None, url=None, include_captions=True)
    assert "The council chamber at night" in result.paragraphs


def test_extract_body_applies_profile_drop_and_keep():
    tree = article_page(extra_inside="<p class='promo'>Buy our magazine today, it is full of great stories.</p>")
    profile = SiteProfile(host="paper.com", keep=["div.article-body"], drop=["p.promo"])
    result = extract_body(tree, StructuredData(), headline=None, url="https://paper.com/a", profile=profile)
    assert all("magazine" not in p for p in result.paragraphs)
    assert any("magazine" in b.text for b in result.boilerplate)
    assert len(result.paragraphs) == 6


HEADLINES = ["Council approves new budget for northern districts after long debate",
             "Storm leaves thousands without power across the region overnight",
             "Local team wins championship in dramatic final minutes of play",
             "Hospital opens new wing for children after five years of fundraising",
             "Schools to close early for the holidays as flu cases rise sharply"]


@pytest.mark.parametrize("layout", ["bare", "br", "table"])
def test_a_section_page_of_bare_headline_links_is_no_article(layout):
    """Older section pages and link columns list headlines as bare links, or separated by
    <br>, with no list markup: a body made of them is a hub, its headlines related links."""
    links = [f"<a href='/n/{i}.html'>{text}</a>" for i, text in enumerate(HEADLINES)]
    inner = {"bare": " ".join(links), "br": "<div>" + "<br>".join(links) + "</div>",
             "table": "<table><tr><td>" + "<br>".join(links) + "</td></tr></table>"}[layout]
    result = extract_body(html(f"<h1>Local News</h1>{inner}"), StructuredData(), headline=None,
                          url="https://herald.example/local/")
    assert result.paragraphs == [] and result.is_article is False
    assert {b.label for b in result.boilerplate if HEADLINES[0] in b.text} == {"related"}
    # declared an article (a reading list of links), it stays one
    declared = extract_body(html(f"<h1>Reading list</h1>{inner}"),
                            StructuredData(types={"NewsArticle"}), headline=None, url=None)
    assert declared.is_article and HEADLINES[0] in declared.paragraphs[0]


SUMMARIES = ["The decision follows months of talks between officials and residents in the north.",
             "Engineers worked through the night to restore supplies to homes and businesses.",
             "A late goal sealed the title in front of a sell-out crowd at the stadium.",
             "The new wing adds forty beds and a play area for young patients and families.",
             "Head teachers said the measure would help limit the spread among pupils and staff."]
TEASERS = list(enumerate(zip(HEADLINES, SUMMARIES)))


@pytest.mark.parametrize("layout", ["heading", "bold-br", "list", "table"])
def test_a_section_page_of_teasers_is_no_article(layout):
    """Linked headlines to other pages, each with a line under it, from the first line on:
    a hub laid out without declaring itself, not an article."""
    teasers = {
        "heading": "".join(f"<div><h2><a href='/n/{i}.html'>{h}</a></h2><p>{s}</p></div>"
                           for i, (h, s) in TEASERS),
        "bold-br": "".join(f"<p><b><a href='/n/{i}.html'>{h}</a></b><br>{s}</p>" for i, (h, s) in TEASERS),
        "list": "<ul>" + "".join(f"<li><a href='/n/{i}.html'>{h}</a><p>{s}</p></li>"
                                 for i, (h, s) in TEASERS) + "</ul>",
        "table": "<table>" + "".join(f"<tr><td><a href='/n/{i}.html'><b>{h}</b></a><br>{s}</td></tr>"
                                     for i, (h, s) in TEASERS) + "</table>",
    }[layout]
    result = extract_body(html(f"<h1>Local News</h1>{teasers}"), StructuredData(), headline=None,
                          url="https://herald.example/local/")
    assert result.is_article is False and result.paragraphs == []


def test_an_article_with_linked_subheadings_stays_an_article():
    """Linked subheadings are no teaser list when the body opens with prose, or when each
    heads a section of several paragraphs."""
    sections = "".join(f"<h2><a href='/n/{i}.html'>{h}</a></h2>" + f"<p>{LONG}</p>" * 4
                       for i, (h, _) in TEASERS)
    for body in (f"<p>{LONG}</p>{sections}", sections):
        result = extract_body(html(f"<h1>Five places to visit</h1><article>{body}</article>"),
                              StructuredData(), headline=None, url="https://herald.example/a")
        assert result.is_article and HEADLINES[0] in result.paragraphs


def test_extract_body_on_an_empty_page():
    result = extract_body(html(""), StructuredData(), headline=None, url=None)
    assert result.paragraphs == [] and result.is_article is False


def test_extract_body_never_raises():
    assert extract_body(None, None, headline=None, url=None) == BodyResult()
    tree = html("<p>short</p>")
    result = extract_body(tree, None, headline=None, url=None)
    assert result.is_article is False


# ---------------------------------------------------------------- later passes
from newsarchive.extract.body import (  # noqa: E402
    add_lead, blocks_before, covers_headline, drop_headline, is_lead, same_headline,
)
from newsarchive.extract.boilerplate import block_lines, text_lines, title_classed  # noqa: E402
from newsarchive.extract.prune import _HOLDS_MAIN, group_prose, hidden_by_class  # noqa: E402
from newsarchive.extract.score import same_class_cousins  # noqa: E402


def test_hidden_by_class():
    assert hidden_by_class("sr-only")
    assert not hidden_by_class("hidden lg:flex")
    assert not hidden_by_class("article-body")


def test_group_prose_sums_alike_siblings():
    tree = html(f"<div><div class='part'><p>{LONG}</p></div><div class='part'><p>{LONG}</p></div></div>")
    body = tree.find("body")
    prose = prose_weights(body)
    first = tree.find(".//div[@class='part']")
    assert group_prose(first, prose) == 2 * len(LONG)


def test_prune_keeps_noscript_content_but_drops_pixels():
    tree = html(f"<noscript><img src='pixel.gif'></noscript><noscript><div><p>{LONG * 4}</p></div></noscript>")
    prune_chrome(tree, BlockLog())
    assert tree.find(".//img") is None
    assert LONG in tree.text_content()


def test_text_lines_and_block_lines():
    assert text_lines("  Home \n\n  News  and\tmore \n") == ["Home", "News and more"]
    # carriage returns and no-break spaces are spaces inside a line; only newlines break it
    assert text_lines("Share\r\n \xa0\r\n Tweet\u200b \xa0 this\r") == ["Share", "Tweet this"]
    assert text_lines(" \n\t\n") == []
    block = frag("<div><h4>Latest news</h4><p>One <a href='/a'>story</a></p></div>")
    assert block_lines(block, {block.find("h4")}) == [("Latest news", True), ("One story", False)]
    # a piece's owner is the nearest heading or block above it: the text around an empty
    # block and a comment runs on as one line, a span's text stays with its block
    block = frag("<div>a<!-- c -->b<p></p>c<h4>Head <i>x</i></h4>tail<span>in<p>deep</p>out</span></div>")
    assert block_lines(block, {block.find("h4")}) == [
        ("abc", False), ("Head x", True), ("tailin", False), ("deep", False), ("out", False)]


def test_title_classed_searches_three_levels_in_page_order():
    block = frag("<div><div class='box'><span class='boxTitle'>A</span><div><p class='sub-heading'>B"
                 "</p><div><b class='title'>too deep</b></div></div></div><h5 class='title'>C</h5></div>")
    assert [el.text for el in title_classed(block)] == ["A", "B", "C"]
    assert title_classed(frag("<p class='title'>alone</p>")) == []


def test_same_headline_and_covers_headline():
    assert same_headline("council passes budget", "council passes budget")
    assert same_headline("council passes the budget", "council passes budget")
    assert not same_headline("what i use now", "cdpath replacements")
    assert covers_headline("umbau trump plant landeplatz beim haus", "trump plant landeplatz beim weissen haus")


def test_drop_headline_removes_the_heading_and_kicker():
    tree = html(f"<div id='c'><span>Politics</span><h1>Council passes budget</h1><p>{LONG}</p></div>")
    container = tree.get_element_by_id("c")
    log = BlockLog()
    drop_headline([container], "council passes budget", log)
    assert container.text_content().strip().startswith("The council")


def test_is_lead_by_class_description_and_not_dek():
    lead = frag(f"<p class='article-lead'>{LONG}</p>")
    dek = frag(f"<p class='p-dek'>{LONG}</p>")
    plain = frag(f"<p>{LONG}</p>")
    assert is_lead(lead, "")
    assert not is_lead(dek, normalize_phrase(LONG))
    assert is_lead(plain, normalize_phrase(LONG))
    assert not is_lead(plain, "")


def test_add_lead_finds_the_standfirst_the_json_ld_description_repeats():
    # og:description was written for shares; the JSON-LD article's is the standfirst shown
    lead = "Some say the port is the city's biggest employer. But how many jobs does it hold, and for how long?"
    tree = html(f"<article><h1>Council passes budget</h1><p>{lead}</p>"
                f"<div id='c'><p>{LONG}</p><p>{LONG}</p></div></article>")
    container = tree.get_element_by_id("c")
    structured = StructuredData(og={"description": "The port and its jobs: a look at the numbers."},
                                article={"@type": "NewsArticle", "description": lead})
    elements = add_lead([container], tree.find("body"), "council passes budget", structured)
    assert [el.text_content() for el in elements[:1]] == [lead]
    structured.article = {"@type": "NewsArticle"}
    assert add_lead([container], tree.find("body"), "council passes budget", structured) == [container]


def test_add_lead_puts_the_standfirst_in_front():
    tree = html(f"<article><h1>Council passes budget</h1><div class='teaser-text'><p>{LONG} Lead.</p></div>"
                f"<div id='c'><p>{LONG}</p><p>{LONG}</p></div></article>")
    container = tree.get_element_by_id("c")
    elements = add_lead([container], tree.find("body"), "council passes budget", StructuredData())
    assert len(elements) == 2 and elements[0].text_content().endswith("Lead.")


def test_blocks_before_stops_at_a_heading():
    tree = html(f"<div><h2>Other</h2><p class='intro'>{LONG}</p><div id='c'><p>{LONG}</p></div></div>")
    found = blocks_before(tree.get_element_by_id("c"))
    assert [el.get("class") for el in found] == ["intro"]


def test_cut_at_a_closing_label_line():
    log = BlockLog()
    paragraphs = [LONG, LONG, LONG, "Kontakt:", "Telefon 030 123"]
    assert cut_at_trailing_heading(paragraphs, 0, log) == 3
    recipe = [LONG, LONG, LONG, "1 Stück ca.:", "390 kcal"]
    assert cut_at_trailing_heading(recipe, 0, log) == 5


def test_drop_captions_handles_machinery_newsletters_consent_and_share_tails():
    log = BlockLog()
    kept = drop_captions([
        LONG,
        "Warning: Creating default object from empty value in /www/htdocs/site/x.php on line 3",
        "Never miss the latest news by signing up to our newsletter today!",
        "Ich bin damit einverstanden, dass mir Inhalte von YouTube angezeigt werden.",
        "Every business lives in space and time.Click To Tweet",
    ], log)
    assert kept == [LONG, "Every business lives in space and time."]
    assert {r.label for r in log.records()} == {"other", "newsletter", "share"}


@pytest.mark.parametrize("prompt", [
    "Suscríbete a nuestro boletín", "Assine nossa newsletter", "Schrijf je in voor onze nieuwsbrief",
    "Подпишитесь на нашу рассылку", "Bültenimize abone olun", "Iratkozzon fel hírlevelünkre",
    "Zapisz się do naszego newslettera", "Tilaa uutiskirjeemme", "メールマガジン登録",
    "뉴스레터 구독하기", "订阅我们的新闻通讯", "اشترك في نشرتنا الإخبارية",
])
def test_a_newsletter_prompt_in_any_language_leaves_the_body(prompt):
    log = BlockLog()
    assert drop_captions([LONG, prompt, LONG + " Two."], log) == [LONG, LONG + " Two."]
    assert [r.label for r in log.records()] == ["newsletter"]


@pytest.mark.parametrize("credit", [
    "사진=연합뉴스", "图片来源：新华社", "صورة: رويترز", "Fotoğraf: AA", "Fotó: MTI", "Φωτογραφία: ΑΠΕ",
    "Fot. PAP", "Kuva: Lehtikuva", "צילום: רויטרס", "Ảnh: TTXVN",
])
def test_a_picture_credit_in_any_language_leaves_the_body(credit):
    log = BlockLog()
    assert drop_captions([LONG, credit, LONG + " Two."], log) == [LONG, LONG + " Two."]
    assert [r.label for r in log.records()] == ["caption"]


@pytest.mark.parametrize("notice", [
    "We use cookies to improve your experience. By continuing to browse, you agree to our use of cookies.",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können.",
    "Nous utilisons des cookies pour améliorer votre expérience.",
    "Questo sito utilizza cookie per migliorare la tua esperienza.",
    "Мы используем файлы cookie для улучшения работы сайта.",
    "Sitemizde çerezler kullanılmaktadır.",
])
def test_a_cookie_notice_among_the_paragraphs_leaves_the_body(notice):
    log = BlockLog()
    assert drop_captions([LONG, notice, LONG + " Two."], log) == [LONG, LONG + " Two."]
    assert [r.label for r in log.records()] == ["other"]


def test_prose_about_an_official_bulletin_a_signing_or_cookies_stays():
    kept = [LONG, "El boletín oficial publicó la ley el martes.", "Подписание договора состоялось во вторник.",
            "The court ruled that websites must ask before they set cookies, privacy groups said."]
    assert drop_captions(list(kept), BlockLog()) == kept


def test_same_class_cousins_takes_all_panels():
    tree = html("".join(f"<div class='panel'><div class='panel-collapse'><p>{LONG} {i}</p></div></div>"
                        for i in range(3)))
    stats = text_stats(tree.find("body"))
    top = tree.find(".//div[@class='panel-collapse']")
    assert len(same_class_cousins(top, stats)) == 3


from newsarchive.extract.boilerplate import is_teaser_card, wholly_emphasised  # noqa: E402


def test_wholly_emphasised():
    assert wholly_emphasised(frag("<p><em>Also: <a href='/x'>Other story</a></em></p>"))
    assert not wholly_emphasised(frag("<p>Said <em>this</em> today.</p>"))


def test_is_teaser_card():
    tree = html(f"<div id='t'><a href='/story'><h3>Another story</h3><span>{LONG[:60]}</span></a></div>"
                f"<div id='p'><p>{LONG} <a href='/x'>a link</a></p></div>")
    stats = text_stats(tree.find("body"))
    assert is_teaser_card(tree.get_element_by_id("t"), stats)
    assert not is_teaser_card(tree.get_element_by_id("p"), stats)


def test_separate_boilerplate_removes_emphasised_teasers_and_teaser_cards():
    container, records = separated("<p><em>Read also: <a href='/other'>Another story</a></em></p>"
                                   "<div><a href='/card'><h3>Card headline</h3>Card summary text</a></div>")
    text = container.text_content()
    assert "Another story" not in text and "Card headline" not in text
    assert {r.label for r in records} == {"related"}


from newsarchive.extract.body import is_signature_line  # noqa: E402


def test_trim_edges_drops_an_author_signature_above_its_contact_line():
    log = BlockLog()
    kept = trim_edges([LONG, LONG, "Head of Health Desk", "jane.doe@paper.com"], None, None, log)
    assert kept == [LONG, LONG]
    assert is_signature_line("Head of Health Desk") and not is_signature_line(LONG)


def test_separate_boilerplate_removes_a_teaser_grid_merged_after_the_article():
    tree = html(f"<div id='a'><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p></div>"
                "<div id='g'><div class='card'><a href='/dl'><img src='x.jpg'></a>"
                "<h2><a href='/dl'>These trends you should know</a></h2>"
                f"<div>{LONG[:90]}</div></div></div>")
    log = BlockLog()
    article, grid = tree.get_element_by_id("a"), tree.get_element_by_id("g")
    separate_boilerplate([article, grid], text_stats(tree.find("body")), log, page_host="paper.com")
    assert "These trends" not in grid.text_content() and article.text_content().count(LONG) == 3
    assert log.records()[0].label == "related"


def test_discussion_text_is_the_content_of_a_page_with_nothing_else():
    log = BlockLog()
    posts = [f"user{i} 28.09.19 Has anyone found a fix for the app store on mobile data? Post {i}." for i in range(8)]
    log.add(Boilerplate(label="comments", heading=None, text="\n".join(posts + ["Kommentieren"])), 10)
    log.add(Boilerplate(label="share", heading=None, text="Share"), 5)
    assert discussion_text(log) == posts
    assert [r.label for r in log.records()] == ["share"]


def test_short_discussion_stays_boilerplate():
    log = BlockLog()
    log.add(Boilerplate(label="comments", heading=None, text="Nice post!"), 10)
    assert discussion_text(log) == [] and len(log.records()) == 1


def test_whole_table_when_prose_stands_beside_it():
    tree = html(f"<div><p>{LONG}</p><table><tbody><tr><td>Ann Lee</td></tr></tbody></table></div>"
                "<table id='layout'><tr id='cell'><td>x</td></tr></table>")
    stats = text_stats(tree.find("body"))
    row = tree.find(".//tr")
    assert whole_table(row, stats).tag == "table"
    layout_row = tree.get_element_by_id("cell")
    assert whole_table(layout_row, stats) is layout_row



def test_strip_read_more_tails_keeps_the_text():
    log = BlockLog()
    kept = strip_read_more_tails([f"{LONG} [czytaj więcej]", "[więcej]", LONG, "See [1]"], log)
    assert kept == [LONG, LONG, "See [1]"]
    assert [r.text for r in log.records()] == ["[czytaj więcej]", "[więcej]"]
