"""Dates: parsing machine and human dates, candidates by source, choosing with origin."""
from datetime import datetime, timezone

import lxml.html

from newsarchive.extract.dates import (
    dated_texts, find_text_dates, first_date_in_text, local_form, month_word_date, parse_machine_date, parse_relative_date,
    parse_text_date, plausible, read_dates, script_state_dates, site_utc_offsets, url_date,
)
from newsarchive.extract.structured import read_structured

FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def dates_of(html, url="https://example.com/news/story", language="en"):
    tree = lxml.html.document_fromstring(html)
    return read_dates(tree, read_structured(tree, url), url=url, language=language, fetched_at=FETCHED,
                      headline_element=(tree.xpath("//h1") or [None])[0])


def test_iso_with_zone_keeps_time_and_offset():
    assert parse_machine_date("2024-01-07T01:20:00+02:00").iso() == "2024-01-07T01:20:00+02:00"
    assert parse_machine_date("2024-01-07T01:20:00Z").iso() == "2024-01-07T01:20:00+00:00"


def test_time_without_zone_gives_the_date_alone():
    assert parse_machine_date("2024-01-07 01:20:00").iso() == "2024-01-07"
    assert parse_machine_date("2024-01-07").iso() == "2024-01-07"


def test_compact_rfc2822_and_epoch():
    assert parse_machine_date("20191019").iso() == "2019-10-19"
    assert parse_machine_date("Sat, 19 Oct 2019 10:00:00 GMT").iso() == "2019-10-19T10:00:00+00:00"
    assert parse_machine_date("1571479200").iso().startswith("2019-10-19")


def test_garbage_is_not_a_date():
    assert parse_machine_date("soon") is None
    assert parse_machine_date("2019-13-45") is None


def test_future_and_ancient_dates_are_rejected():
    assert not plausible(parse_machine_date("2030-01-01"), FETCHED)
    assert not plausible(parse_machine_date("1985-01-01"), FETCHED)
    assert plausible(parse_machine_date("2024-06-01"), FETCHED)


def test_text_dates_in_several_languages():
    assert find_text_dates("Veröffentlicht am 19. Oktober 2019 um 10 Uhr") == ["19. Oktober 2019"]
    assert parse_text_date("19. Oktober 2019", "de", FETCHED).iso() == "2019-10-19"
    assert parse_text_date("October 19, 2019", "en", FETCHED).iso() == "2019-10-19"
    assert parse_text_date("19.10.2019", "de", FETCHED).iso() == "2019-10-19"
    assert parse_text_date("2019年10月19日", "ja", FETCHED).iso() == "2019-10-19"


def test_hungarian_year_first_and_thai_buddhist_era_dates():
    """Hungarian writes year, month, day ("2019. október 19."); Thai sites count years in the
    Buddhist Era, 543 ahead ("19 ตุลาคม 2562", abbreviated "19 ต.ค. 2562")."""
    assert find_text_dates("Budapest, 2019. október 19., szombat") == ["2019. október 19."]
    assert parse_text_date("2019. október 19.", "hu", FETCHED).iso() == "2019-10-19"
    assert find_text_dates("อัปเดต 19 ต.ค. 2562 10:30 น.") == ["19 ต.ค. 2562"]
    assert parse_text_date("19 ต.ค. 2562", "th", FETCHED).iso() == "2019-10-19"
    assert parse_text_date("19 ตุลาคม 2562", None, FETCHED).iso() == "2019-10-19"
    assert parse_text_date("19 ตุลาคม 2019", "th", FETCHED).iso() == "2019-10-19"  # common era
    assert find_text_dates("since 2501 people came") == []


def test_relative_date_against_fetch_time():
    assert parse_relative_date("3 days ago", "en", FETCHED).iso() == "2024-05-29"


def test_url_date():
    assert url_date("https://x.com/2019/10/19/story").iso() == "2019-10-19"
    assert url_date("https://x.com/news/story-2019-10-19.html").iso() == "2019-10-19"
    assert url_date("https://x.com/news/story") is None


def test_json_ld_wins_over_meta_and_records_source():
    found = dates_of("""<html><head>
    <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-02T08:00:00+01:00",
      "dateModified": "2024-03-03T09:00:00+01:00"}</script>
    <meta property="article:published_time" content="2024-03-01"></head><body></body></html>""")
    assert found.published.iso() == "2024-03-02T08:00:00+01:00"
    assert found.published_source == "json-ld"
    assert found.modified.iso() == "2024-03-03T09:00:00+01:00"


def test_meta_time_element_and_url_in_turn():
    assert dates_of('<html><head><meta name="pubdate" content="2024-02-01"></head><body></body></html>'
                    ).published_source == "meta"
    found = dates_of('<html><body><time datetime="2024-02-02T10:00:00Z">2 Feb</time></body></html>')
    assert (found.published.iso(), found.published_source) == ("2024-02-02T10:00:00+00:00", "time")
    found = dates_of("<html><body><p>x</p></body></html>", url="https://x.com/2024/02/03/story")
    assert (found.published.iso(), found.published_source) == ("2024-02-03", "url-path")


def test_visible_date_near_headline():
    found = dates_of("""<html><body><article><h1>Title</h1>
    <div class="meta"><span class="date">Updated 5 May 2024</span> <span class="pubdate">Published 2 May 2024</span></div>
    <p>Text</p></article></body></html>""")
    assert (found.published.iso(), found.published_source) == ("2024-05-02", "text-dated-element")


def test_first_date_in_text_prefers_publication_words():
    tree = lxml.html.document_fromstring(
        "<html><body><h1>T</h1><p>Letzte Änderung: 31.10.2023</p><p>Erschienen am: 01.11.2023</p></body></html>")
    assert first_date_in_text(tree, "de", FETCHED, tree.xpath("//h1")[0]).iso() == "2023-11-01"


def test_utc_timestamp_takes_the_local_rendering():
    utc = parse_machine_date("2023-11-09T01:49:09Z")
    local = parse_machine_date("2023-11-08T17:49:09-08:00")
    assert local_form(utc, [utc, local], None) is local
    assert local_form(utc, [utc], url_date("https://x.com/2023/11/08/a")).iso() == "2023-11-08"
    assert local_form(utc, [utc], None) is utc


def test_a_local_clock_under_a_utc_label_gives_the_local_day():
    utc = parse_machine_date("2022-05-04T00:44:52Z")
    assert local_form(utc, [utc, parse_machine_date("2022-05-03T21:44:52Z")], None).iso().startswith("2022-05-03")
    on_the_hour = parse_machine_date("2019-10-19T03:00:00Z")
    assert local_form(on_the_hour, [parse_machine_date("2019-10-18T18:00:00Z")], None) is on_the_hour


def test_the_neighbour_day_only_where_the_sites_time_zones_reach_it():
    late = parse_machine_date("2020-12-05T23:15:00Z")
    shown_next_day = parse_text_date("06 Dicembre 2020", "it", FETCHED)
    assert local_form(late, [], None, shown_next_day, site_utc_offsets("it", None)).iso() == "2020-12-06"
    early = parse_machine_date("2020-03-25T04:00:26Z")
    shown_day_before = parse_text_date("24.03.2020", "de", FETCHED)
    assert local_form(early, [], None, shown_day_before, site_utc_offsets("de", "de-CH")) is early
    assert local_form(early, [], None, shown_day_before, site_utc_offsets("es", "es-BO")) is early  # 00:00 there
    earlier = parse_machine_date("2020-03-25T03:40:26Z")
    assert local_form(earlier, [], None, shown_day_before, site_utc_offsets("es", "es-BO")).iso() == "2020-03-24"
    assert local_form(early, [], None, parse_text_date("25.03.2020", "de", FETCHED)) is early


def test_a_page_showing_only_its_modification_day_is_dated_by_it():
    head = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
      "datePublished": "2019-10-15T16:59:59Z", "dateModified": "2020-03-12T14:42:17Z"}</script></head>"""
    found = dates_of(head + """<body><h1>T</h1><div class="timestamp">Updated Mar 12, 2020</div>
        <p>Text</p></body></html>""")
    assert (found.published.iso(), found.published_source) == ("2020-03-12T14:42:17+00:00", "json-ld-modified")
    found = dates_of(head + """<body><h1>T</h1><div class="timestamp">Oct 15, 2019</div>
        <div class="timestamp">Updated Mar 12, 2020</div></body></html>""")
    assert found.published_source == "json-ld"
    found = dates_of(head + """<body><nav class="navbar"><span class="today">Mar 12, 2020</span></nav>
        <h1>T</h1><p>Text</p></body></html>""")
    assert found.published_source == "json-ld"


def test_slash_dates_follow_the_page_locale():
    us = dates_of('<html lang="en-US"><body><h1>T</h1><span class="date">02/10/2020</span></body></html>')
    gb = dates_of('<html lang="en-GB"><body><h1>T</h1><span class="date">02/10/2020</span></body></html>')
    assert (us.published.iso(), gb.published.iso()) == ("2020-02-10", "2020-10-02")


def test_dates_in_sidebars_are_not_the_article_date():
    found = dates_of("""<html><body><article><h1>T</h1><div class="post-meta">27 Sep 2016</div></article>
    <aside class="sidebar"><span class="post-date">09/09/2019</span></aside></body></html>""")
    assert found.published.iso() == "2016-09-27"


def test_date_in_inline_app_state():
    found = dates_of("""<html><body><div id="app"></div>
    <script>window.__STATE__ = {"photo": {"title": "x", "created_at": "2013-02-16T04:36:36-05:00"}};</script>
    </body></html>""")
    assert (found.published.iso(), found.published_source) == ("2013-02-16T04:36:36-05:00", "script")


def test_english_month_names_on_a_page_in_another_language():
    assert parse_text_date("September 1, 2017", "fr", FETCHED).iso() == "2017-09-01"


def test_timestamp_in_the_title_of_a_relative_date():
    found = dates_of('<html><body><h1>T</h1><div class="news-time-ago" title="2020-09-20T14:20:02Z">'
                     'Acum 3 ore</div></body></html>')
    assert found.published.iso() == "2020-09-20T14:20:02+00:00"


def test_two_digit_year_standing_alone_and_image_path_as_last_resort():
    found = dates_of('<html><body><span style="x">02.12.19</span><h1>T</h1><p>x</p></body></html>',
                     language="de")
    assert found.published.iso() == "2019-12-02"
    found = dates_of('<html><head><meta property="og:image" content="https://x.org/files/2016/05/04/a.png">'
                     '</head><body><h1>T</h1></body></html>')
    assert (found.published.iso(), found.published_source) == ("2016-05-04", "image-url-path")


def test_a_bare_date_meta_ranks_below_a_shown_date():
    html = """<html><head><meta name="date" content="2020-04-30"></head><body><h1>Mietenstreik</h1>
    <time>29.04.2020, 12:01 Uhr</time></body></html>"""
    found = dates_of(html, language="de")
    assert found.published.iso() == "2020-04-29"
    html = """<html><head><meta name="date" content="2020-04-30"></head><body><h1>Mietenstreik</h1></body></html>"""
    assert dates_of(html, language="de").published.iso() == "2020-04-30"


def test_text_dates_of_every_form_in_text_order():
    text = "Am 2019-10-19 und am 20. Oktober 2019, dann October 21, 2019 und 22.10.2019 sowie 2019年10月23日"
    assert find_text_dates(text) == ["2019-10-19", "20. Oktober 2019", "October 21, 2019", "22.10.2019",
                                     "2019年10月23日"]
    assert find_text_dates("Seit 12 Jahren, 3 von 4 Fällen") == []
    assert find_text_dates(" 02.12.19 ") == [" 02.12.19 "]


def test_month_names_from_the_table_need_no_dateparser():
    assert month_word_date("19. Oktober 2019").iso() == "2019-10-19"
    assert month_word_date("Oct. 19, 2019").iso() == "2019-10-19"
    assert month_word_date("1er mars 2019").iso() == "2019-03-01"
    assert month_word_date("19 de octubre de 2019").iso() == "2019-10-19"
    assert month_word_date("31 février 2019") is None
    assert month_word_date("19 października 2019") is None  # not in the table: dateparser's turn


def test_dated_texts_in_document_order_with_the_headline_position():
    tree = lxml.html.document_fromstring(
        "<html><head><title>2019</title></head><body><p>Stand 1.2.2019</p><h1>Title 2020</h1>"
        "<p>Am <b>3. März 2020</b> und 4.3.2020</p><script>x='5.5.2020'</script></body></html>")
    texts = dated_texts(tree, tree.xpath("//h1")[0])
    assert [item.snippets for item in texts.items] == [["1.2.2019"], ["3. März 2020"], ["4.3.2020"]]
    assert [item.owner.tag for item in texts.items] == ["p", "b", "p"]
    assert texts.headline_at == 1


def test_a_date_opening_a_paragraph_of_prose_is_not_announced_by_its_preposition():
    tree = lxml.html.document_fromstring(
        "<html><body><h1>T</h1><div class='x'>August 06, 2019</div><p>On July 31, 2019, senators <a>A</a> "
        "and B proposed a bill that would tax capital inflows, which is what this article discusses at "
        "some length before it turns to the consequences.</p></body></html>")
    assert first_date_in_text(tree, "en", FETCHED, tree.xpath("//h1")[0]).iso() == "2019-08-06"
    tree = lxml.html.document_fromstring(
        "<html><body><h1>T</h1><div class='post-footer'>Dieser Artikel wurde am 14. Dezember 2015 um 14:48 "
        "von <a>X</a> in <a>Arduino</a>, <a>Roboter</a> und <a>Elektronik</a> veröffentlicht. Kommentare "
        "und Trackbacks sind geschlossen, die Seite bleibt zum Nachlesen online.</div></body></html>")
    assert first_date_in_text(tree, "de", FETCHED, tree.xpath("//h1")[0]).iso() == "2015-12-14"


def test_a_sidebar_inside_the_article_holds_its_own_date():
    found = dates_of("""<html><body><article><h1>T</h1><div class="sidebar__item">
        <time datetime="2022-01-28">28. Januar 2022</time></div><p>Text</p></article>
        <div class="sidebar"><time datetime="2021-05-05">5. Mai 2021</time></div></body></html>""", language="de")
    assert found.published.iso() == "2022-01-28"


def test_an_embedded_videos_upload_date_ranks_below_the_pages_own_dates():
    video = """<script type="application/ld+json">{"@type": "VideoObject", "name": "Clip",
      "uploadDate": "2015-01-16T14:53:35+01:00"}</script>"""
    found = dates_of(f"""<html><head>{video}<meta property="article:published_time"
        content="2017-12-01T12:01:11+01:00"></head><body><h1>T</h1></body></html>""")
    assert (found.published.iso(), found.published_source) == ("2017-12-01T12:01:11+01:00", "meta")
    found = dates_of(f"<html><head>{video}</head><body><h1>T</h1></body></html>")
    assert (found.published.iso(), found.published_source) == ("2015-01-16T14:53:35+01:00", "json-ld-upload")


def test_dates_repeated_as_a_listing_rank_below_a_single_date():
    teasers = "".join(f'<div class="teaser"><p class="info">{day}. Jan 2022 // Tipps</p><a>Story {day}</a></div>'
                      for day in (3, 9, 14))
    tree = lxml.html.document_fromstring(
        f"<html><body><p>21.01.2022 10:16 Uhr - Bundesliga</p><h1>T</h1>{teasers}<p>Text</p></body></html>")
    assert first_date_in_text(tree, "de", FETCHED, tree.xpath("//h1")[0]).iso() == "2022-01-21"
    story = "Ein langer Absatz des Artikels, der weit mehr als nur eine Zeile umfasst. " * 5
    found = dates_of(f"""<html><head><meta name="date" content="2022-01-20"></head><body>
        <div class="story"><h1>T</h1><p>{story}</p></div><div class="more">{teasers}</div></body></html>""",
                     language="de")
    assert (found.published.iso(), found.published_source) == ("2022-01-20", "meta-weak")


def test_a_preposition_in_a_long_text_does_not_announce_the_publication():
    tree = lxml.html.document_fromstring(
        "<html><body><h1>T</h1><p>Samstag, 19. Juli 2014</p><p>Während das Arbeitsgericht die am 6. Februar "
        "2018 eingereichte Klage abwies, gab das Landesarbeitsgericht ihr statt, und das Bundesarbeitsgericht "
        "hat nun entschieden, wie es weitergeht.</p></body></html>")
    assert first_date_in_text(tree, "de", FETCHED, tree.xpath("//h1")[0]).iso() == "2014-07-19"


def test_a_date_in_the_description_is_the_last_resort():
    found = dates_of('<html><head><meta name="description" content="Orso marsicano: un anno da record '
                     '(Notizia del 14 Gennaio 2020)"></head><body><h1>T</h1><p>x</p></body></html>', language="it")
    assert (found.published.iso(), found.published_source) == ("2020-01-14", "description")


def test_a_shown_day_of_the_same_instant_in_utc_wins_over_the_local_day():
    head = """<html><head><meta property="article:published_time" content="2022-05-05T21:00:00-05:00"></head>"""
    found = dates_of(head + '<body><h1>T</h1><div class="x">6 de mayo de 2022</div></body></html>', language="es")
    assert found.published.iso() == "2022-05-06"
    found = dates_of(head + '<body><h1>T</h1><div class="x">5 de mayo de 2022</div></body></html>', language="es")
    assert found.published.iso() == "2022-05-05T21:00:00-05:00"


def test_todays_date_in_the_site_header_is_not_the_article_date():
    found = dates_of("""<html><body><header class="site"><div class="navtop"><span class="date">Tue, 14 Jan 2020</span>
        <a>Home</a></div></header><main><p class="x">13 Jan 2020, 22:11</p><div><b>Fires under control</b>
        </div></main></body></html>""")
    assert found.published.iso() == "2020-01-13"
    found = dates_of("""<html><body><header class="page-header"><h1>Title <time class="date">23. Februar 2020</time>
        </h1></header><p>Text</p></body></html>""", language="de")
    assert found.published.iso() == "2020-02-23"


def test_a_date_in_a_bibliographic_reference_is_the_cited_works():
    tree = lxml.html.document_fromstring(
        "<html><body><h1>T</h1><p>Science, Vol. 371, pp. 260, 15. Januar 2021, DOI 10.1126/science.abe4688</p>"
        "<p>Text des Artikels.</p><p>17.01.2021.</p></body></html>")
    assert first_date_in_text(tree, "de", FETCHED, tree.xpath("//h1")[0]).iso() == "2021-01-17"


def test_the_shown_date_is_looked_up_only_when_a_neighbour_day_is_possible():
    def shown():
        raise AssertionError("the page text was read for nothing")
    noon = parse_machine_date("2022-01-26T12:00:30Z")
    assert local_form(noon, [], None, shown, site_utc_offsets("de", None)) is noon
    late = parse_machine_date("2022-01-26T23:30:30Z")
    assert local_form(late, [], None, lambda: parse_text_date("27.01.2022", "de", FETCHED),
                      site_utc_offsets("de", None)).iso() == "2022-01-27"


def test_a_date_split_over_small_elements_is_read_whole():
    badge = ('<div class="date"><span class="month">Apr</span> <span class="day">04</span>'
             '<span class="year">2013</span></div>')
    found = dates_of(f"<html><body><div class='toolbar'>10 Nov 2013</div><h1>T</h1>{badge}<p>x</p></body></html>")
    assert (found.published.iso(), found.published_source) == ("2013-04-04", "text-dated-element")
    tree = lxml.html.document_fromstring(
        "<html><body><h2>T</h2><p class='postmetadata'>8.<a href='/date/2010/12/'>Dezember 2010</a> um 09:43"
        "</p><p>Im <a>Jahr 2010</a> und danach, als der Text lang genug war, um kein Datum zu sein.</p></body></html>")
    texts = dated_texts(tree, tree.xpath("//h2")[0])
    assert [(item.owner.tag, item.snippets) for item in texts.items] == [("p", ["8. Dezember 2010"])]


def test_a_two_digit_year_in_the_date_line_beside_the_headline():
    teaser = '<div class="teaser"><div class="date">Freizeit, 13.10.23</div><a>Other story</a></div>'
    found = dates_of(f"""<html><body><div class="text"><div class="date"> Party, 30.10.23 </div><h1>T</h1></div>
        <p>Text mit 8.10.23 im Satz.</p>{teaser * 3}</body></html>""", language="de")
    assert (found.published.iso(), found.published_source) == ("2023-10-30", "text-dated-element")
    story = "Ein langer Absatz des Artikels, der weit mehr als nur eine Zeile umfasst. " * 5
    found = dates_of(f"""<html><body><div class="event-date">Termin: 19.1.23, 10:00 Uhr</div>
        <div class="story"><h1>T</h1><p>{story}</p></div></body></html>""", language="de")
    assert found.published is None


def test_a_shown_time_element_wins_over_a_meta_date_the_page_never_shows():
    head = '<html><head><meta property="article:published_time" content="2022-11-17T10:33:13Z"></head>'
    time = '<time datetime="2022-03-09">09.03.2022</time>'
    found = dates_of(head + f"<body><h1>T</h1>{time}<p>Text</p></body></html>", language="de")
    assert (found.published.iso(), found.published_source) == ("2022-03-09", "time-shown")
    found = dates_of(head + f"<body><h1>T</h1>{time}<p>Stand: 17.11.2022</p></body></html>", language="de")
    assert found.published_source == "meta"  # the meta day is shown too
    found = dates_of(head + '<body><h1>T</h1><time datetime="2022-03-09">Mittwoch</time></body></html>',
                     language="de")
    assert found.published_source == "meta"  # the element shows no date
    found = dates_of(head + '<body><h1>T</h1><time datetime="2022-11-16T21:00:00-05:00">16.11.2022</time>'
                     '</body></html>', language="de")
    assert found.published_source == "meta"  # a neighbour day: the time zones' business


def test_a_date_set_off_at_the_start_of_a_paragraph_is_its_date_line():
    prose = ("Energieverbraucher erhalten eine Preiserhöhung nach der nächsten, Grundversorger lehnen neue "
             "Kunden ab und die Politik verspricht Entlastungen, die erst im nächsten Jahr ankommen.")
    tree = lxml.html.document_fromstring(
        f"<html><body><h1>T</h1><p>(21. November 2022) {prose}</p><h6>Was gilt seit dem 1. Oktober 2022?</h6>"
        "</body></html>")
    assert first_date_in_text(tree, "de", FETCHED, tree.xpath("//h1")[0]).iso() == "2022-11-21"
    tree = lxml.html.document_fromstring(
        f"<html><body><h1>T</h1><p>Am 21. November 2022 {prose}</p><h6>Was gilt seit dem 1. Oktober 2022?</h6>"
        "</body></html>")
    assert first_date_in_text(tree, "de", FETCHED, tree.xpath("//h1")[0]).iso() == "2022-10-01"


def test_a_participle_after_the_date_announces_it():
    found = dates_of("""<html><body><div id="sidebar"><h2>Über diesen Artikel</h2><p class="news"><a>Titel</a>
        wurde am <nobr>19. Mai 2010</nobr> um <nobr>23:03</nobr> Uhr gepostet.</p></div>
        <div id="content"><h1>Titel</h1><p>Text</p></div>
        <div class="comments"><p>Max sagt: <nobr>20. Mai 2010</nobr> um 10:00</p></div></body></html>""", language="de")
    assert (found.published.iso(), found.published_source) == ("2010-05-19", "text-near-headline")
    found = dates_of("""<html><body><div id="sidebar"><p>Termin am <nobr>19. Mai 2010</nobr> um 20 Uhr.</p></div>
        <div id="content"><h1>Titel</h1><p>Text</p></div></body></html>""", language="de")
    assert found.published is None


def test_russian_and_arabic_month_names_need_no_dateparser():
    assert month_word_date("24 сентября 2018").iso() == "2018-09-24"
    assert month_word_date("ديسمبر 25, 2020").iso() == "2020-12-25"
    assert month_word_date("12 نيسان 2019").iso() == "2019-04-12"  # Levantine April: dateparser has none
    assert month_word_date("2 Mrz. 2014").iso() == "2014-03-02"
    assert month_word_date("5. listopada 2020") is None  # November in Polish, October in Croatian


def test_script_state_skips_external_and_json_ld_scripts():
    tree = lxml.html.document_fromstring(
        """<html><head><script src="/a.js">{"datePublished": "2011-01-01T00:00:00Z"}</script>
        <script type="application/ld+json">{"datePublished": "2012-01-01T00:00:00Z"}</script></head><body>
        <script>var s = {"publishedAt": "2013-02-16T04:36:36Z", "createdAt": "2013-02-15T01:00:00Z"};</script>
        </body></html>""")
    assert script_state_dates(tree) == ["2013-02-16T04:36:36Z", "2013-02-15T01:00:00Z"]


def test_a_preposition_inside_a_paragraph_does_not_announce_the_publication():
    tree = lxml.html.document_fromstring(
        "<html><body><h1>Neuigkeiten</h1><p class='newsdatum'>[<a>Samstag, 19. Juli 2014</a>]</p>"
        "<p>Der 1. monatliche Stammtisch des <strong>Ortsverbandes</strong> findet am Freitag, 8. Juni 2012"
        "<br/> ab 20:00 Uhr<br/> im Buthmanns statt. Mit dabei als Spezialgast: der Landesvorsitzende, "
        "der über die Kommunalwahlen und die nächsten Aktionen des Verbandes berichten wird.</p></body></html>")
    assert first_date_in_text(tree, "de", FETCHED, None).iso() == "2014-07-19"


def test_every_app_state_date_key_holds_one_of_the_hints():
    from newsarchive.extract import meta_tables
    assert all(any(hint in key for hint in meta_tables.SCRIPT_DATE_KEY_HINTS) for key in meta_tables.SCRIPT_DATE_KEYS)


def test_a_teasers_time_does_not_outrank_a_meta_date():
    head = '<html><head><meta property="article:published_time" content="2022-11-17T10:33:13Z"></head>'
    teasers = "".join(f'<a class="teaser"><time class="teaser__date" datetime="2022-04-0{day}">'
                      f'0{day}.04.2022</time></a>' for day in (3, 4, 5))
    found = dates_of(head + f"<body><h1>T</h1><p>Text</p>{teasers}</body></html>", language="de")
    assert found.published_source == "meta"
