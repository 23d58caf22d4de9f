"""One writer per data folder: a lock the operating system releases when its holder dies.

The lock is an advisory lock on ``DATA_DIR/alhol-desk.lock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows), held from opening a workspace to closing it. The kernel
drops it when the process ends in any way (a crash, ``SIGKILL``, a power cut), so a lock
is never stale: there is no pid to guess about. The file also holds the holder's pid and
start time, only to say who has the folder open.

Within one process the lock is shared (counted): the window and its own helpers may open
the folder more than once; only another process is refused. Read-only commands do not take
it (SQLite's WAL lets them read beside a writer).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import sys
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import AlholError
from ..messages import Message

LOCK_NAME = "alhol-desk.lock"
# Windows locks a byte range and refuses reads inside it: lock a byte past the text.
_WINDOWS_LOCK_OFFSET = 4096
_INFO_MAX = 512

log = logging.getLogger(__name__)


class AlreadyOpen(AlholError):
    """Another process holds this data folder's writer lock."""

    def __init__(self, message: Message, pid: int | None) -> None:
        super().__init__(message)
        self.pid = pid


@dataclass
class _Held:
    fd: int
    count: int


_HELD: dict[Path, _Held] = {}
_GUARD = threading.Lock()


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME


class WriterLock:
    """This process's hold on a data folder; ``release`` once (closing the workspace does)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._released = False

    @property
    def released(self) -> bool:
        return self._released

    def release(self) -> None:
        with _GUARD:
            if self._released:
                return
            self._released = True
            held = _HELD.get(self.path)
            if held is None:
                return
            held.count -= 1
            if held.count == 0:
                del _HELD[self.path]
                _unlock(held.fd)
                os.close(held.fd)

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def acquire_writer_lock(data_dir: Path) -> WriterLock:
    """Take the folder's writer lock, or raise :class:`AlreadyOpen` naming the holder's pid."""
    path = lock_path(data_dir).resolve()
    with _GUARD:
        held = _HELD.get(path)
        if held is not None:
            held.count += 1
            return WriterLock(path)
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        try:
            locked = _try_lock(fd)
        except BaseException:
            os.close(fd)
            raise
        if not locked:
            pid, since = _read_holder(fd)
            os.close(fd)
            raise AlreadyOpen(_refusal(pid, since), pid)
        _write_holder(fd)
        _HELD[path] = _Held(fd, 1)
        return WriterLock(path)


def holder_pid(data_dir: Path) -> int | None:
    """The pid of the process that holds the writer lock, or None when nobody does."""
    path = lock_path(data_dir)
    if not path.exists():
        return None
    resolved = path.resolve()
    with _GUARD:
        if resolved in _HELD:
            return os.getpid()
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return _read_holder(fd)[0]
    finally:
        os.close(fd)


def _refusal(pid: int | None, since: str | None) -> Message:
    if pid and since:
        who = Message("holder_pid_since", {"pid": pid, "since": since})
    elif pid:
        who = Message("holder_pid", {"pid": pid})
    else:
        who = Message("holder_unknown")
    return Message("already_open", {"who": who})


def _write_holder(fd: int) -> None:
    started = datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    text = f"{os.getpid()}\n{started}\n{socket.gethostname()}\n".encode()
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)
    except OSError:  # who holds it is a courtesy; the lock itself is what counts
        log.warning("could not note this process in the lock file")


def _read_holder(fd: int) -> tuple[int | None, str | None]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        lines = os.read(fd, _INFO_MAX).decode("utf-8", "replace").splitlines()
    except OSError:
        return None, None
    pid = int(lines[0]) if lines and lines[0].isdigit() else None
    return pid, (lines[1] if len(lines) > 1 and lines[1].strip() else None)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        except OSError as error:
            # EACCES, EDEADLOCK: held by another process. Wine's C runtime reports the
            # same refusal with errno 0 (seen in .ci/windows), which no other failure of a
            # lock on an open descriptor gives.
            if error.errno in (0, 13, 36):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError as error:
            if error.errno in (errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS):
                # A file system without locks (some network shares): work on, but say so.
                log.warning("the data folder's file system cannot lock files; not locked")
                return True
            raise
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
