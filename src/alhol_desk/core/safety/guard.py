"""What opening a data folder checks before the database is touched, in order.

1. a writer takes the folder's writer lock (:mod:`.lock`), so a second window or command
   that would change the data is refused before it reads anything;
2. the database passes ``PRAGMA quick_check`` through a read-only connection
   (:mod:`.health`), or opening stops without writing to it;
3. the folder's file modes are made private (:mod:`.modes`), with a notice per fix.

A reader (``read_only``) skips the lock, unless the database must be migrated first: a
migration is a write, so it needs the lock like any other.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..messages import Message
from ..storage import SCHEMA_VERSION
from .health import ensure_database_sound
from .lock import WriterLock, acquire_writer_lock
from .modes import secure_modes


@dataclass
class Guard:
    """The lock taken (None for a reader) and the notices for the user."""

    lock: WriterLock | None
    notices: tuple[Message, ...] = ()

    @property
    def writer(self) -> bool:
        return self.lock is not None

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()


def guard_open(data_dir: Path, *, read_only: bool = False) -> Guard:
    """Lock (writers), check and secure an existing data folder; see the module docstring."""
    guard = Guard(None if read_only else acquire_writer_lock(data_dir))
    try:
        version = ensure_database_sound(data_dir)
        if guard.lock is None and version < SCHEMA_VERSION:
            guard.lock = acquire_writer_lock(data_dir)  # the upgrade is a write
        guard.notices = tuple(secure_modes(data_dir))
    except BaseException:
        guard.release()
        raise
    return guard
