"""The Scrapy pipelines on real items: real extraction, a real SQLite archive, a real Crawler."""
import asyncio
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from itemadapter import ItemAdapter
from scrapy.utils.test import get_crawler
from sqlite_utils import Database

from newsarchive import Article
from pipelines.archive import ArchivePipeline
from newsarchive.archive import is_extractable_page as is_extractable
from pipelines.extract import (
    PAGE_FIELDS, ExtractPipeline, PooledExtractPipeline, default_workers, fetched_page,
)
from spiders import news

SEED_HTML = (Path(__file__).parent / "fixtures" / "pages" / "iranfocus-assad" / "page.html"
             ).read_bytes()
FETCHED_AT = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def page_item(url="http://127.0.0.1:8000/articles/a.html", *, status=200, body=SEED_HTML,
              kind="html", error=None):
    return {"url": url, "final_url": None, "status": status,
            "headers": {"content-type": "text/html; charset=utf-8"}, "body": body,
            "fetched_at": FETCHED_AT, "error": error,
            "hints": {"source": "link", "depth": 2, "lastmod": None, "kind": kind}}


def failed_item(url="http://127.0.0.1:8000/down.html"):
    return {"url": url, "final_url": None, "status": None, "headers": {}, "body": b"",
            "fetched_at": FETCHED_AT, "error": "ConnectionRefusedError: refused",
            "hints": {"source": "link", "depth": 1, "lastmod": None, "kind": None}}


def fetched_page_of(item):
    return fetched_page(ItemAdapter(item))


def test_spider_items_carry_exactly_the_fetched_page_fields():
    assert set(news.PAGE_FIELDS) == set(PAGE_FIELDS)


def test_fetched_page_from_item():
    page = fetched_page_of(page_item())
    assert page.url.endswith("/articles/a.html")
    assert page.status == 200 and page.body == SEED_HTML and page.fetched_at == FETCHED_AT
    assert page.content_type == "text/html; charset=utf-8"



def test_is_extractable_only_for_fetched_web_pages():
    assert is_extractable(fetched_page_of(page_item()))
    assert not is_extractable(fetched_page_of(page_item(status=404, error="HTTP 404 Not Found")))
    assert not is_extractable(fetched_page_of(page_item(kind="sitemap")))
    assert not is_extractable(fetched_page_of(failed_item()))


def test_extract_pipeline_adds_the_article():
    item = ExtractPipeline().process_item(page_item())
    article = item["article"]
    assert isinstance(article, Article)
    assert article.headline == "Iran, Russia cooperate to keep Assad in power in Syria"
    assert article.is_article


def test_extract_pipeline_skips_error_pages_and_discovery_documents():
    assert ExtractPipeline().process_item(page_item(status=404))["article"] is None
    assert ExtractPipeline().process_item(page_item(kind="feed"))["article"] is None
    assert ExtractPipeline().process_item(failed_item())["article"] is None


def test_extract_pipeline_records_an_extraction_failure_and_goes_on():
    def failing_extract(html, url=None, **options):
        raise ValueError("cannot read this")

    item = ExtractPipeline(failing_extract).process_item(page_item())
    assert item["article"] is None
    assert item["error"] == "extract: ValueError: cannot read this"


@pytest.fixture
def archive_pipeline(tmp_path):
    db_path = tmp_path / "sub" / "archive.db"
    crawler = get_crawler(news.NewsSpider, {"NEWSARCHIVE_DB": str(db_path)})
    crawler.spider = news.NewsSpider.from_crawler(crawler, url="http://127.0.0.1:8000/")
    pipeline = ArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()
    yield pipeline, db_path
    pipeline.close_spider()


def test_archive_pipeline_reads_the_db_setting_and_creates_its_folder(archive_pipeline):
    pipeline, db_path = archive_pipeline
    assert pipeline.db_path == db_path
    assert db_path.exists()


def test_archive_pipeline_stores_pages_and_only_real_articles(archive_pipeline):
    pipeline, db_path = archive_pipeline
    extract = ExtractPipeline()
    for item in (page_item(), page_item("http://127.0.0.1:8000/gone", status=404,
                                        body=b"<h1>Not found</h1>", error="HTTP 404 Not Found"),
                 failed_item()):
        pipeline.process_item(extract.process_item(item))
    pipeline.close_spider()
    db = Database(db_path)
    pages = {row["url"]: row for row in db.query(
        "select url, status, error, article_url from pages")}
    assert len(pages) == 3
    assert pages["http://127.0.0.1:8000/gone"]["status"] == 404
    assert pages["http://127.0.0.1:8000/gone"]["article_url"] is None
    assert pages["http://127.0.0.1:8000/down.html"]["error"].startswith("ConnectionRefused")
    articles = list(db.query("select url, canonical_url, headline from articles"))
    # the page's canonical URL is on another site than the page: kept, but not its identity
    assert articles == [{
        "url": "http://127.0.0.1:8000/articles/a.html",
        "canonical_url": "https://www.iranfocus.com/en/terrorism/"
                         "iran-russia-cooperate-to-keep-assad-in-power-in-syria/",
        "headline": "Iran, Russia cooperate to keep Assad in power in Syria"}]
    [crawl] = db.query("select spider, start_urls, counters from crawls")
    assert crawl["spider"] == "news"
    assert json.loads(crawl["start_urls"]) == ["http://127.0.0.1:8000/"]
    counters = json.loads(crawl["counters"])
    assert counters["items"] == 3 and counters["article_pages"] == 1
    assert counters["failed"] == 2 and counters["articles_new"] == 1


def die_on_marked_pages(page):
    """A worker that crashes (as a segfault in a C library would) on pages marked in their URL."""
    import os

    from pipelines.extract import extract_in_worker
    if "crash" in page.url:
        os._exit(1)
    return extract_in_worker(page)



def test_writer_thread_commits_waiting_items_together_and_a_failing_one_alone(tmp_path):
    import sqlite3
    from concurrent.futures import Future

    db_path = tmp_path / "archive.db"
    crawler = get_crawler(news.NewsSpider, {"NEWSARCHIVE_DB": str(db_path),
                                            "NEWSARCHIVE_WRITER_THREAD": True})
    crawler.spider = news.NewsSpider.from_crawler(crawler, url="http://127.0.0.1:8000/")
    pipeline = ArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()
    store, commits = pipeline.store, []

    def failing_store(item, payload=None):
        if item["url"].endswith("/full"):
            raise sqlite3.OperationalError("database or disk is full")
        return store(item, payload)

    pipeline.store = failing_store
    batch = pipeline.archive.batch

    def counted_batch():
        commits.append(1)
        return batch()

    pipeline.archive.batch = counted_batch
    extract = ExtractPipeline()
    urls = [f"http://127.0.0.1:8000/{name}" for name in ("a", "b", "c", "d")]
    waiting = [(extract.process_item(page_item(url, body=b"<p>%d</p>" % n)), Future())
               for n, url in enumerate(urls)]
    pipeline.pending.extend(waiting[:2])
    pipeline.write_pending()  # a and b: one transaction
    assert len(commits) == 1
    full = (extract.process_item(page_item("http://127.0.0.1:8000/full")), Future())
    pipeline.pending.extend([waiting[2], full, waiting[3]])
    pipeline.write_pending()  # the batch fails: written again one by one
    assert len(commits) == 2
    assert isinstance(full[1].exception(), sqlite3.OperationalError)
    assert all(written.result() is None for _, written in waiting)
    pipeline.close_spider()
    assert [row["url"] for row in Database(db_path).query("select url from pages order by id")
            ] == urls
    assert pipeline.counters["items"] == 4


def run_pooled(pipeline, items):
    async def run():
        pipeline.open_spider()
        try:
            return await asyncio.gather(*(pipeline.process_item(item) for item in items))
        finally:
            pipeline.close_spider()
    return asyncio.run(run())


def test_extract_workers_setting_gives_the_pooled_pipeline():
    crawler = get_crawler(news.NewsSpider, {"NEWSARCHIVE_EXTRACT_WORKERS": 2})
    pipeline = ExtractPipeline.from_crawler(crawler)
    assert isinstance(pipeline, PooledExtractPipeline) and pipeline.workers == 2
    assert pipeline.timeout == 20 and pipeline.queue_size == 8
    inline = get_crawler(news.NewsSpider, {"NEWSARCHIVE_EXTRACT_WORKERS": 0})
    assert type(ExtractPipeline.from_crawler(inline)) is ExtractPipeline


def test_extraction_is_off_the_reactor_by_default_one_worker_per_core(monkeypatch):
    monkeypatch.delenv("NEWSARCHIVE_EXTRACT_WORKERS", raising=False)
    from spiders import settings
    project = {name: getattr(settings, name) for name in dir(settings)
               if name.startswith("NEWSARCHIVE_EXTRACT")}
    pipeline = ExtractPipeline.from_crawler(get_crawler(news.NewsSpider, project))
    assert isinstance(pipeline, PooledExtractPipeline)
    assert pipeline.workers == default_workers() >= 1
    monkeypatch.setenv("NEWSARCHIVE_EXTRACT_WORKERS", "0")  # the debugging switch
    inline = ExtractPipeline.from_crawler(get_crawler(news.NewsSpider, project))
    assert type(inline) is ExtractPipeline


def test_pooled_pipeline_extracts_in_worker_processes():
    items = run_pooled(PooledExtractPipeline(2), [page_item(), page_item(status=404), failed_item(),
                                                  page_item("http://127.0.0.1:8000/articles/b.html")])
    assert [item["article"] is not None for item in items] == [True, False, False, True]
    assert items[0]["article"].headline == "Iran, Russia cooperate to keep Assad in power in Syria"
    assert items[0]["article"].to_dict() == ExtractPipeline().process_item(page_item())["article"].to_dict()


def test_a_dead_worker_costs_only_its_page():
    items = run_pooled(PooledExtractPipeline(1, worker=die_on_marked_pages),
                       [page_item("http://127.0.0.1:8000/articles/crash.html"), page_item()])
    assert items[0]["article"] is None
    assert items[0]["error"] == "extract: worker process died (exit code 1)"
    assert items[1]["article"] is not None and items[1].get("error") is None


def hang_on_marked_pages(page):
    """A worker stuck on pages marked in their URL (as a super-linear path on a huge page)."""
    import time

    from pipelines.extract import extract_in_worker
    if "hang" in page.url:
        time.sleep(3600)
    return extract_in_worker(page)


def test_a_page_over_the_time_limit_is_recorded_and_its_worker_replaced():
    pipeline = PooledExtractPipeline(1, worker=hang_on_marked_pages, timeout=1)
    items = run_pooled(pipeline, [page_item("http://127.0.0.1:8000/articles/hang.html"),
                                  page_item(), page_item("http://127.0.0.1:8000/articles/b.html")])
    assert items[0]["article"] is None
    assert items[0]["error"] == "extract: timed out after 1 s"
    # the single worker was killed and replaced: the pages queued behind it are extracted
    assert [item["article"] is not None for item in items[1:]] == [True, True]


def test_waiting_for_a_free_place_never_waits_on_nothing():
    """The back-pressure wait (first_done over in_flight) when the pool's threads finished
    every page between the check and the wait: settled at once, not never (a crawl that
    hung on one item, its pipeline queue empty, in 1 of about 10 bench runs)."""
    from concurrent.futures import Future

    from pipelines.extract import first_done

    assert first_done(set()).done()
    done, pending = Future(), Future()
    done.set_result(None)
    assert first_done({done, pending}).done()
    signal = first_done({pending})
    assert not signal.done()
    pending.set_result(None)
    assert signal.done()


def test_the_queue_to_the_workers_is_bounded():
    pipeline = PooledExtractPipeline(1, queue_size=2)
    items = run_pooled(pipeline, [page_item(f"http://127.0.0.1:8000/articles/{n}.html")
                                  for n in range(7)])
    assert all(item["article"] is not None for item in items)
    assert pipeline.peak_in_flight == 2


def allocate_on_marked_pages(page):
    """A worker whose page asks for more memory than a worker may have."""
    from pipelines.extract import extract_in_worker
    if "greedy" in page.url:
        hoard = bytearray(4 * 1024 ** 3)
        return len(hoard)
    return extract_in_worker(page)


def test_a_page_over_the_memory_limit_fails_alone():
    pipeline = PooledExtractPipeline(1, worker=allocate_on_marked_pages, memory_mb=1024)
    items = run_pooled(pipeline, [page_item("http://127.0.0.1:8000/articles/greedy.html"),
                                  page_item()])
    assert items[0]["article"] is None and items[0]["error"].startswith("extract: MemoryError")
    assert items[1]["article"] is not None


def links_or_hang(parsed, url):
    """read_links for read_page, stuck on pages marked in their URL (the page's worker task)."""
    import time

    from spiders.tree_links import links_of_parsed
    if "hang" in url:
        time.sleep(3600)
    return links_of_parsed(parsed, url)


def test_one_worker_task_extracts_a_page_and_reads_its_links():
    from scrapy.http import HtmlResponse

    from spiders.links import page_links
    from spiders.tree_links import links_of_parsed
    pipeline = PooledExtractPipeline(1, timeout=2)
    page, hung, not_found = (page_item(), page_item("http://127.0.0.1:8000/articles/hang.html"),
                             page_item(status=404))

    async def run():
        pipeline.open_spider()
        try:
            links = await pipeline.read_page(page, links_of_parsed)
            article = page["article"]
            passed_on = await pipeline.process_item(page)  # extracted already: not again
            return (links, article, passed_on, await pipeline.read_page(hung, links_or_hang),
                    await pipeline.read_page(not_found, links_of_parsed))
        finally:
            pipeline.close_spider()

    links, article, passed_on, hung_links, not_found_links = asyncio.run(run())
    assert article.to_dict() == ExtractPipeline().process_item(page_item())["article"].to_dict()
    assert passed_on is page and passed_on["article"] is article
    assert links == page_links(HtmlResponse(page["url"], body=SEED_HTML, encoding="utf-8"))
    assert len(links[1]) > 10
    # the worker gave the page up: no links (the spider reads them its own way), the error kept
    assert hung_links is None and hung["article"] is None
    assert hung["error"] == "extract: timed out after 2 s"
    assert not_found_links is None and not_found["article"] is None
