"""Scrapy settings of the newsarchive project (scrapy.cfg points here).

Every value can be overridden per run: `scrapy crawl news -a url=... -s NAME=VALUE`.
"""
import os
import sys

# Scrapy's cookie middleware asks tldextract for the public suffix list; it must use the
# bundled copy, never the network. Set before Scrapy imports tldextract.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from scrapy.settings import default_settings  # noqa: E402 - after the variable above

from spiders import collector  # noqa: E402 - a module, so Scrapy takes no name of it for a setting

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
# `scrapy crawl` with a summary per site and exit statuses for cron (spiders/commands/crawl.py).
COMMANDS_MODULE = "spiders.commands"
USER_AGENT = "newsarchive/0.1 (news archiver; Scrapy)"

# Politeness: obey robots.txt, adapt the pace to the server, few parallel requests per site.
ROBOTSTXT_OBEY = True
# robots.txt revalidated with If-None-Match / If-Modified-Since like a hub, its answers archived
# (a 304 hands Scrapy the archived body): spiders/robots.py, in Scrapy's middleware's place.
# The request guard (spiders/middlewares.py, see NEWSARCHIVE_ADDRESS_GUARD) checks every request
# and redirect hop before it leaves.
# Retries honour a 429's or 503's Retry-After, the site's download slot waiting with them
# (spiders/retry.py, in Scrapy's RetryMiddleware's place; see NEWSARCHIVE_RETRY_AFTER_MAX).
# Meta refreshes are followed as Scrapy follows them, without decoding every page that names
# none (spiders/metarefresh.py, in Scrapy's MetaRefreshMiddleware's place).
# Servers are asked only for the content codings this Python can decode: br is left out where
# pywb's brotlipy hides the brotli module Scrapy decodes it with (spiders/compression.py, in
# Scrapy's HttpCompressionMiddleware's place).
DOWNLOADER_MIDDLEWARES = {
    "spiders.middlewares.RequestGuardMiddleware": 60,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.robots.ConditionalRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "spiders.retry.RetryAfterMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "spiders.metarefresh.MetaRefreshMiddleware": 580,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "spiders.compression.DecodableCompressionMiddleware": 590,
}
# Twisted's own epoll reactor on Linux, not Scrapy's default asyncio one: nothing here needs
# asyncio, and a crawl's own CPU per page is lower without the asyncio layer under Twisted
# (bench/crawl.py, rounds taking turns: 171-182 -> 182-194 pages/s). Code that needs asyncio
# (an asyncio-only library in a callback) runs with
# -s TWISTED_REACTOR=twisted.internet.asyncioreactor.AsyncioSelectorReactor.
TWISTED_REACTOR = ("twisted.internet.epollreactor.EPollReactor" if sys.platform.startswith("linux")
                   else "twisted.internet.asyncioreactor.AsyncioSelectorReactor")
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
# Outputs of one response handled at once: a page gives one item and a few requests, and
# Scrapy starts this many tasks for every response (100 by default: a fifth of the crawl's
# own CPU time went to them; 16 still cost 78 us a response against 34-44 us for 4). A
# sitemap's hundreds of requests need no more: handing a request to the engine never waits.
CONCURRENT_ITEMS = 4
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_TIMES = 1
# The longest Retry-After (seconds) of a 429 or 503 that is waited for before the retry; a page
# asking more is not retried and is recorded failed with the reason.
NEWSARCHIVE_RETRY_AFTER_MAX = 60
# A page that still fails after its retry is recorded in the archive like any other fetch.
RETRY_GIVE_UP_LOG_LEVEL = "WARNING"

# Every response reaches the spider, error statuses included, so that every fetch is recorded.
HTTPERROR_ALLOW_ALL = True

# How far and how much: link hops from a start URL, and the most pages one run requests.
DEPTH_LIMIT = 3
NEWSARCHIVE_MAX_PAGES = 1000
# Scrapy's own hard stop by responses counted; 0 leaves the cap to NEWSARCHIVE_MAX_PAGES.
CLOSESPIDER_PAGECOUNT = 0

# Breadth first: home and section pages, then the articles they list, then links beyond.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Scrapy's HTTP/1.1 handler, also recording the request and response heads as they crossed the
# wire (header case, order and repeats, the status line), for faithful WARC records.
DOWNLOAD_HANDLERS = {
    "http": "spiders.capture.CaptureHTTP11DownloadHandler",
    "https": "spiders.capture.CaptureHTTP11DownloadHandler",
}

ITEM_PIPELINES = {
    "pipelines.extract.ExtractPipeline": 300,
    "pipelines.archive.ArchivePipeline": 800,
}

# The archive the pipelines write (relative to the working directory; folder created), and the
# size in MB it may grow to (0: no cap). A write the archive refuses (the cap, a full disk, a
# read-only file) stops the crawl with the finish reason "archive_error"; nothing stored is lost.
NEWSARCHIVE_DB = "data/archive.db"
NEWSARCHIVE_DB_MAX_MB = 0
# Archive writes in a thread of their own, in order, one transaction per page: compression,
# full-text indexing and each commit's fsync overlap the crawl instead of stalling it.
NEWSARCHIVE_WRITER_THREAD = True

# Scheduled crawls fetch what is new or changed: an article already in NEWSARCHIVE_DB is fetched
# again only when a sitemap or feed dates it after its last fetch, or (when set) after
# NEWSARCHIVE_REVISIT_AFTER seconds, and then conditionally (a 304 costs no body). Home,
# section, sitemap and feed pages are always fetched. 0 / False fetches everything again.
NEWSARCHIVE_INCREMENTAL = True
NEWSARCHIVE_REVISIT_AFTER = 0

# One crawl at a time per archive: a second one on a busy archive stops at once (exit status 75).
NEWSARCHIVE_LOCK = True
# The summary printed at the end of `scrapy crawl`: "full", "problems" (for cron) or "none".
NEWSARCHIVE_SUMMARY = "full"
# The longest robots.txt Crawl-delay honoured (seconds), for a site list's sites and a -a url=
# crawl alike.
NEWSARCHIVE_MAX_CRAWL_DELAY = 60

# Extraction runs in worker processes, off the reactor (pipelines/extract.py): N workers (None:
# the environment variable NEWSARCHIVE_EXTRACT_WORKERS, else one per core; 0: in the crawl's own
# thread, for debugging), each page under a time limit (seconds) and each worker under an
# address-space limit (MB); at most NEWSARCHIVE_EXTRACT_QUEUE pages queue for the workers
# (0: 4 per worker) before the pipeline holds back downloads.
NEWSARCHIVE_EXTRACT_WORKERS = None
NEWSARCHIVE_EXTRACT_TIMEOUT = 20
NEWSARCHIVE_EXTRACT_MEMORY_MB = 3072
NEWSARCHIVE_EXTRACT_QUEUE = 0
# A web page's links are read (parsed, resolved) off the reactor: an article page's by the
# extraction worker that extracts it, from the same parse, when extraction runs in workers.
# Otherwise (hubs, and a page its worker gave up) in a thread of the crawl, then in N worker
# processes (spiders/links.py) once the thread has spent the CPU starting one costs (0.4 s),
# under the extraction workers' time and memory limits; 0: always the thread.
NEWSARCHIVE_LINK_WORKERS = 1

# Every request and redirect hop is checked before it leaves (spiders/middlewares.py): http(s)
# only, on the site's hosts, and (the address guard) never to a private, loopback, link-local or
# multicast address unless the site is declared local. Scrapy's file:, data:, ftp: and s3:
# handlers are switched off as well, so no other scheme can be fetched by any path.
NEWSARCHIVE_ADDRESS_GUARD = True
DOWNLOAD_HANDLERS = {**DOWNLOAD_HANDLERS, "file": None, "data": None, "ftp": None, "s3": None}

# Log lines name pages (URL, status, error); Scrapy's default would print each item whole, raw
# bytes and response headers (cookies) included.
LOG_FORMATTER = "spiders.logformatter.PageLogFormatter"

# Scrapy's stats, without the deprecation shim in front of every stats call (spiders/stats.py).
STATS_CLASS = "spiders.stats.CrawlStatsCollector"

# The garbage collector's thresholds during a crawl (gc.set_threshold; spiders/collector.py):
# Python's (700, 10, 10) cost the crawl process 8% of its CPU. [] keeps Python's.
EXTENSIONS = {"spiders.collector.GarbageCollectorThresholds": 0}
NEWSARCHIVE_GC_THRESHOLDS = list(collector.DEFAULT_THRESHOLDS)

# No control ports: a crawl opens no listening sockets of its own.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
# Scrapy imports every extension its base list names, even one set to None, before it asks
# whether it is enabled; the remote control's module imports aiohttp's web server, a tenth of
# a second of every crawl's start. So it leaves the base list (Scrapy's own, otherwise); to use
# it, add "scrapy.extensions.remote_control.RemoteControl": 0 to EXTENSIONS and set
# REMOTE_CONTROL_ENABLED = True.
EXTENSIONS_BASE = {path: order for path, order in default_settings.EXTENSIONS_BASE.items()
                   if path != "scrapy.extensions.remote_control.RemoteControl"}
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
# `-o items.jsonl` / .json / .csv / .xml: every item, its bytes, datetimes and Article in a
# serialisable form (pipelines/export.py); the items the pipelines see are unchanged.
FEED_EXPORTERS = {
    "json": "pipelines.export.JsonItemExporter",
    "jsonlines": "pipelines.export.JsonLinesItemExporter",
    "jsonl": "pipelines.export.JsonLinesItemExporter",
    "jl": "pipelines.export.JsonLinesItemExporter",
    "csv": "pipelines.export.CsvItemExporter",
    "xml": "pipelines.export.XmlItemExporter",
    "marshal": "pipelines.export.MarshalItemExporter",
}
