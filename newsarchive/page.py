"""FetchedPage: the one thing extraction and the archive see of a download."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone


@dataclass
class FetchedPage:
    """A page as fetched: what the spider hands to the pipelines, Scrapy-free."""

    url: str
    """The URL as requested."""
    final_url: str | None = None
    """The URL after redirects (None when it equals url)."""
    status: int | None = None
    """HTTP status of the final response; None when the download failed."""
    headers: dict[str, str] = field(default_factory=dict)
    """Response headers, names lower-cased, one value each."""
    body: bytes = b""
    """The raw response body."""
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    """When the response arrived (timezone-aware, UTC)."""
    error: str | None = None
    """Why the download failed, or None."""
    hints: dict = field(default_factory=dict)
    """What discovery knew of the URL: e.g. {"source": "sitemap", "lastmod": ..., "depth": 1}."""

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")
