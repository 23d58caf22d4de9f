"""The first-run wizard: language, team and role, the operator; then it sets the data folder up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from alhol_desk.gui.dialogs.first_run import FirstRunWizard


def test_the_wizard_initialises_the_data_folder(qtbot, data_dir: Path, translations) -> None:
    wizard = FirstRunWizard(data_dir, translations)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.keyClicks(wizard.team_page.team, "Hasakah 2")
    wizard.team_page.hq.setChecked(True)
    wizard.next()
    wizard.operator_page.operator.setText("Amira")
    wizard.accept()

    assert wizard.result() == QDialog.DialogCode.Accepted
    ws = wizard.workspace
    assert ws is not None
    assert (ws.device.team, ws.device.role, ws.operator) == ("Hasakah 2", "hq", "Amira")
    ws.close()


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
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_the_wizard_stays_open_and_says_why_when_init_refuses(
    qtbot, data_dir, translations
) -> None:
    wizard = FirstRunWizard(data_dir, translations)
    qtbot.addWidget(wizard)
    wizard.team_page.team.setText("   ")
    wizard.accept()
    assert wizard.workspace is None
    assert "team" in wizard.operator_page.error.text()
