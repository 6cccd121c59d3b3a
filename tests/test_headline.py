"""Headline: JSON-LD, meta, h1 and <title> reconciled, site-name affixes removed."""
import lxml.html

from newsarchive.extract.headline import read_headline, split_title, strip_site_affixes


def headline_of(html, url="https://www.dailyplanet.com/news/1", site_name=None):
    tree = lxml.html.document_fromstring(html)
    from newsarchive.extract.structured import read_structured
    return read_headline(tree, read_structured(tree, url), url=url, site_name=site_name).text


def test_site_affix_stripped_by_site_name_and_host():
    assert strip_site_affixes("Big news today | Daily Planet", ["Daily Planet"]) == "Big news today"
    assert strip_site_affixes("Daily Planet - Big news today", ["Daily Planet"]) == "Big news today"
    assert strip_site_affixes("Big news today - dailyplanet.com", ["dailyplanet"]) == "Big news today"
    assert strip_site_affixes("Big news: what it means", ["Daily Planet"]) == "Big news: what it means"


def test_split_title():
    assert split_title("A | B | C") == ["A", "B", "C"]
    assert split_title("Just a title") == ["Just a title"]


def test_json_ld_headline_wins():
    html = """<html><head><title>SEO title | Daily Planet</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "The real headline"}</script>
    </head><body><h1>Shown headline</h1></body></html>"""
    assert headline_of(html) == "The real headline"


def test_h1_agreeing_with_title_is_used_as_shown():
    html = """<html><head><title>Storm hits the coast | Daily Planet</title></head>
    <body><h1>Storm hits the coast</h1></body></html>"""
    assert headline_of(html) == "Storm hits the coast"


def test_logo_h1_is_ignored():
    html = """<html><head><title>Storm hits the coast - Planet Blog</title></head>
    <body><h1>Planet Blog</h1><h2>Storm hits the coast</h2></body></html>"""
    assert headline_of(html, url="https://example.org/x") == "Storm hits the coast"


def test_og_title_when_no_json_ld_and_section_label_ignored():
    html = """<html><head><meta property="og:title" content="Storm hits the coast">
    <title>News - Daily Planet</title></head><body><h1>Weather</h1></body></html>"""
    assert headline_of(html) == "Storm hits the coast"


def test_truncated_json_ld_extended_by_meta():
    long = "A very long headline that goes on and on about many things happening in the world today and more"
    html = f"""<html><head><meta property="og:title" content="{long} besides">
    <script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{long}…"}}</script></head></html>"""
    assert headline_of(html) == f"{long} besides"


def test_h1_text_without_scripts_and_entities_unescaped():
    html = """<html><head><script type="application/ld+json">{"@type": "Article", "headline": "Tom &amp; Jerry"}</script>
    </head><body><h1><style>.x{color:red}</style>Tom &amp; Jerry</h1></body></html>"""
    assert headline_of(html) == "Tom & Jerry"


def test_no_candidates():
    assert headline_of("<html><body><p>x</p></body></html>") is None


def test_h1_variant_of_og_title_is_the_headline_as_shown():
    html = """<html><head><meta property="og:title" content="Tipps zu jeder Hunderasse">
    <title>Tipps zu jeder Hunderasse</title></head>
    <body><h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1></body></html>"""
    # the og title inside a longer h1 stays: the h1 adds a kicker
    assert headline_of(html, url="https://example.org/a") == "Tipps zu jeder Hunderasse"
    html = """<html><head><meta property="og:title" content="Tomaten richtig schneiden - Tipp mit Bild">
    </head><body><h1>Tomaten richtig schneiden</h1></body></html>"""
    assert headline_of(html, url="https://example.org/a") == "Tomaten richtig schneiden"
    html = """<html><head><meta property="og:title" content="Wärmepumpe im Altbau: wann es sich lohnt">
    </head><body><h1>Wann lohnt sich eine Wärmepumpe im Altbau?</h1></body></html>"""
    assert headline_of(html, url="https://example.org/a") == "Wann lohnt sich eine Wärmepumpe im Altbau?"


def test_generic_and_empty_titles_are_skipped():
    html = """<html><head><meta property="og:title" content="Home"><title>.:</title></head>
    <body><h1>Time to say goodbye</h1></body></html>"""
    assert headline_of(html, url="https://example.org/a") == "Time to say goodbye"


def test_glued_site_name_and_date_line_in_h1():
    assert strip_site_affixes("武汉的声音：有英勇的你！-新华网", ["新华网"]) == "武汉的声音：有英勇的你！"
    html = """<html><head><title>Raab: Mit Ländern Rahmen gestalten - Bundeskanzleramt</title></head>
    <body><h1><span>1. Februar 2022</span> Raab: Mit Ländern Rahmen gestalten</h1></body></html>"""
    assert headline_of(html, url="https://www.bundeskanzleramt.gv.at/a") == "Raab: Mit Ländern Rahmen gestalten"


def test_byline_segment_only_at_the_end():
    assert strip_site_affixes("Big story | Daily Planet | by Jane Doe", ["Daily Planet"]) == "Big story"
    assert strip_site_affixes("Von München bis Aachen: Im Netz der Agenten", ["Correctiv"]) == \
        "Von München bis Aachen: Im Netz der Agenten"


def test_kicker_element_opening_the_h1_is_dropped():
    html = """<html><head><title>Daten von Rheinmetall gehackt - Interne Unterlagen im Netz | Planet</title></head>
    <body><h1><span class="dachzeile">Interne Unterlagen im Netz</span>
    <span class="headline">Daten von Rheinmetall gehackt</span></h1></body></html>"""
    assert headline_of(html) == "Daten von Rheinmetall gehackt"
    # an unmarked opening span is part of the headline
    html = """<html><body><h1><span>Trump</span> says the storm is over</h1></body></html>"""
    assert headline_of(html) == "Trump says the storm is over"


def test_h1_repeating_a_whole_declared_title_keeps_its_affix():
    html = """<html><head><meta property="og:title" content="Welpen kaufen – Tipps zu jeder Hunderasse">
    <title>Welpen kaufen – Tipps zu jeder Hunderasse | Welpenkaufen24</title></head>
    <body><h1>Welpen kaufen – Tipps zu jeder Hunderasse</h1></body></html>"""
    assert headline_of(html, url="https://welpenkaufen24.de/x") == "Welpen kaufen – Tipps zu jeder Hunderasse"


def test_h1_going_on_after_the_declared_title_is_the_headline():
    html = """<html><head><meta property="og:title" content="Saftiger Zitronenkuchen vom Blech | Backen macht glücklich">
    </head><body><h1>Saftiger Zitronenkuchen vom Blech: einfach köstlich!</h1></body></html>"""
    assert headline_of(html, site_name="Backen macht glücklich") == "Saftiger Zitronenkuchen vom Blech: einfach köstlich!"
    html = """<html><head><meta property="og:title" content="Was wir nicht hören wollen | SITE.IO">
    </head><body><h1>Was wir nicht hören wollen | OTHER.NET</h1></body></html>"""
    assert headline_of(html, url="https://site.io/a") == "Was wir nicht hören wollen"


def test_h1_inside_a_page_wrapped_in_noscript():
    html = """<html><head><meta property="og:title" content="ORSO MARSICANO: UN ANNO DA RECORD | Parco Nazionale">
    </head><body><noscript><div><h1><a id="top"></a>ORSO MARSICANO: UN ANNO DA RECORD</h1></div></noscript></body></html>"""
    assert headline_of(html, url="https://parco.it/x") == "ORSO MARSICANO: UN ANNO DA RECORD"


def test_json_ld_headline_with_a_kicker_before_the_shown_h1():
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Coronavirus und Zoonosen – Wie Umweltzerstörung Epidemien begünstigt"}</script></head>
    <body><h1><span>Coronavirus und Zoonosen</span><span aria-hidden="true"> – </span>
    <span>Wie Umweltzerstörung Epidemien begünstigt</span></h1></body></html>"""
    assert headline_of(html) == "Wie Umweltzerstörung Epidemien begünstigt"
    # a kicker joined with a colon is part of the headline
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Akkutechnik: Hat Quantumscape genug Akkus gebaut?"}</script></head>
    <body><h1>Hat Quantumscape genug Akkus gebaut?</h1></body></html>"""
    assert headline_of(html) == "Akkutechnik: Hat Quantumscape genug Akkus gebaut?"


def test_breadcrumb_step_dressed_as_h1_is_not_the_headline():
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Rückbau von Atomkraftwerk - Kühltürme von AKW gesprengt"}</script></head>
    <body><ol><li itemprop="itemListElement"><h1><meta itemprop="item" content="/x"><span itemprop="name">Kühltürme von AKW gesprengt</span>
    </h1></li></ol></body></html>"""
    assert headline_of(html) == "Rückbau von Atomkraftwerk - Kühltürme von AKW gesprengt"


def test_soft_hyphenated_h1_gives_the_declared_spelling():
    html = """<html><head><meta name="twitter:title" content="Messengerdienste sind kein rechtsfreier Raum"></head>
    <body><h1>Mes\u00adsen\u00adger\u00addiens\u00adte sind kein rechts\u00adfrei\u00ader Raum</h1></body></html>"""
    assert headline_of(html) == "Messengerdienste sind kein rechtsfreier Raum"


def test_h1_adding_a_kicker_to_the_title_gives_the_title():
    html = """<html><head><title>Impfen und Boostern ist bis Ende Februar möglich</title></head>
    <body><h1>Medienmitteilung der Direktion :Impfen und Boostern ist bis Ende Februar möglich</h1></body></html>"""
    assert headline_of(html) == "Impfen und Boostern ist bis Ende Februar möglich"


def test_hyphen_before_a_conjunction_is_no_separator():
    assert split_title("Rechner, Vor- und Nachteile") == ["Rechner, Vor- und Nachteile"]
    assert split_title("Headline- Site") == ["Headline", "Site"]


def test_h1_equal_to_og_title_at_the_end_of_title_is_no_logo():
    html = """<html><head><meta property="og:title" content="Joana Herrmann fliegt über 1,78 Meter">
    <title>Fußball- und Leichtathletik-Verband Westfalen (FLVW): Joana Herrmann fliegt über 1,78 Meter</title></head>
    <body><h1>Joana Herrmann fliegt über 1,78 Meter</h1></body></html>"""
    assert headline_of(html, url="https://www.flvw.de/x") == "Joana Herrmann fliegt über 1,78 Meter"


def test_page_name_given_by_h1_and_og_title_is_the_headline():
    html = """<html><head><meta property="og:title" content="Über uns"><title>Über uns – 2gewinnt | Kabarett</title>
    </head><body><h1>2gewinnt | Kabarett</h1><h1>Über uns</h1></body></html>"""
    assert headline_of(html, url="https://2gewinnt.example/uns") == "Über uns"
    html = """<html><head><title>News - Eawag</title></head>
    <body><h1>News</h1><h1>Auf das erste Elektron kommt es an</h1></body></html>"""
    assert headline_of(html, url="https://www.eawag.ch/x") == "Auf das erste Elektron kommt es an"


def test_short_json_ld_label_sharing_nothing_with_the_page_is_ignored():
    html = """<html><head><title>List of films featuring time loops - Wikipedia</title>
    <script type="application/ld+json">{"@type": "Article", "headline": "Wikimedia list article"}</script></head>
    <body><h1>List of films featuring time loops</h1></body></html>"""
    assert headline_of(html, url="https://en.wikipedia.org/wiki/X") == "List of films featuring time loops"


def test_meta_title_cut_short_by_a_quote_is_completed_by_title():
    html = """<html><head><meta property="og:title" content="Senador califica a Biden de "incapacitado"">
    <title>Senador califica a Biden de "incapacitado"</title></head><body></body></html>"""
    assert headline_of(html) == 'Senador califica a Biden de "incapacitado"'
    html = """<html><head><meta property="og:title" content="Storm hits the coast">
    <title>Storm hits the coast - Weather</title></head><body></body></html>"""
    assert headline_of(html) == "Storm hits the coast"


def test_site_name_inside_a_longer_word_is_no_site_segment():
    assert strip_site_affixes("Skibergsteigen: Schnell und leicht | Bergsteigen.com", ["bergsteigen"]) == \
        "Skibergsteigen: Schnell und leicht"
    assert strip_site_affixes("Storm hits the coast | Golem.de", ["golem"]) == "Storm hits the coast"


def test_h1_repeating_the_end_segments_of_title_is_the_site():
    html = """<html><head><title>Enchufla Figuren - Salsa-Figuren - Rueda in Berlin</title></head>
    <body><h1>Salsa-Figuren - Rueda in Berlin</h1></body></html>"""
    assert headline_of(html, url="https://rueda.example.org/enchufla") == "Enchufla Figuren"


def test_h1_after_a_leading_site_name_in_title_is_the_headline():
    html = """<html><head><title>SONNENENERGIE: Der WindRebell</title></head>
    <body><h1>Der WindRebell</h1></body></html>"""
    assert headline_of(html, url="https://www.sonnenenergie.de/index.php?id=30") == "Der WindRebell"


def test_a_headline_broken_over_two_lines_keeps_its_words_apart():
    html = """<html><head><title>Council raises taxes for first time in decade - Gazette</title></head>
    <body><h1>Council raises taxes<br>for first time in decade</h1></body></html>"""
    assert headline_of(html) == "Council raises taxes for first time in decade"


def test_h1_after_the_site_name_and_a_section_word_in_title_is_the_headline():
    # "BBC SPORT | Football | Headline": the site and a section before the headline
    html = """<html><head><title>BBC SPORT | Football | Bank holds rates</title></head>
    <body><h1><script>document.write("/sport2/hi/default.stm");</script>Bank holds rates</h1></body></html>"""
    assert headline_of(html, url="http://news.bbc.co.uk/sport2/hi/football/1.stm") == "Bank holds rates"
    assert strip_site_affixes("BBC SPORT | Bank holds rates", ["bbc"]) == "Bank holds rates"
    assert strip_site_affixes("Sport | Bank holds rates", ["bbc"]) == "Sport | Bank holds rates"


def test_h1_ending_a_declared_title_before_the_site_name_is_no_logo():
    html = """<html><head><meta property="og:title" content="Coronavirus und Zoonosen – Wie Umweltzerstörung Epidemien begünstigt">
    <title>Coronavirus und Zoonosen – Wie Umweltzerstörung Epidemien begünstigt | Tages-Anzeiger</title></head>
    <body><h1>Wie Umweltzerstörung Epidemien begünstigt</h1></body></html>"""
    assert headline_of(html, url="https://www.tagesanzeiger.ch/x") == "Wie Umweltzerstörung Epidemien begünstigt"
    # the same h1 ending <title> itself is a subtitle the page repeats
    html = """<html><head><meta property="og:title" content="Strava-Karten mit mehr Infos - Strava-Update: Neues Tool">
    <title>Strava-Karten mit mehr Infos - Strava-Update: Neues Tool</title></head>
    <body><h1>Strava-Update: Neues Tool</h1></body></html>"""
    assert headline_of(html, url="https://bikes.example.de/x") == "Strava-Karten mit mehr Infos"


def test_title_naming_only_the_site_gives_way_to_the_h1():
    html = """<html><head><title>Anwalt Niemeyer</title></head><body><h1>Willkommen!</h1></body></html>"""
    assert headline_of(html, url="https://anwaltniemeyer.de/index.html") == "Willkommen!"


def test_site_name_h1_and_generic_segments_on_a_web_archive_copy():
    html = """<html><head><title>Time 4 talks » Blog Archiv » Weitere Digitalisierung der Kinos</title></head>
    <body><h1>Time 4 talks</h1></body></html>"""
    url = "https://web.archive.org/web/20140226054445/http://www.time4talks.com/2013/08/07/kinos/"
    assert headline_of(html, url=url) == "Weitere Digitalisierung der Kinos"


def test_site_segment_between_headline_and_tagline_cuts_the_title():
    assert strip_site_affixes("Das schwulste Musikvideo der Welt : Krimiblog-Archiv | Ermittlungen | Gegründet 2005",
                              ["krimiblog"]) == "Das schwulste Musikvideo der Welt"
    html = """<html><head><title>Das schwulste Musikvideo der Welt : Krimiblog-Archiv | Ermittlungen | 6. Jahrgang</title>
    </head><body><h1>Krimiblog-Archiv</h1></body></html>"""
    assert headline_of(html, url="http://archiv.blog-example.de/?p=2895") == "Das schwulste Musikvideo der Welt"


def test_h1_opening_with_the_site_name_from_title_is_the_site_motto():
    html = """<html><head><title>Kinder und Arbeit » ProNATs e.V.</title></head>
    <body><h1>ProNATs e.V. Verein zur Unterstützung arbeitender Kinder und Jugendlicher</h1></body></html>"""
    assert headline_of(html, url="https://www.pronats.de/kinder-und-arbeit/") == "Kinder und Arbeit"


def test_a_sentence_naming_the_site_is_no_site_segment():
    assert strip_site_affixes("How we designed Dropbox ATF: an async task framework - Dropbox", ["dropbox"]) == \
        "How we designed Dropbox ATF: an async task framework"
    # one word of a long site name is no short form of it
    assert strip_site_affixes("Evolve: Shared Mutable History — evolve extension for Mercurial",
                              ["evolve extension for Mercurial"]) == "Evolve: Shared Mutable History"


def test_social_title_equal_to_the_site_name_is_no_headline():
    html = """<html><head><meta property="og:site_name" content=".:: SHOP ::. Templates / Designvorlagen">
    <meta property="og:title" content=".:: SHOP ::. Templates / Designvorlagen">
    <title>.:: SHOP ::. Templates / Designvorlagen</title></head>
    <body><h1>Datenschutztechnische Anpassung der Verkaufsvorlagen</h1></body></html>"""
    assert headline_of(html, url="https://shop.example.de/x") == "Datenschutztechnische Anpassung der Verkaufsvorlagen"


def test_h1_equal_to_the_affix_title_adds_to_og_title_is_the_blog_name():
    html = """<html><head><meta property="og:title" content="Open Verilog flow for GreenPak4 devices">
    <title>Silicon Exposed: Open Verilog flow for GreenPak4 devices</title></head>
    <body><h1>Silicon Exposed</h1></body></html>"""
    assert headline_of(html, url="https://siliconexposed.blogspot.com/x") == "Open Verilog flow for GreenPak4 devices"


def test_h1_and_og_title_agreeing_against_title_and_json_ld_are_the_shown_headline():
    html = """<html><head><meta property="og:title" content="Starmer defiant over taking gifts">
    <title>Starmer suggests he will continue taking gifts | Daily Planet</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Starmer suggests he will continue taking gifts"}</script>
    </head><body><h1>Starmer defiant over taking gifts</h1></body></html>"""
    assert headline_of(html) == "Starmer defiant over taking gifts"
    # JSON-LD alone against the others stays: the publisher's statement
    html = html.replace("<title>Starmer suggests he will continue taking gifts | Daily Planet</title>",
                        "<title>Starmer defiant over taking gifts | Daily Planet</title>")
    assert headline_of(html) == "Starmer suggests he will continue taking gifts"


def test_social_title_without_the_kicker_the_h1_and_json_ld_carry():
    html = """<html><head><meta property="og:title" content="Judy Lybke, ganz und gar nicht eigenartig">
    <script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig"}</script></head>
    <body><h1>Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig</h1></body></html>"""
    assert headline_of(html) == "Judy Lybke, ganz und gar nicht eigenartig"
    # without an h1 showing the kicker, JSON-LD stays
    html = html.replace("<h1>Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig</h1>", "")
    assert headline_of(html) == "Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig"


def test_section_glued_to_the_social_title_that_a_meta_headline_leaves_off():
    html = """<html><head><meta property="og:title" content="장동혁, 한동훈 제명했지만 부담 커졌다-정치ㅣ한국일보">
    <meta property="og:site_name" content="한국일보"><meta name="headline" content="장동혁, 한동훈 제명했지만 부담 커졌다">
    </head><body></body></html>"""
    assert headline_of(html, url="https://www.hankookilbo.com/news/article/A1") == "장동혁, 한동훈 제명했지만 부담 커졌다"


def test_kicker_before_a_screen_reader_separator_in_the_h1_is_dropped():
    html = """<html><head><title>Strompreisbremse: Regierung drosselt Bioenergie</title></head>
    <body><h1><span class="fake-h5">Strompreisbremse</span><span class="invisible">: </span>
    <span class="headline">Regierung drosselt Bioenergie, Branche protestiert</span></h1></body></html>"""
    assert headline_of(html) == "Regierung drosselt Bioenergie, Branche protestiert"


def test_h1_going_on_where_json_ld_stops():
    html = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "headline": "Ultium Cells erhöht Gigafactory-Kapazität"}</script></head>
    <body><h1>Ultium Cells erhöht Gigafactory-Kapazität in Tennessee</h1></body></html>"""
    assert headline_of(html) == "Ultium Cells erhöht Gigafactory-Kapazität in Tennessee"
    # a subtitle element inside the h1 is no part of the headline
    html = html.replace("<h1>Ultium Cells erhöht Gigafactory-Kapazität in Tennessee</h1>",
                        "<h1><span>Ultium Cells erhöht Gigafactory-Kapazität</span> <span>Ein Werk in Tennessee</span></h1>")
    assert headline_of(html) == "Ultium Cells erhöht Gigafactory-Kapazität"


def test_reworded_h1_inside_the_article_beats_the_social_title():
    html = """<html><head><meta property="og:title" content="Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?">
    <title>Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?</title></head>
    <body><article><header><h1>Firmenwagen: Leasing oder Finanzierung?</h1></header><p>Text</p></article></body></html>"""
    assert headline_of(html) == "Firmenwagen: Leasing oder Finanzierung?"
    # an h1 outside the article, or sharing no words with the declared titles, is not taken
    assert headline_of(html.replace("<article>", "<div>").replace("</article>", "</div>")) == \
        "Firmenwagen: Leasen oder Finanzieren? Was lohnt sich?"
    html = """<html><head><title>Share buttons removal test</title></head>
    <body><article><h1>Lorem ipsum dolor</h1><p>Text</p></article></body></html>"""
    assert headline_of(html) == "Share buttons removal test"


def test_title_whose_both_parts_name_the_site_keeps_the_one_the_host_does_not_name():
    assert strip_site_affixes("mediaarchitecture.de // » Jens Weber",
                              ["mediaarchitecture", "mediaarchitecture.de", "Jens Weber"]) == "Jens Weber"


def test_article_heading_beats_a_breadcrumb_h1_that_repeats_title_and_json_ld():
    html = """<html><head><meta property="og:title" content="Statt Paypal: So könnte Europas Bezahlsystem siegen">
    <title>EPI Zahlungssystem: So kann Europa Paypal schlagen | STERN.de</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "EPI Zahlungssystem: So kann Europa Paypal schlagen"}</script>
    </head><body><article><ul class="breadcrumb"><li class="breadcrumb__item">
    <h1 class="breadcrumb__headline">EPI Zahlungssystem: So kann Europa Paypal schlagen</h1></li></ul>
    <header><h2><span class="title__kicker">European Payments Initiative</span>
    <span class="title__headline">Statt Paypal: So könnte Europas Bezahlsystem siegen</span></h2></header>
    <p>Text</p></article></body></html>"""
    assert headline_of(html, url="https://www.stern.de/x") == "Statt Paypal: So könnte Europas Bezahlsystem siegen"
    # the article's heading showing the JSON-LD headline (with a kicker) agrees with it
    html = """<html><head><meta property="og:title" content="Bericht: Aktivistin getötet">
    <title>Bei Protesten: Bericht: Aktivistin getötet</title>
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Bei Protesten: Bericht: Aktivistin getötet"}</script>
    </head><body><ol class="breadcrumb"><li itemprop="itemListElement"><h1>Bei Protesten: Bericht: Aktivistin getötet</h1></li></ol>
    <article><h2><span>Bei Protesten</span> <span>Bericht: Aktivistin getötet</span></h2><p>Text</p></article></body></html>"""
    assert headline_of(html) == "Bei Protesten: Bericht: Aktivistin getötet"


def test_headline_two_declared_titles_share_after_different_kickers():
    html = """<html><head><meta property="og:title" content="Industriell Revolutioniert?: Anno 1800 Beta">
    <title>next2games | Vorschauen: Anno 1800 Beta</title></head><body></body></html>"""
    assert headline_of(html, url="https://next2games.de/previews,id1085.html") == "Anno 1800 Beta"


def test_breadcrumb_arrow_after_a_site_segment_leads_to_the_headline():
    html = """<html><head><title>deutsche zocker schinken e.V. - Neuigkeiten » Die Events der letzten Zeit</title></head>
    <body><h1>Neuigkeiten</h1></body></html>"""
    assert headline_of(html, url="http://dzs-clan.de/index.php?site=news") == "Die Events der letzten Zeit"


def test_headline_like_needs_two_letters_and_no_generic_name():
    from newsarchive.extract.headline import is_headline_like
    assert is_headline_like("Ab")
    assert not is_headline_like("1 .:")
    assert not is_headline_like("Startseite")


def test_json_ld_adding_an_author_affix_the_h1_and_og_title_leave_off():
    html = """<html><head><meta property="og:title" content="Samantha and The Great Big Lie">
    <meta property="og:site_name" content="Medium">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Samantha and The Great Big Lie - John C. Welch - Medium"}</script>
    </head><body><h1>Samantha and The Great Big Lie</h1></body></html>"""
    assert headline_of(html, url="https://medium.com/@jcwelch/samantha") == "Samantha and The Great Big Lie"


def test_hidden_link_inside_the_h1_is_not_headline_text():
    html = """<html><head><meta property="og:title" content="Kindergottesdienst in Velpe macht Spaß"></head>
    <body><h1><span>Kindergottesdienst in Velpe macht Spaß
    <a href="/editor" style="display: none">CC-Editor öffnen</a></span></h1></body></html>"""
    assert headline_of(html) == "Kindergottesdienst in Velpe macht Spaß"


def test_site_names_listed_in_one_meta_value():
    html = """<html><head><meta name="copyright" content="www.yunnan.cn,云南日报网,云南日报报业集团">
    <title>17种产品入选国家绿色制造名单 - 云南日报网</title></head><body></body></html>"""
    assert headline_of(html, url="https://www.yunnan.cn/a") == "17种产品入选国家绿色制造名单"


def test_site_name_declared_as_the_whole_title_is_ignored_where_the_h1_repeats_a_part():
    html = """<html><head><meta property="og:site_name" content="Oyama lilies in bloom (7/2) - Just Do It Blog">
    <meta property="og:title" content="Oyama lilies in bloom (7/2) - Just Do It Blog">
    <title>Oyama lilies in bloom (7/2) - Just Do It Blog</title></head>
    <body><h1>Just Do It Blog</h1></body></html>"""
    assert headline_of(html, url="https://blog.example.jp/x") == "Oyama lilies in bloom (7/2)"


def test_section_left_before_a_mid_title_site_name_is_cut_too():
    assert strip_site_affixes("Congress battle dashes stimulus hopes - News - Wicked Local Upton - Upton, MA",
                              ["Wicked Local Upton"]) == "Congress battle dashes stimulus hopes"


def test_site_label_under_a_country_second_level_domain():
    from newsarchive.extract.headline import site_domain_labels
    assert site_domain_labels("www.example.co.uk") == ["example", "example.co.uk"]
    assert site_domain_labels("news.example.com.au") == ["example", "example.com.au"]
    assert site_domain_labels("m.example.de") == ["example", "example.de"]
    assert site_domain_labels("co.uk") == ["co", "co.uk"]
    assert site_domain_labels("localhost") == []


def test_h2_heading_where_the_title_names_only_the_site_and_no_h1_shows():
    html = """<html><head><title>Daily Planet News -</title></head><body>
    <h1 class="logo"><img src="logo.png"></h1>
    <div class="sidebar"><h2>Latest stories</h2></div>
    <div class="content no-sub-nav"><h2>Harbour bridge closed for repairs</h2><p>Text.</p></div></body></html>"""
    assert headline_of(html, url="https://www.dailyplanet.co.uk/a") == "Harbour bridge closed for repairs"


def test_site_name_title_is_kept_where_an_h1_shows_it():
    html = """<html><head><title>Daily Planet</title></head><body>
    <h1>Daily Planet</h1><h2>Harbour bridge closed for repairs</h2></body></html>"""
    assert headline_of(html, url="https://www.dailyplanet.co.uk/a") == "Daily Planet"


def test_h2_in_the_article_header_where_the_page_has_no_h1():
    html = """<html><head><title>Wochenbericht 14. - 20. Januar 2022 - SLF</title></head><body>
    <header id="header"><h2>Daily Planet</h2></header><div class="nav"><h2>Hauptnavigation</h2></div>
    <article><header class="contentHeader"><h2>Schwache Profile – günstige Lawinensituation</h2></header>
    <p>Text.</p></article></body></html>"""
    assert headline_of(html) == "Schwache Profile – günstige Lawinensituation"
    html = """<html><head><title>der Schreibstil - chadim.net</title></head><body>
    <div class="item-page"><div class="page-header"><h2>Schreiben Sie für Ihre Zielgruppe</h2></div></div></body></html>"""
    assert headline_of(html, url="https://chadim.net/a") == "Schreiben Sie für Ihre Zielgruppe"


def test_title_stays_where_an_h1_shows_or_the_header_h2_is_the_site_or_the_title():
    html = """<html><head><title>Storm closes port - Daily Planet</title></head><body>
    <header class="site-header"><h2>Daily Planet News</h2></header><h1>Storm closes port</h1></body></html>"""
    assert headline_of(html) == "Storm closes port"
    # an article header's h2 repeating <title> whole: the title, cleaned as without it
    head = "<html><head><title>Über Dragqueens | Nachtkritik</title></head><body>"
    with_h2 = head + '<div class="page-header"><h2>Über Dragqueens | Nachtkritik</h2></div></body></html>'
    assert headline_of(with_h2, url="https://nachtkritik.de/a") == "Über Dragqueens"


def test_no_header_h2_headline_on_a_listing_of_posts():
    posts = "".join(f'<article><header class="entry-header"><h2>Post number {n} here</h2></header><p>Text.</p></article>'
                    for n in range(3))
    html = f"<html><head><title>Archive of posts - Daily Planet</title></head><body>{posts}</body></html>"
    assert headline_of(html) == "Archive of posts"


def test_site_name_title_keeps_on_a_front_page_of_linked_teasers():
    html = """<html><head><title>Daily Planet News -</title></head><body>
    <div class="content"><h2><a href="/a">Harbour bridge closed for repairs</a></h2><p>Teaser.</p>
    <h2><a href="/b">Council approves the budget</a></h2></div></body></html>"""
    assert headline_of(html, url="https://www.dailyplanet.co.uk/") == "Daily Planet News"
