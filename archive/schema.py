"""The archive's tables: made on first use, and archives made by earlier versions brought up to date."""

import sqlite3
from importlib.resources import files

import sqlite_utils

from . import search
from .database import write

SCHEMA_VERSION = 6
MIGRATIONS = [
    (2, "migrate_v2.sql"),
    (3, "migrate_v3.sql"),
    (4, "migrate_v4.sql"),
]  # (version reached, script) for archives made earlier
OBSOLETE_COLUMNS = [("captures", "content_hash")]  # dropped from older archives: the capture's version holds the hash
SEARCH_INDEX_REBUILT = 4  # archives older than this get their search index filled anew (migrate_v4.sql)
ADDED_COLUMNS = [
    ("list_entries", "position", int, None),
    ("crawl_runs", "node", str, None),
    ("crawl_runs", "job", str, None),
    ("attachments", "tries", int, 0),
]  # (table, column, type, default of a NOT NULL column) added to older archives' tables that schema.sql leaves


def ensure(db: sqlite_utils.Database) -> None:
    """Create the tables, or migrate an older archive, in one transaction."""
    if _version(db) >= SCHEMA_VERSION:
        return
    with write(db.conn):
        version = _version(db)  # again, under the write lock: another process may have just made the tables
        if version >= SCHEMA_VERSION:
            return
        existing = db["captures"].exists()
        for reached, script in MIGRATIONS:
            if existing and version < reached:
                _run_script(db.conn, script)
        _run_script(db.conn, "schema.sql")
        if existing and version < 2:
            _refill_captures(db)
        for table, column in OBSOLETE_COLUMNS:
            if column in db[table].columns_dict:
                db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        for table, column, kind, default in ADDED_COLUMNS:
            if column not in db[table].columns_dict:
                db[table].add_column(column, kind, not_null_default=default)
        if existing and version < SEARCH_INDEX_REBUILT:
            search.rebuild(db.conn)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def _refill_captures(db: sqlite_utils.Database) -> None:
    """Version 2 rebuilt the captures table (migrate_v2.sql renamed the old one): copy the old rows over."""
    columns = ", ".join(sorted(db["captures_v1"].columns_dict.keys() & db["captures"].columns_dict.keys()))
    db.execute(f"INSERT INTO captures ({columns}) SELECT {columns} FROM captures_v1")
    db["captures_v1"].drop()


def _run_script(conn: sqlite3.Connection, name: str) -> None:
    """Statement by statement, because executescript() would commit the open transaction."""
    statement = ""
    for line in files("archive").joinpath(name).read_text("utf-8").splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
