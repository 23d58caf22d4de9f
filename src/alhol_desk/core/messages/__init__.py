"""Every message a user can see, declared once as a code (see base.py for the rules).

The catalogue is split by area so that each area's codes sit together; ``MESSAGES`` is
their union, and no code may be declared twice (tests/core/test_messages.py).
"""

from __future__ import annotations

from .base import Message, MessageDef
from .general import GENERAL_MESSAGES
from .sheets import SHEET_MESSAGES
from .sync import SYNC_MESSAGES


def _union(*catalogues: dict[str, MessageDef]) -> dict[str, MessageDef]:
    merged: dict[str, MessageDef] = {}
    for catalogue in catalogues:
        twice = merged.keys() & catalogue.keys()
        if twice:
            raise RuntimeError(f"message codes declared twice: {sorted(twice)}")
        merged.update(catalogue)
    return merged


MESSAGES: dict[str, MessageDef] = _union(GENERAL_MESSAGES, SYNC_MESSAGES, SHEET_MESSAGES)

__all__ = ["MESSAGES", "Message", "MessageDef"]
