"""Protected keys are asked for in a window dialog: attempts counted, env first, hook restored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from alhol_desk.core.sync.keys import (
    PASSPHRASE_ENV,
    KeysLocked,
    forget_unlocked_keys,
    load_device_keys,
    set_passphrase,
    set_passphrase_prompt,
)
from alhol_desk.core.sync.prompt import current_prompt
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui import app as gui_app
from alhol_desk.gui.dialogs import passphrase
from alhol_desk.gui.dialogs.passphrase import window_passphrase
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.main_window import MainWindow

PASSPHRASE = "olive tree by the river"


class Typed:
    """Stands in for the password dialog: answers from a list, records what it said."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.texts: list[str] = []

    def __call__(self, parent: QWidget | None, title: str, text: str) -> str | None:
        self.texts.append(text)
        return self.answers.pop(0) if self.answers else None


@pytest.fixture
def protected(workspace: Workspace, data_dir: Path, monkeypatch) -> Iterator[Path]:
    """This laptop's keys protected by a passphrase, nothing unlocked, the window's prompt."""
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    set_passphrase(workspace.data_dir, PASSPHRASE)
    forget_unlocked_keys()
    previous = set_passphrase_prompt(window_passphrase)
    yield data_dir
    set_passphrase_prompt(previous)
    forget_unlocked_keys()


def answer(monkeypatch: pytest.MonkeyPatch, *answers: str | None) -> Typed:
    typed = Typed(*answers)
    monkeypatch.setattr(passphrase, "ask", typed)
    return typed


def test_a_wrong_then_the_right_passphrase_unlocks_on_the_second_attempt(
    qapp, translations: Translations, protected: Path, monkeypatch
) -> None:
    typed = answer(monkeypatch, "not the passphrase", PASSPHRASE)
    load_device_keys(protected)
    assert len(typed.texts) == 2
    assert "keys of this laptop are protected" in typed.texts[0]
    assert "not right" not in typed.texts[0]
    assert "That passphrase is not right (try 2 of 3)" in typed.texts[1]
    load_device_keys(protected)  # once per session
    assert len(typed.texts) == 2


def test_cancel_gives_up_and_the_keys_stay_locked(
    qapp, translations: Translations, protected: Path, monkeypatch
) -> None:
    typed = answer(monkeypatch, None)
    with pytest.raises(KeysLocked):
        load_device_keys(protected)
    assert len(typed.texts) == 1


def test_the_environment_is_tried_first_and_only_once(
    qapp, translations: Translations, protected: Path, monkeypatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, "a wrong variable")
    typed = answer(monkeypatch, PASSPHRASE)
    load_device_keys(protected)
    assert len(typed.texts) == 1  # attempt 1 was the variable, attempt 2 the dialog
    assert "try 2 of 3" in typed.texts[0]


def test_the_environment_alone_unlocks_without_a_dialog(
    qapp, translations: Translations, protected: Path, monkeypatch
) -> None:
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    typed = answer(monkeypatch)
    load_device_keys(protected)
    assert typed.texts == []


def test_run_installs_the_window_prompt_and_puts_the_previous_one_back(
    qapp, workspace: Workspace, data_dir: Path, monkeypatch
) -> None:
    def terminal(data_dir: Path, attempt: int) -> str | None:
        return None

    seen: list[object] = []

    def fake_exec() -> int:
        seen.append(current_prompt())
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                window.close()
                window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    workspace.close()
    previous = set_passphrase_prompt(terminal)
    try:
        assert gui_app.run(data_dir, operator="Tester") == 0
        assert seen == [window_passphrase]
        assert current_prompt() is terminal
    finally:
        set_passphrase_prompt(previous)
        Translations().install("en")
