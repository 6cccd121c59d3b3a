"""decode_html and parse_html: charsets from header, BOM, meta, detection; wrong declarations."""
import codecs

import pytest

from newsarchive.extract.decode import (
    bom_charset, declared_charset, decode_html, decode_page, header_charset, mostly_multibyte, mostly_utf8,
    normalize_charset,
    parse_html, parse_page, title_closed,
)

RUSSIAN = "Президент подписал закон о бюджете на следующий год. Депутаты обсуждали его три недели."
JAPANESE = "東京都は新しい条例を発表した。市民の生活に大きな影響があると専門家は指摘している。"
KOREAN = "서울시는 새로운 교통 정책을 발표했다. 시민들의 생활에 큰 변화가 예상된다고 전문가들은 말했다."
CHINESE = "国务院今天发布了新的经济政策，专家认为这将对市场产生深远影响。记者从有关部门获悉。"
GERMAN = "Die Bürgermeisterin äußerte sich über die Straßenbahn und die Größe des Projekts."
FRENCH = "L'été dernier, les élèves ont visité le musée où était exposée une œuvre célèbre déjà vue."


def page(text, head=""):
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


def test_header_charset_reads_content_type_case_insensitively():
    assert header_charset({"Content-Type": "text/html; charset=Windows-1251"}) == "cp1251"
    assert header_charset({"content-type": "text/html; charset=\"utf-8\""}) == "utf-8"
    assert header_charset({"CONTENT-TYPE": "text/html"}) is None
    assert header_charset(None) is None


def test_normalize_charset_maps_browser_labels():
    assert normalize_charset("gb2312") == "gb18030"
    assert normalize_charset("ISO-8859-1") == "cp1252"
    assert normalize_charset("Shift_JIS") == "cp932"
    assert normalize_charset("euc-kr") == "cp949"
    assert normalize_charset("no-such-charset") is None


def test_bom_charset():
    assert bom_charset(codecs.BOM_UTF8 + b"<html>") == "utf-8"
    assert bom_charset(codecs.BOM_UTF16_LE + "<".encode("utf-16-le")) == "utf-16-le"
    assert bom_charset(b"<html>") is None


def test_declared_charset_from_meta_and_http_equiv():
    assert declared_charset(b'<meta charset="windows-1251">') == "cp1251"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=EUC-KR">') == "cp949"
    assert declared_charset(b"<html><body>nothing</body></html>") is None


def test_declared_utf16_in_an_ascii_readable_page_means_utf8():
    assert declared_charset(b'<meta charset="utf-16">') == "utf-8"


@pytest.mark.parametrize("text, charset, label", [
    (RUSSIAN, "cp1251", "windows-1251"),
    (JAPANESE, "shift_jis", "Shift_JIS"),
    (KOREAN, "euc_kr", "EUC-KR"),
    (CHINESE, "gbk", "gb2312"),
    (GERMAN, "cp1252", "iso-8859-1"),
])
def test_decode_with_meta_charset(text, charset, label):
    data = page(text, f'<meta charset="{label}">').encode(charset)
    assert text in decode_html(data)


@pytest.mark.parametrize("text, charset, label", [
    (RUSSIAN, "cp1251", "windows-1251"),
    (JAPANESE, "shift_jis", "shift_jis"),
    (KOREAN, "euc_kr", "euc-kr"),
])
def test_decode_with_http_charset(text, charset, label):
    data = page(text).encode(charset)
    assert text in decode_html(data, {"Content-Type": f"text/html; charset={label}"})


@pytest.mark.parametrize("text, charset", [
    (RUSSIAN * 3, "cp1251"),
    (JAPANESE * 3, "shift_jis"),
    (KOREAN * 3, "euc_kr"),
    (CHINESE * 3, "gb18030"),
])
def test_decode_undeclared_by_detection(text, charset):
    data = page(text).encode(charset)
    assert text in decode_html(data)


def test_undeclared_western_page_is_read_in_a_web_encoding():
    # unconstrained, the detector takes these bytes for mac_latin2, which no web page uses
    data = page(FRENCH * 5).encode("cp1252")
    assert FRENCH in decode_html(data)


@pytest.mark.parametrize("text, charset", [
    (CHINESE * 3, "gb18030"),
    (JAPANESE * 3, "shift_jis"),
    (JAPANESE * 3, "euc_jp"),
    (KOREAN * 3, "euc_kr"),
])
def test_undeclared_cjk_page_with_a_truncated_character(text, charset):
    # a teaser cut in the middle of a character: the detector gives up on the right codec
    data = page(text).encode(charset)[:-11] + text[:3].encode(charset)[:-1] + b"...</p></body></html>"
    assert text in decode_html(data)


@pytest.mark.parametrize("text, charset", [(RUSSIAN * 3, "cp1251"), (FRENCH * 5, "cp1252")])
def test_single_byte_pages_are_not_read_as_cjk(text, charset):
    # Latin text pairs into valid GBK characters; the check on the repaired bytes rejects them
    assert mostly_multibyte(page(text).encode(charset) + b"\xe9") is None


def test_declared_utf8_but_really_gbk_falls_back():
    data = page(CHINESE * 3, '<meta charset="utf-8">').encode("gb18030")
    assert CHINESE in decode_html(data)


def test_declared_utf8_but_really_cp1252_falls_back():
    data = page(GERMAN * 3, '<meta charset="utf-8">').encode("cp1252")
    assert GERMAN in decode_html(data)


def test_declared_latin1_but_really_utf8_reads_utf8():
    data = page(GERMAN, '<meta charset="iso-8859-1">').encode("utf-8")
    assert GERMAN in decode_html(data)


def test_wrong_http_charset_is_overruled_by_valid_utf8():
    data = page(RUSSIAN).encode("utf-8")
    assert RUSSIAN in decode_html(data, {"content-type": "text/html; charset=iso-8859-1"})


def test_utf8_with_a_truncated_character_stays_utf8():
    data = page(GERMAN * 5).encode("utf-8") + "Straße".encode("utf-8")[:-2] + b"...</p>"
    assert mostly_utf8(data) is not None
    assert GERMAN in decode_html(data)


def test_bom_wins_over_declarations():
    data = codecs.BOM_UTF8 + page(RUSSIAN, '<meta charset="windows-1251">').encode("utf-8")
    assert RUSSIAN in decode_html(data)


def test_str_input_is_returned_unchanged():
    assert decode_html("<p>é</p>") == "<p>é</p>"


def test_odd_input_never_raises():
    assert decode_html(b"") == ""
    assert decode_html(None) == ""
    assert isinstance(decode_html(bytes(range(256)) * 10), str)


def test_parse_html_returns_an_html_element():
    tree = parse_html(page("Hello"))
    assert tree is not None and tree.tag == "html"
    assert tree.find(".//p").text == "Hello"


def test_parse_html_accepts_an_xml_declaration_in_str_input():
    tree = parse_html('<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>')
    assert tree is not None and tree.find(".//p").text == "x"


@pytest.mark.parametrize("text", ["", "   \n  ", None])
def test_parse_html_gives_none_for_empty_input(text):
    assert parse_html(text) is None


def test_parse_html_never_raises_on_garbage():
    for junk in ["<", "\x00\x00", "<<<>>>", "<!DOCTYPE html>", "plain text, no markup"]:
        parse_html(junk)


def test_parse_html_reads_declared_legacy_charsets_as_the_decoded_text_and_drops_nul():
    # the text is parsed as UTF-8 bytes: a <meta charset> in it must not re-decode it
    tree = parse_html('<html><head><meta charset="windows-1252"></head><body><p>Grüße\x00 – 北京</p></body></html>')
    assert tree.findtext(".//p") == "Grüße – 北京"
    surrogate = parse_html("<p>a\ud800b</p>")  # not encodable as UTF-8: parsed from the str
    assert surrogate is not None


def test_decode_page_keeps_the_bytes_only_when_they_are_the_text_in_utf8():
    page = "<p>Grüße aus 北京</p>".encode()
    assert decode_page(page) == (page.decode(), page)
    assert decode_page(b"<p>plain</p>") == ("<p>plain</p>", b"<p>plain</p>")
    latin = '<meta charset="windows-1252"><p>Grüße</p>'.encode("cp1252")
    assert decode_page(latin).utf8 is None and "Grüße" in decode_page(latin).text
    assert decode_page(codecs.BOM_UTF8 + page).utf8 is None  # the BOM is not part of the text
    assert parse_html(page.decode(), utf8=page).findtext(".//p") == "Grüße aus 北京"


def _tree_and_markup(data, headers=None):
    page = decode_page(data, headers)
    return parse_html(page.text, utf8=page.utf8), page.text


@pytest.mark.parametrize("data", [
    "<p>Grüße aus 北京</p>".encode(),                                  # valid UTF-8: read undecoded
    '<meta charset="windows-1252"><p>Grüße</p>'.encode("cp1252"),      # a bad byte: decoded as before
    "<p>Grüße</p>".encode() + b"<b></i>" * 150 + b"<p>caf\xe9</p>",  # a bad byte after libxml2's 100 logged errors
    b"<div>" * 2100 + "<p>é</p>".encode() + b"<p>\xff</p>",             # a bad byte past the nesting limit
    b"  <?xml version='1.0'?>" + "<p>Grüße</p>".encode(),             # an XML declaration: parse_html's way
    b"\xc2\xa0<p>\xc3\xa9</p>",                                       # opening with a non-ASCII space
])
def test_parse_page_gives_decode_page_and_parse_html_tree(data):
    from lxml import etree
    tree, markup = parse_page(data)
    expected_tree, text = _tree_and_markup(data)
    assert etree.tostring(tree) == etree.tostring(expected_tree)
    assert markup == text or markup == data == text.encode()


def test_parse_html_keeps_text_nested_deeper_than_libxml2s_default_limit():
    # libxml2 stops at depth 256 unless told the tree may be huge: the rest of the page was lost
    words = "word " * 100
    page_text = "<html><body>" + "<div>" * 600 + f"<p>{words}</p>" + "</div>" * 600 + "</body></html>"
    tree = parse_html(page_text)
    assert words.strip() in " ".join(tree.text_content().split())


@pytest.mark.parametrize("head", [
    "<title>Budget talks end - Courier</head>",             # the title left open
    "<TITLE>Budget talks end - Courier<title></head>",       # "<title>" typed for "</title>"
    "<title>Budget talks end - Courier<meta name=x content=y></head>",
])
def test_a_title_left_open_ends_at_the_next_tag_and_the_page_keeps_its_body(head):
    # HTML's parsing (libxml2 2.14) makes the whole rest of the page the title's text
    html = f"<html><head>{head}<body><h2>Budget talks end</h2><p>Lawmakers agreed on Monday.</p></body></html>"
    for data in (html.encode(), html.encode() + "<p>Grüße</p>".encode(), html):
        tree, _ = parse_page(data)
        assert tree.findtext("head/title") == "Budget talks end - Courier"
        assert tree.findtext("body/p") == "Lawmakers agreed on Monday."


def test_title_closed_ends_the_title_at_the_first_tag_after_it():
    assert title_closed(b"<title>A - B</head><body>") == b"<title>A - B</title></head><body>"
    assert title_closed(b"<title>A - B<Title ></head>") == b"<title>A - B</title></head>"
    assert title_closed(b"<title>A</title><body>") is None
    assert title_closed(b"<html><body>no title") is None


@pytest.mark.parametrize("data", [
    b"<html><head><title>a <b> c</title></head><body><p>x</p></body></html>",  # markup in a closed title
    b"<html><head><title>t</title></head><frameset><frame src=a.html></frameset></html>",
])
def test_a_page_with_a_body_or_a_closed_title_is_parsed_once_as_it_is(data):
    from lxml import etree
    tree, _ = parse_page(data)
    assert etree.tostring(tree) == etree.tostring(_tree_and_markup(data)[0])


def test_a_title_left_open_after_the_body_began_is_closed_too():
    # content before <title> opens the body, so the page has one; the title still swallows the
    # rest of the page (more than any title holds)
    story = "<p>Lawmakers agreed on Monday after a long night of talks in the capital.</p>" * 40
    html = f"<html><p>Skip to content</p><title>Budget talks end - Courier</head><body>{story}</body></html>"
    tree, _ = parse_page(html.encode())
    assert tree.findtext(".//title") == "Budget talks end - Courier"
    assert len(tree.findall(".//p")) == 41


def test_binary_data_served_as_a_page_is_no_page():
    # an image, a PDF or a zip labelled text/html: before, 14 kB of mojibake became an article
    import random
    from newsarchive.extract import extract
    rnd = random.Random(1)
    noise = bytes(rnd.randrange(256) for _ in range(20_000))
    for data in (noise, b"%PDF-1.4\n" + noise, b"PK\x03\x04" + noise):
        assert parse_page(data).tree is None
        article = extract(data, url="https://e.com/a")
        assert article.is_article is False and article.body == "" and article.headline is None


def test_a_gzipped_page_served_without_its_content_encoding_is_read_unzipped():
    import gzip
    from newsarchive.extract import extract
    story = "<p>The port closed on Tuesday after a storm damaged two cranes, the harbour authority said.</p>" * 3
    html = f"<html><head><title>Storm closes the port</title></head><body><h1>Storm closes the port</h1>{story}</body></html>"
    for data in (gzip.compress(html.encode()), gzip.compress(html.encode("cp1252")), gzip.compress(html.encode())[:-30]):
        article = extract(data, url="https://e.com/a")  # the last one cut short: what it holds
        assert article.headline == "Storm closes the port" and article.body.startswith("The port closed on Tuesday")


def test_legacy_pages_with_a_stray_control_character_are_pages():
    text = "<html><body><p>" + "Grüße aus der Stadt, sagte die Bürgermeisterin am Dienstag. " * 20 + "\x0b\x01</p></body></html>"
    tree, _ = parse_page(text.encode("cp1252"))
    assert "Bürgermeisterin" in tree.findtext("body/p")
