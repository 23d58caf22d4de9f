"""Why a bundle was refused, in one plain line, and how to quote untrusted input in that line."""

from __future__ import annotations

from typing import Any

from ..errors import AlholError
from ..messages import Message

# The refusal of a bundle in our format written another way (tests compare with it).
NEWER_VERSION = Message("bundle_newer_version").english()


class BundleRejected(AlholError):
    """A bundle was refused before anything was written; ``reason`` says why, in one line."""

    def __init__(self, code: str | Message, /, **params: Any) -> None:
        super().__init__(code, **params)
        # One line, whatever the reason quotes: a refusal is shown in a status bar or on
        # stderr, and kept in the bundle history beside its code.
        self.reason = str(self)


class NotAddressedHere(BundleRejected):
    """The bundle is encrypted for other devices only (HQ writes one per device, and a
    stick may carry the bundles of many teams): it is skipped, not refused."""


def quoted(value: object, limit: int = 40) -> str:
    """A piece of untrusted input, safe to put in a reason: repr-escaped and cut short.

    repr escapes control and bidi-override characters, so a file cannot paint the terminal.
    """
    if isinstance(value, str):
        return repr(value if len(value) <= limit else value[:limit] + "…")
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def newer_version(theirs: int, ours: int) -> BundleRejected:
    """A bundle in a sync format newer than this app reads: nothing is changed."""
    return BundleRejected("bundle_format_newer", theirs=theirs, ours=ours)
