"""What a message is: a code, its parameters, and the one English template per code.

A refusal, a warning or a report label travels from the core as a ``Message``: a code and
its values, never a sentence. Each edge renders it: the CLI and the files (CSV, XLSX, the
bundle history) in English through ``Message.english()``; the window and the PDF through
Qt Linguist, from the same code (``alhol_desk.gui.messages``). Rewording a template here
cannot break its translation, because the window never reads the English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any


@dataclass(frozen=True)
class MessageDef:
    """One code's English template (``{name}`` placeholders) and how the window explains it.

    ``explain_as`` groups codes that the window explains alike (what was wrong, what to do):
    the many ways a manifest can be malformed all tell the user the same thing, and the
    English line is shown below as the detail, for whoever helps.
    """

    text: str
    explain_as: str = "general"


@dataclass(frozen=True)
class Message:
    """A code and its values: what the core says, before anyone renders it."""

    code: str
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)

    @property
    def definition(self) -> MessageDef:
        from . import MESSAGES

        return MESSAGES[self.code]

    @property
    def explain_as(self) -> str:
        return self.definition.explain_as

    def english(self) -> str:
        """The message in English, in one line (a refusal is shown in a status bar)."""
        text = self.definition.text.format(**self.params)
        return " ".join(text.split())

    def __str__(self) -> str:
        return self.english()
