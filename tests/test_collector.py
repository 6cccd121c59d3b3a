"""The crawl's garbage-collector thresholds (spiders/collector.py), on a real Scrapy crawler."""
import gc

import pytest
from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from spiders.collector import DEFAULT_THRESHOLDS, GarbageCollectorThresholds


@pytest.fixture
def python_thresholds():
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_the_project_crawls_with_the_tuned_thresholds():
    from scrapy.settings import Settings
    settings = Settings()
    settings.setmodule("spiders.settings", priority="project")
    assert settings.getdict("EXTENSIONS")["spiders.collector.GarbageCollectorThresholds"] == 0
    assert tuple(settings.getlist("NEWSARCHIVE_GC_THRESHOLDS")) == DEFAULT_THRESHOLDS


def test_thresholds_hold_from_the_crawler_until_the_engine_stops(python_thresholds):
    crawler = get_crawler(settings_dict={"NEWSARCHIVE_GC_THRESHOLDS": [5000, 15, 25],
                                         "EXTENSIONS_BASE": {}})
    extension = GarbageCollectorThresholds.from_crawler(crawler)  # noqa: F841 - as Scrapy holds it
    assert gc.get_threshold() == (5000, 15, 25)
    crawler.signals.send_catch_log(signals.engine_stopped)
    assert gc.get_threshold() == python_thresholds


def test_an_empty_list_leaves_pythons_thresholds(python_thresholds):
    crawler = get_crawler(settings_dict={"NEWSARCHIVE_GC_THRESHOLDS": []})
    with pytest.raises(NotConfigured):
        GarbageCollectorThresholds.from_crawler(crawler)
    assert gc.get_threshold() == python_thresholds
