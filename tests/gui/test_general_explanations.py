"""The window explains the core's general refusals from their codes, in the user's language."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from alhol_desk.core.errors import AlholError
from alhol_desk.core.messages import MESSAGES, Message
from alhol_desk.core.messages.general import GENERAL_MESSAGES
from alhol_desk.gui import messages
from alhol_desk.gui.i18n import Translations


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("code", sorted(GENERAL_MESSAGES))
def test_every_general_code_has_an_explanation_its_values_fill(code: str) -> None:
    definition = GENERAL_MESSAGES[code]
    assert definition.explain_as in messages.GENERAL_EXPLANATIONS, code
    _, what, todo = messages.GENERAL_EXPLANATIONS[definition.explain_as]
    assert _placeholders(what) | _placeholders(todo) <= _placeholders(definition.text), code


def test_a_refusal_is_explained_in_arabic_with_the_english_line_below(qapp) -> None:
    error = AlholError("backup_out_exists", path=Path("backup.sqlite3"))
    translations = Translations()
    translations.install("ar")
    try:
        explained = messages.explain(error.message)
        text = messages.refusal_text(error.message)
    finally:
        translations.install("en")
    assert explained.known
    assert explained.what == "يوجد ملف بهذا الاسم من قبل؛ النسخ الاحتياطي لا يكتب فوق أي ملف."
    assert explained.detail == str(error)  # the core's line, for whoever helps
    assert text.splitlines() == [explained.what, explained.todo, str(error)]


def test_a_code_with_no_words_of_its_own_still_shows_the_core_line(qapp) -> None:
    code = next(code for code, d in MESSAGES.items() if d.explain_as == "general")
    params = {name: "x" for _, name, _, _ in string.Formatter().parse(MESSAGES[code].text) if name}
    message = Message(code, params)
    text = messages.refusal_text(message)
    assert text.splitlines()[-1] == message.english()
