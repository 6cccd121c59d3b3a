"""One identity per URL: keys, trusted canonical URLs, link kinds and the article shape."""
import re

import pytest

from newsarchive.urls import (
    SKIP_PATTERNS, compile_skip_table, is_home_page, looks_like_article, site_host, skip_kind,
    trusted_canonical, url_key,
)


@pytest.mark.parametrize("url, key", [
    ("HTTP://Example.COM:80/news/2.html?utm_source=nl&b=2&a=1#top",
     "http://example.com/news/2.html?a=1&b=2"),
    ("http://127.0.0.1:8000/news/2.html?utm_source=newsletter&utm_medium=email",
     "http://127.0.0.1:8000/news/2.html"),
    ("https://e.com/a?fbclid=IwAR0&gclid=x&mc_cid=1&mc_eid=2&_ga=3&id=7", "https://e.com/a?id=7"),
    ("https://e.com:443", "https://e.com/"),
    ("https://www.e.com/a#comments", "https://www.e.com/a"),
    ("https://e.com/caf%c3%a9 story", "https://e.com/caf%C3%A9%20story"),
    ("mailto:desk@e.com", "mailto:desk@e.com"),
])
def test_url_key(url, key):
    assert url_key(url) == key
    assert url_key(key) == key


def test_site_host_joins_www_twins_and_keeps_ports():
    assert site_host("https://www.e.com/a") == site_host("http://e.com/b") == "e.com"
    assert site_host("http://127.0.0.1:8001/") == "127.0.0.1:8001"


def test_home_pages():
    assert is_home_page("https://e.com/") and is_home_page("https://e.com/index.html")
    assert not is_home_page("https://e.com/?p=2") and not is_home_page("https://e.com/world/")


def test_a_canonical_url_is_trusted_on_its_site_only_and_never_the_home_page():
    page = "http://e.com/world/story.html?utm_source=x"
    on_site = "https://www.e.com/world/story"
    assert trusted_canonical(on_site, page) == on_site
    assert trusted_canonical("https://elsewhere.com/world/story", page) is None
    assert trusted_canonical("https://e.com/", page) is None
    assert trusted_canonical("https://e.com/world/story", page, claimed_elsewhere=True) is None
    assert trusted_canonical(None, page) is None


@pytest.mark.parametrize("path, kind", [
    ("/tag/climate/", "tag"), ("/topics/elections/", "tag"), ("/news?tag=storm", "tag"),
    ("/author/jane-doe/", "author"), ("/autoren/max", "author"),
    # the same archives in other languages: Turkish, Italian, Dutch, Polish, Nordic, Finnish, Hungarian
    ("/etiket/secim/", "tag"), ("/argomenti/elezioni/", "tag"), ("/onderwerp/verkiezingen/", "tag"),
    ("/temat/wybory/", "tag"), ("/emner/valg/", "tag"), ("/aiheet/vaalit/", "tag"),
    ("/yazar/ayse-yilmaz/", "author"), ("/autore/mario-rossi/", "author"), ("/autori/mario-rossi/", "author"),
    ("/forfatter/ole-hansen/", "author"), ("/skribent/anna-berg/", "author"),
    ("/toimittajat/matti-virtanen/", "author"), ("/szerzo/kovacs-anna/", "author"),
    ("/autorzy/jan-kowalski/", "author"),
    ("/search?q=storm", "search"), ("/suche?query=wahl", "search"), ("/?s=storm", "search"),
    ("/login", "login"), ("/newsletter/subscribe", "login"), ("/wp-login.php", "login"),
    ("/print/123", "print"), ("/world/storm/print", "print"), ("/a.html?print=1", "print"),
    ("/share?url=/a.html", "share"), ("/intent/tweet?url=x", "share"),
    ("/a.html?replytocom=12", "comment"), ("/comments/story-1", "comment"),
    ("/2025/01/", "calendar"), ("/archiv/2025/05/", "calendar"), ("/?m=202501", "calendar"),
    ("/2025/01/17/port-reopens-after-storm.html", None), ("/world/", None),
    ("/articles/tag-der-einheit-gefeiert.html", None), ("/", None),
])
def test_skip_kinds(path, kind):
    assert skip_kind("https://e.com" + path) == kind
    assert set(SKIP_PATTERNS) == {"tag", "author", "search", "login", "print", "share",
                                  "comment", "calendar"}


def test_a_site_overrides_the_skip_table_and_allow_deny_win():
    table = compile_skip_table({"tag": [re.compile("/schlagwort/")], "print": []})
    assert skip_kind("https://e.com/schlagwort/wahl", table) == "tag"
    assert skip_kind("https://e.com/tag/wahl", table) is None
    assert skip_kind("https://e.com/print/1", table) is None
    deny, allow = [re.compile("/live/")], [re.compile(r"/20\d\d/")]
    assert skip_kind("https://e.com/live/2025/x", deny=deny, allow=allow) == "denied"
    assert skip_kind("https://e.com/tag/2025/x", allow=allow) is None
    assert skip_kind("https://e.com/world/", allow=allow) == "denied"


@pytest.mark.parametrize("path, article", [
    ("/2025/01/17/port-reopens.html", True), ("/world/port-reopens-after-the-storm", True),
    ("/news/story-123456", True), ("/a/12345678.html", True),
    ("/world/port-reopens-after.html?p=2", True),
    ("/", False), ("/world/", False), ("/world/page/2/", False), ("/about.html", False),
    ("/section/world/", False),
])
def test_looks_like_article(path, article):
    assert looks_like_article("https://e.com" + path) is article
