"""Running a read off the GUI thread and handing its result back on it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal

log = logging.getLogger(__name__)
_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """The window's own thread pool (tests wait on it with ``pool().waitForDone()``)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(2)
    return _pool


class _Relay(QObject):
    """Lives on the GUI thread; its queued signal brings a worker's result back there."""

    done = Signal(object)

    def __init__(self, on_done: Callable[[Any], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self.done.connect(self._deliver)

    def _deliver(self, result: Any) -> None:
        _live.discard(self)
        owner = getattr(self._on_done, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            return  # the receiving model was closed while the read ran
        self._on_done(result)


_live: set[_Relay] = set()


def run_in_background(work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
    """Run ``work`` on a worker thread; ``on_done`` gets its result (None if it failed)."""
    relay = _Relay(on_done)
    _live.add(relay)  # kept alive until the result is delivered on the GUI thread

    def task() -> None:
        try:
            result = work()
        except Exception:
            log.exception("a background read failed")
            result = None
        relay.done.emit(result)

    pool().start(task)
