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
