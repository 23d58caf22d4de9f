"""The SQL of checking a database: SQLite's own checks, and connections that cannot write."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def read_only_connection(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write the file (``mode=ro``; it may add ``-wal``/``-shm``).

    ``immutable`` is for backups, which nothing writes: no lock, no ``-shm`` beside them.
    """
    query = "mode=ro&immutable=1" if immutable else "mode=ro"
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def quick_check(conn: sqlite3.Connection, rows: int) -> tuple[tuple[str, ...], int]:
    """SQLite's quick check (at most ``rows`` problems) and the schema version."""
    problems = tuple(str(row[0]) for row in conn.execute(f"PRAGMA quick_check({int(rows)})"))
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    return problems, version


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """SQLite's full integrity check: ``["ok"]`` when the file is sound."""
    return [str(row[0]) for row in db.execute("PRAGMA integrity_check")]


def foreign_key_problems(db: sqlite_utils.Database) -> int:
    """How many rows point at a row that does not exist."""
    return len(db.execute("PRAGMA foreign_key_check").fetchall())


def make_query_only(db: sqlite_utils.Database) -> None:
    """Refuse every write on this connection (a reader beside the writer)."""
    db.conn.execute("PRAGMA query_only = ON")
