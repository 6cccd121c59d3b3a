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
    if db.conn.in_transaction:
        with db.atomic():  # SAVEPOINT ... RELEASE, ROLLBACK TO on any exception
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
