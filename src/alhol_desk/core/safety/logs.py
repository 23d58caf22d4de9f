"""The log file, and what may go into it: ids, counts, types and code locations, never values.

An exception's message can carry what the user typed (a ``KeyError`` of a name, a
``ValueError`` quoting a note), so an unexpected failure is logged as its traceback's
frames and exception types only, with the messages withheld.

The file is as private as the database (0600) and bounded: it is rotated at
``LOG_BYTES``, and ``LOG_BACKUPS`` older files are kept (``alhol-desk.log.1`` ... ``.3``).
"""

from __future__ import annotations

import io
import os
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path

from .modes import PRIVATE_FILE, make_private

WITHHELD = "(message withheld: it may hold personal data)"
LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 3


class PrivateLogHandler(RotatingFileHandler):
    """Appends to the data folder's log; every file it opens (the rotated ones too, which
    are the same files renamed) is created private."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")

    def _open(self) -> io.TextIOWrapper:
        # Created with the private mode before logging opens it, so it is never readable
        # by others for a moment; a log left 0644 by an older version is made private too.
        os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE))
        make_private(Path(self.baseFilename))
        return super()._open()


def redacted_traceback(error: BaseException) -> str:
    """The traceback of ``error`` and of its causes, with every exception message left out."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.format_list(traceback.extract_tb(current.__traceback__))
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        parts.append("".join(frames) + f"{kind}: {WITHHELD}\n")
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return "\nwhich led to:\n".join(reversed(parts))
