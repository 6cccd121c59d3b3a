"""RetryAfterMiddleware: Scrapy's RetryMiddleware, honouring Retry-After on 429 and 503.

A 429 (Too Many Requests) or 503 (Service Unavailable) answer with a Retry-After header
(delta-seconds or an HTTP date, RFC 9110 section 10.2.3) is retried, within RETRY_TIMES as any
retry, only once the time asked has passed, and its whole download slot waits with it (a
site's slot, or Scrapy's per-host slot): the server said it is overloaded, not that one page
is. Concurrent answers do not add up: the slot resumes at the latest time asked.

The wait is bounded: an ask longer than NEWSARCHIVE_RETRY_AFTER_MAX seconds (default 60) is
not waited for. The page is not retried and is recorded failed with the reason, e.g.
"HTTP 503 Service Unavailable: Retry-After 3600 s, over the 60 s waited at most
(NEWSARCHIVE_RETRY_AFTER_MAX): not retried"; the next run asks again. Without a Retry-After,
with one that cannot be read, or on other statuses, Scrapy's behaviour is unchanged: retried
at once.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from time import monotonic

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.asyncio import call_later
from scrapy.utils.response import response_status_message

log = logging.getLogger(__name__)

#: The statuses whose Retry-After is honoured.
RETRY_AFTER_STATUSES = frozenset({429, 503})
#: The longest Retry-After waited for, in seconds (NEWSARCHIVE_RETRY_AFTER_MAX).
DEFAULT_RETRY_AFTER_MAX = 60.0
#: Request meta key: why a Retry-After was not honoured (the spider adds it to the error).
NOT_RETRIED_META_KEY = "newsarchive_retry_after_refused"


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """The seconds a Retry-After header asks to wait (0 for a date past), or None when there
    is none or it cannot be read."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if not text:
        return None
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:  # an HTTP date is GMT
        moment = moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - (now or datetime.now(timezone.utc))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """RetryMiddleware in Scrapy's place (DOWNLOADER_MIDDLEWARES); see the module docstring.

    The slot is paused on Scrapy's response_downloaded signal, which comes before the
    downloader sends the slot's next request (as AutoThrottle adjusts its delays there); the
    retry itself is made when the response reaches process_response."""

    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("NEWSARCHIVE_RETRY_AFTER_MAX", DEFAULT_RETRY_AFTER_MAX)
        self.resume_at: dict[str, float] = {}
        """Download slot -> when (monotonic) its pause ends."""

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        crawler.signals.connect(middleware.on_response_downloaded,
                                signal=signals.response_downloaded)
        return middleware

    def asked_wait(self, request: Request, response: Response) -> float | None:
        """The seconds a retryable 429 or 503 asks to wait before the retry, else None."""
        if (request.meta.get("dont_retry", False)
                or response.status not in RETRY_AFTER_STATUSES
                or response.status not in self.retry_http_codes):
            return None
        return retry_after_seconds(response.headers.get("Retry-After"))

    def on_response_downloaded(self, response: Response, request: Request, spider=None) -> None:
        wait = self.asked_wait(request, response)
        retries = request.meta.get("max_retry_times", self.max_retry_times)
        if wait and wait <= self.max_wait and request.meta.get("retry_times", 0) < retries:
            self.pause_slot(request, wait)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        wait = self.asked_wait(request, response)
        if wait is None:
            return super().process_response(request, response)
        stats = self.crawler.stats
        if wait > self.max_wait:
            request.meta[NOT_RETRIED_META_KEY] = (
                f"Retry-After {wait:g} s, over the {self.max_wait:g} s waited at most "
                "(NEWSARCHIVE_RETRY_AFTER_MAX): not retried")
            stats.inc_value("newsarchive/retry_after/not_waited")
            log.warning("%s answered %s with Retry-After %g s: not retried (the longest "
                        "waited is %g s)", request.url, response.status, wait, self.max_wait)
            return response
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:  # out of retries: recorded as it is
            return response
        stats.inc_value("newsarchive/retry_after/waited")
        return retry

    def pause_slot(self, request: Request, seconds: float) -> None:
        """Hold the request's download slot for `seconds`: nothing is sent to it meanwhile."""
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        resume = monotonic() + seconds
        if resume <= self.resume_at.get(key, 0.0):
            return  # paused longer already
        self.resume_at[key] = resume
        slot = downloader.slots.get(key)
        if slot is None:
            return
        log.info("download slot %s paused %g s (Retry-After)", key, seconds)
        # the downloader sends nothing from a slot while it has a pending call: ours, which
        # then resumes the queue (applying the slot's delay as usual); a slot seen in the
        # future is not collected as idle meanwhile
        if slot.latercall is not None:
            slot.latercall.cancel()
        slot.latercall = call_later(seconds, downloader._latercall, slot)
        slot.lastseen = max(slot.lastseen, resume)
