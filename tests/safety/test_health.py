"""A damaged database: found at startup, explained in one line, never written to, kept aside."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from safety_helpers import database

from alhol_desk.core import services
from alhol_desk.core.errors import AlholError
from alhol_desk.core.safety.health import (
    BACKUPS_DIR,
    DAMAGED_DIR,
    DatabaseDamaged,
    newest_good_backup,
    quick_check,
)
from alhol_desk.core.safety.lock import holder_pid
from alhol_desk.core.safety.modes import is_private
from alhol_desk.core.workspace import initialise, open_workspace

PAGE = 4096


def batch(n: int) -> dict[str, Any]:
    return {
        "country": "IRQ",
        "departure_date": "2024-03-01",
        "status": "received",
        "women": 1,
        "girls": n % 5,
        "source": "health test",
        "note": f"note {n} " + "text " * 20,
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder with a few hundred batches, closed (so the WAL is checkpointed)."""
    path = tmp_path / "desk"
    ws = initialise(path, team="Hasakah 1", role="field", operator="Amina")
    services.add_batches(ws, [batch(n) for n in range(600)])
    ws.close()
    return path


def good_copy(folder: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API, as the backup work writes them."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(database(folder))) as source,
        closing(sqlite3.connect(target)) as copy,
    ):
        source.backup(copy)
    return target


def overwrite_pages(path: Path, pages: list[int], seed: int = 5) -> None:
    """Garbage over whole pages, as a failing disk or a bad sector leaves them."""
    rng = random.Random(seed)
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek(page * PAGE)
            handle.write(rng.randbytes(PAGE))


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def pages_of(path: Path) -> int:
    return path.stat().st_size // PAGE


DAMAGE: dict[str, Callable[[Path], None]] = {
    "garbage_pages": lambda p: overwrite_pages(p, list(range(2, pages_of(p), 3))),
    "one_garbage_page": lambda p: overwrite_pages(p, [pages_of(p) // 2]),
    "garbage_header": lambda p: overwrite_pages(p, [0]),
    "cut_short": lambda p: os.truncate(p, p.stat().st_size // 3),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_database_is_refused_and_never_written(folder: Path, damage: str) -> None:
    path = database(folder)
    DAMAGE[damage](path)
    before = fingerprint(path)
    assert not quick_check(path).ok

    with pytest.raises(DatabaseDamaged) as refused:
        open_workspace(folder)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith("the database is damaged")
    assert "nothing was changed" in message and "No good backup was found" in message
    assert fingerprint(path) == before, "the damaged file was written to"
    assert holder_pid(folder) is None

    # Kept aside for an expert, byte for byte, with a timestamp; the original stays too.
    kept = refused.value.kept
    assert kept is not None and kept.parent == folder / DAMAGED_DIR
    assert kept.read_bytes() == path.read_bytes()
    assert kept.name.startswith("alhol-desk.sqlite3.") and kept.name.endswith(".damaged")
    if os.name == "posix":
        assert oct(kept.stat().st_mode & 0o777) == "0o600"
    assert is_private(kept)

    for attempt in (
        lambda: open_workspace(folder),
        lambda: open_workspace(folder, read_only=True),
        lambda: initialise(folder, team="again", role="field"),
    ):
        with pytest.raises(DatabaseDamaged):
            attempt()
    assert fingerprint(path) == before
    assert list((folder / DAMAGED_DIR).iterdir()) == [kept], "the same file kept twice"


def test_the_newest_good_backup_is_named(folder: Path, tmp_path: Path) -> None:
    backups = folder / BACKUPS_DIR
    older = good_copy(folder, backups / "alhol-desk-20240501.sqlite3")
    os.utime(older, (time.time() - 7200, time.time() - 7200))
    migration = good_copy(folder, folder / "alhol-desk.sqlite3.v1.before-migration")
    os.utime(migration, (time.time() - 9000, time.time() - 9000))
    newest = good_copy(folder, backups / "alhol-desk-20240502.sqlite3")
    overwrite_pages(newest, [2, 3, 4])  # the newest backup is itself damaged: skipped
    junk = backups / "alhol-desk-20240503.sqlite3"
    junk.write_bytes(b"not a database")
    overwrite_pages(database(folder), list(range(2, pages_of(database(folder)), 2)))

    with pytest.raises(DatabaseDamaged) as refused:
        open_workspace(folder)
    assert refused.value.backup == older
    message = str(refused.value)
    assert f"The newest good backup is {older} (from " in message
    assert f"alhol-desk restore {older}" in message and "\n" not in message
    assert not list(backups.glob("*-shm")), "checking a backup left files beside it"

    older.unlink()
    assert newest_good_backup(folder) == migration


def test_the_cli_says_it_in_one_line_and_exits_1(folder: Path, run: Any) -> None:
    overwrite_pages(database(folder), list(range(2, pages_of(database(folder)), 3)))
    before = fingerprint(database(folder))
    commands = (["batch", "list"], ["batch", "delete", "x"], ["stats"], ["export", "--out", "."])
    for command in commands:
        result = run("--data-dir", str(folder), *command)
        assert result.code == 1
        assert result.err.startswith("error: the database is damaged")
        assert result.err.count("\n") == 1
    assert fingerprint(database(folder)) == before
    # The expert's tool still reads it and lists what is wrong (read-only).
    result = run("--data-dir", str(folder), "check")
    assert result.code == 1 and "integrity: " in result.out and "integrity: ok" not in result.out
    assert fingerprint(database(folder)) == before


def test_damage_found_later_is_one_line_not_a_traceback(folder: Path, run: Any) -> None:
    """quick_check does not read every index entry: damage it missed surfaces as SQLite's
    own error while working, and the CLI turns it into one line that points at check."""
    from alhol_desk.core import services

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise sqlite3.DatabaseError("database disk image is malformed")

    original = services.batches
    services.batches = broken  # type: ignore[assignment]
    try:
        result = run("--data-dir", str(folder), "batch", "list")
    finally:
        services.batches = original  # type: ignore[assignment]
    assert result.code == 1
    assert result.err == (
        "error: the database could not be used (database disk image is malformed); nothing "
        "more was written. Run: alhol-desk check\n"
    )


def test_a_healthy_database_passes_quickly(folder: Path) -> None:
    started = time.perf_counter()
    health = quick_check(database(folder))
    assert health.ok and health.schema_version >= 1
    assert time.perf_counter() - started < 1.0


def test_an_unreadable_database_is_not_called_damaged(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that fails to read (or a folder this user may not read) is not damage: nothing
    is copied aside, and the message says to check the disk."""
    from alhol_desk.core.safety import health

    def failing(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(health, "read_only_connection", failing)
    with pytest.raises(AlholError, match=r"cannot be opened \(disk I/O error\)") as refused:
        open_workspace(folder)
    assert not isinstance(refused.value, DatabaseDamaged)
    assert not (folder / DAMAGED_DIR).exists()
    assert holder_pid(folder) is None


def test_a_wal_left_by_a_crash_is_kept_with_the_copy(folder: Path) -> None:
    """The WAL may hold the newest changes: the expert gets it beside the damaged file."""
    path = database(folder)
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE batches SET note = 'in the wal only' WHERE rowid = 1")
    writer.commit()
    wal = path.with_name(path.name + "-wal")
    assert wal.stat().st_size > 0
    shutil.copyfile(path, path.with_name("snapshot"))
    overwrite_pages(path, [3, 4, 5])
    with pytest.raises(DatabaseDamaged) as refused:
        open_workspace(folder)
    writer.close()
    kept = refused.value.kept
    assert kept is not None
    assert kept.with_name(kept.name + "-wal").stat().st_size > 0
