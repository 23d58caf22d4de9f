"""The first-run wizard: language, team and role, the operator (empty, required) and a
passphrase for the keys (offered, recommended; skipping it says what a lost laptop gives)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from alhol_desk.core.sync.keys import (
    IDENTITY_FILE,
    KEYS_DIR,
    SIGNING_KEY_FILE,
    forget_unlocked_keys,
    keys_are_protected,
    load_device_keys,
)
from alhol_desk.core.sync.prompt import set_passphrase_prompt
from alhol_desk.gui.dialogs import passphrase
from alhol_desk.gui.dialogs.first_run import FirstRunWizard
from alhol_desk.paths import database_path

PASSPHRASE = "olive tree by the river"


@pytest.fixture
def wizard(qtbot, data_dir: Path, translations) -> FirstRunWizard:
    made = FirstRunWizard(data_dir, translations)
    qtbot.addWidget(made)
    made.show()
    return made


def to_operator_page(wizard: FirstRunWizard, team: str = "Hasakah 2") -> None:
    wizard.next()  # language
    wizard.team_page.team.setText(team)
    wizard.next()


def to_passphrase_page(wizard: FirstRunWizard, operator: str = "Amira") -> None:
    to_operator_page(wizard)
    wizard.operator_page.operator.setText(operator)
    wizard.next()
    assert wizard.currentPage() is wizard.passphrase_page


def finish_enabled(wizard: FirstRunWizard) -> bool:
    return wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_the_wizard_initialises_the_data_folder(qtbot, wizard: FirstRunWizard) -> None:
    wizard.next()
    qtbot.keyClicks(wizard.team_page.team, "Hasakah 2")
    wizard.team_page.hq.setChecked(True)
    wizard.next()
    qtbot.keyClicks(wizard.operator_page.operator, "Amira")
    wizard.next()
    wizard.passphrase_page.skip.setChecked(True)
    wizard.accept()

    assert wizard.result() == QDialog.DialogCode.Accepted
    ws = wizard.workspace
    assert ws is not None
    assert (ws.device.team, ws.device.role, ws.operator) == ("Hasakah 2", "hq", "Amira")
    assert not ws.is_demo
    ws.close()


def test_the_operator_starts_empty_and_is_required(wizard: FirstRunWizard, data_dir) -> None:
    to_operator_page(wizard)
    page = wizard.operator_page
    assert page.operator.text() == ""  # never the computer's login ("root")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled()
    page.operator.setText("   ")
    assert not next_button.isEnabled()
    page.operator.setText("Amira")
    assert next_button.isEnabled()

    page.operator.setText("")
    wizard.accept()  # Enter on the last page, say: still refused
    assert wizard.workspace is None
    assert "name is required" in wizard.passphrase_page.error.text()
    assert not database_path(data_dir).exists()


def test_a_passphrase_set_in_the_wizard_locks_the_keys_and_the_app_asks_for_it(
    wizard: FirstRunWizard, data_dir: Path, monkeypatch
) -> None:
    monkeypatch.delenv("ALHOL_DESK_PASSPHRASE", raising=False)
    to_passphrase_page(wizard)
    page = wizard.passphrase_page
    assert not page.skip.isChecked() and not finish_enabled(wizard)
    page.passphrase.setText(PASSPHRASE)
    page.repeat.setText(PASSPHRASE)
    assert finish_enabled(wizard)
    wizard.accept()
    ws = wizard.workspace
    assert ws is not None
    ws.close()

    assert keys_are_protected(data_dir)
    keys = data_dir / KEYS_DIR
    assert b"AGE-SECRET-KEY" not in (keys / IDENTITY_FILE).read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in (keys / SIGNING_KEY_FILE).read_bytes()

    # The next session: the window's prompt asks for the passphrase, and it opens the keys.
    forget_unlocked_keys()
    asked: list[str] = []

    def typed(parent, title: str, text: str) -> str:
        asked.append(title)
        return PASSPHRASE

    monkeypatch.setattr(passphrase, "ask", typed)
    previous = set_passphrase_prompt(passphrase.window_passphrase)
    try:
        assert load_device_keys(data_dir).key_id
    finally:
        set_passphrase_prompt(previous)
        forget_unlocked_keys()
    assert asked == ["Passphrase for this laptop's keys"]


def test_skipping_the_passphrase_says_what_a_lost_laptop_exposes(
    wizard: FirstRunWizard, data_dir: Path
) -> None:
    to_passphrase_page(wizard)
    page = wizard.passphrase_page
    assert page.warning.isHidden()
    page.skip.setChecked(True)
    assert not page.warning.isHidden()
    warning = page.warning.text()
    assert "anyone who has this laptop" in warning
    assert "sign bundles that headquarters trusts" in warning
    assert "read the bundles sent to this laptop" in warning
    assert finish_enabled(wizard) and not page.passphrase.isEnabled()
    wizard.accept()
    assert wizard.workspace is not None
    wizard.workspace.close()
    assert not keys_are_protected(data_dir)


@pytest.mark.parametrize(
    ("first", "second", "problem"),
    [("short", "short", "too short"), (PASSPHRASE, PASSPHRASE + "!", "differ")],
)
def test_a_short_or_mistyped_passphrase_cannot_be_finished(
    wizard: FirstRunWizard, data_dir: Path, first: str, second: str, problem: str
) -> None:
    to_passphrase_page(wizard)
    page = wizard.passphrase_page
    page.passphrase.setText(first)
    page.repeat.setText(second)
    assert problem in page.problem.text()
    assert not finish_enabled(wizard)
    wizard.accept()
    assert wizard.workspace is None
    assert not database_path(data_dir).exists()


def test_the_wizard_switches_language_as_soon_as_it_is_chosen(
    qtbot, data_dir: Path, translations
) -> None:
    chosen: list[str] = []
    wizard = FirstRunWizard(data_dir, translations, on_language=chosen.append)
    qtbot.addWidget(wizard)
    wizard.language_page.buttons["ar"].setChecked(True)
    assert chosen == ["ar"]
    qtbot.waitUntil(lambda: wizard.windowTitle() == "إعداد alhol-desk")
    assert wizard.team_page.title() == "الفريق والدور"
    assert wizard.passphrase_page.title() == "احمِ المفاتيح (يُنصح بذلك)"
    assert wizard.passphrase_page.skip.text() == "تابع من دون عبارة مرور"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_the_wizard_stays_open_and_says_why_when_init_refuses(
    qtbot, data_dir, translations
) -> None:
    wizard = FirstRunWizard(data_dir, translations)
    qtbot.addWidget(wizard)
    wizard.team_page.team.setText("   ")
    wizard.operator_page.operator.setText("Amira")
    wizard.passphrase_page.skip.setChecked(True)
    wizard.accept()
    assert wizard.workspace is None
    assert "team" in wizard.passphrase_page.error.text()
