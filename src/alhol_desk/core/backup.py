"""Backups of the database, restoring one, and the rotating backups the app makes at startup.

A backup is one self-contained SQLite file made with SQLite's online backup API, so it
is consistent even while the app is writing. A restore checks the file before anything
is touched, keeps the current database aside, and swaps the new one in by a rename of a
fully written copy: the database is never half-copied. See docs/reports.md.
"""

from __future__ import annotations

import logging
import re
import secrets
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ..paths import DATABASE_NAME, database_path
from .clock import Timestamp
from .errors import AlholError, NotInitialised
from .safety.files import fsync_file, fsync_folder, temp_beside, write_atomically
from .safety.modes import make_private
from .storage import SCHEMA_VERSION, open_database
from .storage.backup_repo import (
    DatabaseFacts,
    copy_database,
    fold_journal,
    has_sqlite_header,
    inspect_database,
    reference_schema,
    write_settings,
)
from .sync.exporter import PREV_PREFIX, SEQ_PREFIX
from .workspace import CLOCK_KEY

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
DEFAULT_KEEP = 7
_AUTO_NAME = re.compile(r"alhol-desk-(\d{8}T\d{6}Z)(?:-(\d+))?\.sqlite3")
_SYNC_KEYS = (SEQ_PREFIX, PREV_PREFIX, CLOCK_KEY)
_JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")


class BackupRefused(AlholError):
    """A file that will not be restored, and why; the current database is untouched."""


@dataclass(frozen=True)
class Restored:
    source: Path
    kept_aside: Path | None
    schema_version: int
    team: str | None
    carried: tuple[str, ...]  # what of this device's sync position was kept, in words


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _remove(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + s) for s in _JOURNAL_SUFFIXES)):
        name.unlink(missing_ok=True)


def _live_database(data_dir: Path) -> Path:
    path = database_path(data_dir)
    if not path.exists():
        raise NotInitialised("not_initialised")
    return path


# --- checking a file --------------------------------------------------------------


def check_database_file(path: Path, shown: str | None = None) -> DatabaseFacts:
    """The facts of an alhol-desk database file, or ``BackupRefused`` saying what is wrong.

    ``shown`` is the name used in messages (the user's file, not a temporary copy).
    """
    name = shown or path.name
    if not has_sqlite_header(path):
        raise BackupRefused("backup_not_sqlite", name=name)
    try:
        facts = inspect_database(path, settings=_SYNC_KEYS)
    except sqlite3.DatabaseError:
        raise BackupRefused("backup_unreadable", name=name) from None
    if facts.integrity != ("ok",):
        raise BackupRefused("backup_integrity", name=name)
    if facts.schema_version > SCHEMA_VERSION:
        raise BackupRefused(
            "backup_too_new", name=name, version=facts.schema_version, known=SCHEMA_VERSION
        )
    if facts.schema_version < 1 or facts.schema != reference_schema(facts.schema_version):
        raise BackupRefused("backup_foreign_tables", name=name)
    return facts


def check_backup_records(path: Path, shown: str) -> None:
    """Every record in a backup passes the rules a form applies, or the restore is refused:
    a restore is a write like any other (the file may have been edited by hand)."""
    from .records import SYNCED_RECORDS
    from .storage.backup_repo import country_codes_in, record_rows
    from .validation import check_record, split

    known = country_codes_in(path)
    today = date.today()
    for table, cls in SYNCED_RECORDS.items():
        for rows in record_rows(path, table):
            for row in rows:
                try:
                    record = cls.from_row(row)
                except TypeError:
                    raise BackupRefused(
                        "backup_record_form", name=shown, kind=cls.__name__.lower()
                    ) from None
                errors, _ = split(
                    check_record(record, today=today, is_known_country=known.__contains__)
                )
                if errors:
                    first = errors[0]
                    raise BackupRefused(
                        "backup_record_rule",
                        name=shown,
                        kind=cls.__name__.lower(),
                        id=record.id,
                        field=first.field,
                        reason=first.reason_without_value,
                    )


# --- backup -----------------------------------------------------------------------


def backup_database(data_dir: Path, out: Path, *, now: datetime | None = None) -> Path:
    """Write a consistent copy of the data folder's database to ``out`` (a new file, or a
    folder to put a dated file in). Returns the file written."""
    source = _live_database(data_dir)
    if out.is_dir():
        out = out / f"alhol-desk-{_stamp(now)}.sqlite3"
    if out.exists():
        raise AlholError("backup_out_exists", path=out)
    if not out.parent.is_dir():
        raise AlholError("out_folder_missing", folder=out.parent)
    part = temp_beside(out)

    def copy_and_check(temp: Path) -> None:
        copy_database(source, temp)
        check_database_file(temp)

    try:
        # private as the database itself (where the disk keeps modes)
        write_atomically(out, copy_and_check, temp=part)
    except BackupRefused:
        _remove(part)
        raise AlholError("backup_check_failed") from None
    except (OSError, sqlite3.Error) as error:
        _remove(part)
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise AlholError("backup_not_written", reason=reason) from None
    log.info("backup written (%d bytes)", out.stat().st_size)
    return out


def _auto_backups(folder: Path) -> list[Path]:
    found = []
    for path in folder.iterdir():
        match = _AUTO_NAME.fullmatch(path.name)
        if match and path.is_file():
            found.append(((match[1], int(match[2] or 0)), path))
    return [path for _, path in sorted(found)]


def rotate_backups(
    data_dir: Path, keep: int = DEFAULT_KEEP, *, now: datetime | None = None
) -> Path | None:
    """Back up into ``DATA_DIR/backups/`` under a dated name and keep the newest ``keep``.

    Meant to be called by the app once at startup (never at import). Returns the new
    backup, or None when the folder has no database yet. Only files named like its own
    backups are ever deleted.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    if not database_path(data_dir).exists():
        return None
    folder = data_dir / BACKUP_DIR
    folder.mkdir(mode=0o700, exist_ok=True)
    make_private(folder)
    stamp = _stamp(now)
    target = folder / f"alhol-desk-{stamp}.sqlite3"
    counter = 0
    while target.exists():
        counter += 1
        target = folder / f"alhol-desk-{stamp}-{counter}.sqlite3"
    made = backup_database(data_dir, target)
    old = _auto_backups(folder)[:-keep]
    for path in old:
        path.unlink(missing_ok=True)
    if old:
        fsync_folder(folder)
    return made


# --- restore ----------------------------------------------------------------------


def _current_facts(path: Path) -> DatabaseFacts | None:
    """The live database's device and sync position, read without writing to it; None
    when there is no database or it cannot be read (restoring is how it gets repaired)."""
    if not path.exists():
        return None
    try:
        return inspect_database(path, read_only=True, settings=_SYNC_KEYS)
    except sqlite3.Error:
        return None


def _clock_after(current: str, restored: str | None) -> bool:
    try:
        return restored is None or Timestamp.parse(current) > Timestamp.parse(restored)
    except ValueError:
        return False


def _carry_position(current: DatabaseFacts, restored: DatabaseFacts) -> dict[str, str]:
    """This device's export numbering and clock must not go back in time: bundles already
    on their way with higher numbers would make the next export look like a fork."""
    mine, theirs = current.settings, restored.settings
    carried: dict[str, str] = {}
    for key, value in mine.items():
        if not key.startswith(SEQ_PREFIX):
            continue  # one chain per recipient: each keeps its highest number
        if int(value or 0) > int(theirs.get(key, "0") or 0):
            carried[key] = value
            prev = PREV_PREFIX + key.removeprefix(SEQ_PREFIX)
            if prev in mine:
                carried[prev] = mine[prev]
    if CLOCK_KEY in mine and _clock_after(mine[CLOCK_KEY], theirs.get(CLOCK_KEY)):
        carried[CLOCK_KEY] = mine[CLOCK_KEY]
    return carried


@dataclass
class _Aside:
    path: Path
    moved: list[tuple[Path, Path]]  # renames to undo if the swap fails
    copied: bool

    def undo(self) -> None:
        for old, new in reversed(self.moved):
            if new.exists() and not old.exists():
                new.replace(old)
        if self.copied:
            self.path.unlink(missing_ok=True)


def _set_aside(live: Path, stamp: str) -> _Aside:
    """Keep the current database beside the new one: a copy of the one file when its WAL
    can be folded in, else (a damaged file) its files renamed together."""
    aside = live.with_name(f"{live.name}.before-restore-{stamp}")
    counter = 0
    while aside.exists():
        counter += 1
        aside = live.with_name(f"{live.name}.before-restore-{stamp}-{counter}")
    try:
        fold_journal(live)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise BackupRefused("restore_busy") from None
        folded = False
    except sqlite3.DatabaseError:
        folded = False
    else:
        folded = True
    if folded:
        # A private copy: the live name stays in place until the swap.
        write_atomically(aside, lambda temp: shutil.copyfile(live, temp))
        return _Aside(aside, [], copied=True)
    result = _Aside(aside, [], copied=False)
    for suffix in ("", *_JOURNAL_SUFFIXES):
        old = live.with_name(live.name + suffix)
        if old.exists():
            new = aside.with_name(aside.name + suffix)
            old.replace(new)
            result.moved.append((old, new))
    return result


def restore_database(
    data_dir: Path,
    source: Path,
    *,
    now: datetime | None = None,
    before_swap: Callable[[], None] | None = None,
) -> Restored:
    """Replace the data folder's database with the backup ``source``, or refuse and change
    nothing. ``before_swap`` is for tests (a failure at the last moment)."""
    if not source.is_file():
        raise BackupRefused("restore_no_file", path=source)
    if not has_sqlite_header(source):
        check_database_file(source, source.name)  # raises with the reason
    data_dir.mkdir(parents=True, exist_ok=True)
    live = data_dir / DATABASE_NAME
    part = data_dir / f".{DATABASE_NAME}.restore-{secrets.token_hex(4)}.part"
    try:
        restored, carried = _checked_copy(source, part, live)
        aside = _swap_in(part, live, _stamp(now), before_swap)
    except OSError as error:
        _remove(part)
        raise AlholError("restore_not_finished", reason=error.strerror) from None
    except BaseException:
        _remove(part)
        raise
    open_database(live).close()  # upgrades an older schema now (copied aside first)
    log.info("database restored from a backup with schema version %d", restored.schema_version)
    kept = ["export numbering"] if any(k.startswith(SEQ_PREFIX) for k in carried) else []
    kept += ["clock"] if CLOCK_KEY in carried else []
    return Restored(
        source,
        aside.path if aside else None,
        restored.schema_version,
        restored.self_device[1] if restored.self_device else None,
        tuple(kept),
    )


def _checked_copy(source: Path, part: Path, live: Path) -> tuple[DatabaseFacts, dict[str, str]]:
    """Copy ``source`` to ``part``, check the copy (the stick may change under us), carry
    this device's sync position into it and fsync it; returns its facts and what was
    carried."""
    shutil.copyfile(source, part)
    make_private(part)
    restored = check_database_file(part, source.name)
    check_backup_records(part, source.name)
    current = _current_facts(live)
    mine = current.self_device if current else None
    theirs = restored.self_device
    if mine and theirs and mine[0] != theirs[0]:
        raise BackupRefused(
            "restore_other_device", name=source.name, theirs=theirs[1], mine=mine[1]
        )
    carried = _carry_position(current, restored) if current else {}
    if carried:
        write_settings(part, carried)
    fsync_file(part)
    return restored, carried


def _swap_in(
    part: Path, live: Path, stamp: str, before_swap: Callable[[], None] | None
) -> _Aside | None:
    """Rename ``part`` over ``live``, the current database kept aside first; a failed rename
    puts it back."""
    aside = _set_aside(live, stamp) if live.exists() else None
    try:
        if before_swap is not None:
            before_swap()
        part.replace(live)
    except BaseException:
        if aside is not None:
            aside.undo()
        raise
    fsync_folder(live.parent)  # after the swap: a failure here must not undo it
    return aside
