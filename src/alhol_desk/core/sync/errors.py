"""Why a bundle was refused, in one plain line, and how to quote untrusted input in that line."""

from __future__ import annotations

from ..errors import AlholError

NEWER_VERSION = "this bundle was made by a newer version of alhol-desk: update the app"


class BundleRejected(AlholError):
    """A bundle was refused before anything was written; ``reason`` says why, in one line."""

    def __init__(self, reason: str) -> None:
        # One line, whatever the reason quotes: a refusal is shown in a status bar or on stderr.
        self.reason = " ".join(reason.split())
        super().__init__(self.reason)


def quoted(value: object, limit: int = 40) -> str:
    """A piece of untrusted input, safe to put in a reason: repr-escaped and cut short.

    repr escapes control and bidi-override characters, so a file cannot paint the terminal.
    """
    if isinstance(value, str):
        return repr(value if len(value) <= limit else value[:limit] + "…")
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"
