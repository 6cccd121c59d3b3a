"""Site profiles: extra keep/drop selectors per host, from a TOML or JSON file, no code."""
import json

import lxml.html
import pytest

from newsarchive import sites
from newsarchive.sites import SiteProfile, host_of, load_profiles, parse_profiles, profile_for

TOML = """
[sites."example-news.com"]
keep = ["div.story-text"]
drop = [".promo-box", "#comments"]

[sites."www.other.org"]
drop = ["//aside"]
"""


def test_host_of():
    assert host_of("https://WWW.Example-News.com:8080/a?b") == "www.example-news.com"
    assert host_of("example-news.com/path") == "example-news.com"
    assert host_of(None) is None


def test_parse_profiles_strips_www():
    profiles = parse_profiles({"sites": {"www.other.org": {"drop": ["aside"]}}})
    assert profiles["other.org"].drop == ["aside"]


def test_load_profiles_from_toml(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(TOML, encoding="utf-8")
    profiles = load_profiles(path)
    assert profiles["example-news.com"].keep == ["div.story-text"]
    assert profiles["example-news.com"].drop == [".promo-box", "#comments"]
    assert profiles["other.org"].drop == ["//aside"]


def test_load_profiles_from_json(tmp_path):
    path = tmp_path / "sites.json"
    path.write_text(json.dumps({"sites": {"paper.com": {"keep": ["article"]}}}), encoding="utf-8")
    assert load_profiles(path)["paper.com"].keep == ["article"]


def test_unreadable_or_broken_files_give_no_profiles(tmp_path):
    assert load_profiles(tmp_path / "missing.toml") == {}
    broken = tmp_path / "broken.toml"
    broken.write_text("[sites.\n", encoding="utf-8")
    assert load_profiles(broken) == {}


def test_profile_for_matches_host_and_subdomains():
    profiles = parse_profiles({"sites": {"example-news.com": {"drop": ["x"]}}})
    assert profile_for("https://example-news.com/a", profiles).host == "example-news.com"
    assert profile_for("https://m.example-news.com/a", profiles).host == "example-news.com"
    assert profile_for("https://example.com/a", profiles) is None
    assert profile_for(None, profiles) is None


def test_profile_for_reads_the_file_named_by_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "profiles.toml"
    path.write_text(TOML, encoding="utf-8")
    monkeypatch.setenv(sites.ENV_VAR, str(path))
    assert profile_for("https://www.example-news.com/story").keep == ["div.story-text"]
    monkeypatch.delenv(sites.ENV_VAR)
    monkeypatch.chdir(tmp_path)
    assert profile_for("https://www.example-news.com/story") is None


def test_select_runs_css_and_xpath_in_page_order():
    tree = lxml.html.document_fromstring(
        "<html><body><aside id='a'>1</aside><div class='promo-box'>2</div><aside id='b'>3</aside></body></html>")
    profile = SiteProfile(host="x", drop=[".promo-box", "//aside"])
    assert [el.text for el in profile.select(tree, profile.drop)] == ["1", "2", "3"]


def test_an_invalid_selector_matches_nothing():
    tree = lxml.html.document_fromstring("<html><body><p>x</p></body></html>")
    assert SiteProfile(host="x").select(tree, ["p[", "//p[", ""]) == []


@pytest.fixture
def story_page():
    return (b"<html><body><div class='layout'><div class='story-text'><p>First paragraph of the story "
            b"that is long enough to be counted as text by the engine, with commas, and more.</p>"
            b"<div class='promo-box'>Subscribe to our print edition for only a dollar a week now.</div>"
            b"<p>Second paragraph of the story, also long enough to count as part of the article.</p>"
            b"</div><div class='teasers'><p>A teaser paragraph that is long enough to confuse a scorer "
            b"into taking the wrong block, it has commas, many commas, and words.</p></div></div></body></html>")


def test_extract_applies_the_profile_of_the_url_host(tmp_path, monkeypatch, story_page):
    from newsarchive.extract import extract
    path = tmp_path / "sites.toml"
    path.write_text(TOML, encoding="utf-8")
    monkeypatch.setenv(sites.ENV_VAR, str(path))
    article = extract(story_page, url="https://www.example-news.com/story")
    assert article.body.startswith("First paragraph")
    assert "Subscribe" not in article.body and "teaser" not in article.body
    assert any("Subscribe" in block.text for block in article.boilerplate)


# --- the site list -----------------------------------------------------------------------------

from newsarchive.sites import Site, SiteListError, load_site_list, parse_site_list  # noqa: E402

SITE_LIST = r"""
[sites."legacy-news.com"]
keep = ["div.story-text"]

[sites.example]
start = ["https://example-news.com/", "https://example-news.com/news-sitemap.xml"]
depth = 2
max_pages = 500
delay = 1.5
revisit = ["1h", "6h", "1d", "7d"]
allow = ['/20\d\d/']
deny = ['/video/']
keep = ["div.story-text"]

[sites.local]
start = ["http://127.0.0.1:8001/"]
local = true
concurrency = 4
revisit = []
skip = {tag = [], print = ['/print/']}
"""


def write(tmp_path, text, name="sites.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_load_site_list(tmp_path):
    sites = load_site_list(write(tmp_path, SITE_LIST))
    assert list(sites) == ["example", "local"]   # file order; the host profile is no site
    example = sites["example"]
    assert isinstance(example, Site)
    assert example.start == ("https://example-news.com/", "https://example-news.com/news-sitemap.xml")
    assert example.hosts == {"example-news.com", "www.example-news.com"}
    assert (example.depth, example.max_pages, example.delay, example.concurrency) == (2, 500, 1.5, 2)
    assert example.revisit == (3600, 6 * 3600, 86400, 7 * 86400)
    assert example.profile.keep == ["div.story-text"]
    assert example.owns("https://www.example-news.com:443/2024/a.html")
    assert not example.owns("https://other.com/2024/a.html")
    assert example.follows("https://example-news.com/2024/a.html")
    assert not example.follows("https://example-news.com/about")         # not allowed
    assert not example.follows("https://example-news.com/video/2024/x")  # denied
    local = sites["local"]
    assert local.hosts == {"127.0.0.1:8001"} and local.local
    assert not local.owns("http://127.0.0.1:8002/")
    assert local.revisit == () and local.concurrency == 4
    assert local.skip["tag"] == () and local.skip["print"][0].pattern == "/print/"
    assert local.profile is None and local.depth == 3


def test_site_list_selects_names(tmp_path):
    path = write(tmp_path, SITE_LIST)
    assert list(load_site_list(path, ["local"])) == ["local"]
    with pytest.raises(SiteListError, match="no site named 'nope'; expected one of example, local"):
        load_site_list(path, ["nope"])


def test_site_list_keeps_host_profiles_working(tmp_path):
    profiles = load_profiles(write(tmp_path, SITE_LIST))
    assert profiles["legacy-news.com"].keep == ["div.story-text"]
    assert profiles["example-news.com"].keep == ["div.story-text"]  # a site's own keep/drop


@pytest.mark.parametrize("entry, message", [
    ('depth = 2', "site 'bad', key 'start': expected a list of start URLs"),
    ('start = []', "site 'bad', key 'start': expected at least one start URL"),
    ('start = ["ftp://x.org/"]', "site 'bad', key 'start': expected absolute http(s) URLs, got 'ftp://x.org/'"),
    ('start = ["https://x.org/"]\ndepht = 2', "site 'bad', key 'depht': expected one of the keys start, hosts"),
    ('start = ["https://x.org/"]\ndepth = "2"', "site 'bad', key 'depth': expected an integer >= 0, got '2'"),
    ('start = ["https://x.org/"]\nmax_pages = 0', "key 'max_pages': expected an integer >= 1, got 0"),
    ('start = ["https://x.org/"]\ndelay = -1', "key 'delay': expected a number of seconds >= 0, got -1"),
    ('start = ["https://x.org/"]\nrevisit = ["1h", "soon"]', "key 'revisit': expected durations like"),
    ('start = ["https://x.org/"]\nrevisit = ["1d", "1h"]', "key 'revisit': expected durations in ascending order"),
    ('start = ["https://x.org/"]\nallow = ["(unclosed"]', "key 'allow': expected regular expressions ('(unclosed'"),
    ('start = ["https://x.org/"]\nhosts = ["y.org"]', "key 'hosts': expected every start URL's host among the hosts"),
    ('start = ["https://x.org/"]\nlocal = "yes"', "key 'local': expected true or false, got 'yes'"),
    ('start = ["https://x.org/"]\nskip = {tag = "["}', "key 'skip.tag': expected regular expressions"),
    ('start = ["https://example-news.com/b/"]', "key 'hosts': expected hosts of this site only "
                                                "(example-news.com belongs to site 'example' already)"),
])
def test_site_list_mistakes_name_site_key_and_expectation(tmp_path, entry, message):
    path = write(tmp_path, SITE_LIST + "\n[sites.bad]\n" + entry + "\n")
    with pytest.raises(SiteListError) as raised:
        load_site_list(path)
    assert message in str(raised.value)
    assert str(path) in str(raised.value)


def test_site_list_file_mistakes(tmp_path):
    with pytest.raises(SiteListError, match="cannot read the site list"):
        load_site_list(tmp_path / "missing.toml")
    with pytest.raises(SiteListError, match="expected TOML"):
        load_site_list(write(tmp_path, "[sites.\n"))
    with pytest.raises(SiteListError, match="found only host profiles"):
        load_site_list(write(tmp_path, '[sites."a.com"]\nkeep = ["p"]\n'))
    assert parse_site_list({"sites": {"j": {"start": "https://j.org/"}}})["j"].start == ("https://j.org/",)


def test_url_netloc_and_www_twins():
    from newsarchive.sites import url_netloc, www_twins
    assert url_netloc("https://WWW.News.example:443/a") == "www.news.example"
    assert url_netloc("http://127.0.0.1:8000/x") == "127.0.0.1:8000"
    assert url_netloc("mailto:desk@news.example") is None
    assert www_twins("news.example") == {"news.example", "www.news.example"}
    assert www_twins("www.news.example:8080") == {"www.news.example:8080", "news.example:8080"}
    assert www_twins("127.0.0.1:8000") == {"127.0.0.1:8000"}
    assert www_twins("localhost:8000") == {"localhost:8000"}


def test_url_netloc_reads_plain_authorities_as_urlsplit_does(monkeypatch):
    """url_netloc's one-match path for plain authorities gives what its urlsplit path gives."""
    import re

    import newsarchive.sites as sites

    urls = [
        "http://example.com", "https://example.com/", "http://example.com:80/a",
        "https://example.com:443?q", "http://example.com:0443/", "https://example.com:80#x",
        "http://127.0.0.1:8001/news/", "http://127.0.0.1:99999/", "http://a-b.c-d.org/x",
        "HTTP://Example.COM/", "http://Example.com/", "http://example.com./", "http://a..b/",
        "http://user:pw@example.com/", "http://[::1]:8080/", "http://example.com:/x",
        " http://example.com/ ", "ftp://example.com/", "mailto:a@example.com", "//example.com/",
        "http://", "http:///path", "https://xn--bcher-kva.example/", "http://example.com\\x",
        "http://exa_mple.com/", "http://example.com:8080", "https://www.example.com:443",
    ]
    fast = [sites.url_netloc(url) for url in urls]
    assert sum(1 for url in urls if sites._PLAIN_AUTHORITY.match(url)) >= 10  # the fast path ran
    monkeypatch.setattr(sites, "_PLAIN_AUTHORITY", re.compile(r"(?!)"))  # urlsplit only
    assert fast == [sites.url_netloc(url) for url in urls]
    assert fast[:3] == ["example.com", "example.com", "example.com"]
