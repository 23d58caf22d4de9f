"""File › Import a spreadsheet, driven as a data manager does: pick the file, check the
columns, read each refused row's reason (in Arabic too), import, and find the batches."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QComboBox

from alhol_desk.core import services
from alhol_desk.core.workspace import Workspace
from alhol_desk.gui.dialogs.sheet_import import SheetImportDialog
from alhol_desk.gui.i18n import Translations

ROWS = [
    ["البلد", "Date", "Status", "Girls", "Boys", "group_x/nb_women", "_uuid"],
    ["RUS", "2024-05-12", "received", 12, 20, None, "u1"],
    ["IRQ", "2024-05-13", "departed", "x", 1, 4, "u2"],
    ["FRA", "2024-05-14", "departed", 1, 2, 1, "u3"],
]


@pytest.fixture
def register(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    for row in ROWS:
        book.active.append(row)
    path = tmp_path / "register.xlsx"
    book.save(path)
    return path


def dialog_for(qtbot, ws: Workspace, path: Path) -> SheetImportDialog:
    dialog = SheetImportDialog(ws, choose_file=lambda *_args: str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def wait_for(qtbot, dialog: SheetImportDialog, stage: str) -> None:
    qtbot.waitUntil(lambda: dialog.stage == stage and not dialog.job.running, timeout=30_000)


def combo(dialog: SheetImportDialog, header: str) -> QComboBox:
    row = [c.header for c in dialog.layout_found.columns].index(header)
    widget = dialog.columns.cellWidget(row, 1)
    assert isinstance(widget, QComboBox)
    return widget


def problems(dialog: SheetImportDialog) -> list[tuple[str, str, str]]:
    table = dialog.problems
    return [
        tuple(table.item(r, c).text() for c in range(3))  # type: ignore[misc]
        for r in range(table.rowCount())
    ]


def test_pick_check_and_import_a_spreadsheet(qtbot, ws: Workspace, register: Path) -> None:
    dialog = dialog_for(qtbot, ws, register)
    dialog.choose_button.click()
    wait_for(qtbot, dialog, "columns")
    assert combo(dialog, "البلد").currentData() == "country"  # an Arabic header
    assert combo(dialog, "group_x/nb_women").currentData() == ""  # a Kobo name: chosen below
    assert combo(dialog, "_uuid").currentData() == ""
    women = combo(dialog, "group_x/nb_women")
    women.setCurrentIndex(women.findData("women"))

    combo(dialog, "Status").setCurrentIndex(0)  # a required field left without a column
    assert not dialog.check_button.isEnabled()
    assert "Status" in dialog.missing.text()
    status = combo(dialog, "Status")
    status.setCurrentIndex(status.findData("status"))
    assert dialog.check_button.isEnabled()

    dialog.check_button.click()
    wait_for(qtbot, dialog, "rows")
    assert services.batches(ws) == []  # the check writes nothing
    assert ("3", "Girls", "Girls: must be a whole number, not 'x'") in problems(dialog)
    assert "To add: 2" in dialog.rows_heading.text()
    assert not dialog.import_button.isEnabled()  # a refused row: nothing unless chosen
    dialog.skip_refused.setChecked(True)
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.changed, timeout=30_000) as changed:
        dialog.import_button.click()
    wait_for(qtbot, dialog, "done")
    assert changed.args[0].batches
    added = sorted((b.country, b.girls, b.boys, b.women) for b in services.batches(ws))
    assert added == [("FRA", 1, 2, 1), ("RUS", 12, 20, 0)]
    assert "Added: 2" in dialog.rows_heading.text()


def test_the_same_file_again_adds_nothing_and_says_so(qtbot, ws: Workspace, register: Path) -> None:
    from alhol_desk.core.sheets import import_sheet, load_sheet

    import_sheet(ws, load_sheet(register)[0], {"group_x/nb_women": "women"}, skip_refused=True)
    dialog = dialog_for(qtbot, ws, register)
    dialog.choose_button.click()
    wait_for(qtbot, dialog, "columns")
    women = combo(dialog, "group_x/nb_women")
    women.setCurrentIndex(women.findData("women"))
    dialog.check_button.click()
    wait_for(qtbot, dialog, "rows")
    assert "Already recorded (not added again): 2" in dialog.rows_heading.text()
    assert [p[2] for p in problems(dialog)].count("Already recorded; not added again.") == 2


def test_problems_are_shown_in_arabic(
    qtbot, ws: Workspace, register: Path, translations: Translations
) -> None:
    translations.install("ar")
    dialog = dialog_for(qtbot, ws, register)
    dialog.choose_button.click()
    wait_for(qtbot, dialog, "columns")
    dialog.check_button.click()
    wait_for(qtbot, dialog, "rows")
    row, _column, text = next(p for p in problems(dialog) if p[1] == "Girls")
    assert row == "٣"  # the row number in the window's digits
    assert text.startswith("الفتيات: ")  # the field and the reason, in Arabic
    assert "لم يتغير شيء بعد" in dialog.rows_heading.text()


def test_a_file_that_cannot_be_read_is_explained(qtbot, ws: Workspace, tmp_path: Path) -> None:
    bad = tmp_path / "old.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    dialog = dialog_for(qtbot, ws, bad)
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: not dialog.job.running and bool(dialog.file_problem.text()))
    assert "Only CSV and Excel (XLSX) files can be imported." in dialog.file_problem.text()
    assert dialog.pages.currentIndex() == 0


def test_the_file_menu_opens_the_wizard(qtbot, ws: Workspace, prefs, translations) -> None:
    from alhol_desk.gui.main_window import MainWindow

    window = MainWindow(ws, prefs, translations)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    [action] = [a for a in file_menu.actions() if "spreadsheet" in a.text()]
    action.trigger()
    dialogs = window.findChildren(SheetImportDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    dialogs[0].reject()
