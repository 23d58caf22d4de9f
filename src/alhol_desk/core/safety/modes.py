"""File modes checked at startup: the data folder is this user's alone (POSIX).

The data folder holds records about children, the device's private keys and form drafts.
Folders should be 0700 and files 0600; anything readable or writable by the group or by
others is fixed, and a notice says what was fixed. Windows keeps the user's profile
private through ACLs, so nothing is checked there.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from ...paths import database_path

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


def secure_modes(data_dir: Path, *, quiet: bool = False) -> list[str]:
    """Make the data folder private; returns one notice per fixed path (none when ``quiet``).

    Only permission bits open to the group or others are removed; nothing is ever widened.
    """
    if os.name != "posix":
        return []
    notices = []
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
                f"{path} can be read by other users of this computer (mode {mode:04o}) and "
                f"could not be fixed ({error.strerror}): make it private ({wanted:04o})"
            )
            continue
        if not quiet:
            notices.append(
                f"{path} could be read by other users of this computer (mode {mode:04o}); "
                f"fixed to {fixed:04o}"
            )
    return notices
