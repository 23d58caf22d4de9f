"""SQL for backups and restores: an online copy, and a look inside a file before trusting it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .devices import Devices
from .migrations import MIGRATIONS
from .settings import Settings

if TYPE_CHECKING:
    pass

SQLITE_HEADER = b"SQLite format 3\x00"

# One schema object: (type, name, table) and, for a table, its columns as
# (name, declared type, not null, primary key position).
SchemaObject = tuple[str, str, str, tuple[tuple[str, str, int, int], ...]]


@dataclass(frozen=True)
class DatabaseFacts:
    """What a database file holds, read without changing it."""

    schema_version: int
    integrity: tuple[str, ...]
    schema: frozenset[SchemaObject]
    self_device: tuple[str, str, str] | None  # id, team, role
    settings: dict[str, str] = field(default_factory=dict)


def has_sqlite_header(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's online backup API (the WAL included, even while
    the app writes), made into one self-contained file (rollback journal, not WAL)."""
    with (
        closing(sqlite3.connect(source, timeout=10)) as src,
        closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")


def _schema(conn: sqlite3.Connection) -> frozenset[SchemaObject]:
    objects: set[SchemaObject] = set()
    rows = conn.execute(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for kind, name, table in rows:
        columns: tuple[tuple[str, str, int, int], ...] = ()
        if kind == "table":
            columns = tuple(
                (str(c[1]), str(c[2]).upper(), int(c[3]), int(c[5]))
                for c in conn.execute("SELECT * FROM pragma_table_info(?)", [name])
            )
        objects.add((str(kind), str(name), str(table), columns))
    return frozenset(objects)


def inspect_database(
    path: Path, *, read_only: bool = False, settings: tuple[str, ...] = ()
) -> DatabaseFacts:
    """Schema version, integrity, schema and this-device row of the file at ``path``.

    Raises ``sqlite3.DatabaseError`` for a file SQLite cannot read. Views and triggers in
    a file of unknown origin never run here (``trusted_schema`` off). ``read_only`` opens
    without write access, so that even closing cannot checkpoint into the file.
    """
    target = f"{path.resolve().as_uri()}?mode=ro" if read_only else str(path)
    with closing(sqlite3.connect(target, uri=read_only, timeout=10)) as conn:
        conn.execute("PRAGMA trusted_schema = OFF")
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        integrity = tuple(str(row[0]) for row in conn.execute("PRAGMA integrity_check"))
        schema = _schema(conn)
        names = {name for kind, name, _, _ in schema if kind == "table"}
        import sqlite_utils

        db = sqlite_utils.Database(conn)
        own = Devices(db).own() if "devices" in names else None
        device = (str(own.id), str(own.team), str(own.role)) if own else None
        values: dict[str, str] = {}
        if "settings" in names:
            stored = Settings(db)
            for key in settings:
                if key.endswith(":"):  # a prefix: every key that starts with it
                    values.update(stored.with_prefix(key))
                    continue
                value = stored.get(key)
                if value is not None:
                    values[key] = value
        return DatabaseFacts(version, integrity, schema, device, values)


@cache
def reference_schema(version: int) -> frozenset[SchemaObject]:
    """The schema that the first ``version`` migrations make, built in memory."""
    import sqlite_utils

    db = sqlite_utils.Database(memory=True)
    try:
        for migration in MIGRATIONS[:version]:
            with db.atomic():
                migration(db)
        return _schema(db.conn)
    finally:
        db.close()


def write_settings(path: Path, values: dict[str, str]) -> None:
    """Set ``values`` in the settings of the (not yet live) database file at ``path``."""
    with closing(sqlite3.connect(path)) as conn:
        import sqlite_utils

        db = sqlite_utils.Database(conn)
        with db.atomic():
            for key, value in values.items():
                Settings(db).set(key, value)


def fold_journal(path: Path, *, timeout: float = 2.0) -> None:
    """Fold the WAL into the main file and switch it to a rollback journal, so the file
    alone is the whole database. SQLite allows this only to the one connection open on the
    file: ``sqlite3.OperationalError`` ("database is locked") means the app has it open."""
    with closing(sqlite3.connect(path, timeout=timeout)) as conn:
        mode = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0])
    if mode.lower() != "delete":
        raise sqlite3.OperationalError("database is locked")


def record_rows(path: Path, table: str, *, page: int = 1000) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``table`` in the database file at ``path``, a page at a time (read-only)."""
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        conn.row_factory = sqlite3.Row
        cursor = conn.execute(f"SELECT * FROM {table} ORDER BY id")
        while rows := cursor.fetchmany(page):
            yield [dict(row) for row in rows]


def country_codes_in(path: Path) -> frozenset[str]:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
        return frozenset(row[0] for row in conn.execute("SELECT iso3 FROM countries"))
