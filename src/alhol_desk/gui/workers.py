"""Slow work off the GUI thread: one ``Operation`` for every read and write the window runs.

An operation runs one function on the window's thread pool. The function gets a
``Progress`` to say what it is doing; progress, the result or a failure come back to the
GUI thread, to the callbacks given with ``on_progress``, ``success`` and ``failure``. An
operation that writes says what it changed (``changes``: a ``Changes`` value, or a function
of the result); ``on_changes`` callbacks get it after a success, so the window can refresh
only the screens that show it. An operation tied to a widget or model (``owner``) says
nothing once that owner is gone: a model closed while its read ran is not called.

SQLite connections stay on the thread that opened them, so work that touches the
database opens its own connection, with ``worker_workspace`` or a reader of its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from .changes import NOTHING, Changes

if TYPE_CHECKING:
    from ..core.errors import AlholError
    from ..core.workspace import Workspace

log = logging.getLogger(__name__)
T = TypeVar("T")
_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """The window's own thread pool (tests wait on it with ``pool().waitForDone()``)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


class Progress:
    """What a running operation may report: a line of text and, when known, how far it is."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay

    def __call__(self, text: str, done: int = 0, total: int = 0) -> None:
        """``total`` 0 means "busy, length unknown" (a bar that moves to and fro)."""
        self._relay.progress.emit(text, done, total)


class _Relay(QObject):
    """Lives on the GUI thread; its queued signals bring a worker's news back there."""

    progress = Signal(str, int, int)  # text, done, total
    finished = Signal(object)  # the function's result
    # A message for the user (an AlholError's text, or a generic one) and the AlholError
    # itself (None for an unforeseen fault).
    failed = Signal(str, object)

    def __init__(self, operation: Operation[Any]) -> None:
        super().__init__()
        # Connected to this object's own methods, so each call is queued to its thread.
        self._operation = operation
        self.progress.connect(self._progressed)
        self.finished.connect(self._succeeded)
        self.failed.connect(self._failed)

    def _progressed(self, text: str, done: int, total: int) -> None:
        self._operation._progressed(text, done, total)

    def _succeeded(self, result: object) -> None:
        self._operation._succeeded(result)

    def _failed(self, message: str, refusal: object) -> None:
        self._operation._failed(message, refusal)


class Operation(Generic[T]):
    """One piece of slow work, its callbacks, and what it changed once it succeeded."""

    def __init__(
        self,
        work: Callable[[Progress], T],
        *,
        owner: QObject | None = None,
        changes: Changes | Callable[[T], Changes] = NOTHING,
    ) -> None:
        self._work = work
        self._owner = owner
        self._changes = changes
        self._on_progress: list[Callable[[str, int, int], object]] = []
        self._on_success: list[Callable[[T], object]] = []
        self._on_failure: list[Callable[[AlholError | str], object]] = []
        self._on_changes: list[Callable[[Changes], object]] = []
        self._relay = _Relay(self)
        self.running = False
        self.result: T | None = None
        self.error: str | None = None  # the message of a failure
        self.refusal: AlholError | None = None  # the AlholError that stopped it, if one did
        self.changes = NOTHING  # what it changed, once it succeeded

    def on_progress(self, callback: Callable[[str, int, int], object]) -> Operation[T]:
        self._on_progress.append(callback)
        return self

    def success(self, callback: Callable[[T], object]) -> Operation[T]:
        self._on_success.append(callback)
        return self

    def failure(self, callback: Callable[[AlholError | str], object]) -> Operation[T]:
        """``callback`` gets the refusal (an ``AlholError``, explained by its code where it is
        shown) or, for an unforeseen fault, one generic line already translated."""
        self._on_failure.append(callback)
        return self

    def on_changes(self, callback: Callable[[Changes], object]) -> Operation[T]:
        """``callback`` gets what a successful run changed (not called when it changed nothing)."""
        self._on_changes.append(callback)
        return self

    def start(self) -> Operation[T]:
        self.running = True
        _live.add(self)  # kept alive until it has reported, whatever its owner does
        pool().start(self._run)
        return self

    def _run(self) -> None:
        from ..core.errors import AlholError  # here: the window paints before the core loads

        try:
            result = self._work(Progress(self._relay))
        except AlholError as error:
            self._relay.failed.emit(str(error), error)
        except Exception:
            log.exception("a background operation failed")
            self._relay.failed.emit(
                QCoreApplication.translate(
                    "workers",
                    "Something went wrong and the work did not finish; nothing was half-written. "
                    "The details are in the log file in the data folder.",
                ),
                None,
            )
        else:
            self._relay.finished.emit(result)

    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    def _progressed(self, text: str, done: int, total: int) -> None:
        if not self._owner_gone():
            for callback in self._on_progress:
                callback(text, done, total)

    def _succeeded(self, result: T) -> None:
        self.running = False
        self.result = result
        _live.discard(self)
        changes = self._changes(result) if callable(self._changes) else self._changes
        self.changes = changes
        if self._owner_gone():
            return
        for callback in self._on_success:
            callback(result)
        if changes:
            for on_changes in self._on_changes:
                on_changes(changes)

    def _failed(self, message: str, refusal: object) -> None:
        from ..core.errors import AlholError

        self.running = False
        self.error = message
        self.refusal = refusal if isinstance(refusal, AlholError) else None
        _live.discard(self)
        if not self._owner_gone():
            for callback in self._on_failure:
                callback(self.refusal if self.refusal is not None else message)


_live: set[Operation[Any]] = set()


@contextmanager
def worker_workspace(ws: Workspace) -> Iterator[Workspace]:
    """``ws`` with a connection of its own, for use on a worker thread only.

    It shares the device, operator and clock; the GUI waits (a modal dialog) while it
    writes, so the clock is not stamped from two threads at once. Only the connection is
    closed afterwards: the data folder's lock stays with the window's workspace.
    """
    from ..core.storage import open_database
    from ..paths import database_path

    db = open_database(database_path(ws.data_dir), migrate=False)
    try:
        yield ws.on_connection(db)
    finally:
        db.close()
