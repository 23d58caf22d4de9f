"""The startup health check: a damaged database is explained, kept aside, and never written to.

Before anything opens the database for writing (migrations and ``journal_mode`` writes
included), a read-only connection runs ``PRAGMA quick_check``. If it fails, the file is
copied to ``DATA_DIR/damaged/`` with a timestamp (with its WAL, which may hold the latest
changes) for an expert, and opening stops with :class:`DatabaseDamaged`: one line that
names the newest backup that passes the same check, if any.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ...paths import database_path
from ..errors import AlholError
from ..messages import Message
from ..storage.integrity import quick_check as storage_quick_check
from ..storage.integrity import read_only_connection
from .files import write_atomically
from .modes import make_private

DAMAGED_DIR = "damaged"
BACKUPS_DIR = "backups"
BEFORE_MIGRATION_SUFFIX = ".before-migration"
# Backups are checked newest first; a few are enough to find a good one without a long wait.
MAX_BACKUPS_CHECKED = 8
_QUICK_CHECK_ROWS = 5

log = logging.getLogger(__name__)


class DatabaseDamaged(AlholError):
    """The database failed its integrity check; nothing was written to it."""

    def __init__(
        self,
        message: str | Message,
        *,
        kept: Path | None,
        backup: Path | None,
        problems: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.kept = kept
        self.backup = backup
        self.problems = problems  # what quick_check said, for the expert's ``check``


class DatabaseUnreadable(AlholError):
    """The database file exists but cannot be opened (permissions, a failing disk)."""


@dataclass(frozen=True)
class Health:
    ok: bool
    problems: tuple[str, ...]
    schema_version: int


def quick_check(path: Path, *, immutable: bool = False) -> Health:
    """``PRAGMA quick_check`` through a read-only connection.

    Damage (a malformed page, a file that is not a database) is a result, not an error;
    a file that cannot be opened at all raises :class:`DatabaseUnreadable`.
    """
    try:
        with closing(read_only_connection(path, immutable=immutable)) as conn:
            problems, version = storage_quick_check(conn, _QUICK_CHECK_ROWS)
    except sqlite3.OperationalError as error:
        if _is_corruption(error):
            return Health(False, (str(error),), 0)
        raise DatabaseUnreadable("database_unreadable", path=path, reason=error) from None
    except sqlite3.DatabaseError as error:  # SQLITE_CORRUPT, SQLITE_NOTADB
        return Health(False, (str(error),), 0)
    return Health(problems == ("ok",), problems, version)


def _is_corruption(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def ensure_database_sound(data_dir: Path) -> int:
    """Check the database before it is opened for writing; returns its schema version.

    Raises :class:`DatabaseDamaged` (after keeping a copy aside) when the check fails.
    """
    path = database_path(data_dir)
    health = quick_check(path)
    if health.ok:
        return health.schema_version
    log.error("the database failed its integrity check (%d problems)", len(health.problems))
    kept = keep_aside(data_dir)
    backup = newest_good_backup(data_dir)
    raise DatabaseDamaged(
        damaged_message(kept, backup), kept=kept, backup=backup, problems=health.problems
    )


def damaged_message(kept: Path | None, backup: Path | None) -> Message:
    """One line: what happened, that nothing was changed, and what to do next."""
    copy: Message | str = Message("damaged_kept", {"path": kept}) if kept is not None else ""
    if backup is None:
        return Message(
            "database_damaged", {"kept": copy, "next_step": Message("damaged_no_backup")}
        )
    when = datetime.fromtimestamp(backup.stat().st_mtime).astimezone().strftime("%Y-%m-%d %H:%M")
    next_step = Message("damaged_backup", {"backup": backup, "when": when})
    return Message("database_damaged", {"kept": copy, "next_step": next_step})


def keep_aside(data_dir: Path) -> Path | None:
    """Copy the damaged file (and its WAL) to ``damaged/`` with a timestamp; never moves it.

    The same damaged file is copied once: a copy with its size and time is reused.
    """
    source = database_path(data_dir)
    folder = data_dir / DAMAGED_DIR
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        make_private(folder)
        stat = source.stat()
        for earlier in sorted(folder.glob(f"{source.name}.*.damaged")):
            seen = earlier.stat()
            if seen.st_size == stat.st_size and seen.st_mtime_ns == stat.st_mtime_ns:
                return earlier
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        target = folder / f"{source.name}.{stamp}.damaged"
        # copy2 keeps the time, to recognise the same file later
        write_atomically(target, lambda temp: shutil.copy2(source, temp))
        wal = source.with_name(source.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            wal_copy = target.with_name(target.name + "-wal")
            write_atomically(wal_copy, lambda temp: shutil.copy2(wal, temp))
        for copied in folder.glob(f"{target.name}*"):
            _private(copied)
    except OSError as error:
        log.error("could not keep a copy of the damaged database: %s", error.strerror)
        return None
    return target


def _private(path: Path) -> None:
    make_private(path)


def backup_candidates(data_dir: Path) -> list[Path]:
    """Backups written by the backup work and copies made before migrations, newest first."""
    found = list((data_dir / BACKUPS_DIR).glob("*.sqlite3"))
    found += data_dir.glob(f"*{BEFORE_MIGRATION_SUFFIX}")
    stamped = []
    for path in found:
        try:
            stamped.append((path.stat().st_mtime_ns, path))
        except OSError:
            continue
    return [path for _, path in sorted(stamped, reverse=True)]


def newest_good_backup(data_dir: Path) -> Path | None:
    """The newest backup that passes the same quick check, or None."""
    for path in backup_candidates(data_dir)[:MAX_BACKUPS_CHECKED]:
        try:
            health = quick_check(path, immutable=True)
        except AlholError:
            continue
        if health.ok and health.schema_version > 0:
            return path
    return None
