"""Opening the database: one function, given its path; migrations run here, never at import."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import SchemaTooNew
from .migrations import MIGRATIONS

if TYPE_CHECKING:
    import sqlite_utils

SCHEMA_VERSION = len(MIGRATIONS)
log = logging.getLogger(__name__)


def schema_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _copy_aside(db: sqlite_utils.Database, path: Path, version: int) -> Path:
    """A consistent copy of the file (WAL included) before a migration touches it."""
    target = path.with_name(f"{path.name}.v{version}.before-migration")
    with sqlite3.connect(target) as copy:
        db.conn.backup(copy)
    copy.close()
    return target


def open_database(path: Path | str, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` with WAL and foreign keys on."""
    path = Path(path)
    memory = str(path) == ":memory:"
    import sqlite_utils  # here, not at import: it costs ~0.3 s of start-up

    db = sqlite_utils.Database(":memory:" if memory else path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    db.conn.execute("PRAGMA busy_timeout = 5000")
    if not memory:
        db.conn.execute("PRAGMA journal_mode = WAL")
        db.conn.execute("PRAGMA synchronous = NORMAL")
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        db.close()
        raise SchemaTooNew("schema_too_new", version=version, known=SCHEMA_VERSION)
    try:
        if migrate:
            _migrate(db, path, version, memory)
    except BaseException:
        db.close()
        raise
    return db


def _migrate(db: sqlite_utils.Database, path: Path, version: int, memory: bool) -> None:
    if version < SCHEMA_VERSION:
        if version > 0 and not memory:
            aside = _copy_aside(db, path, version)
            log.info("copied the database aside to %s before migrating", aside.name)
        for number in range(version, SCHEMA_VERSION):
            with db.atomic():
                MIGRATIONS[number](db)
                db.conn.execute(f"PRAGMA user_version = {number + 1}")
            log.info("database migrated to schema version %d", number + 1)
