"""The window's one background operation: it runs off the GUI thread, reports on it, and
says what it changed (what the screens do with that: test_main_window.py)."""

from __future__ import annotations

import os
import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject

from alhol_desk.core.errors import AlholError
from alhol_desk.core.safety.lock import holder_pid
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.changes import EVERYTHING, NOTHING, RECORDS, Changes
from alhol_desk.gui.workers import Operation, Progress, worker_workspace


def test_changes_combine_and_meet_by_kind() -> None:
    both = Changes(batches=True) | Changes(devices=True)
    assert both == Changes(batches=True, devices=True)
    assert both & RECORDS == Changes(batches=True)
    assert not (Changes(settings=True) & RECORDS)
    assert not NOTHING and EVERYTHING and RECORDS.records and not Changes(bundles=True).records


def test_an_operation_runs_off_the_gui_thread_and_reports_on_it(qtbot) -> None:
    seen: dict[str, object] = {}
    progress: list[tuple[str, int, int]] = []

    def work(report: Progress) -> int:
        seen["work thread"] = threading.current_thread()
        report("halfway", 1, 2)
        return 42

    def done(result: int) -> None:
        seen["result"], seen["result thread"] = result, threading.current_thread()

    operation = Operation(work, changes=lambda result: Changes(batches=result == 42))
    operation.on_progress(lambda *args: progress.append(args)).success(done)
    operation.on_changes(lambda changes: seen.setdefault("changes", changes)).start()
    qtbot.waitUntil(lambda: "changes" in seen)
    assert seen["work thread"] is not threading.main_thread()
    assert seen["result"] == 42 and seen["result thread"] is threading.main_thread()
    assert progress == [("halfway", 1, 2)]
    assert seen["changes"] == Changes(batches=True) == operation.changes
    assert not operation.running and operation.result == 42


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (AlholError("export_not_written_full", cause="No space left on device"), "--out:"),
        (ValueError("a bug"), "Something went wrong and the work did not finish"),
    ],
)
def test_a_failure_comes_back_as_its_refusal_or_a_message_and_changes_nothing(
    qtbot, fault: Exception, expected: str
) -> None:
    """A refusal comes back as the AlholError itself (the window explains it by its code); an
    unforeseen fault as one generic line in the user's language."""
    failures: list[AlholError | str] = []
    told: list[Changes] = []

    def work(_report: Progress) -> None:
        raise fault

    operation = Operation(work, changes=EVERYTHING).failure(failures.append)
    operation.on_changes(told.append).start()
    qtbot.waitUntil(lambda: bool(failures))
    if isinstance(fault, AlholError):
        assert failures == [fault] and operation.refusal is fault
    else:
        assert isinstance(failures[0], str) and operation.refusal is None
        assert failures[0] == operation.error
    assert str(failures[0]).startswith(expected) and not operation.running
    assert told == [] and operation.changes == NOTHING


def test_an_operation_whose_owner_is_gone_calls_nothing(qtbot) -> None:
    owner = QObject()
    release = threading.Event()
    called: list[object] = []

    def work(_report: Progress) -> str:
        release.wait(10)
        return "read"

    operation = Operation(work, owner=owner, changes=EVERYTHING)
    operation.success(called.append).on_changes(called.append).start()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner))
    release.set()
    qtbot.waitUntil(lambda: not operation.running)
    assert operation.result == "read" and called == []


def test_a_worker_workspace_has_its_own_connection_and_not_the_lock(ws: Workspace) -> None:
    assert holder_pid(ws.data_dir) == os.getpid()
    with worker_workspace(ws) as copy:
        assert copy.db is not ws.db and copy.device == ws.device and copy.clock is ws.clock
        copy.close()  # releases nothing: the window's workspace keeps the folder's lock
    assert holder_pid(ws.data_dir) == os.getpid()
    assert ws.db.execute("SELECT 1").fetchone() == (1,)
