"""Owner-only access, checked at startup: the data folder is this user's alone.

The data folder holds records about children, the device's private keys and form drafts.
On POSIX folders should be 0700 and files 0600; anything readable or writable by the group
or by others is fixed, and a notice says what was fixed. On Windows file modes mean
nothing (``chmod`` only sets the read-only flag): the same paths must have an access
control list that lets in no other account (``winacl``), and one that does is replaced.
A data folder given with ``--data-dir`` on ``C:\\`` or a stick inherits "Users: read"
otherwise, and even the profile's folder lets Administrators in.

:func:`make_private` is what the writers of private files (backups, damaged copies,
drafts) call on a new file or folder, on either system.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from ...paths import database_path
from ..messages import Message
from . import winacl

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
# Folders inside the data folder whose every file is private (keys, drafts, damaged copies).
PRIVATE_SUBDIRS = ("keys", "drafts", "damaged", "quarantine", "backups")


def _candidates(data_dir: Path) -> Iterator[tuple[Path, int]]:
    yield data_dir, PRIVATE_DIR
    db = database_path(data_dir)
    for suffix in ("", "-wal", "-shm"):
        yield db.with_name(db.name + suffix), PRIVATE_FILE
    for name in PRIVATE_SUBDIRS:
        folder = data_dir / name
        if not folder.is_dir() or folder.is_symlink():
            continue
        yield folder, PRIVATE_DIR
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                continue
            yield path, PRIVATE_DIR if path.is_dir() else PRIVATE_FILE


def secure_modes(data_dir: Path, *, quiet: bool = False) -> list[Message]:
    """Make the data folder private; returns one notice per fixed path (none when ``quiet``).

    Only permission bits open to the group or others are removed; nothing is ever widened.
    """
    if sys.platform == "win32":
        return _secure_access_lists(data_dir, quiet=quiet)
    if os.name != "posix":
        return []
    notices: list[Message] = []
    for path, wanted in _candidates(data_dir):
        try:
            mode = stat.S_IMODE(path.lstat().st_mode)
        except FileNotFoundError:
            continue
        if not mode & 0o077:
            continue
        fixed = (mode & 0o700) | (wanted if wanted == PRIVATE_DIR else 0)
        try:
            path.chmod(fixed)
        except OSError as error:
            notices.append(
                Message(
                    "mode_not_fixed",
                    {
                        "path": path,
                        "mode": f"{mode:04o}",
                        "reason": error.strerror,
                        "wanted": f"{wanted:04o}",
                    },
                )
            )
            continue
        if not quiet:
            notices.append(
                Message(
                    "mode_fixed", {"path": path, "mode": f"{mode:04o}", "fixed": f"{fixed:04o}"}
                )
            )
    return notices


def _secure_access_lists(data_dir: Path, *, quiet: bool) -> list[Message]:
    """Windows: every private path whose access list lets another account in is given one
    that lets in this user alone (and Windows itself)."""
    notices: list[Message] = []
    for path, _wanted in _candidates(data_dir):
        if not path.exists():
            continue
        try:
            if winacl.is_private(path):
                continue
            winacl.make_private(path)
        except FileNotFoundError:
            continue
        except OSError as error:
            notices.append(Message("access_not_fixed", {"path": path, "reason": error.strerror}))
            continue
        if not quiet:
            notices.append(Message("access_fixed", {"path": path}))
    return notices


def make_private(path: Path) -> None:
    """Make a file or folder this user's alone: 0600 or 0700 on POSIX, an access list that
    lets in this user and Windows alone on Windows (a folder's is inherited inside)."""
    if sys.platform == "win32":
        winacl.make_private(path)
    elif os.name == "posix":
        path.chmod(PRIVATE_DIR if path.is_dir() else PRIVATE_FILE)


def is_private(path: Path) -> bool:
    """Whether no other user of the computer may open ``path`` (what make_private gives)."""
    if sys.platform == "win32":
        return winacl.is_private(path)
    return not stat.S_IMODE(path.stat().st_mode) & 0o077
