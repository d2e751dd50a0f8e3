"""The archive's SQLite connection and its one kind of write transaction."""

import contextlib
import sqlite3
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000


def connect(path: str | Path) -> sqlite_utils.Database:
    """An archive connection: rows by column name, WAL, waits for a busy writer, foreign keys enforced.
    Transactions are explicit (`write`); sqlite-utils' own operations nest in them as savepoints."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL never corrupts the archive; a power cut may lose the last captures, which the next crawl
    # fetches again.
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    return sqlite_utils.Database(conn)


@contextlib.contextmanager
def write(conn: sqlite3.Connection):
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error so nothing is half-written."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # an error such as a full disk may have ended it already
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
