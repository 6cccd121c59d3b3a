"""The byte search the passes use for words in long texts (text.bytes_contain, text.BytesSearch),
and the dated-text walk (dates.dated_text_nodes): the same answers as the plain forms."""
import pytest
import lxml.html

from newsarchive.extract import text
from newsarchive.extract.dates import dated_text_nodes

CASES = [
    (b"<div class='story-dateline'>", b"dateline"),
    (b"<div class='story'>" * 50, b"dateline"),
    (b"", b"x"),
    (b"abc", b""),
    (b"a\x00dateline", b"dateline"),
    (b"datelin", b"dateline"),
    (b"author author author", b"author"),
]


@pytest.fixture(params=["memmem", "python"])
def search_kind(request, monkeypatch):
    if request.param == "python":
        monkeypatch.setattr(text, "_MEMMEM", None)
    elif text._MEMMEM is None:
        pytest.skip("no memmem in this C library")
    return request.param


@pytest.mark.parametrize("haystack, needle", CASES)
def test_bytes_contain_is_in(search_kind, haystack, needle):
    assert text.bytes_contain(haystack, needle) == (needle in haystack)


@pytest.mark.parametrize("haystack, needle", CASES)
def test_bytes_search_finds_as_bytes_find_does(search_kind, haystack, needle):
    search = text.BytesSearch(haystack)
    for start in range(len(haystack) + 2):
        assert search.find(needle, start) == haystack.find(needle, start)


def test_dated_text_nodes_in_page_order_with_the_headline_mark():
    tree = lxml.html.document_fromstring(
        "<html><body><div>Mon 19 <h1>Head 2020</h1> tail 2021<!-- note 2022 --> after 2023"
        "<script>var d = '2019'</script><p>Text 1999.<b>bold 2001</b> rest 2002</p></div> end 2024</body></html>")
    body = tree.find("body")
    div, headline, paragraph, bold = (tree.find(f".//{tag}") for tag in ("div", "h1", "p", "b"))
    # the text after a comment is left out, as lxml's iterwalk (the walk before) left it out
    assert list(dated_text_nodes(body, headline)) == [
        ("Mon 19 ", div), (None, None), ("Head 2020", headline), (" tail 2021", div),
        ("Text 1999.", paragraph), ("bold 2001", bold), (" rest 2002", paragraph), (" end 2024", body),
    ]
    assert [text for text, _ in dated_text_nodes(body)] == [
        "Mon 19 ", "Head 2020", " tail 2021", "Text 1999.", "bold 2001", " rest 2002", " end 2024"]
