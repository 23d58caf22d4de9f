"""GUI test setup: Qt offscreen (no display needed), English unless told, no threads left over."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import: without a display Qt would try xcb and abort the whole run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtWidgets import QApplication

from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.dialogs import questions
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.preferences import Preferences
from alhol_desk.gui.workers import pool


@pytest.fixture(autouse=True)
def _finish_background_reads(qapp: QApplication) -> Iterator[None]:
    """No worker may outlive its test's data folder."""
    yield
    pool().waitForDone(10_000)
    qapp.processEvents()


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    """The app's translators, back to English after the test."""
    installed = Translations()
    installed.install("en")
    yield installed
    installed.install("en")


@pytest.fixture
def prefs(data_dir: Path) -> Preferences:
    return Preferences(data_dir)


class Answers:
    """Stands in for the yes/no questions: records them and answers as told."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.reply = True
        self.failures: list[str] = []

    def confirm(self, parent, title: str, text: str, yes: str, no: str) -> bool:
        self.asked.append(title)
        return self.reply

    def fail(self, parent, title: str, text: str) -> None:
        self.failures.append(text)

    def inform(self, parent, title: str, text: str) -> None:
        self.asked.append(title)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    fake = Answers()
    monkeypatch.setattr(questions, "confirm", fake.confirm)
    monkeypatch.setattr(questions, "fail", fake.fail)
    monkeypatch.setattr(questions, "inform", fake.inform)
    return fake


@pytest.fixture
def ws(workspace: Workspace, translations: Translations) -> Workspace:
    """An initialised field device (fixed today: 2024-06-01), window in English."""
    return workspace
