"""Backups and restores: consistent copies, refusals that touch nothing, rotation."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alhol_desk.core import services
from alhol_desk.core.backup import (
    BACKUP_DIR,
    BackupRefused,
    backup_database,
    restore_database,
    rotate_backups,
)
from alhol_desk.core.errors import AlholError, NotInitialised
from alhol_desk.core.safety.modes import is_private
from alhol_desk.core.safety.winacl import grant_everyone
from alhol_desk.core.storage import SCHEMA_VERSION
from alhol_desk.core.sync.exporter import prev_key, seq_key
from alhol_desk.core.workspace import Workspace, initialise, open_workspace
from alhol_desk.paths import database_path

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
Opener = Callable[[], Workspace]


def add(ws: Workspace, girls: int, ref: str) -> str:
    raw = {
        "country": "IRQ",
        "departure_date": "2024-05-01",
        "status": "received",
        "girls": girls,
        "ref": ref,
        "source": "UN",
    }
    return services.save_batch(ws, raw).record.id


def refs(data_dir: Path) -> set[str | None]:
    ws = open_workspace(data_dir)
    try:
        return {b.ref for b in services.batches(ws)}
    finally:
        ws.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(data_dir: Path) -> dict[str, str]:
    """Every file of the folder with its hash, SQLite's shared-memory index aside."""
    return {
        p.name: sha(p)
        for p in data_dir.iterdir()
        if p.is_file() and not p.name.endswith(("-shm", "-wal"))
    }


@pytest.fixture
def closed(data_dir: Path) -> Iterator[Path]:
    """An initialised data folder with one batch, and no connection left open on it."""
    ws = initialise(data_dir, team="Hasakah 1", role="field", operator="Tester")
    add(ws, 3, "first")
    ws.close()
    yield data_dir


@pytest.fixture
def backup_file(closed: Path, tmp_path: Path) -> Path:
    return backup_database(closed, tmp_path / "backup.sqlite3")


def assert_owner_only(path: Path, mode: int) -> None:
    """POSIX: exactly ``mode``; Windows: an access list that lets no other account in."""
    if os.name == "posix":
        assert (path.stat().st_mode & 0o777) == mode
    else:
        assert is_private(path), f"{path} can be opened by other accounts"
        grant_everyone(path)  # and the check can tell
        assert not is_private(path)


# --- backup ----------------------------------------------------------------------------------


def test_backup_includes_what_is_still_in_the_wal_of_a_running_app(
    workspace: Workspace, data_dir: Path, tmp_path: Path
) -> None:
    add(workspace, 5, "in the wal")  # the workspace stays open: its writes sit in the WAL
    assert Path(f"{database_path(data_dir)}-wal").stat().st_size > 0
    out = backup_database(data_dir, tmp_path / "copy.sqlite3")
    assert out.read_bytes()[18:20] == b"\x01\x01", "a rollback-journal file, not WAL"
    assert not Path(f"{out}-wal").exists()
    with closing(sqlite3.connect(out)) as conn:
        assert conn.execute("SELECT ref FROM batches").fetchall() == [("in the wal",)]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert_owner_only(out, 0o600)


def test_backup_into_a_folder_gets_a_dated_name(closed: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    out = backup_database(closed, stick, now=NOW)
    assert out == stick / "alhol-desk-20240601T120000Z.sqlite3"
    assert [p.name for p in stick.iterdir()] == [out.name]


def test_backup_never_overwrites_a_file(closed: Path, tmp_path: Path) -> None:
    out = tmp_path / "b.sqlite3"
    out.write_bytes(b"precious")
    with pytest.raises(AlholError, match="already exists"):
        backup_database(closed, out)
    assert out.read_bytes() == b"precious"


def test_backup_of_an_empty_folder_says_how_to_start(data_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(NotInitialised):
        backup_database(data_dir, tmp_path / "b.sqlite3")


# --- restore ---------------------------------------------------------------------------------


def test_restore_brings_back_the_data_and_keeps_the_current_database_aside(
    closed: Path, backup_file: Path
) -> None:
    ws = open_workspace(closed)
    add(ws, 7, "after the backup")
    ws.close()
    assert refs(closed) == {"first", "after the backup"}

    done = restore_database(closed, backup_file, now=NOW)

    assert refs(closed) == {"first"}
    assert done.kept_aside == closed / "alhol-desk.sqlite3.before-restore-20240601T120000Z"
    with closing(sqlite3.connect(done.kept_aside)) as conn:
        kept = {r[0] for r in conn.execute("SELECT ref FROM batches")}
    assert kept == {"first", "after the backup"}
    assert_owner_only(done.kept_aside, 0o600)  # a copy of the database, as private as it
    assert done.schema_version == SCHEMA_VERSION
    assert not list(closed.glob(".*.part"))


def test_restore_into_an_empty_folder(backup_file: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "new laptop"
    done = restore_database(fresh, backup_file)
    assert done.kept_aside is None
    assert refs(fresh) == {"first"}


def test_restore_keeps_the_export_numbering_and_clock_ahead(
    closed: Path, backup_file: Path
) -> None:
    """Bundles sent after the backup must not be numbered again (HQ would see a fork):
    each recipient's chain keeps its own highest number."""
    hq, other = "a" * 32, "b" * 32
    ws = open_workspace(closed)
    add(ws, 1, "later")
    with ws.writing():
        ws.settings.set(seq_key(hq), "9")
        ws.settings.set(prev_key(hq), "ab" * 32)
        ws.settings.set(seq_key(other), "3")
    clock = str(ws.clock.last)
    ws.close()

    done = restore_database(closed, backup_file)

    ws = open_workspace(closed)
    try:
        assert ws.settings.get(seq_key(hq)) == "9"
        assert ws.settings.get(prev_key(hq)) == "ab" * 32
        assert ws.settings.get(seq_key(other)) == "3"
        assert str(ws.clock.last) == clock
    finally:
        ws.close()
    assert done.carried == ("export numbering", "clock")


def _another_app(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("PRAGMA user_version = 1")
        conn.commit()


def _newer(path: Path, backup_file: Path) -> None:
    path.write_bytes(backup_file.read_bytes())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def _extra_trigger(path: Path, backup_file: Path) -> None:
    path.write_bytes(backup_file.read_bytes())
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TRIGGER spy AFTER INSERT ON batches BEGIN DELETE FROM audit; END")
        conn.commit()


def _damaged(path: Path, backup_file: Path) -> None:
    data = bytearray(backup_file.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # leave page 1 (the header)
        data[offset + 100 : offset + 400] = os.urandom(300)
    path.write_bytes(bytes(data))


def _other_device(path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    ws = initialise(other, team="Raqqa 2", role="field")
    ws.close()
    backup_database(other, path)


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("text", "not an SQLite database"),
        ("random", "not an SQLite database"),
        ("empty", "not an SQLite database"),
        ("another app", "tables are not alhol-desk's"),
        ("extra trigger", "tables are not alhol-desk's"),
        ("newer", "newer alhol-desk"),
        ("damaged", "damaged"),
        ("other device", "another device"),
    ],
)
def test_a_refused_restore_leaves_the_folder_byte_for_byte(
    closed: Path, backup_file: Path, tmp_path: Path, kind: str, reason: str
) -> None:
    bad = tmp_path / f"{kind}.sqlite3"
    if kind == "text":
        bad.write_text("these are not the figures you are looking for\n")
    elif kind == "random":
        bad.write_bytes(os.urandom(64 * 1024))
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "another app":
        _another_app(bad)
    elif kind == "extra trigger":
        _extra_trigger(bad, backup_file)
    elif kind == "newer":
        _newer(bad, backup_file)
    elif kind == "damaged":
        _damaged(bad, backup_file)
    else:
        _other_device(bad, tmp_path)
    before = folder_state(closed)

    with pytest.raises(BackupRefused, match=reason) as refused:
        restore_database(closed, bad)

    assert "nothing was changed" in str(refused.value)
    assert "\n" not in str(refused.value)
    assert folder_state(closed) == before
    assert refs(closed) == {"first"}


def test_restore_refuses_while_the_app_has_the_database_open(
    closed: Path, backup_file: Path
) -> None:
    ws = open_workspace(closed)
    try:
        add(ws, 2, "unsaved?")  # committed, but still in the WAL of the open app
        before = sha(database_path(closed))
        with pytest.raises(BackupRefused, match="open in alhol-desk"):
            restore_database(closed, backup_file)
        assert sha(database_path(closed)) == before
        assert {b.ref for b in services.batches(ws)} == {"first", "unsaved?"}
    finally:
        ws.close()
    assert not list(closed.glob("*.before-restore-*"))
    assert not list(closed.glob(".*.part"))


def test_a_restore_that_fails_at_the_last_moment_keeps_the_database(
    closed: Path, backup_file: Path
) -> None:
    ws = open_workspace(closed)
    add(ws, 6, "current")
    ws.close()

    def pulled_out() -> None:
        raise OSError(5, "Input/output error")

    with pytest.raises(AlholError, match="could not be finished"):
        restore_database(closed, backup_file, before_swap=pulled_out)
    assert refs(closed) == {"first", "current"}
    assert not list(closed.glob(".*.part"))
    assert not list(closed.glob("*.before-restore-*"))


def test_restore_of_a_missing_file(closed: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupRefused, match="no such file"):
        restore_database(closed, tmp_path / "nope.sqlite3")


def test_restore_replaces_a_database_sqlite_cannot_read(closed: Path, backup_file: Path) -> None:
    """Restoring is how a damaged database gets repaired: the damaged files are kept aside."""
    live = database_path(closed)
    live.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    done = restore_database(closed, backup_file, now=NOW)
    assert refs(closed) == {"first"}
    assert done.kept_aside is not None and done.kept_aside.exists()


# --- rotation --------------------------------------------------------------------------------


def test_rotation_keeps_the_newest_n(closed: Path) -> None:
    folder = closed / BACKUP_DIR
    made = [rotate_backups(closed, keep=3, now=NOW + timedelta(hours=i)) for i in range(5)]
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted(p.name for p in made[-3:] if p is not None)
    assert kept[0] == "alhol-desk-20240601T140000Z.sqlite3"
    assert_owner_only(folder, 0o700)


def test_rotation_in_the_same_second_and_beside_other_files(closed: Path) -> None:
    folder = closed / BACKUP_DIR
    folder.mkdir()
    mine = folder / "my-own-copy.sqlite3"
    mine.write_bytes(b"keep me")
    first = rotate_backups(closed, keep=2, now=NOW)
    second = rotate_backups(closed, keep=2, now=NOW)
    third = rotate_backups(closed, keep=2, now=NOW)
    assert first is not None and second is not None and third is not None
    assert second.name == "alhol-desk-20240601T120000Z-1.sqlite3"
    assert sorted(p.name for p in folder.iterdir()) == sorted([mine.name, second.name, third.name])
    assert restore_database(closed, third).schema_version == SCHEMA_VERSION


def test_rotation_without_a_database_does_nothing(data_dir: Path) -> None:
    assert rotate_backups(data_dir, keep=3) is None
    assert not (data_dir / BACKUP_DIR).exists()


def test_rotation_keeps_at_least_one(closed: Path) -> None:
    with pytest.raises(ValueError, match="at least one"):
        rotate_backups(closed, keep=0)


def test_a_backup_holding_a_record_that_breaks_a_rule_is_refused(
    closed: Path, backup_file: Path, tmp_path: Path
) -> None:
    """A restore is a write like any other: a file edited by hand cannot plant a broken
    record (12 girls + 20 boys given as 999 children)."""
    edited = tmp_path / "edited.sqlite3"
    shutil.copyfile(backup_file, edited)
    with closing(sqlite3.connect(edited)) as conn:
        conn.execute("UPDATE batches SET girls = 12, boys = 20, children = 999")
        conn.commit()
    before = refs(closed)
    with pytest.raises(BackupRefused, match="breaks a rule"):
        restore_database(closed, edited)
    assert refs(closed) == before
