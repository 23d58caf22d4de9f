"""Messages of sync: bundles, cards, keys, export and import.

A bundle's refusal is kept in the bundle history in English (``bundles.reason``) beside its
code and values (``bundles.reason_code``, ``bundles.reason_params``), so the window shows
even an old refusal in the user's language. These templates never hold a record's values:
only what identifies a bundle or a device (its number, its team) and quoted, cut-short
pieces of the file itself (``sync.errors.quoted``).
"""

from __future__ import annotations

from .base import MessageDef

SYNC_MESSAGES: dict[str, MessageDef] = {}
