"""What a write changed, by kind of record: the window tells each screen, and a screen that
shows none of it does not reload.

A write (a form saved, a bundle imported, a card trusted) says what it touched; the window
hands that value to the open screen at once and keeps it for the others until they are shown.
Each screen says which kinds it shows (``Screen.shows``) and refreshes only the parts those
touch. No Qt here: the value is plain data.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """Which kinds of records a write touched (False: untouched)."""

    batches: bool = False
    statuses: bool = False  # countries' status events
    estimates: bool = False  # camp estimates
    conflicts: bool = False
    bundles: bool = False  # the bundle history: sent, received, refused
    devices: bool = False  # this device, the trusted and revoked peers
    settings: bool = False

    def __bool__(self) -> bool:
        return any(_flags(self))

    def __or__(self, other: Changes) -> Changes:
        return Changes(*(a or b for a, b in zip(_flags(self), _flags(other), strict=True)))

    def __and__(self, other: Changes) -> Changes:
        return Changes(*(a and b for a, b in zip(_flags(self), _flags(other), strict=True)))

    @property
    def records(self) -> bool:
        """A batch, a status event or an estimate changed (the figures, the audit log)."""
        return self.batches or self.statuses or self.estimates


def _flags(changes: Changes) -> tuple[bool, ...]:
    return dataclasses.astuple(changes)


NOTHING = Changes()
RECORDS = Changes(batches=True, statuses=True, estimates=True)
EVERYTHING = Changes(*(True for _ in dataclasses.fields(Changes)))
