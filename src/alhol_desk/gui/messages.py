"""The core's messages in the user's language, from their codes (never from their English).

A ``Message`` (``core.messages``) carries a code and values. Each code's definition names
how the window explains it (``explain_as``): what was wrong and what to do, translated
through Qt Linguist and filled with the message's values (numbers in the user's digits).
The English line stays below as a detail for whoever helps. Sync's explanations are in
``screens/sync_text.py``; the others here. tests/gui/test_messages.py checks that every
``explain_as`` of the catalogue has an explanation, translated, whose placeholders the
message fills.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..core.messages import Message
from . import i18n
from .i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Explained:
    what: str  # what was wrong, in the user's language
    todo: str  # what to do about it
    detail: str  # the core's own line, for whoever helps (English, value-free)
    known: bool = True  # False: the message's code has no explanation; the detail is all


# explain_as → (context, what was wrong, what to do). Placeholders are the message's
# parameter names in braces ({team}, {seq}).
GENERAL_EXPLANATIONS: dict[str, tuple[str, str, str]] = {
    "general": (
        "messages",
        QT_TRANSLATE_NOOP("messages", "It was refused."),
        QT_TRANSLATE_NOOP("messages", "Read the details below; ask for help if it happens again."),
    ),
}


def _explanations() -> Mapping[str, tuple[str, str, str]]:
    from .screens.sync_text import SYNC_EXPLANATIONS

    return GENERAL_EXPLANATIONS | SYNC_EXPLANATIONS


def _catch_all() -> frozenset[str]:
    """Explanations that only say "it was refused": the English detail is all there is."""
    from .screens.sync_text import SYNC_CATCH_ALL

    return SYNC_CATCH_ALL | {"general"}


def fill(context: str, template: str, params: Mapping[str, Any]) -> str:
    """A translated template filled with the message's values, shown in the user's digits."""
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if isinstance(value, int) and not isinstance(value, bool):
            value = i18n.number(value)
        elif isinstance(value, str) and value in i18n.TABLE_LABELS:
            value = i18n.table_label(value)
        shown[key] = value
    text = translate(context, template)
    try:
        return text.format(**shown)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide it
        log.warning("a translation does not fit its message's values: %r", template)
        return template.format(**shown)


def explain(message: Message | None, detail: str | None = None) -> Explained:
    """A message from the core, as what was wrong and what to do."""
    if message is None:
        context, what, todo = GENERAL_EXPLANATIONS["general"]
        return Explained(translate(context, what), translate(context, todo), detail or "", False)
    english = detail if detail is not None else message.english()
    found = _explanations().get(message.explain_as)
    if found is None:
        context, what, todo = GENERAL_EXPLANATIONS["general"]
        return Explained(translate(context, what), translate(context, todo), english, False)
    context, what, todo = found
    return Explained(
        fill(context, what, message.params),
        fill(context, todo, message.params),
        english,
        known=message.explain_as not in _catch_all(),
    )
