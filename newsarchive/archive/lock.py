"""The archive lock: one crawl at a time per archive.

A crawl holds an exclusive `flock` on `<archive>.lock` (beside the SQLite file) from before its
first request until it ends. A second crawl on the same archive finds it taken and stops at
once with ArchiveBusy, naming the process that holds it. The operating system releases the
lock when the holder exits, however it exits (kill -9 included), so a stale lock file never
blocks the next run. Readers (sqlite-utils, Datasette, `newsarchive stats`) take no lock.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
from datetime import datetime, timezone
from pathlib import Path

LOCK_SUFFIX = ".lock"


class ArchiveBusy(RuntimeError):
    """Another process holds the archive's lock."""


def lock_path(db_path: str | os.PathLike) -> Path:
    """The lock file of an archive: its path with ".lock" appended."""
    path = Path(db_path)
    return path.with_name(path.name + LOCK_SUFFIX)


class ArchiveLock:
    """An exclusive, non-blocking lock on an archive, held until release() or process exit.

        with ArchiveLock("data/archive.db", holder="crawl news"):
            ...
    """

    def __init__(self, db_path: str | os.PathLike, holder: str = "crawl"):
        self.db_path = Path(db_path)
        self.path = lock_path(db_path)
        self.holder = holder
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> ArchiveLock:
        """Take the lock or raise ArchiveBusy at once (never waits)."""
        if self._fd is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            owner = read_owner(fd)
            os.close(fd)
            raise ArchiveBusy(busy_message(self.db_path, owner)) from None
        except BaseException:
            os.close(fd)
            raise
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({
            "pid": os.getpid(), "host": socket.gethostname(), "holder": self.holder,
            "since": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        }).encode() + b"\n")
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)

    def __enter__(self) -> ArchiveLock:
        return self.acquire()

    def __exit__(self, *exc_info) -> None:
        self.release()


def read_owner(fd: int) -> dict:
    """What the holder wrote into the lock file ({} when unreadable)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return json.loads(os.read(fd, 4096).decode() or "{}")
    except (OSError, ValueError):
        return {}


def busy_message(db_path: Path, owner: dict) -> str:
    """ "archive data/a.db is busy: another crawl holds it (pid 123 on host, since ...)"."""
    who = ", ".join(part for part in (
        f"pid {owner['pid']}" if owner.get("pid") else "",
        f"on {owner['host']}" if owner.get("host") else "",
        f"since {owner['since']}" if owner.get("since") else "") if part)
    holder = owner.get("holder") or "another crawl"
    return (f"archive {db_path} is busy: {holder} holds it" + (f" ({who})" if who else "")
            + f"; lock file {lock_path(db_path)}. Not crawling.")
