"""The life of a pebble worker pool, shared by the extraction pipeline and the link reader.

Workers are started with "spawn": forking a process that runs a Twisted reactor and threads
is unsafe. A pool is let go in one of two ways: finished (the tasks handed over run to their
end) or stopped (they are dropped); either way it is joined, so that no worker lives on and
none is started any more.
"""
from __future__ import annotations

import multiprocessing

from pebble import ProcessPool

#: A worker's limits unless the settings say otherwise (NEWSARCHIVE_EXTRACT_TIMEOUT and
#: NEWSARCHIVE_EXTRACT_MEMORY_MB), for the extraction and the link workers alike: seconds a
#: task may take, and megabytes of address space a worker may use.
DEFAULT_TIMEOUT = 20.0
DEFAULT_MEMORY_MB = 3072


def spawn_pool(workers: int, initializer, *initargs) -> ProcessPool:
    """A pool of `workers` processes started with "spawn", each set up by initializer(*initargs)."""
    return ProcessPool(max_workers=workers, initializer=initializer, initargs=initargs,
                       context=multiprocessing.get_context("spawn"))


def stop_pool(pool: ProcessPool) -> None:
    """Stop a pool for good: no task runs on, no worker lives on, none is started any more.

    A pool that is stopped but not joined keeps its manager thread, which replaces workers
    that end: at interpreter exit pebble kills the workers, the thread may start another, and
    multiprocessing then removes the pool's semaphores before that worker has read them, so
    the new worker prints a traceback (a cron job's --quiet run must print nothing)."""
    pool.stop()
    pool.join()


def finish_pool(pool: ProcessPool) -> None:
    """Let the tasks handed over finish, then stop the pool; stopped at once if that fails."""
    pool.close()
    try:
        pool.join()
    except BaseException:
        stop_pool(pool)
        raise
