"""Write transactions that take the write lock up front."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlite_utils import Database


@contextlib.contextmanager
def immediate_transaction(db: Database) -> Iterator[Database]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception (KeyboardInterrupt included).

    IMMEDIATE rather than sqlite-utils' deferred BEGIN: in WAL mode a deferred transaction that
    reads first and writes later fails at once with SQLITE_BUSY when another writer got in
    between, bypassing the busy timeout; taking the lock first makes writers simply wait.

    Inside a transaction already open (several writes committed together, Archive.batch),
    a savepoint: the block is still all or nothing, and durable when the outer one commits.
    """
    conn = db.conn
    if conn.in_transaction:
        # SAVEPOINT ... RELEASE, ROLLBACK TO on any exception, as sqlite-utils' atomic() but
        # under one name: the same three statements every time, prepared once (atomic() names
        # each savepoint anew, a fresh statement to compile for every page of a batch). A
        # nested savepoint of the same name is the innermost one, as ROLLBACK TO and RELEASE
        # take it.
        conn.execute("SAVEPOINT newsarchive_write")
        try:
            yield db
        except BaseException:
            # a RAISE(ROLLBACK) trigger may have ended the whole transaction already
            if conn.in_transaction:
                conn.execute("ROLLBACK TO SAVEPOINT newsarchive_write")
                conn.execute("RELEASE SAVEPOINT newsarchive_write")
            raise
        conn.execute("RELEASE SAVEPOINT newsarchive_write")
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
