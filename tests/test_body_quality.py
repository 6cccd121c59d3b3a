"""Unit tests of the body-quality rules (leads, meta lines, boilerplate tails) on tiny inline HTML."""
import lxml.html
import pytest

from newsarchive.extract.boilerplate import drop_titled_comments, heading_label, is_comments_heading, separate_boilerplate
from newsarchive.extract.body import (
    BlockLog, cross_check_article_body, cut_at_paywall, cut_at_trailing_heading, drop_captions,
    drop_repeated_short,
    select_elements,
    heading_texts, trim_edges, drop_meta_under_lead, edge_label, extract_body, is_lead,
    reads_as_prose,
)
from newsarchive.extract.prune import chrome_label, is_article_header
from newsarchive.extract.score import text_stats
from newsarchive.extract.structured import StructuredData
from newsarchive.extract.text import normalize_phrase

LONG = ("The council voted on Tuesday to approve the new budget, which raises spending on "
        "schools, roads and parks, after a debate that lasted most of the evening.")
LEAD = "The city will spend more on schools. Parks and roads get the rest of the new money."


def html(body):
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def frag(markup):
    return lxml.html.fragment_fromstring(markup)


def body_of(markup, headline="Council passes budget"):
    return extract_body(html(markup), StructuredData(), headline=headline, url="https://paper.com/a")


# ---------------------------------------------------------------- the article's header
def test_is_article_header_needs_a_headline_and_a_paragraph():
    assert is_article_header(frag("<header><h1>Council passes budget</h1><p>Lead.</p></header>"))
    assert not is_article_header(frag("<header><h1>The Paper</h1><nav><a href='/'>Home</a></nav></header>"))
    assert not is_article_header(frag("<header><p>Subscribe</p></header>"))
    intro = "<header><div class='content__intro'>Lead.</div></header>"
    assert is_article_header(frag(f"<article>{intro}</article>").find("header"))
    assert not is_article_header(frag(intro))
    assert not is_article_header(frag("<header><h2 class='box__title'>Issue 7</h2></header>"))


def test_lead_in_the_article_header_is_kept_and_its_breadcrumb_goes():
    paras = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(5))
    result = body_of(f"<header><nav><a href='/'>Home</a><a href='/p'>Politics</a></nav></header>"
                     f"<main><article><header><nav><a href='/'>Home</a> <a href='/p'>Politics</a></nav>"
                     f"<h1>Council passes budget</h1><p class='a-lead'>{LEAD}</p></header>"
                     f"<div class='article-body'>{paras}</div></article></main>")
    assert result.paragraphs[0] == LEAD
    assert not any("Home" in p for p in result.paragraphs)


# ---------------------------------------------------------------- leads and deks
def test_reads_as_prose_tells_a_lead_from_a_dek():
    assert reads_as_prose("The council approved the budget.")
    assert reads_as_prose("Spending rises. Schools get most of the new money and")
    assert not reads_as_prose("Rosé wine is great, but there is also a wave of rosé-adjacent drinks")


def test_is_lead_refuses_a_dek_without_a_full_stop_and_an_alternative_headline():
    dek = "Pubs and bars face penalties for playing loud music or allowing singing and dancing"
    assert not is_lead(frag(f"<p>{dek}</p>"), normalize_phrase(dek))
    assert is_lead(frag(f"<p>{dek}.</p>"), normalize_phrase(dek))
    alt = frag(f"<p class='lead' itemprop='description alternativeHeadline'>{LEAD}</p>")
    assert not is_lead(alt, "")


# ---------------------------------------------------------------- meta lines under the lead
def test_drop_meta_under_lead_cuts_time_and_byline_lines():
    paragraphs = [LEAD, "13:37 Uhr", "Lesezeit: 2 Min.", "Von", LONG]
    assert drop_meta_under_lead(paragraphs, 0, None, None, BlockLog()) == [LEAD, LONG]


def test_drop_meta_under_lead_keeps_sentences_that_open_like_meta():
    posted = ("Posted on social media by the analysts at a games lab, the port of the western game "
              "is not entirely smooth on the streaming service.")
    paragraphs = [LEAD, posted, LONG]
    assert drop_meta_under_lead(paragraphs, 0, None, None, BlockLog()) == paragraphs


def test_edge_label_takes_a_lone_byline_word():
    assert edge_label("Von", None, None) == "byline"
    assert edge_label("By", None, None) == "byline"


# ---------------------------------------------------------------- articleBody cross-check
def test_cross_check_keeps_the_lead_that_repeats_the_description():
    structured = StructuredData(article_body=" ".join([LONG, LONG + " Two."]),
                                og={"description": LEAD})
    kept = cross_check_article_body([LEAD, LONG, "Photo: the council hall.", LONG + " Two."],
                                    structured, BlockLog())
    assert kept == [LEAD, LONG, LONG + " Two."]


def test_cross_check_drops_a_description_repeated_after_the_text_began():
    structured = StructuredData(article_body=" ".join([LONG, LONG + " Two."]),
                                og={"description": LEAD})
    kept = cross_check_article_body([LONG, LEAD, LONG + " Two."], structured, BlockLog())
    assert kept == [LONG, LONG + " Two."]


def test_cross_check_keeps_a_first_paragraph_whose_dateline_articlebody_leaves_out():
    # articleBody often starts after the dateline the page's first paragraph opens with
    first = "MIAMI – " + LONG
    structured = StructuredData(article_body=" ".join([LONG, LONG + " Two."]))
    kept = cross_check_article_body([first, "Video: more headlines", LONG + " Two."],
                                    structured, BlockLog())
    assert kept == [first, LONG + " Two."]


# ---------------------------------------------------------------- paywalls
@pytest.mark.parametrize("notice", [
    "This article is for subscribers only.",
    "Dieser Artikel ist nur für Abonnenten.",
    "Cet article est réservé aux abonnés.",
    "Este artículo es exclusivo para suscriptores",
    "この記事は会員限定です。",
    # any language: subscribers and "only" in a short line that only short lines follow
    "Dieser Artikel ist nur für Abonnenten verfügbar.",
    "Dit artikel is alleen voor abonnees.",
    "Этот материал доступен только подписчикам.",
    "Ez a cikk csak előfizetőknek érhető el.",
    "Το άρθρο είναι διαθέσιμο μόνο για συνδρομητές.",
    "이 기사는 유료회원 전용입니다.",
    "本文为付费内容，订阅后可阅读全文。",
])
def test_cut_at_paywall_drops_the_notice_and_the_offer_after_it(notice):
    log = BlockLog()
    kept = cut_at_paywall([LONG, LONG + " Two.", notice, "Register for free", "Unlimited articles"], log)
    assert kept == [LONG, LONG + " Two."]
    [record] = log.records()
    assert (record.label, record.heading, record.text) == ("newsletter", notice,
                                                           "Register for free\nUnlimited articles")


def test_cut_at_paywall_keeps_a_whole_article_shown_after_its_notice():
    paragraphs = [LEAD, "This article is for subscribers only.", LONG, LONG + " Two."]
    assert cut_at_paywall(paragraphs, BlockLog()) == [LEAD, LONG, LONG + " Two."]


def test_cut_at_paywall_leaves_sentences_about_subscribers():
    paragraphs = [LONG, "This article is for subscribers who want to know how the budget works, "
                        "and for everyone else.", LONG]
    assert cut_at_paywall(paragraphs, BlockLog()) == paragraphs
    # a sentence naming subscribers and "only" with the article going on after it
    paragraphs = [LONG, "The paper said only subscribers can read its archive now.", LONG]
    assert cut_at_paywall(paragraphs, BlockLog()) == paragraphs


# ---------------------------------------------------------------- page-builder widgets
def test_a_page_builder_text_widget_is_no_chrome():
    assert chrome_label(frag("<div class='elementor-widget-container'><p>Text</p></div>"),
                        weak_allowed=False) is None
    assert chrome_label(frag("<div class='widget Blog'><p>Text</p></div>"), weak_allowed=False) is None
    assert chrome_label(frag("<div class='widget widget_recent_entries'><p>Text</p></div>"),
                        weak_allowed=False) == "other"


# ---------------------------------------------------------------- captions, credits, meta at the end
def test_drop_captions_takes_credit_lines_between_paragraphs():
    kept = drop_captions([LONG, "Crédits photos : Bestimage", "Beitragsbild: Titelseite vom 2.4.",
                          "Ski star from Switzerland. © AFP / MARCO BERTORELLO", LONG], BlockLog())
    assert kept == [LONG, LONG]


def test_trim_edges_cuts_a_closing_date_line():
    paragraphs = [LONG, LONG + " Two.", "Publiziert: 03.04.2020, 12:35"]
    assert trim_edges(paragraphs, None, StructuredData(), BlockLog()) == paragraphs[:2]


def test_explore_further_heads_related_links():
    assert heading_label("Explore further") == "related"


def test_caption_classes_are_chrome():
    assert chrome_label(frag("<p class='imagedescription'>A skier. © AFP</p>"), weak_allowed=False) == "caption"


# ---------------------------------------------------------------- repeated lines
def test_repeated_subheadings_stay_repeated_chrome_goes():
    paragraphs = ["Setting up", LONG, "Advertisement line", "Setting up", LONG + " Two.", "Advertisement line",
                  "Setting up", LONG + " Three.", "Advertisement line"]
    kept = drop_repeated_short(paragraphs, BlockLog(), subheadings={"Setting up"})
    assert kept == ["Setting up", LONG, "Setting up", LONG + " Two.", "Setting up", LONG + " Three."]


def test_heading_texts_of_the_article():
    tree = html("<div id='c'><h2>Setting  up</h2><p>Text</p><h3>Conclusion</h3></div>")
    assert heading_texts([tree.get_element_by_id("c")]) == {"Setting up", "Conclusion"}


def test_a_modal_dialog_is_chrome_whatever_its_size():
    dialog = frag("<div class='modal fade'><div class='modal-body'>" + LONG * 3 + "</div></div>")
    assert chrome_label(dialog, weak_allowed=False) == "other"


def test_a_paragraph_that_is_all_one_link_elsewhere_is_a_teaser():
    tree = html(f"<div id='c'><p>{LONG}</p><p><a href='https://shop.example/offers'>Looking for a "
                f"shop to rent? See the offers here</a></p><p>{LONG} Two.</p>"
                f"<p>Source: <a href='https://stats.example/report'>the statistics office</a></p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "shop to rent" not in text and "statistics office" in text


def test_a_bold_read_also_line_is_a_teaser_not_the_heading_of_what_follows():
    tree = html(f"<div id='c'><p>{LONG}</p><p>{LONG}</p><p><b>Les også: <a href='/kjendis/x'>Tone "
                f"røper detaljer om frieriet</a></b></p><p>Videre forteller hun lattermildt.</p>"
                f"<p>{LONG} End.</p></div>")
    container = tree.get_element_by_id("c")
    log = BlockLog()
    separate_boilerplate([container], text_stats(container), log, page_host="paper.com")
    text = container.text_content()
    assert "frieriet" not in text and "lattermildt" in text
    assert [(r.label, r.text) for r in log.records()] == [("related", "Les også: Tone røper detaljer om frieriet")]


def test_a_read_also_block_stops_at_running_text_with_a_link():
    prose = f"<p>{LONG} See <a href='/x'>the vote</a> for details. {LONG}</p>"
    tree = html(f"<div id='c'><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p><h3>Read also:</h3>"
                f"<p><a href='/a'>Other story</a></p>{prose}<p>{LONG} End.</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "Other story" not in text and "the vote" in text


def test_a_heading_anchor_id_does_not_make_it_chrome():
    paras = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(4))
    result = body_of(f"<article><h1>Council passes budget</h1>{paras}"
                     f"<h3 class='subheading' id='nav_only_the_foil_1'>Only the foil remains</h3>"
                     f"{paras}<h3 id='comments-title'>42 replies</h3></article>")
    assert "Only the foil remains" in result.paragraphs
    assert "42 replies" not in result.paragraphs


def test_a_sidebar_named_twice_goes_even_with_most_of_the_prose():
    bio = " ".join([LONG] * 3)
    result = body_of("<div class='post'><h1>Council passes budget</h1>"
                     + "".join(f"<p>Short line {i} of the post.</p>" for i in range(6))
                     + f"</div><aside class='widget-col sidebar'><p>{bio}</p></aside>")
    assert not any(LONG in p for p in result.paragraphs)


def test_newsletter_prompts_in_the_readers_words():
    kept = drop_captions([LONG, "Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern.",
                          "Schauen Sie mal in unseren Musiknewsletter!",
                          "The council said our newsletter was late this month.", LONG], BlockLog())
    assert kept == [LONG, "The council said our newsletter was late this month.", LONG]


def test_zoom_buttons_copyright_tails_and_video_notices_go():
    kept = drop_captions([LONG, "Vergrößern Eine kleine runde Aussparung für die Kamera.",
                          "Logo des Awards von drei Magazinen | © Springer",
                          "Video verfügbar bis 28.02.2021", "Weitere Infos unter www.example.de.", LONG],
                         BlockLog())
    assert kept == [LONG, LONG]


def test_contact_person_heading_ends_the_body():
    paragraphs = [LONG, LONG, LONG, "Ansprechpartnerin zum Thema:", "Dr. Jane Doe"]
    assert cut_at_trailing_heading(paragraphs, 0, BlockLog()) == 3


def test_a_lead_set_as_a_heading_is_not_taken_for_the_headline():
    lead = ("Die in Bonn angesiedelte UN-Konvention hat zusammen mit der FAO eine Arbeitsgruppe zur "
            "Vogelgrippe und zu Wildvögeln eingerichtet. Diese Task Force hat am 25. Januar ihre "
            "Empfehlungen veröffentlicht.")
    paras = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(4))
    result = body_of(f"<article><h2>{lead}</h2>{paras}</article>",
                     headline="Bonn: UN-Konvention veröffentlicht Empfehlungen zur Vogelgrippe")
    assert result.paragraphs[0] == lead


def test_a_title_link_with_a_summary_is_a_teaser_card():
    card = ("<div class='box'><div class='box-header'><a href='/blog/raspberries'>What to make with "
            "raspberries? We help!</a></div><p>Sweet and juicy fruit for desserts, savoury dishes and "
            "quick salads: get inspired by our ideas.</p></div>")
    prose = (f"<div class='text'><p><a href='https://index.example/'>The prosperity index</a> is a long "
             f"project that measures how the country is doing. {LONG}</p></div>")
    tree = html(f"<div id='c'><p>{LONG}</p><p>{LONG}</p><p>{LONG}</p>{prose}{card}</div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "raspberries" not in text and "prosperity index" in text


# ---------------------------------------------------------------- split articles
def test_an_article_split_into_page_builder_rows_is_taken_whole():
    def row(text):
        return (f"<div class='vc_row wpb_row'><div class='wpb_column'><div class='vc_column-inner'>"
                f"<div class='wpb_wrapper'><div class='wpb_text_column'><p>{text}</p></div>"
                f"<div class='vc_empty_space'><span></span></div></div></div></div>"
                f"<div class='wpb_column'><img src='a.jpg'></div></div>")
    big = " ".join([LONG] * 4)
    tree = html(f"<div class='entry-content'>{row('First part. ' + LONG)}{row(big)}{row('Last part. ' + LONG)}</div>")
    elements = select_elements(tree.find("body"), text_stats(tree.find("body")))
    text = " ".join(el.text_content() for el in elements)
    assert "First part." in text and "Last part." in text


def test_trim_edges_cuts_long_filing_and_last_modified_lines():
    filing = ("Erstellt am Dienstag 6. Mai 2014 um 23:30 und abgelegt unter debianforum, Linux, Tutorials, "
              "Ubuntu, ubuntuusers.de. Kommentare zu diesem Beitrag können über den RSS 2.0 Feed verfolgt "
              "werden. Kommentare und Pings sind geschlossen.")
    paragraphs = [LONG, LONG + " Two.", filing]
    assert trim_edges(paragraphs, None, StructuredData(), BlockLog()) == paragraphs[:2]
    stamp = "stunnel_rsync.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm"
    assert trim_edges([LONG, LONG, stamp], None, StructuredData(), BlockLog()) == [LONG, LONG]


def test_share_tails_and_newsletter_prompts_pass_the_cheap_tests():
    kept = drop_captions([LONG + " Share on Twitter", "Sign up for our daily briefing newsletter here.", LONG],
                         BlockLog())
    assert kept == [LONG, LONG]


# ---------------------------------------------------------------- comment threads
def test_a_long_thread_under_a_short_post_stays_comments():
    # a blog engine's thread ("re: <title>" per comment) holds most of the page's prose, yet
    # the post above it is the article
    post = "".join(f"<p>{LONG} Post part {i}.</p>" for i in range(2))
    thread = "".join(f"<h4><a href='#c{i}'>#</a> re: Council passes budget</h4><p>{LONG} Reader {i}.</p>"
                     for i in range(8))
    result = body_of(f"<div id='main'><div class='post'><h2>Council passes budget</h2>{post}</div>"
                     f"<div id='comments'><h3>Comments</h3>{thread}</div></div>")
    assert [p for p in result.paragraphs if "Post part" in p] and \
        not any("Reader" in p for p in result.paragraphs)
    assert any(b.label == "comments" and "Reader 3" in b.text for b in result.boilerplate)


def test_a_forum_thread_with_nothing_beside_it_is_the_content():
    thread = "".join(f"<div class='reply'><p>{LONG} Reader {i}.</p></div>" for i in range(6))
    result = body_of(f"<div id='comments'>{thread}</div><p>Menu</p>")
    assert any("Reader 4" in p for p in result.paragraphs)


def test_chinese_post_lines_and_related_reports():
    assert edge_label("发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)", None, None) == "byline"
    assert edge_label("发布时间：2022-02-13 04:22:18", None, None) == "byline"
    assert edge_label("他发表于杂志上的文章引起了很大的反响。", None, None) is None
    assert heading_label("相关报道：") == "related"


# ---------------------------------------------------------------- link-dense blocks that are text
def test_rows_of_a_data_table_stay_and_a_menu_row_goes():
    rows = "".join(f"<tr><td><a href='/f{i}'>Film number {i} of the list</a></td><td>19{60 + i}</td>"
                   f"<td>A scientist relives one day of the war, again and again.</td></tr>" for i in range(4))
    rows += ("<tr><td><a href='/j'>Journey to the Center of Time</a></td><td>1967</td>"
             "<td><a href='/r'>Remake</a> of <a href='/t'>The Time Travelers</a></td></tr>")
    tree = html(f"<div id='c'><p>{LONG}</p><table><tr><th>Film</th><th>Year</th><th>Note</th></tr>"
                f"{rows}<tr><td><a href='/a'>Home page</a></td><td><a href='/b'>All the films</a></td>"
                f"</tr></table><p>{LONG} Two.</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "Film number 1 of the list" in text and "Journey to the Center" in text
    assert "All the films" not in text


def test_a_sentence_with_its_sources_linked_is_text_and_a_link_list_is_not():
    tree = html(f"<div id='c'><p>{LONG}</p><p>Trump imposed tariffs on steel in 2018, "
                "<a href='https://x.example/a'>prompting Mexico to implement a range of retaliatory "
                "measures on American goods</a>, and the dispute lasted until the two governments "
                "<a href='https://x.example/b'>signed an agreement in May 2019</a>.</p>"
                "<p>Listen: <a href='https://po.example/1'>po.example/1</a> Download: "
                f"<a href='https://po.example/2'>po.example/2</a></p><p>{LONG} Two.</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "retaliatory measures" in text and "Download" not in text


def test_a_heading_that_is_the_description_is_the_lead_not_the_headline():
    dek = "Snopes writer David Emery asked on Twitter if there were any un-angry Trump supporters"
    structured = StructuredData(og={"description": dek + "?"})
    paras = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(4))
    markup = f"<h1>'Neutral' Snopes Writer David Emery: 'Any Un-Angry Trump Supporters?'</h1>" \
             f"<div class='entry-content'><h2>{dek}?</h2>{paras}</div>"
    result = extract_body(html(markup), structured, url="https://paper.com/a",
                          headline="'Neutral' Snopes Writer David Emery: 'Any Un-Angry Trump Supporters?'")
    assert result.paragraphs[0] == dek + "?"
    # the headline repeated at the top of the text still goes
    markup = f"<div class='entry-content'><h2>Council passes budget</h2>{paras}</div>"
    structured = StructuredData(og={"description": "Council passes budget"})
    assert extract_body(html(markup), structured, url="https://paper.com/a",
                        headline="Council passes budget").paragraphs[0].startswith(LONG)


def test_widget_headings_kept_with_their_colon_and_jetpack_share_buttons():
    assert heading_label("Like this:") == "share" and heading_label("Share this:") == "share"
    assert heading_label("Like this") is None
    assert chrome_label(frag("<div class='sharedaddy sd-block sd-like'><h3>Like</h3></div>"),
                        weak_allowed=False) == "share"


def test_a_data_tables_column_names_and_repeated_values_stay():
    rows = "".join(f"<tr><td><p>task {i}</p></td><td><p><code>started</code></p></td>"
                   f"<td><p>Re-enqueue the task {i} if it waited for too long.</p></td></tr>" for i in range(4))
    paras = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(4))
    result = body_of(f"<article><h1>Council passes budget</h1>{paras}<table><tr><td><p><b>Entity</b></p></td>"
                     f"<td><p><b>Status</b></p></td><td><p><b>Comment</b></p></td></tr>{rows}</table></article>")
    assert "Comment" in result.paragraphs and result.paragraphs.count("started") == 4
    assert "Re-enqueue the task 3 if it waited for too long." in result.paragraphs
    # outside a table, the same lines are a comments heading and repeated chrome
    kept = drop_repeated_short(["started", LONG, "started", "started"], BlockLog())
    assert kept == [LONG]


def test_breadcrumb_lines_trackbacks_and_engine_credits_frame_the_body():
    crumb = "三校社会学论坛 » 学术前沿 » 社会资本与再就业"
    closing = ["Trackback: http://tb.example.net/TrackBack.aspx?PostId=543698",
               "Powered by Discuz! Archiver 5.0.0 © 2001-2006 Comsenz Inc."]
    assert trim_edges([crumb, LONG, LONG, *closing], None, StructuredData(), BlockLog()) == [LONG, LONG]
    # a sentence that opens with the words stays, and so does an arrow in running text
    kept = [LONG, "Powered by two solar panels and a small battery, the boat crossed the lake in a day "
            "while the crew counted the birds on the shore and the clouds over the hills."]
    assert trim_edges(kept, None, StructuredData(), BlockLog()) == kept
    assert edge_label("Prices > costs > wages, the union said.", None, None) is None


# ---------------------------------------------------------------- captions and class states
def test_a_state_token_does_not_name_the_element():
    assert chrome_label(frag("<div class='post no_caption'>x</div>"), weak_allowed=True) is None
    assert chrome_label(frag("<div class='layout has-sidebar'>x</div>"), weak_allowed=False) is None
    assert chrome_label(frag("<div class='sidebar'>x</div>"), weak_allowed=False) == "other"


def test_an_agency_caption_of_a_few_sentences_goes_and_a_video_card_stays():
    caption = ("U.S. Defense Secretary Mark Esper, left, and Vietnamese Defense Minister Ngo Xuan Lich "
               "shake hands in Hanoi, Vietnam Wednesday, Nov. 20, 2019. Esper is on a visit to Vietnam to "
               "strengthen the military relations with the Southeast Asian nation.")
    paras = "".join(f"<p>{LONG} Part {i}.</p>" for i in range(4))
    result = body_of(f"<article><h1>Council passes budget</h1><div class='gallery'><img src='a.jpg'>"
                     f"<div class='caption'><div class='caption-full'>{caption}<a> less</a></div></div></div>"
                     f"{paras}</article>")
    assert not any("Esper" in p for p in result.paragraphs)
    assert any(b.label == "caption" and "Esper" in b.text for b in result.boilerplate)
    assert "Esper" in " ".join(extract_body(
        html(f"<article><div class='caption'><div class='caption-full'>{caption}</div></div>{paras}</article>"),
        StructuredData(), headline="Council passes budget", url="https://paper.com/a",
        include_captions=True).paragraphs)
    # a video page: the description card named a caption is the page's text
    card = (f"<div class='item-caption'><div class='details'><span>By Andreas</span>"
            f"<p class='item-description'>{LONG}</p><div class='infos'><dl><dt>2 min</dt></dl></div></div></div>")
    assert any(LONG in p for p in body_of(f"<main><h1>Council passes budget</h1>{card}</main>").paragraphs)


def test_related_headings_addressing_the_reader_and_php_strict_standards():
    for heading in ("Diese Artikel könnten euch auch interessieren:", "Das könnte Dich auch noch interessieren"):
        assert heading_label(heading, exact=True) == "related"
    warning = ("Strict Standards: Non-static method nggGallery::i18n() should not be called statically in "
               "/www/htdocs/w00/wp-content/plugins/nextgen-gallery/lib/gallery.php on line 59")
    assert drop_captions([LONG, warning, LONG], BlockLog()) == [LONG, LONG]


def test_a_linked_item_of_a_checklist_stays_and_a_teaser_list_goes():
    tree = html(f"<div id='c'><p>{LONG}</p><ul><li>Is this a planned purchase?</li>"
                "<li>Will it end up in the crap list one day?</li>"
                "<li><a href='/prevent-clutter-by-asking-where-items-go'>Where am I going to put it</a>?</li>"
                f"<li>Have I included this in my budget?</li></ul><p>{LONG} Two.</p>"
                "<ul><li><a href='/a'>Storm hits the coast on Monday</a></li>"
                "<li><a href='/b'>Ferries cancelled for the week</a></li></ul></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "Where am I going to put it" in text and "Ferries cancelled" not in text


# ---------------------------------------------------------------- the site talking to its reader
def test_reader_prompts_go_wherever_they_stand_and_sentences_about_apps_stay():
    prompts = [
        "Like this story? Share it with a friend!",
        "Follow TechRadar on Google News and add us as a preferred source to get our expert news.",
        "Hat Ihnen dieser Artikel gefallen? Dann unterstützen Sie uns bitte mit einer Spende.",
        "Die Zeitung auch bei Social Media – ob WhatsApp, Instagram oder Facebook.",
        "Unterstütze RosaMag bereits mit 2,50!",
        "Today’s news: Follow live updates from the campaign trail from the AP.",
        "We want to hear from you: Are you planning to vote? Tell us why.",
        "Cek berita dan artikel yg lain di Google News dan ikuti WhatsApp channel kami",
        "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99.",
    ]
    log = BlockLog()
    assert drop_captions([LONG, *prompts, LONG], log) == [LONG, LONG]
    assert {r.label for r in log.records()} == {"other"}
    story = [LONG, "The ministry said it would follow the advice of the commission on Monday.",
             "Die Stadt unterstützt Familien mit 200 Euro im Monat, sagte der Bürgermeister.",
             "The app is free and available for Android and iOS, the company said.",
             "Der Fall sorgt auch auf Social Media für Aufsehen.",
             "Groceries delivered to your door cost more, and 12 issues for the year are planned.",
             "Users share photos with friends in the app, which has 40 million users."]
    assert drop_captions(story, BlockLog()) == story


def test_affiliate_disclosures_go_and_stories_about_commissions_stay():
    disclosures = [
        "This article contains affiliate links. The products listed have been selected independently.",
        "This post and the photos within it may contain affiliate links. If you purchase something through "
        "the link, I may receive a small commission at no extra charge to you.",
        "We recommend the best products through an independent review process, and advertisers do not "
        "influence our picks. We may receive compensation if you visit partners we recommend.",
        "As an Amazon Associate I earn from qualifying purchases.",
        "Dieser Artikel enthält Affiliate-Links und/oder werbende Inhalte.",
        "Die mit Sternchen (*) gekennzeichneten Links sind sogenannte »Affiliate-Links«.",
        "Diese Seite kann Affiliate-Links beinhalten, die mir eine kleine Provision einbringen.",
        "Cet article contient des liens affiliés.",
    ]
    log = BlockLog()
    assert drop_captions([LONG, *disclosures, LONG], log) == [LONG, LONG]
    assert {r.label for r in log.records()} == {"other"}
    story = [LONG, "Amazon on Tuesday cut the commission it pays on affiliate links by half, the company said.",
             "“We earn a commission on every house we sell,” the agent said.",
             "The commission said it would receive the report on Monday.",
             "Die Provision für Makler sinkt, teilte der Verband mit."]
    assert drop_captions(story, BlockLog()) == story


def test_reader_prompt_in_the_middle_of_a_page_goes():
    result = body_of(f"<article><h1>Council passes budget</h1><p>{LONG}</p>"
                     "<p>Aktuelle Nachrichten aufs Handy? Hier geht es zur neuen Zeitungs-News-App.</p>"
                     f"<p>{LONG} Again.</p></article>")
    assert result.paragraphs == [LONG, LONG + " Again."]


def test_gallery_slide_counters_go():
    log = BlockLog()
    assert drop_captions([LONG, "Image 1 of 5", "Bild 2 von 10", LONG], log) == [LONG, LONG]
    assert {r.label for r in log.records()} == {"caption"}
    assert drop_captions([LONG, "Image 1 of 5 shows the harbour at dawn."], BlockLog())[1:] == [
        "Image 1 of 5 shows the harbour at dawn."]


def test_closing_editor_notes_go():
    for note in ("First published in The Conversation.", "Dieser Artikel ist zuerst bei \"Capital\" erschienen.",
                 "This is a breaking news story - more to follow", "Mit Agenturmaterial.", "mit dpa"):
        assert trim_edges([LONG, note], None, None, BlockLog()) == [LONG], note
    # the words inside a sentence are no such note
    inside = "The report was first published in 2019 and is cited in the budget."
    assert trim_edges([LONG, inside], None, None, BlockLog()) == [LONG, inside]


def test_closing_comment_rules_go_and_a_sentence_about_comments_stays():
    rules = ("Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind. Beleidigungen "
             "werden nicht toleriert und entfernt.")
    rules_pt = ("ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao "
                "usuário não serão aprovados pelo moderador.")
    for text in (rules, rules_pt):
        log = BlockLog()
        assert trim_edges([LONG, text], None, None, log) == [LONG]
        assert log.records()[0].label == "comments"
    news = ("Los borradores recogen los comentarios que hicieron las víctimas en 2021. Los tres "
            "documentos, aún no aprobados, se conocerán en mayo.")
    assert trim_edges([LONG, news], None, None, BlockLog()) == [LONG, news]


def test_paywall_notice_with_a_decimal_share_cuts_the_rest():
    notice = "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés."
    assert cut_at_paywall([LONG, LONG, notice, "Déjà abonné ? Se connecter"], BlockLog()) == [LONG, LONG]


def test_read_also_lines_and_headings_in_more_languages():
    from newsarchive.extract.boilerplate import promo_label
    for line in ("FUNDA OLUNYE UDABA LAPHA | Kuboshwe abahlanu besolwa ngokugwaza umfundi",
                 "यह भी पढ़ें: दिल्ली में बारिश से जलभराव", "Xem thêm: Giá vàng hôm nay tăng mạnh",
                 "Przeczytaj też: Rząd przyjął projekt budżetu"):
        assert promo_label(line, 0.8) == "related", line
    for heading in ("Passend zum Artikel", "Tin liên quan", "Povezane vijesti", "Saiba mais"):
        assert heading_label(heading, exact=True) == "related", heading
    # a sentence that opens with the same word is no promo
    assert promo_label("Xemthêm is a word we made up for the test and it is prose.", 0.0) is None
    tree = html(f"<div id='c'><p>{LONG}</p><p><strong>FUNDA OLUNYE UDABA LAPHA | "
                "<a href='/other-story'>Kuboshwe abahlanu besolwa</a></strong></p>"
                f"<p>{LONG} Two.</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    assert "Kuboshwe" not in container.text_content()


def test_chinese_source_lines_bylines_and_signatures_with_an_e_mail():
    log = BlockLog()
    assert drop_captions([LONG, "来源：新华网", "文章来源：千龙网", LONG], log) == [LONG, LONG]
    assert edge_label("本报记者 王燕平 方云凤", None, None) == "byline"
    assert edge_label("本报记者罗科苏盈发自北京", None, None) == "byline"
    # a sentence that opens with "our reporter" is the text
    assert edge_label("本报记者日前从市教育局获悉，今年秋季将新增学位三千个。", None, None) is None
    assert trim_edges([LONG, "신현주 기자 spicy@hankookilbo.com"], None, None, BlockLog()) == [LONG]
    plea = "Please do not file a public issue; instead send your report privately to security@docker.com."
    assert trim_edges([LONG, plea], None, None, BlockLog()) == [LONG, plea]


def test_a_teaser_inside_a_sites_own_elements_goes():
    tree = html(f"<div id='c'><p>{LONG}</p><p>{LONG} Two.</p><teaserparagraph><teaser class='media'>"
                "<div><p class='tag'><a href='/b2b'>B2B</a></p><a class='title' href='/b2b/waymo'>"
                "<h2>Waymo asks carmakers for money</h2></a><a href='/b2b/waymo'><p>The firm seeks "
                "investors for its cars.</p></a></div></teaser></teaserparagraph><p>{LONG} Three.</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "Waymo" not in text and "Three." in text


def test_numbered_figure_captions_video_descriptions_and_player_chrome_go():
    video = ("Nach dem Angriff wurden in Brüssel schärfere Sanktionen beschlossen. 18.04.2024 | 0:21 min")
    log = BlockLog()
    kept = drop_captions([LONG, "Abbildung 4: klassische Schwachschicht.", "Fig. 2. The model", video, LONG], log)
    assert kept == [LONG, LONG]
    assert {r.label for r in log.records()} == {"caption"}
    # a table's title names the data under it and stays; so does prose that mentions a figure
    keep = [LONG, "Table 6-1. Example symptoms and causes", "Figure skating returns to the arena in May."]
    assert drop_captions(keep, BlockLog()) == keep
    result = body_of(f"<article><h1>Council passes budget</h1><p>{LONG}</p><p>Embed</p>"
                     f"<p>Player wird geladen</p><p>{LONG} Again.</p></article>")
    assert result.paragraphs == [LONG, LONG + " Again."]


def test_a_linked_headline_card_with_its_date_goes_after_the_text_began():
    card = ("<div class='card'><a href='/other-story'><h3>Villas of the accused look for new owners"
            "</h3></a><span><time>23. 12. 2024 13:31</time></span></div>")
    tree = html(f"<div id='c'><p>{LONG}</p><p>{LONG} Two.</p>{card}<p>{LONG} Three.</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "Villas" not in text and "Three." in text
    # the same card before any text may be the article's own video or header: it stays
    tree = html(f"<div id='c'>{card}<p>{LONG}</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    assert "Villas" in container.text_content()


def test_a_paragraph_hidden_only_from_screen_readers_is_text():
    from newsarchive.extract.prune import is_hidden
    rest = "<p class='paywall' aria-hidden='true'>" + LONG + " The rest of the story.</p>"
    result = body_of(f"<article><h1>Council passes budget</h1><p>{LONG}</p>{rest}</article>")
    assert result.paragraphs == [LONG, LONG + " The rest of the story."]
    assert not is_hidden(frag(rest))
    # an icon or a short decorative copy stays hidden, and so does prose hidden by style
    assert is_hidden(frag("<span aria-hidden='true'>›</span>"))
    assert is_hidden(frag(f"<p style='display:none'>{LONG}</p>"))


def test_a_paragraph_interrupted_by_a_trending_box_keeps_its_text():
    box = ("<section class='box'><h2>Trending</h2>"
           + "".join(f"<article><a href='/s{i}'><h3>Another story number {i} here about the city</h3></a></article>"
                     for i in range(6)) + "</section>")
    tree = html(f"<div id='c'><p>{LONG}</p><p>{LONG} One.</p><p>{LONG} Two.</p><p>{LONG} Quote. {box}</p>"
                f"<p>{LONG} Three.</p><p>{LONG} Four.</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "Quote." in text and "Another story" not in text and "Trending" not in text


def test_a_part_of_the_article_that_opens_with_its_table_of_contents_is_merged():
    from newsarchive.extract.score import merge_siblings, outward_link_density, score_candidates
    toc = "<div class='toc'><strong>In this article:</strong>" + "".join(
        f"<a href='#q{i}'>Question number {i} about the virus?</a><br>" for i in range(8)) + "</div>"
    parts = [f"<div class='row'><div class='col'><p>{LONG} Part {i}.</p><p>{LONG}</p></div></div>"
             for i in range(3)]
    middle = f"<div class='row'><div class='col'><p>{LONG} Opening.</p>{toc}<h3 id='q0'>Symptoms?</h3></div></div>"
    tree = html(f"<article>{parts[0]}{middle}{parts[1]}{parts[2]}</article>")
    body = tree.find("body")
    stats = text_stats(body)
    middle_el = body.find("article")[1]
    assert stats.link_density(middle_el) >= 0.3 and outward_link_density(middle_el, stats) < 0.3
    chosen = merge_siblings(body.find("article")[0], score_candidates(body, stats), stats)
    assert middle_el in chosen


def test_page_builder_text_blocks_numbered_by_class_are_one_article():
    from newsarchive.extract.score import (
        best_candidate, class_key, class_weight, merge_siblings, score_candidates,
    )
    assert class_key(frag("<div class='elementor-element elementor-element-0cf1ec3 elementor-widget'>x</div>")) \
        == "elementor-element elementor-widget"
    assert class_key(frag("<div class='fb-col-12 mt-4 vc_custom_1671012345'>x</div>")) == "fb-col-12 mt-4"
    # a page builder's text widget loses no points for its name; a sidebar widget still does
    assert class_weight(frag("<div class='elementor-widget elementor-widget-text-editor'>x</div>")) == 0
    assert class_weight(frag("<div class='widget sidebar'>x</div>")) < 0
    blocks = "".join(
        f"<div class='elementor-element elementor-element-{ident} elementor-widget elementor-widget-text-editor'>"
        f"<div class='elementor-widget-container'><div class='elementor-text-editor'><p>{LONG} {ident}.</p>"
        f"<p>{LONG}</p></div></div></div>" for ident in ("0cf1ec3", "0161dc5", "6499e95"))
    tree = html(f"<div class='elementor-widget-wrap'>{blocks}</div>")
    body = tree.find("body")
    stats = text_stats(body)
    scores = score_candidates(body, stats)
    chosen = merge_siblings(best_candidate(scores), scores, stats)
    text = " ".join(el.text_content() for el in chosen)
    assert all(ident in text for ident in ("0cf1ec3", "0161dc5", "6499e95"))


def test_an_abstract_of_several_sentences_is_the_lead_and_a_one_line_dek_is_not():
    abstract = ("With the project now started, a habitat network of national importance is being built "
                "along the river. A budget of 17 million euros is planned until 2031. Today the agency "
                "handed over the grant of 5.1 million euros for the first phase to the partners.")
    assert is_lead(frag(f"<div class='field field--name-field-abstract'>{abstract}</div>"), "")
    dek = "The river gets its meadows back, and the partners have the money for the first phase."
    assert not is_lead(frag(f"<div class='abstract'>{dek}</div>"), "")


def test_closing_credits_sign_offs_captions_with_a_trailing_copyright_and_relative_times():
    for closing in ("Redaktion: Marcus Bensmann, Elena Müller", "Faktencheck: Marcus Bensmann"):
        assert trim_edges([LONG, closing], None, None, BlockLog()) == [LONG], closing
    coverage = "Follow AP's full coverage of Brexit at https://apnews.com/Brexit"
    assert drop_captions([LONG, coverage], BlockLog()) == [LONG]
    assert trim_edges([LONG, LONG, "amw"], None, None, BlockLog()) == [LONG, LONG]
    # a page of short lowercase words is not signed off line by line
    assert trim_edges(["abc", "def", "ghi"], None, None, BlockLog()) == ["abc", "def", "ghi"]
    sentence = "Redaktion: die Stadt hat entschieden, die Brücke zu sanieren."
    assert trim_edges([LONG, sentence], None, None, BlockLog()) == [LONG, sentence]
    caption = "Das Wohn- und Pflegeheim in Nußdorf-Debant © Gemeinde Nußdorf-Debant"
    assert drop_captions([LONG, caption], BlockLog()) == [LONG]
    mail = "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik."
    assert drop_captions([LONG, mail, LONG], BlockLog()) == [LONG, LONG]
    assert edge_label("Zimbili Vilakazi|Published 15 hours ago", None, None) == "byline"
    assert edge_label("3 days ago the council met to vote on the new budget for the schools and the "
                      "roads of the district, and it passed.", None, None) is None
    from newsarchive.extract.boilerplate import promo_label
    assert promo_label("Also: See Black Friday coverage at CNET", 0.8) == "related"


def test_download_links_labelled_with_a_file_size_go():
    log = BlockLog()
    lines = ["Informationsschreiben vom 14. Oktober 2021PDF | 38 KB | Datei ist nicht barrierefrei",
             "Annual report 2023 (PDF, 2.4 MB)"]
    assert drop_captions([LONG, *lines, LONG], log) == [LONG, LONG]
    assert {r.label for r in log.records()} == {"related"}
    prose = "The PDF format turned 30 this year, and the file of the first draft was 38 KB."
    assert drop_captions([LONG, prose], BlockLog()) == [LONG, prose]


def test_paywall_badges_and_sign_in_prompts_standing_as_lines_go():
    result = body_of(f"<article><h1>Council passes budget</h1><p>Article réservé aux abonnés</p><p>{LONG}</p>"
                     f"<p>Pour ajouter l’article à vos sélections</p><p>identifiez-vous</p><p>{LONG} Two.</p>"
                     "</article>")
    assert result.paragraphs == [LONG, LONG + " Two."]
    # the same words as lines of one block, split at its line breaks
    assert drop_captions([LONG, "Pour ajouter l’article à vos sélections", "identifiez-vous", "Embed", LONG],
                         BlockLog()) == [LONG, LONG]


def test_a_sign_up_boxs_offer_and_consent_line_go():
    lines = ["Get our award-winning daily news email featuring exclusive stories, opinion and expert analysis",
             "I would like to be emailed about offers, event and updates from the Paper. Read our privacy notice.",
             "Get daily Canada news delivered to your inbox so you'll never miss the day's top stories.",
             "By providing your email address, you have read and agree to the Paper's Terms and Privacy Policy.",
             "By clicking Sign Up, you confirm that you are 16+ and agree to our Privacy Policy.",
             "Mit der Anmeldung zum Newsletter akzeptieren Sie unsere Datenschutzerklärung.",
             "Enter your email address to follow this blog and receive notifications of new posts by email.",
             "Gib deine E-Mail-Adresse ein, um diesem Blog zu folgen und per E-Mail Benachrichtigungen über neue "
             "Beiträge zu erhalten."]
    assert drop_captions([*lines, LONG], BlockLog()) == [LONG]
    for story in ["Get the email from the clerk, the mayor told the council, and read it aloud.",
                  "By signing the treaty, you agree that the war is over, the minister said.",
                  "Groceries are delivered to your door within an hour, the company said."]:
        assert drop_captions([LONG, story], BlockLog()) == [LONG, story]


def test_the_title_of_a_removed_teaser_list_goes_with_it_and_a_section_heading_stays():
    teasers = "<ul>" + "".join(f"<li><strong>Kicker {i}: </strong><a href='/story-{i}'>Another story about "
                               f"the town number {i}</a></li>" for i in range(4)) + "</ul>"
    tree = html(f"<div id='c'><p>{LONG}</p><p>{LONG} One.</p><h3>Exclusive background for you</h3>{teasers}"
                f"<h3>The vote</h3><p>{LONG} Two.</p><p>{LONG} Three.</p></div>")
    container = tree.get_element_by_id("c")
    separate_boilerplate([container], text_stats(container), BlockLog(), page_host="paper.com")
    text = container.text_content()
    assert "Exclusive background" not in text and "Another story" not in text
    assert "The vote" in text and "Two." in text


def test_an_embedded_video_player_s_title_and_duration_go_and_a_video_page_keeps_its_text():
    player = ("<div class='c-video'><span class='c-video__data'><time>2:34</time>"
              "<span>Russia launches major drills amid tensions</span></span></div>")
    result = body_of(f"<article><h1>Council passes budget</h1><p>{LONG}</p>{player}<p>{LONG} Two.</p></article>")
    assert result.paragraphs == [LONG, LONG + " Two."]
    assert any("Russia launches" in b.text for b in result.boilerplate if b.label == "caption")
    # a video page whose text sits in the player's wrapper keeps it
    page = body_of(f"<main><h1>Council passes budget</h1><div class='video-page'><div class='video'>"
                   f"<p>{LONG}</p><p>{LONG} Two.</p><p>{LONG} Three.</p></div></div></main>")
    assert LONG + " Three." in page.paragraphs


def test_japanese_follow_buttons_member_notices_and_a_korean_related_heading():
    notice = "『カテゴリーをフォロー』すると、マイページでまとめて記事を読むことができます。会員の方のみご利用いただけます。"
    assert drop_captions([LONG, "カテゴリーをフォローする", notice, LONG], BlockLog()) == [LONG, LONG]
    assert heading_label("당신이 관심 있을 만한 이슈", exact=True) == "related"


def test_a_how_to_s_list_of_steps_beside_its_intro_is_text():
    # each step's points reach the steps' block through the item and the list, so the intro
    # outscores it; the list joins on its text
    steps = "".join(f"<li><div class='num'>{i}</div><div class='step'><b>Step {i}.</b> Measure twice, "
                    f"cut once; hold the saw level and let the blade do the work, or the edge splinters.</div></li>"
                    for i in range(1, 7))
    result = body_of(f"<h1>Council passes budget</h1><div class='intro'><p>{LONG}</p><p>{LONG} Two.</p></div>"
                     f"<div class='steps'><ol>{steps}</ol></div>"
                     "<div class='links'><ul><li><a href='/a'>Other story</a></li><li><a href='/b'>More</a></li>"
                     "<li><a href='/c'>And more</a></li></ul></div>")
    assert result.paragraphs[:2] == [LONG, LONG + " Two."]
    assert sum(p.startswith("Step ") for p in result.paragraphs) == 6
    assert not any("Other story" in p for p in result.paragraphs)


def test_an_article_body_hidden_until_a_script_shows_it_is_text():
    # the page's menu and footer outweigh the body in text, not in prose
    menu = "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section number {i} of the site</a></li>"
                                 for i in range(60)) + "</ul></nav>"
    footer = "<footer>" + "".join(f"<p>Footer line {i} about the company and its owners.</p>"
                                  for i in range(12)) + "</footer>"
    paragraphs = [f"{LONG} Part {i}." for i in range(4)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    for hidden in ("class='article-body hidden'", "style='display: none'", "hidden"):
        result = body_of(f"{menu}<h1>Council passes budget</h1><div {hidden}>{body}</div>"
                         f"<div class='teaser'><p>Another story of the week, about the harbour.</p></div>{footer}")
        assert result.paragraphs == paragraphs, hidden
    # hidden prose that is not most of the page's stays hidden (a collapsed box beside the text)
    result = body_of(f"<article><h1>Council passes budget</h1>{body}"
                     f"<div class='hidden'><p>{LONG} Hidden.</p></div></article>")
    assert result.paragraphs == paragraphs


def text_around(markup, opening=LONG):
    """The body of an article of two paragraphs with the markup between them."""
    return body_of(f"<article><h1>Council passes budget</h1><p>{opening}</p>{markup}<p>{LONG} Two.</p></article>")


def test_the_line_under_an_image_that_repeats_its_alt_text_is_its_caption():
    picture = ("<div align='center'><div class='article-img'><img src='/a.jpg' alt='Benchmark results "
               "of the laptop'></div><br><span class='minor2'>Benchmark results of the laptop in our "
               "tests</span></div>")
    result = text_around(picture)
    assert result.paragraphs == [LONG, LONG + " Two."]
    assert any(b.label == "caption" and "Benchmark results" in b.text for b in result.boilerplate)
    # a line in italics under an image is left alone: sites put their own notes so
    note = "<p><img src='/cover.jpg' alt='Cover'></p><p><em>The book is out now, 14.90 euros.</em></p>"
    assert "The book is out now, 14.90 euros." in text_around(note).paragraphs


def test_a_credit_cited_in_a_figure_goes_with_its_caption():
    figure = ("<figure><span class='image'><img src='/map.png' alt='A map'></span><span class='meta'>"
              "<figcaption>Fires detected near the city on Sunday.</figcaption><cite><a href='https://nasa.gov'>"
              "NASA Worldview</a></cite></span></figure>")
    assert text_around(figure).paragraphs == [LONG, LONG + " Two."]
    # a quote's cited source outside any figure stays
    quote = f"<blockquote><p>{LONG}</p><cite>The mayor</cite></blockquote>"
    assert "The mayor" in text_around(quote, opening=LONG + " One.").paragraphs


# ---------------------------------------------------------------- comment threads without classes
COMMENT = ("<div><p>Jane Doe</p><p>2 days ago at 07:52 am</p><p>I have lived in this town for forty years and "
           "I have never seen the council agree on anything this quickly, which makes me wonder what else "
           "was decided behind closed doors before the vote, and who will pay for it in the end.</p></div>")


@pytest.mark.parametrize("title", ["Comments", "Top Rated Comments", "3 Comments", "12 thoughts on “Council passes budget”",
                                   "Kommentare (12)", "Leserkommentare", "One thought on “Council passes budget”",
                                   "5 Gedanken zu „Council passes budget“", "Schreibe einen Kommentar",
                                   "Laisser un commentaire", "Deja una respuesta"])
def test_a_titled_comment_thread_is_no_article_however_long(title):
    # nothing in the markup's classes says "comments": the heading does
    result = body_of(f"<div><h1>Council passes budget</h1><div><p>{LONG}</p></div></div>"
                     f"<div><h2>{title}</h2>{COMMENT * 8}</div>")
    assert result.paragraphs == [LONG]
    assert any(record.label == "comments" and record.heading == title for record in result.boilerplate)


def test_only_a_section_a_comments_heading_opens_goes_before_the_container_is_chosen():
    # "Discussion" also titles a part of a paper's summary; a heading inside running text
    # opens no section
    tree = lxml.html.fromstring(f"<html><body><div><h1>Council passes budget</h1><p>{LONG}</p>"
                                f"<section><h2>Discussion</h2><p>{LONG} Two.</p></section>"
                                f"<h2>Comments</h2><p>{LONG} Three.</p></div>"
                                f"<div><div><h3>3 Comments</h3>{COMMENT}</div></div></body></html>")
    log = BlockLog()
    drop_titled_comments(tree.find("body"), log)
    text = tree.text_content()
    assert "Two." in text and "Three." in text and "Jane Doe" not in text
    assert [(record.label, record.heading) for record in log.records()] == [("comments", "3 Comments")]


def test_a_count_before_words_that_are_no_quoted_title_is_no_comment_heading():
    assert not is_comments_heading("3 responses to the crisis")
    assert not is_comments_heading("Discussion")
    assert is_comments_heading("12 Responses to “Council passes budget”")
    # unquoted, the title after the count must be the headline (WordPress's Twenty Ten sets it in <em>)
    assert is_comments_heading("142 Antworten zu Council passes budget", "council passes budget")
    assert not is_comments_heading("3 responses to the crisis", "council passes budget")
    result = body_of(f"<div><h1>Council passes budget</h1><div><p>{LONG}</p></div></div>"
                     f"<div><h3>142 Antworten zu <em>Council passes budget</em></h3>{COMMENT * 8}</div>")
    assert result.paragraphs == [LONG]


def test_a_cookie_dialogs_long_paragraphs_never_make_it_the_article():
    # nothing in the markup's classes says "consent": the site speaks of its cookies in its own voice
    notice = "<div>" + ("<p>Wir verwenden Cookies, um uns mitzuteilen, wenn Sie unsere Websites besuchen, wie Sie "
                        "mit uns interagieren, Ihre Nutzererfahrung verbessern und Ihre Beziehung zu unserer Website "
                        "anpassen, und wir können Cookies anfordern, die auf Ihrem Gerät eingestellt werden.</p>") * 3 + "</div>"
    result = body_of(notice + f"<div><h1>Council passes budget</h1><p>{LONG}</p></div>")
    assert result.paragraphs == [LONG]
    # an article about cookies speaks of them in the third person and stays
    story = ("Websites must ask before they set cookies, the court ruled on Tuesday, and regulators said "
             "they would check hundreds of sites, banks and shops among them, before the end of the year.")
    assert body_of(f"<div><h1>Council passes budget</h1><p>{story}</p><p>{LONG}</p></div>").paragraphs == [story, LONG]


def test_a_comment_forms_lines_go_in_wordpresss_translations():
    lines = ["Your email address will not be published. Required fields are marked *",
             "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
             "Save my name, email, and website in this browser for the next time I comment.",
             "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser für die nächste "
             "Kommentierung speichern.",
             "Kommentar abgeben", "Leave a Reply", "Antworten abbrechen"]
    log = BlockLog()
    assert drop_captions([LONG, *lines, LONG], log) == [LONG, LONG]
    story = "Meinen Namen sollte man nicht vergessen, sagte er, und man sollte ihn gut speichern."
    assert drop_captions([LONG, story], BlockLog()) == [LONG, story]


def test_a_timestamp_line_goes_wherever_it_stands():
    stamps = ["Aktualisiert: 11.04.2020, 10:27", "Publiziert: 03.04.2020, 12:35", "Pubblicato il: 30 Settembre 2020",
              "Zuletzt aktualisiert am 28.01.2020", "Published on April 11, 2020 10:27 AM"]
    log = BlockLog()
    assert drop_captions([LONG, *stamps, LONG], log) == [LONG, LONG]
    assert {record.label for record in log.records()} == {"byline"}
    story = "Published in 2020, the report found that budgets rose."
    assert drop_captions([LONG, story], BlockLog()) == [LONG, story]
