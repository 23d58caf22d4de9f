"""What may go into the log file: ids, counts, types and code locations, never values.

An exception's message can carry what the user typed (a ``KeyError`` of a name, a
``ValueError`` quoting a note), so an unexpected failure is logged as its traceback's
frames and exception types only, with the messages withheld.
"""

from __future__ import annotations

import traceback

WITHHELD = "(message withheld: it may hold personal data)"


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
