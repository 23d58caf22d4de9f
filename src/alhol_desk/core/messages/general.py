"""Messages of records, the CLI, backups, reports and the data folder (not sync)."""

from __future__ import annotations

from .base import MessageDef

GENERAL_MESSAGES: dict[str, MessageDef] = {
    # A sentence not yet given a code of its own. Only while messages are being moved to
    # codes; tests/core/test_messages.py lists who still raises one, and that list must end
    # empty.
    "legacy_text": MessageDef("{text}"),
}
