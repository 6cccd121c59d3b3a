"""Language: declared first, detected from text otherwise."""
import lxml.html

from newsarchive.extract.language import declared_language, detect_language, primary_subtag, read_language
from newsarchive.extract.structured import read_structured


def language_of(html):
    tree = lxml.html.document_fromstring(html)
    return read_language(tree, read_structured(tree, None))


def test_primary_subtag():
    assert primary_subtag("en-GB") == "en"
    assert primary_subtag("de_DE") == "de"
    assert primary_subtag("FR") == "fr"
    assert primary_subtag("") is None
    assert primary_subtag("x-klingon-long") is None


def test_declared_sources_in_order():
    assert language_of('<html lang="de-AT"><body><p>Hello world</p></body></html>') == "de"
    assert language_of('<html><head><meta http-equiv="content-language" content="fr"></head><body></body></html>') == "fr"
    assert language_of('<html><head><meta property="og:locale" content="es_ES"></head><body></body></html>') == "es"
    tree = lxml.html.document_fromstring(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "it-IT"}</script>'
        '</head><body></body></html>')
    assert declared_language(read_structured(tree, None)) == "it"


def test_detection_by_stopwords_and_script():
    assert detect_language("Der Mann und die Frau gehen in den Park, weil das Wetter schön ist und sie Zeit haben.") == "de"
    assert detect_language("The man and the woman went to the park because it was a nice day for a walk.") == "en"
    assert detect_language("東京都は新しい計画を発表しました。これは市民のためのものです。") == "ja"
    assert detect_language("서울시는 새로운 계획을 발표했습니다") == "ko"
    assert detect_language("Москва объявила о новом плане для жителей города") == "ru"
    assert detect_language("") is None


def test_undeclared_page_detected_from_paragraphs():
    assert language_of("<html><body><p>Le gouvernement a annoncé que les mesures seront prises dans la ville "
                       "pour les habitants et par les élus.</p></body></html>") == "fr"


def test_charset_in_content_language_is_no_language():
    html = """<html><head><meta http-equiv="Content-Language" content="utf-8"></head><body>
    <p>Der Hund und die Katze sind nicht auf dem Tisch, aber ich bin es und das ist gut so.</p></body></html>"""
    assert language_of(html) == "de"


def test_body_text_opening_is_the_visible_text_nodes_joined_and_cut():
    from newsarchive.extract.language import _BODY_TEXTS, body_text_opening
    tree = lxml.html.document_fromstring(
        "<html><head><title>T</title></head><body>Top<div>Eins <b>zwei</b> drei<script>var x;</script>vier"
        "<style>p{}</style><noscript>off<i>deep</i></noscript>fünf</div>" + "<span>Wort</span>" * 900
        + "</body></html>")
    whole = " ".join(_BODY_TEXTS(tree))
    assert "var x" not in whole and "off" not in whole and "vier" in whole and "fünf" in whole
    for limit in (0, 3, 17, 40, 4000, 10000):
        assert body_text_opening(tree, limit) == whole[:limit]
