"""Help › About: what a user checks there (version, licence, every library's licence) and
About Qt; and the notices file itself, made from the installed libraries' metadata."""

from __future__ import annotations

import importlib.metadata as metadata
import re

from PySide6.QtWidgets import QMessageBox

from alhol_desk import __version__
from alhol_desk.gui.dialogs.about import AboutDialog
from alhol_desk.gui.main_window import MainWindow
from alhol_desk.notices import bundled_distributions, third_party_notices


def help_action(window: MainWindow, text: str):
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    actions = {a.text().replace("&", ""): a for a in menus["Help"].actions()}
    return actions[text]


def test_help_about_shows_the_version_licence_and_every_bundled_licence(
    qtbot, ws, prefs, translations
) -> None:
    window = MainWindow(ws, prefs, translations)
    qtbot.addWidget(window)
    help_action(window, "About alhol-desk").trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert __version__ in dialog.summary.text() and "Apache-2.0" in dialog.summary.text()
    notices = dialog.notices.toPlainText()
    for dist in bundled_distributions():
        assert f"{dist.metadata['Name']} {dist.version}" in notices
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in notices
    assert "replace them with your own modified" in notices  # Qt's relinking note


def test_about_qt_is_in_the_help_menu_and_the_dialog(qtbot, ws, prefs, translations, monkeypatch):
    shown: list[object] = []
    monkeypatch.setattr(QMessageBox, "aboutQt", lambda parent, *a: shown.append(parent))
    window = MainWindow(ws, prefs, translations)
    qtbot.addWidget(window)
    help_action(window, "About Qt").trigger()
    assert shown == [window]
    dialog = AboutDialog(ws.data_dir, window)
    qtbot.addWidget(dialog)
    dialog.about_qt.click()
    assert shown == [window, dialog]


def test_the_notices_carry_each_library_licence_file() -> None:
    """Every bundled distribution is listed with the text of each licence file it ships."""
    text = third_party_notices()
    dists = bundled_distributions()
    names = {re.sub(r"[-_.]+", "-", d.metadata["Name"]).lower() for d in dists}
    assert {
        "pyside6-essentials",
        "shiboken6",
        "cryptography",
        "xlsxwriter",
        "pyrage",
        "sqlite-utils",
        "platformdirs",
        "pycountry",
    } <= names
    for dist in dists:
        for entry in dist.metadata.get_all("License-File") or []:
            body = dist.read_text(f"licenses/{entry}") or dist.read_text(entry)
            assert body is not None
            assert body.strip("\n") in text, f"{dist.metadata['Name']}: {entry} is missing"
    assert metadata.distribution("pyinstaller").version in text  # the bootloader's licence
