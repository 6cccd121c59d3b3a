"""spiders.stats.CrawlStatsCollector keeps Scrapy's stats as MemoryStatsCollector does."""
import warnings

from scrapy import Spider
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from spiders.stats import CrawlStatsCollector


def exercise(stats):
    stats.open_spider()
    stats.inc_value("pages")
    stats.inc_value("pages", 2)
    stats.inc_value("bytes", 10, start=5)
    stats.max_value("depth", 3)
    stats.max_value("depth", 1)
    stats.min_value("first", 7)
    stats.min_value("first", 9)
    stats.set_value("reason", "finished")
    return stats.get_stats()


def test_same_stats_as_scrapys_collector():
    crawler = get_crawler(Spider)
    assert exercise(CrawlStatsCollector(crawler)) == exercise(MemoryStatsCollector(crawler)) == {
        "pages": 3, "bytes": 15, "depth": 3, "first": 7, "reason": "finished"}


def test_a_spider_argument_is_accepted_without_a_warning():
    crawler = get_crawler(Spider)
    stats = CrawlStatsCollector(crawler)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stats.inc_value("pages", spider=Spider("news"))
    assert stats.get_value("pages") == 1


def test_the_project_crawls_with_it():
    from scrapy.utils.project import get_project_settings
    assert get_project_settings()["STATS_CLASS"] == "spiders.stats.CrawlStatsCollector"
