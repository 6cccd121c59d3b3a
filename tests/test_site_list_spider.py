"""The news spider with a site list, without a network: per-site requests, slots and limits."""
import asyncio

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.robotstxt import ProtegoRobotParser
from scrapy.crawler import Crawler
from scrapy.settings import Settings
from scrapy.statscollectors import MemoryStatsCollector

from newsarchive.sites import SiteListError
from spiders.news import SLOT_PREFIX, NewsSpider

SITES = """
[sites.daily]
start = ["https://daily.example/", "https://daily.example/feed.xml"]
depth = 1
max_pages = 3
delay = 2.5
concurrency = 3
deny = ['/video/']

[sites.weekly]
start = ["https://weekly.example/"]
depth = 2
"""

HOME = (b"<html><body><a href='/a.html'>a</a> <a href='/video/b.html'>b</a>"
        b" <a href='https://weekly.example/x.html'>weekly</a> <a href='/c.html'>c</a>"
        b" <a href='/d.html'>d</a></body></html>")


@pytest.fixture
def spider(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_SITES", raising=False)
    path = tmp_path / "sites.toml"
    path.write_text(SITES, encoding="utf-8")
    # as Crawler.crawl() does: the spider is made before the settings are frozen
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    settings.setdict({"NEWSARCHIVE_DB": str(tmp_path / "a.db"), "NEWSARCHIVE_INCREMENTAL": False,
                      "DOWNLOAD_SLOTS": {"cdn.example": {"delay": 5}}}, priority="cmdline")
    crawler = Crawler(NewsSpider, settings)
    spider = NewsSpider.from_crawler(crawler, sites=str(path))
    crawler.spider = spider
    crawler.stats = MemoryStatsCollector(crawler)
    return spider


def collect(outputs):
    """What an async generator of the spider (start(), parse()) yields, as a list."""
    async def gather():
        return [output async for output in outputs]
    return asyncio.run(gather())


def start_requests(spider):
    return collect(spider.start())


def test_start_requests_carry_their_site_and_its_slot(spider):
    requests = start_requests(spider)
    assert [(r.url, r.meta["newsarchive_site"], r.meta["download_slot"]) for r in requests] == [
        ("https://daily.example/", "daily", SLOT_PREFIX + "daily"),
        ("https://daily.example/feed.xml", "daily", SLOT_PREFIX + "daily"),
        ("https://weekly.example/", "weekly", SLOT_PREFIX + "weekly")]
    assert all(r.meta["newsarchive_start"] and r.meta["autothrottle_dont_adjust_delay"]
               for r in requests)


def test_each_site_gets_its_slot_settings(spider):
    settings = spider.crawler.settings
    slots = settings.getdict("DOWNLOAD_SLOTS")
    assert slots[SLOT_PREFIX + "daily"] == {"concurrency": 3, "delay": 2.5, "jitter": 0}
    assert slots[SLOT_PREFIX + "weekly"] == {"concurrency": 2, "delay": 1.0, "jitter": 0}
    assert slots["cdn.example"] == {"delay": 5}      # given with -s: kept
    assert settings.getint("DEPTH_LIMIT") == 2       # the deepest site; each keeps its own


def test_links_follow_the_site_rules_and_its_own_page_cap(spider):
    start_requests(spider)                           # 2 of daily's 3 pages, 1 of weekly's
    request = Request("https://daily.example/", meta={
        "depth": 0, "newsarchive_source": "start", "newsarchive_site": "daily"})
    response = HtmlResponse("https://daily.example/", body=HOME, request=request,
                            headers={"Content-Type": "text/html"})
    followed = [r.url for r in collect(spider.parse(response)) if isinstance(r, Request)]
    # /video/ denied, weekly's page left to weekly, the cap of 3 reached after /a.html
    assert followed == ["https://daily.example/a.html"]
    stats = spider.crawler.stats
    assert stats.get_value("newsarchive/daily/skipped/denied") == 1
    assert stats.get_value("newsarchive/daily/skipped/page_cap") == 2
    assert stats.get_value("newsarchive/weekly/discovered") == 1
    # weekly's own cap is untouched
    assert spider.page_request("https://weekly.example/y.html", source="link") is not None


def test_depth_is_per_site(spider):
    for site, host in (("daily", "daily.example"), ("weekly", "weekly.example")):
        request = Request(f"https://{host}/a.html", meta={
            "depth": 1, "newsarchive_source": "link", "newsarchive_site": site})
        response = HtmlResponse(f"https://{host}/a.html", body=b"<html></html>",
                                request=request)
        assert spider.may_go_deeper(response) == (site == "weekly")


def test_robots_crawl_delay_raises_the_site_slot_delay(spider):
    class Downloader:
        per_slot_settings = {}
        slots = {}

    class Engine:
        downloader = Downloader()

    spider.crawler.engine = Engine()
    parser = ProtegoRobotParser(b"User-agent: *\nCrawl-delay: 7\n", spider)
    spider.on_robots_parsed(parser, Request("https://weekly.example/", meta={
        "newsarchive_site": "weekly"}))
    assert Engine.downloader.per_slot_settings[SLOT_PREFIX + "weekly"]["delay"] == 7
    assert spider.crawl_delays == {"weekly": 7}


def test_a_url_crawl_moves_to_a_slot_of_its_own_at_the_robots_crawl_delay(tmp_path, monkeypatch):
    """A `-a url=` crawl is paced by AutoThrottle in Scrapy's host slots until its robots.txt
    asks for a longer Crawl-delay: its requests then go to a slot of the site at that delay
    (capped), which AutoThrottle leaves alone."""
    monkeypatch.delenv("NEWSARCHIVE_SITES", raising=False)
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    settings.setdict({"NEWSARCHIVE_DB": str(tmp_path / "a.db"), "NEWSARCHIVE_INCREMENTAL": False,
                      "NEWSARCHIVE_MAX_CRAWL_DELAY": 9}, priority="cmdline")
    crawler = Crawler(NewsSpider, settings)
    spider = NewsSpider.from_crawler(crawler, url="https://daily.example/")
    crawler.spider = spider
    crawler.stats = MemoryStatsCollector(crawler)

    class Downloader:
        per_slot_settings = {}
        slots = {}

    class Engine:
        downloader = Downloader()

    crawler.engine = Engine()
    [site] = spider.sites.values()
    before = spider.page_request("https://daily.example/a.html", source="link", site=site)
    assert "download_slot" not in before.meta
    for robots, expected in ((b"User-agent: *\nCrawl-delay: 0.2\n", None),  # under DOWNLOAD_DELAY
                             (b"User-agent: *\nCrawl-delay: 30\n", 9)):
        spider.on_robots_parsed(ProtegoRobotParser(robots, spider),
                                Request("https://daily.example/robots.txt"))
        assert spider.crawl_delays.get(site.name) == expected
    slot = SLOT_PREFIX + site.name
    assert Engine.downloader.per_slot_settings[slot] == {
        "delay": 9, "jitter": 0, "concurrency": settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")}
    after = spider.page_request("https://daily.example/b.html", source="link", site=site)
    assert after.meta["download_slot"] == slot and after.meta["autothrottle_dont_adjust_delay"]


def test_a_site_list_mistake_stops_the_spider(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text('[sites.bad]\nstart = ["https://bad.example/"]\ndepth = -1\n')
    with pytest.raises(SiteListError, match="site 'bad', key 'depth'"):
        NewsSpider(sites=str(path))
    path.write_text(SITES)
    with pytest.raises(SiteListError, match="no site named 'nope'"):
        NewsSpider(sites=str(path), site="daily,nope")
    assert list(NewsSpider(sites=str(path), site="weekly").sites) == ["weekly"]


def test_robots_txt_is_asked_in_its_sites_slot_like_its_pages(spider):
    from scrapy.http.request import NO_CALLBACK

    from spiders.robots import ConditionalRobotsTxtMiddleware

    middleware = ConditionalRobotsTxtMiddleware(spider.crawler)
    [start, *_] = start_requests(spider)
    robots = Request("https://daily.example/robots.txt", meta={"dont_obey_robotstxt": True},
                     callback=NO_CALLBACK)
    asyncio.run(middleware.process_request(robots))
    # the site's delay and concurrency, and AutoThrottle may not raise the slot's delay to its
    # minimum (DOWNLOAD_DELAY) on robots.txt's answer
    for key in ("download_slot", "autothrottle_dont_adjust_delay", "newsarchive_site"):
        assert robots.meta[key] == start.meta[key], key
    assert robots.meta["newsarchive_source"] == "robots.txt"
