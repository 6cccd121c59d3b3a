"""The fixture server: a real HTTP server on loopback, queried with urllib."""
import http.client
import json
import urllib.error
import urllib.request

import pytest

from newsarchive.fixtureserver import (
    FixtureServer, accepted_encodings, content_type_for, encoded, resolve_file,
)


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "index.html").write_text("<h1>News</h1>", encoding="utf-8")
    (tmp_path / "news" / "story.html").write_text("<p>Story ü</p>", encoding="utf-8")
    (tmp_path / "gbk.html").write_bytes("<p>中文</p>".encode("gbk"))
    (tmp_path / "sitemap.xml").write_text("<urlset><url><loc>{{BASE_URL}}/news/story.html"
                                          "</loc></url></urlset>", encoding="utf-8")
    (tmp_path / "robots.txt").write_text("Sitemap: {{BASE_URL}}/sitemap.xml\n", encoding="utf-8")
    (tmp_path / "_secret.html").write_text("hidden", encoding="utf-8")
    (tmp_path / "_routes.json").write_text(json.dumps({
        "/old.html": {"redirect": "/news/story.html", "status": 301},
        "/moved.html": {"redirect": "/news/", "status": 302},
        "/gone.html": {"status": 404},
        "/down.html": {"status": 503, "body": "try later"},
        "/alias.html": {"file": "/news/story.html"},
        "/broken.html": {"broken": True},
        "/br.html": {"file": "/news/story.html", "encode": "br"},
        "/gz-always.html": {"file": "/news/story.html", "encode": "gzip", "encode_always": True},
        "/not-modified.html": {"status": 304},
    }), encoding="utf-8")
    return tmp_path


@pytest.fixture
def server(site):
    with FixtureServer(site) as running:
        yield running


def fetch(url):
    """(status, content type, body, final url) of a GET, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read(), response.url
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read(), url


def test_url_is_loopback_with_the_chosen_free_port(server):
    assert server.url.startswith("http://127.0.0.1:")
    assert server.url.endswith("/")
    assert server.port > 0


def test_serves_html_files_with_utf8_charset(server):
    status, content_type, body, _ = fetch(server.url + "news/story.html")
    assert status == 200
    assert content_type == "text/html; charset=utf-8"
    assert body == "<p>Story ü</p>".encode("utf-8")


def test_directory_urls_serve_their_index(server):
    assert fetch(server.url)[2] == b"<h1>Home</h1>"
    assert fetch(server.url + "news/")[2] == b"<h1>News</h1>"


def test_html_in_another_encoding_is_served_without_a_charset(server):
    status, content_type, body, _ = fetch(server.url + "gbk.html")
    assert content_type == "text/html"
    assert body == "<p>中文</p>".encode("gbk")


def test_base_url_token_is_filled_in_sitemaps_and_robots(server):
    base = server.url.rstrip("/")
    _, content_type, body, _ = fetch(server.url + "sitemap.xml")
    assert content_type == "application/xml"
    assert f"<loc>{base}/news/story.html</loc>".encode() in body
    _, content_type, body, _ = fetch(server.url + "robots.txt")
    assert content_type == "text/plain; charset=utf-8"
    assert body == f"Sitemap: {base}/sitemap.xml\n".encode()


def test_redirect_routes_lead_to_their_target(server):
    status, _, body, final_url = fetch(server.url + "old.html")
    assert (status, final_url) == (200, server.url + "news/story.html")
    assert fetch(server.url + "moved.html")[3] == server.url + "news/"


def test_redirect_status_and_location_as_declared(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", "/old.html")
    response = connection.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == "/news/story.html"
    connection.close()


def test_error_routes_answer_their_status(server):
    assert fetch(server.url + "gone.html")[0] == 404
    status, _, body, _ = fetch(server.url + "down.html")
    assert (status, body) == (503, b"try later")


def get_raw(server, path, headers=None):
    """(Content-Encoding, raw body) of a GET, nothing decoded."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    result = response.getheader("Content-Encoding"), response.read()
    connection.close()
    return result


def test_encoded_routes_follow_accept_encoding_unless_told_to_ignore_it(server):
    story = "<p>Story ü</p>".encode("utf-8")
    assert get_raw(server, "/br.html") == (None, story)
    assert get_raw(server, "/br.html", {"Accept-Encoding": "gzip, br;q=0"}) == (None, story)
    coding, body = get_raw(server, "/br.html", {"Accept-Encoding": "gzip, deflate, br"})
    assert coding == "br" and body == encoded(story, "br") != story
    assert get_raw(server, "/gz-always.html") == ("gzip", encoded(story, "gzip"))
    assert [entry["accept_encoding"] for entry in server.request_log][-2:] == [
        "gzip, deflate, br", "identity"]  # http.client says identity when not told


def test_a_304_route_sends_no_body_so_the_connection_serves_the_next_request(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", "/not-modified.html")
    first = connection.getresponse()
    assert (first.status, first.read()) == (304, b"")
    connection.request("GET", "/news/story.html")  # the same kept-alive connection
    second = connection.getresponse()
    assert (second.status, second.read()) == (200, "<p>Story ü</p>".encode("utf-8"))
    connection.close()


def test_accepted_encodings_drop_codings_refused_with_q_zero():
    assert accepted_encodings("gzip, deflate;q=0.5, BR;q=0, zstd ; q=0.0") == {"gzip", "deflate"}
    assert accepted_encodings(None) == set()


def test_file_route_serves_another_file(server):
    assert fetch(server.url + "alias.html")[2] == "<p>Story ü</p>".encode("utf-8")


def test_missing_hidden_and_outside_files_are_not_found(server):
    assert fetch(server.url + "nothing.html")[0] == 404
    assert fetch(server.url + "_secret.html")[0] == 404
    assert fetch(server.url + "_routes.json")[0] == 404
    assert fetch(server.url + "../../etc/passwd")[0] == 404


def test_broken_route_drops_the_connection(server):
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError, urllib.error.URLError)):
        urllib.request.urlopen(server.url + "broken.html", timeout=10)


def test_head_requests_get_headers_only(server):
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("HEAD", "/news/story.html")
    response = connection.getresponse()
    assert response.status == 200
    assert response.read() == b""
    assert int(response.getheader("Content-Length")) == len("<p>Story ü</p>".encode("utf-8"))
    connection.close()


def test_every_request_is_logged_with_its_status(site):
    with FixtureServer(site) as server:
        fetch(server.url + "news/story.html")
        fetch(server.url + "gone.html")
    assert ("GET", "/news/story.html", 200) in server.requests
    assert ("GET", "/gone.html", 404) in server.requests


def test_stop_frees_the_server_and_url_needs_a_start(site):
    server = FixtureServer(site)
    with pytest.raises(RuntimeError):
        server.url
    server.start()
    port = server.port
    server.stop()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)


def test_missing_root_directory_is_refused(tmp_path):
    with pytest.raises(FileNotFoundError):
        FixtureServer(tmp_path / "nowhere")


def test_content_type_for_suffixes(tmp_path):
    assert content_type_for(tmp_path / "feed.rss") == "application/rss+xml"
    assert content_type_for(tmp_path / "a.atom") == "application/atom+xml"
    assert content_type_for(tmp_path / "page.html", b"plain ascii") == "text/html; charset=utf-8"
    assert content_type_for(tmp_path / "page.html", b"\xff\xfe") == "text/html"


def test_resolve_file_stays_inside_root(site):
    root = site.resolve()
    assert resolve_file(root, "/news/") == root / "news" / "index.html"
    assert resolve_file(root, "/../secret") is None
    assert resolve_file(root, "/_routes.json") is None


def test_a_page_linked_into_the_site_is_served_from_where_it_lives(tmp_path):
    root = tmp_path / "site"
    (root / "articles").mkdir(parents=True)
    shared = tmp_path / "pages" / "seed" / "page.html"
    shared.parent.mkdir(parents=True)
    shared.write_text("<h1>Seed</h1>", encoding="utf-8")
    (root / "articles" / "seed.html").symlink_to("../../pages/seed/page.html")
    assert resolve_file(root, "/articles/seed.html") == root / "articles" / "seed.html"
    assert resolve_file(root, "/../pages/seed/page.html") is None
    with FixtureServer(root) as running:
        status, _, body, _ = fetch(running.url + "/articles/seed.html")
    assert (status, body) == (200, b"<h1>Seed</h1>")


def conditional_get(url, **headers):
    """(status, headers) of a GET with the given request headers."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_files_carry_validators_and_answer_conditional_gets(server, site):
    status, headers = conditional_get(server.url + "news/story.html")
    etag, last_modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and etag.startswith('"') and last_modified.endswith("GMT")
    assert conditional_get(server.url + "news/story.html", **{"If-None-Match": etag})[0] == 304
    assert conditional_get(server.url + "news/story.html",
                           **{"If-Modified-Since": last_modified})[0] == 304
    assert conditional_get(server.url + "news/story.html", **{"If-None-Match": '"other"'})[0] == 200
    (site / "news" / "story.html").write_text("<p>Story, updated</p>", encoding="utf-8")
    status, headers = conditional_get(server.url + "news/story.html", **{"If-None-Match": etag})
    assert status == 200 and headers["ETag"] != etag
