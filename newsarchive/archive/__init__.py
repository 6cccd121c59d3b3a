"""The SQLite archive of fetched pages and extracted articles (sqlite-utils, no Scrapy)."""
from .frontier import Frontier, Plan
from .lock import ArchiveBusy, ArchiveLock
from .store import (
    DEFAULT_PATH, Archive, NotAnArchive, StoreResult, check_sqlite_file, extract_fetched_page,
    is_extractable_page,
)

__all__ = ["Archive", "ArchiveBusy", "ArchiveLock", "NotAnArchive", "StoreResult", "DEFAULT_PATH", "Frontier",
           "Plan", "check_sqlite_file", "extract_fetched_page", "is_extractable_page"]
