"""Writing a file durably: every file the app writes goes through here.

A file is written under a temporary name in its own folder, flushed and fsynced, then
renamed over its final name (``os.replace``, atomic on one file system), and the folder
is fsynced so the rename survives a power cut. A crash, a full disk or a pulled stick
leaves the old file or the new one, never half of one.

POSIX fsyncs a folder through a descriptor opened on it; Windows cannot open a folder and
has no folder fsync (NTFS journals the rename itself), so there that step is skipped. On
POSIX a failing folder fsync is an error, not something to pass over, except on a file
system that says it cannot fsync a folder at all (logged).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .modes import PRIVATE_FILE, make_private

log = logging.getLogger(__name__)

AS_UMASK_ALLOWS = None
"""``mode`` for files meant to be shared (reports, bundles): created as any new file is."""

# POSIX's answer for "this file does not support synchronisation", and Linux's for a folder.
_CANNOT_SYNC_FOLDERS = {errno.EINVAL, errno.ENOTSUP}

Writer = Callable[[Path], object]
"""Fills the temporary file by name (SQLite's backup API writes to a path, not a handle)."""


def temp_beside(path: Path) -> Path:
    """A fresh hidden name in ``path``'s folder, for the file while it is being written."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")


def fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make the folder's new entries durable (POSIX only: see the module docstring)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno not in _CANNOT_SYNC_FOLDERS:
            raise
        # The file system has no folder fsync (some FUSE and network mounts): the rename
        # is as durable as it can make it. Said in the log, not raised: every write there
        # would fail.
        log.warning("this file system cannot fsync a folder (%s)", errno.errorcode[error.errno])
    finally:
        os.close(fd)


def discard(path: Path) -> None:
    """Remove a temporary file left by a failed write; the write's own error is the one to
    report, so a second failure here (a stick that is gone) is not raised over it."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


@contextmanager
def open_temp(temp: Path, *, mode: int | None = PRIVATE_FILE) -> Iterator[BinaryIO]:
    """Create ``temp`` (never an existing file) and yield it open for writing; on leaving,
    flush and fsync it. A failure inside removes it. Rename it with ``move_into_place``."""
    try:
        with _create(temp, mode) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if mode == PRIVATE_FILE:
            make_private(temp)  # Windows: not every file system passes the folder's list on
    except BaseException:
        discard(temp)
        raise


def move_into_place(temp: Path, path: Path) -> Path:
    """Rename the fsynced ``temp`` over ``path`` and make the rename durable."""
    temp.replace(path)
    fsync_folder(path.parent)
    return path


def write_atomically(
    path: Path,
    content: bytes | Writer,
    *,
    mode: int | None = PRIVATE_FILE,
    temp: Path | None = None,
) -> Path:
    """Write ``content`` (bytes, or a writer given the temporary path) as ``path``, whole
    or not at all. ``mode`` is the new file's permission bits (private by default)."""
    temp = temp or temp_beside(path)
    try:
        if callable(content):
            content(temp)
            if mode is not None and mode != PRIVATE_FILE:
                temp.chmod(mode)
            fsync_file(temp)
        else:
            _write_whole(temp, content, mode)
        if mode == PRIVATE_FILE:
            make_private(temp)  # Windows: not every file system passes the folder's list on
        return move_into_place(temp, path)
    except BaseException:
        discard(temp)
        raise


@contextmanager
def writing_atomically(
    path: Path, *, mode: int | None = PRIVATE_FILE, temp: Path | None = None
) -> Iterator[BinaryIO]:
    """``write_atomically`` for a stream: yields the open temporary file, renamed over
    ``path`` when the block ends without an error (removed when it raises)."""
    temp = temp or temp_beside(path)
    with open_temp(temp, mode=mode) as handle:
        yield handle
    try:
        move_into_place(temp, path)
    except BaseException:
        discard(temp)
        raise


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def _create(temp: Path, mode: int | None) -> BinaryIO:
    """A new file open for writing; with ``mode`` it is created with those bits, never wider
    for a moment (a file opened while still readable by others would stay open to them)."""
    if mode is None:
        return temp.open("xb")
    return os.fdopen(os.open(temp, _NEW_FILE, mode), "wb")


def _write_whole(temp: Path, data: bytes, mode: int | None) -> None:
    fd = os.open(temp, _NEW_FILE, 0o666 if mode is None else mode)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)
