"""Slow work (export, verify, import) off the GUI thread, with progress and the result by signal.

A ``Job`` runs one function on the window's thread pool. The function gets a ``Progress``
to say what it is doing; the job's signals bring progress, the result or a failure back
to the GUI thread. SQLite connections stay on the thread that opened them, so work that
touches the database opens its own connection with ``worker_workspace``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core.errors import AlholError
from ..core.messages import Message
from ..core.storage import open_database
from ..core.workspace import Workspace
from ..paths import database_path
from .models.background import pool

log = logging.getLogger(__name__)


class Progress:
    """What a running job may report: a line of text and, when known, how far it is."""

    def __init__(self, job: Job) -> None:
        self._job = job

    def __call__(self, text: str, done: int = 0, total: int = 0) -> None:
        """``total`` 0 means "busy, length unknown" (a bar that moves to and fro)."""
        self._job.progress.emit(text, done, total)


class Job(QObject):
    """One piece of slow work. Signals arrive on the GUI thread (the job lives there)."""

    progress = Signal(str, int, int)  # text, done, total
    finished = Signal(object)  # the function's result
    # The core's refusal (an AlholError's Message), or a generic line already translated.
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.running = False
        self.result: Any = None
        self.error: Message | str | None = None
        self.finished.connect(self._keep_result)
        self.failed.connect(self._keep_error)

    def start(self) -> Job:
        self.running = True
        _live.add(self)  # kept alive until it has reported, whatever its parent does
        pool().start(self._run)
        return self

    def _run(self) -> None:
        try:
            result = self._work(Progress(self))
        except AlholError as error:
            self.failed.emit(error.message)
        except Exception:
            log.exception("a background job failed")
            self.failed.emit(
                QCoreApplication.translate(
                    "workers",
                    "Something went wrong and the work did not finish; nothing was half-written. "
                    "The details are in the log file in the data folder.",
                )
            )
        else:
            self.finished.emit(result)

    def _keep_result(self, result: Any) -> None:
        self.running = False
        self.result = result
        _live.discard(self)

    def _keep_error(self, failure: Message | str) -> None:
        self.running = False
        self.error = failure
        _live.discard(self)


_live: set[Job] = set()


@contextmanager
def worker_workspace(ws: Workspace) -> Iterator[Workspace]:
    """``ws`` with a connection of its own, for use on a worker thread only.

    It shares the device, operator and clock; the GUI waits (a modal dialog) while it
    writes, so the clock is not stamped from two threads at once. Only the connection is
    closed afterwards: the data folder's lock stays with the window's workspace.
    """
    db = open_database(database_path(ws.data_dir), migrate=False)
    copy = dataclasses.replace(ws, db=db)
    if hasattr(copy, "_guard"):
        setattr(copy, "_guard", None)  # noqa: B010 - the copy never holds the folder's lock
    try:
        yield copy
    finally:
        db.close()
