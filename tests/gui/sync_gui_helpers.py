"""Two laptops with windows (a field team and HQ), enrolled with each other, and the steps a
person takes in the sync dialogs, driven as a person would (buttons, typed fields).

The file and folder pickers of ``SyncActions`` are replaced: tests hand the dialogs a
path, the way a person picks one, and no native dialog opens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from alhol_desk.core.sync import exporter
from alhol_desk.core.workspace import Workspace, initialise
from alhol_desk.gui.dialogs.export_dialog import ExportDialog
from alhol_desk.gui.dialogs.import_dialog import ImportDialog
from alhol_desk.gui.i18n import Translations
from alhol_desk.gui.main_window import MainWindow
from alhol_desk.gui.preferences import Preferences
from enrolling import enrol

TODAY = date(2024, 6, 1)
RUSSIA = {
    "country": "RUS",
    "departure_date": "2024-01-01",
    "status": "received",
    "girls": 12,
    "boys": 20,
    "min_age": 5,
    "max_age": 17,
    "source": "Public reporting",
}
WAIT_MS = 20_000


@dataclass
class Laptop:
    ws: Workspace
    window: MainWindow

    @property
    def actions(self):
        return self.window.sync_actions()


def plain(text: str) -> str:
    """A label's text without its markup."""
    return re.sub(r"<[^>]+>", "", text)


def status_texts(window: MainWindow) -> list[str]:
    return [plain(label.text()) for label in window.statusBar().findChildren(QLabel)]


def open_laptop(qtbot, folder: Path, team: str, role: str, operator: str) -> Laptop:
    ws = initialise(folder, team=team, role=role, operator=operator)
    ws.today = lambda: TODAY
    window = MainWindow(ws, Preferences(folder), Translations())
    qtbot.addWidget(window)
    window.show()
    actions = window.sync_actions()
    actions.drives = list  # no removable drive: the tests type the folder
    return Laptop(ws, window)


@pytest.fixture
def laptops(
    qtbot, tmp_path: Path, translations: Translations
) -> Iterator[tuple[Laptop, Laptop, Path]]:
    """A field laptop and HQ, enrolled with each other, and an empty stick."""
    field = open_laptop(qtbot, tmp_path / "field", "Hasakah 1", "field", "Amina")
    hq = open_laptop(qtbot, tmp_path / "hq", "HQ Erbil", "hq", "Omar")
    stick = tmp_path / "stick"
    stick.mkdir()
    enrol(field.ws, hq.ws, tmp_path)
    try:
        yield field, hq, stick
    finally:
        for laptop in (field, hq):
            laptop.window.prefs.export_reminder_days = 0  # closing at teardown asks nothing
            laptop.window.close()
            laptop.ws.close()


def export_through_dialog(qtbot, laptop: Laptop, stick: Path) -> ExportDialog:
    """Export with the dialog: type the stick's folder, press Export, wait for the result."""
    dialog = laptop.actions.export()
    assert isinstance(dialog, ExportDialog), "the export dialog did not open"
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(stick))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.written is not None or dialog.problem.isVisible(), timeout=WAIT_MS
    )
    return dialog


def import_through_dialog(qtbot, laptop: Laptop, paths: list[Path]) -> ImportDialog:
    """Open the import dialog on the files and wait for its preview (nothing imported yet)."""
    laptop.actions.pick_bundles = lambda parent, start: [str(p) for p in paths]
    dialog = laptop.actions.choose_import()
    assert isinstance(dialog, ImportDialog), "the import dialog did not open"
    qtbot.waitUntil(lambda: dialog.stage in ("preview", "done"), timeout=WAIT_MS)
    return dialog


def confirm_import(qtbot, dialog: ImportDialog) -> None:
    assert dialog.import_button.isVisible()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stage == "done", timeout=WAIT_MS)


def unexported(ws: Workspace) -> int:
    return exporter.unexported_changes(ws)
