"""Scrapy settings of the newsarchive project (scrapy.cfg points here).

Every value can be overridden per run: `scrapy crawl news -a url=... -s NAME=VALUE`.
"""
import os

# Scrapy's cookie middleware asks tldextract for the public suffix list; it must use the
# bundled copy, never the network. Set before Scrapy imports tldextract.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

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
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "spiders.robots.ConditionalRobotsTxtMiddleware": 100,
}
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_TIMES = 1
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

# The archive the pipelines write (relative to the working directory; folder created).
NEWSARCHIVE_DB = "data/archive.db"

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
# The longest robots.txt Crawl-delay honoured for a site of a site list (seconds).
NEWSARCHIVE_MAX_CRAWL_DELAY = 60

# Extraction in N worker processes, so downloads continue while pages are extracted (0: in the
# crawl's own thread, the simplest; set it to the number of spare cores for large crawls).
NEWSARCHIVE_EXTRACT_WORKERS = 0

# No control ports: a crawl opens no listening sockets of its own.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
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
