"""Messages travel as codes: every refusal names a code of the catalogue, never a sentence."""

from __future__ import annotations

import ast
import string
from collections import Counter
from pathlib import Path

import pytest

from alhol_desk.core.errors import AlholError
from alhol_desk.core.messages import MESSAGES, Message
from alhol_desk.core.messages.general import GENERAL_MESSAGES
from alhol_desk.core.messages.sheets import SHEET_MESSAGES
from alhol_desk.core.messages.sync import SYNC_MESSAGES
from alhol_desk.core.sync.errors import BundleRejected

SRC = Path(__file__).resolve().parents[2] / "src" / "alhol_desk"


def _error_classes() -> set[str]:
    """The names of AlholError and every subclass defined in the source."""
    names = {"AlholError"}
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in SRC.rglob("*.py")]
    grew = True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    bases = {
                        getattr(base, "id", getattr(base, "attr", None)) for base in node.bases
                    }
                    if bases & names:
                        names.add(node.name)
                        grew = True
    return names


def _raised_without_code() -> Counter[str]:
    classes = _error_classes()
    found: Counter[str] = Counter()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in classes or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value in MESSAGES:
                    continue
            elif not isinstance(first, ast.JoinedStr | ast.BinOp):
                continue  # a Message, or a code held in a variable: checked where it is made
            found[str(path.relative_to(SRC))] += 1
    return found


def test_every_error_is_raised_with_a_code_of_the_catalogue() -> None:
    assert dict(_raised_without_code()) == {}


def test_no_code_is_declared_in_two_catalogues() -> None:
    catalogues = (GENERAL_MESSAGES, SYNC_MESSAGES, SHEET_MESSAGES)
    assert len(MESSAGES) == sum(len(c) for c in catalogues)
    assert set(MESSAGES) == set().union(*catalogues)


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_template_names_its_parameters_plainly(code: str) -> None:
    """Placeholders are plain names, so the window can fill the translated text with them."""
    for _, name, spec, conversion in string.Formatter().parse(MESSAGES[code].text):
        if name is not None:
            assert name.isidentifier(), (code, name)
            assert not spec, (code, name, spec)
            assert conversion in (None, "r"), (code, name, conversion)


def test_an_error_keeps_its_code_and_says_it_in_english() -> None:
    code = next(iter(MESSAGES))
    params = {name: "x" for _, name, _, _ in string.Formatter().parse(MESSAGES[code].text) if name}
    error = AlholError(code, **params)
    assert error.message == Message(code, params)
    assert str(error) == Message(code, params).english()


def test_a_refusal_is_one_line_in_the_bundle_history() -> None:
    refusal = BundleRejected("seq_far_ahead", seq=9, team="two\nlines", last=1)
    assert "\n" not in refusal.reason and "from two lines (1)" in refusal.reason


def test_a_sentence_is_not_a_message() -> None:
    with pytest.raises(ValueError, match="not a message code"):
        AlholError("the stick is full")
