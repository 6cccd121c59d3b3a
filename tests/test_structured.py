"""Unit tests of the structured-data pass on tiny inline HTML."""
import lxml.html

from newsarchive.extract.structured import (
    itemprop_value, main_article, parse_json_lenient, read_structured,
)


def structured(html, url="https://example.com/news/1"):
    return read_structured(lxml.html.document_fromstring(html), url)


def test_json_ld_graph_is_flattened_and_article_found():
    data = structured("""<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "name": "Page"},
      {"@type": "NewsArticle", "headline": "Hello", "articleBody": "The body."}]}
    </script></head><body><p>x</p></body></html>""")
    assert [obj["@type"] for obj in data.json_ld] == ["WebPage", "NewsArticle"]
    assert data.types == {"WebPage", "NewsArticle"}
    assert data.article["headline"] == "Hello"
    assert data.article_body == "The body."


def test_json_ld_arrays_and_several_scripts():
    data = structured("""<html><head>
    <script type="application/ld+json">[{"@type": "Organization", "name": "Org"}]</script>
    <script type="application/ld+json">{"@type": ["NewsArticle"], "headline": "H"}</script>
    </head><body></body></html>""")
    assert len(data.json_ld) == 2
    assert data.article["headline"] == "H"


def test_broken_json_is_repaired():
    text = """<![CDATA[ <!-- {"@type": "Article", /* note */ "headline": "A",
    "articleBody": "line one
    line two", "keywords": ["x", "y",],} --> ]]>"""
    (value,) = parse_json_lenient(text)
    assert value["headline"] == "A"
    assert value["keywords"] == ["x", "y"]


def test_unparseable_json_gives_nothing():
    assert parse_json_lenient("{not json at all") == []


def test_article_nested_as_main_entity():
    objects = [{"@type": "WebPage", "mainEntity": {"@type": "BlogPosting", "headline": "Inner"}}]
    assert main_article(objects)["headline"] == "Inner"


def test_meta_og_first_wins_and_keys_lower_case():
    data = structured("""<html><head>
    <meta property="og:title" content="First"><meta property="og:title" content="Second">
    <meta name="Description" content=" Summary ">
    <meta property="article:tag" content="a"><meta property="article:tag" content="b">
    </head><body></body></html>""")
    assert data.og["title"] == "First"
    assert data.meta["description"] == "Summary"
    assert data.meta_all["article:tag"] == ["a", "b"]


def test_canonical_lang_title_and_microdata():
    data = structured("""<html lang="de-DE"><head><title> A  title </title>
    <link rel="canonical" href="/story"></head>
    <body><div itemscope itemtype="https://schema.org/NewsArticle">
    <time itemprop="datePublished" datetime="2020-01-02">2 Jan</time></div></body></html>""")
    assert data.canonical_url == "https://example.com/story"
    assert data.html_lang == "de-DE"
    assert data.title == "A title"
    assert "NewsArticle" in data.types
    assert itemprop_value(data.itemprops["datepublished"][0]) == "2020-01-02"


def test_page_without_head():
    data = structured("<p>Just a paragraph</p>")
    assert data.json_ld == [] and data.title is None and data.article_body is None


def test_opening_text_is_the_first_block_after_the_headline():
    from newsarchive.extract.metadata import read_opening_text
    tree = lxml.html.document_fromstring("""<html><body><h1>Title</h1><div class="meta">By X</div>
    <div class="lede"><span>Berlin.</span> <span>In Berlin brennen zwei Strommasten, Zehntausende sind ohne
    Energie, die Polizei ermittelt.</span></div><p>Body.</p></body></html>""")
    assert read_opening_text(tree.xpath("//h1")[0]).startswith("Berlin. In Berlin brennen")


def test_a_title_longer_than_any_title_is_read_to_its_first_thousand_characters():
    # the readers compare every segment of <title> with the rest of it: a page's length of
    # "title" made that quadratic
    from newsarchive.extract.structured import TITLE_MAX_LEN
    title = "Story - number | Section " * 400
    tree = lxml.html.document_fromstring(f"<html><head><title>{title}</title></head><body><p>x</p></body></html>")
    data = read_structured(tree, "https://e.com/a")
    assert len(data.title) <= TITLE_MAX_LEN and title.startswith(data.title)
