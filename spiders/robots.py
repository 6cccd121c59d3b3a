"""robots.txt revalidated like a hub, and archived like any fetch.

Scrapy's RobotsTxtMiddleware asks every host's robots.txt once a run, unconditionally and
outside the spider (no item, nothing archived). ConditionalRobotsTxtMiddleware takes its place
(DOWNLOADER_MIDDLEWARES) and adds, for the news spider's incremental crawls:

- the robots.txt request carries If-None-Match / If-Modified-Since from the URL's frontier
  row when the archive holds its last full answer, and goes through its site's download slot
  (the site's delay and concurrency);
- a 304 is answered, to Scrapy's robots.txt parser, with that archived body (and its
  Content-Type), so the rules, the Crawl-delay and the Sitemap: lines are the same as when it
  was last fetched in full; a 200 is used as it comes;
- every 2xx and 304 answer becomes an item like any page the spider fetches (hints source
  "robots.txt", kind "robots"), sent to the item pipelines: the archive stores it (pages,
  payloads, the frontier row of kind "robots" with its validators) and counts it as fetched /
  not_modified for its site. Other answers (404: no rules; 5xx) are not archived: Scrapy
  treats them as "no robots.txt" and they are asked again next run, as before.

The robots.txt request itself is Scrapy's (meta dont_obey_robotstxt, no callback): the
middleware recognises it by that and by its path.

A robots.txt that cannot be downloaded at all (the site is down, a timeout) is logged as one
WARNING line naming the error, where Scrapy logs an ERROR with a traceback: the site's own
requests fail too and its summary line says so, and `--quiet` (cron) mails no traceback.
"""
from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK

from newsarchive.urls import url_key

from .news import download_error, response_item

#: hints.source and hints.kind of a robots.txt item.
ROBOTS_SOURCE = "robots.txt"
ROBOTS_KIND = "robots"


class RobotsDownloadErrorFilter(logging.Filter):
    """Turns Scrapy's "Error downloading" ERROR with a traceback for a robots.txt into one
    WARNING line with the error's name."""

    def filter(self, record: logging.LogRecord) -> bool:
        if (record.levelno >= logging.ERROR and record.exc_info
                and str(record.msg).startswith("Error downloading")
                and isinstance(record.args, dict)):
            error = record.exc_info[1]
            request = record.args.get("request")
            host = urlsplit(request.url).netloc if request is not None else "?"
            record.msg = "robots.txt of %s not fetched (%s): its rules are not known this run"
            record.args = (host, download_error(error) if error is not None else "?")
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info, record.exc_text = None, None
        return True


ROBOTS_LOGGER = logging.getLogger("scrapy.downloadermiddlewares.robotstxt")


def is_robots_request(request: Request) -> bool:
    """True for the robots.txt request RobotsTxtMiddleware makes for a host."""
    return (request.meta.get("dont_obey_robotstxt") is True and request.callback is NO_CALLBACK
            and urlsplit(request.url).path == "/robots.txt")


class ConditionalRobotsTxtMiddleware(RobotsTxtMiddleware):
    """RobotsTxtMiddleware whose robots.txt requests are conditional and archived."""

    def __init__(self, crawler):
        super().__init__(crawler)
        if not any(isinstance(f, RobotsDownloadErrorFilter) for f in ROBOTS_LOGGER.filters):
            ROBOTS_LOGGER.addFilter(RobotsDownloadErrorFilter())

    def spider(self):
        return self.crawler.spider

    async def process_request(self, request: Request, spider=None) -> None:
        if is_robots_request(request):
            self.prepare(request)
            return None
        return await super().process_request(request)

    def prepare(self, request: Request) -> None:
        """Mark the robots.txt request for its site and make it conditional when the archive
        has the full answer a 304 would stand for."""
        spider = self.spider()
        site_for = getattr(spider, "site_for", None)
        entry = site_for(request.url) if site_for is not None else None
        if entry is None:
            return
        request.meta["newsarchive_robots"] = True
        request.meta["newsarchive_source"] = ROBOTS_SOURCE
        request.meta["newsarchive_site"] = entry.name
        request.meta["depth"] = 0
        request.meta.update(spider.slot_meta(entry))
        frontier = getattr(spider, "frontier", None)
        if frontier is None:
            return
        plan = frontier.plan(request.url)
        if plan.reason == "hub" and plan.headers \
                and frontier.stored_body(url_key(request.url)) is not None:
            request.headers.update(plan.headers)
            request.meta["newsarchive_frontier"] = "hub"
            spider.inc_stat("newsarchive/frontier/hub")

    async def process_response(self, request: Request, response: Response,
                               spider=None) -> Response:
        if not request.meta.get("newsarchive_robots"):
            return response
        if response.status == 304 or 200 <= response.status < 300:
            await self.archive(request, response)
        if response.status != 304:
            return response
        stored = self.spider().frontier.stored_body(url_key(request.url))
        if stored is None:  # the archive lost it since the request was made
            return response.replace(status=404, body=b"")
        body, headers = stored
        content_type = headers.get("content-type", "text/plain")
        return response.replace(status=200, body=body, headers={"Content-Type": content_type})

    async def archive(self, request: Request, response: Response) -> None:
        """Send the robots.txt answer to the item pipelines, as one item."""
        # a response reaches the downloader middlewares before Scrapy ties it to its request
        response = response.replace(request=request) if response.request is None else response
        item = response_item(response, source=ROBOTS_SOURCE, kind=ROBOTS_KIND)
        await self.crawler.engine.scraper.start_itemproc_async(item, response=response)
