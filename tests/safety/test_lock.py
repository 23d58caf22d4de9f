"""One writer per data folder: a second writer process is refused; readers run alongside;
the lock of a process that died (SIGKILL; on Windows TerminateProcess) is recovered at once.

These run on Windows too (``msvcrt.locking``), under wine in .ci/windows."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from safety_helpers import child, cli, database, open_to_others, posix_only

from alhol_desk.core import services
from alhol_desk.core.safety.lock import (
    LOCK_NAME,
    AlreadyOpen,
    acquire_writer_lock,
    holder_pid,
)
from alhol_desk.core.workspace import Workspace, initialise, open_workspace

IRAQ = {
    "country": "IRQ",
    "departure_date": "2024-03-01",
    "status": "received",
    "women": 2,
    "girls": 1,
    "source": "lock test",
}
ADD = ["batch", "add", "--country", "IRQ", "--date", "2024-03-01", "--status", "received"]
ADD += ["--women", "1", "--source", "lock test"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "desk"
    ws = initialise(path, team="Hasakah 1", role="field", operator="Amina")
    services.save_batch(ws, IRAQ)
    ws.close()
    return path


@pytest.fixture
def held(folder: Path) -> Iterator[Any]:
    """Another process with the folder open for writing (a window left open)."""
    with child("hold", str(folder)) as proc:
        line = proc.stdout.readline()
        assert line == "ready\n", proc.stderr.read()
        yield proc
        proc.stdin.close()
        assert proc.wait(30) == 0


def batches(folder: Path) -> int:
    uri = f"{database(folder).as_uri()}?mode=ro"
    with sqlite3.connect(uri, uri=True) as conn:
        count: int = conn.execute("SELECT count(*) FROM batches").fetchone()[0]
    conn.close()
    return count


def test_a_second_writer_process_is_refused_with_the_holders_pid(folder: Path, held: Any) -> None:
    result = cli("--data-dir", str(folder), *ADD)
    assert result.returncode == 1
    expected = (
        rf"error: alhol-desk is already open on this data folder \(pid {held.pid}, since "
        r"\d{4}-\d\d-\d\d \d\d:\d\d\); close it first \(.*\)\n"
    )
    assert re.fullmatch(expected, result.stderr), result.stderr
    assert result.stdout == ""
    assert batches(folder) == 1
    assert holder_pid(folder) == held.pid


def test_the_core_refuses_a_second_writer_too(folder: Path, held: Any) -> None:
    """What the window calls (open_workspace) is refused the same way."""
    with pytest.raises(AlreadyOpen, match=rf"already open on this data folder \(pid {held.pid}"):
        open_workspace(folder)
    with pytest.raises(AlreadyOpen):
        initialise(folder, team="again", role="field")


def test_the_window_is_refused_by_the_same_lock(folder: Path, held: Any) -> None:
    """The GUI opens its data through open_data → open_workspace: it sees the same refusal
    (and shows it in a message box) before any window is drawn."""
    app = pytest.importorskip("alhol_desk.gui.app")
    with pytest.raises(AlreadyOpen):
        app.open_data(folder, operator=None, demo=False, prefs=None, translations=None)


@pytest.mark.parametrize(
    "command",
    [
        ["batch", "list"],
        ["batch", "list", "--json"],
        ["country", "list"],
        ["stats"],
        ["check"],
        ["keys", "show"],
        ["conflicts", "list"],
    ],
)
def test_readers_run_beside_a_writer(
    folder: Path, held: Any, command: list[str], run: Callable[..., Any]
) -> None:
    result = run("--data-dir", str(folder), *command)
    assert result.code == 0, result.err
    assert "already open" not in result.err


def test_a_reader_cannot_write(folder: Path) -> None:
    ws = open_workspace(folder, read_only=True)
    try:
        assert ws.read_only
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            services.save_batch(ws, IRAQ)
    finally:
        ws.close()
    assert batches(folder) == 1


def test_a_killed_writers_lock_is_recovered(folder: Path) -> None:
    with child("hold", str(folder)) as proc:
        assert proc.stdout.readline() == "ready\n"
        assert holder_pid(folder) == proc.pid
        proc.kill()  # SIGKILL; TerminateProcess on Windows: no clean-up runs either way
        code = proc.wait(30)
        assert code == (-signal.SIGKILL if os.name == "posix" else 1)
    # The file is still there and still names the dead process: only the lock is gone.
    assert (folder / LOCK_NAME).read_text().split()[0] == str(proc.pid)
    assert holder_pid(folder) is None
    result = cli("--data-dir", str(folder), *ADD)  # a new process: as after a crash
    assert result.returncode == 0, result.stderr
    assert batches(folder) == 2


def test_the_lock_is_shared_within_a_process_and_released_on_close(folder: Path) -> None:
    first = open_workspace(folder)
    second = open_workspace(folder)  # the window and a helper of it, in one process
    first.close()
    assert holder_pid(folder) == os.getpid(), "released too early"
    second.close()
    assert holder_pid(folder) is None
    assert cli("--data-dir", str(folder), *ADD).returncode == 0


def test_a_lock_released_twice_is_released_once(folder: Path) -> None:
    one, two = acquire_writer_lock(folder), acquire_writer_lock(folder)
    one.release()
    one.release()  # must not also release ``two``'s hold
    assert holder_pid(folder) == os.getpid()
    two.release()
    assert holder_pid(folder) is None


def test_a_reader_that_finds_an_old_schema_takes_the_lock_to_migrate(
    folder: Path, held: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A migration is a write: a reader may not start one under a writer's feet."""
    import alhol_desk.core.safety.guard as guard

    monkeypatch.setattr(guard, "SCHEMA_VERSION", guard.SCHEMA_VERSION + 1)
    with pytest.raises(AlreadyOpen):
        open_workspace(folder, read_only=True)


@posix_only
def test_workspace_notices_are_shown_as_warnings(folder: Path, run: Callable[..., Any]) -> None:
    database(folder).chmod(0o644)
    result = run("--data-dir", str(folder), "batch", "list")
    assert result.code == 0
    assert re.search(r"warning: .*alhol-desk.sqlite3 could be read by other users", result.err)
    assert oct(database(folder).stat().st_mode & 0o777) == "0o600"


def test_workspace_access_notices_are_shown_as_warnings_on_either_system(
    folder: Path, run: Callable[..., Any]
) -> None:
    from alhol_desk.core.safety.modes import is_private

    open_to_others(database(folder))
    result = run("--data-dir", str(folder), "batch", "list")
    assert result.code == 0
    assert re.search(
        r"warning: .*alhol-desk.sqlite3 could be (read|opened) by other users", result.err
    )
    assert is_private(database(folder))


def test_no_lock_file_no_holder(tmp_path: Path) -> None:
    assert holder_pid(tmp_path) is None


def test_workspace_has_no_lock_after_a_refused_open(folder: Path) -> None:
    """A refusal (no device, damaged file) must not leave this process holding the lock."""
    ws: Workspace = open_workspace(folder)
    ws.close()
    database(folder).write_bytes(b"not a database at all" * 100)
    with pytest.raises(Exception, match="damaged"):
        open_workspace(folder)
    assert holder_pid(folder) is None
