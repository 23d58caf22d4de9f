"""File › Import a spreadsheet: pick a file, check the columns, see the problems, import.

The same core as ``alhol-desk import-sheet`` (``core/sheets``): reading the file, checking
every row (the dry run: nothing is written) and importing run off the GUI thread as
``Operation``s, the last two on a connection of their own (``worker_workspace``). Rows'
problems are the core's ``Issue`` codes, shown in the user's language beside the row
number the spreadsheet shows and the column's header as the sheet writes it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AlholError
from ...core.messages import Message
from ...core.sheets import Imported, Sheet, SheetPlan
from ...core.sheets.columns import Layout
from ...core.workspace import Workspace
from .. import i18n
from ..changes import Changes
from ..messages import explain
from ..workers import Operation, Progress, worker_workspace
from .sheet_text import counts_text, fill_problems, item, table
from .sync_parts import JobDialog, WorkingPage, button_row, problem_html

ChooseFile = Callable[[QWidget, str, str], str]


def ask_open_path(parent: QWidget, title: str, file_filter: str) -> str:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, "", file_filter)
    return path


def _batch_fields() -> tuple[str, ...]:
    from ...core.validation import BATCH_FIELDS

    return tuple(name for name in BATCH_FIELDS if name != "deleted")


class SheetImportDialog(JobDialog):
    """File → columns → rows → done. ``changed`` is emitted once batches were added."""

    changed = Signal(object)  # Changes

    def __init__(
        self, ws: Workspace, parent: QWidget | None = None, choose_file: ChooseFile = ask_open_path
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.choose_file = choose_file
        self.path: Path | None = None
        self.sheet: Sheet | None = None
        self.layout_found: Layout | None = None
        self.plan: SheetPlan | None = None
        self.imported: Imported | None = None
        self.stage = "file"
        self.setWindowTitle(self.tr("Import a spreadsheet"))
        self.resize(860, 560)
        self.pages = QStackedWidget(self)
        self.working = WorkingPage(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self.working)
        self.pages.addWidget(self._columns_page())
        self.pages.addWidget(self._rows_page())
        QVBoxLayout(self).addWidget(self.pages, 1)

    # --- 1. the file ------------------------------------------------------------------------

    def _file_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Bring in batches kept in a spreadsheet: a CSV or Excel (XLSX) file, a "
                "KoboToolbox or ODK export, or a report of this app. Nothing is changed "
                "until you have seen every row's problems and chosen to import."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.file_problem = QLabel(page)
        self.file_problem.setObjectName("sheet_file_problem")
        self.file_problem.setWordWrap(True)
        self.file_problem.setTextFormat(Qt.TextFormat.RichText)
        self.choose_button = QPushButton(self.tr("&Choose a file…"), page)
        self.choose_button.setObjectName("sheet_choose")
        self.choose_button.setDefault(True)
        self.choose_button.clicked.connect(self.choose)
        cancel = QPushButton(self.tr("Cancel"), page)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.file_problem, 1)
        layout.addLayout(button_row(self.choose_button, cancel))
        return page

    def choose(self) -> None:
        chosen = self.choose_file(
            self,
            self.tr("Choose the spreadsheet"),
            self.tr("Spreadsheets (*.xlsx *.xlsm *.csv *.txt)"),
        )
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path, sheet_name: str | None = None) -> None:
        from ...core.sheets import load_sheet
        from ...core.sheets.columns import lay_out

        self.path = path

        def work(_progress: Progress) -> tuple[Sheet, tuple[str, ...], Layout]:
            sheet, names = load_sheet(path, sheet_name)
            return sheet, names, lay_out(sheet)

        self._run(self.tr("Reading %1…").replace("%1", path.name), work, self._read)

    # --- 2. the columns ---------------------------------------------------------------------

    def _columns_page(self) -> QWidget:
        page = QWidget(self)
        self.columns_heading = QLabel(page)
        self.columns_heading.setObjectName("sheet_columns_heading")
        self.columns_heading.setWordWrap(True)
        self.sheet_choice = QComboBox(page)
        self.sheet_choice.setObjectName("sheet_choice")
        self.sheet_choice.activated.connect(self._other_sheet)
        self.columns = table(
            page, "sheet_columns", [self.tr("Column in the file"), self.tr("Read as")]
        )
        self.missing = QLabel(page)
        self.missing.setObjectName("sheet_missing")
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #a01010")
        back = QPushButton(self.tr("&Back"), page)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.check_button = QPushButton(self.tr("Check the &rows"), page)
        self.check_button.setObjectName("sheet_check")
        self.check_button.setDefault(True)
        self.check_button.clicked.connect(self.check_rows)
        layout = QVBoxLayout(page)
        layout.addWidget(self.columns_heading)
        layout.addWidget(self.sheet_choice)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.missing)
        layout.addLayout(button_row(back, self.check_button))
        return page

    def _read(self, result: tuple[Sheet, tuple[str, ...], Layout]) -> None:
        self.sheet, names, self.layout_found = result
        self.stage = "columns"
        self.sheet_choice.clear()
        self.sheet_choice.addItems(list(names))
        self.sheet_choice.setCurrentText(self.sheet.name)
        self.sheet_choice.setVisible(len(names) > 1)
        rows = len(self.sheet.rows) - self.layout_found.first_data
        self.columns_heading.setText(
            self.tr("%1: %2 rows below the header. Check what each column is read as.")
            .replace("%1", self.sheet.name)
            .replace("%2", i18n.number(rows))
        )
        fields = _batch_fields()
        self.combos: list[tuple[str, QComboBox]] = []
        self.columns.setRowCount(len(self.layout_found.columns))
        for row, column in enumerate(self.layout_found.columns):
            self.columns.setItem(row, 0, item(column.header or column.hxl))
            combo = QComboBox(self.columns)
            combo.addItem(self.tr("(not imported)"), "")
            for name in fields:
                combo.addItem(i18n.field_label(name), name)
            combo.setCurrentIndex(max(0, combo.findData(column.field or "")))
            combo.setEnabled(bool(column.header))
            combo.currentIndexChanged.connect(self._show_missing)
            self.columns.setCellWidget(row, 1, combo)
            self.combos.append((column.header, combo))
        self._show_missing()
        self.pages.setCurrentIndex(2)

    def _other_sheet(self, _index: int) -> None:
        chosen = self.sheet_choice.currentText()
        if self.path is not None and self.sheet is not None and chosen != self.sheet.name:
            self.open_file(self.path, chosen)

    def mapping(self) -> dict[str, str]:
        """What each headed column is read as, as the person left the choices."""
        return {header: combo.currentData() for header, combo in self.combos if header}

    def _show_missing(self, _index: int = 0) -> None:
        from ...core.sheets.columns import REQUIRED

        given = set(self.mapping().values())
        missing = [i18n.field_label(name) for name in REQUIRED if name not in given]
        text = self.tr("No column is read as: %1.").replace("%1", ", ".join(missing))
        self.missing.setText(text if missing else "")
        self.check_button.setEnabled(not missing)

    def check_rows(self) -> None:
        """The dry run: every row checked by the core's rules; nothing is written."""
        from ...core.sheets import plan_sheet

        sheet, mapping, ws = self.sheet, self.mapping(), self.ws
        if sheet is None:
            return

        def work(_progress: Progress) -> SheetPlan:
            with worker_workspace(ws) as own:
                return plan_sheet(own, sheet, mapping)

        self._run(self.tr("Checking every row…"), work, self._checked)

    # --- 3. the rows ------------------------------------------------------------------------

    def _rows_page(self) -> QWidget:
        page = QWidget(self)
        self.rows_heading = QLabel(page)
        self.rows_heading.setObjectName("sheet_rows_heading")
        self.rows_heading.setWordWrap(True)
        self.rows_heading.setTextFormat(Qt.TextFormat.RichText)
        self.problems = table(
            page, "sheet_problems", [self.tr("Row"), self.tr("Column"), self.tr("What")]
        )
        self.skip_refused = QCheckBox(
            self.tr("Import the other rows, and leave the refused ones out"), page
        )
        self.skip_refused.setObjectName("sheet_skip_refused")
        self.skip_refused.toggled.connect(lambda _on: self._import_enabled())
        self.rows_back = QPushButton(self.tr("&Back"), page)
        self.rows_back.clicked.connect(lambda: self.pages.setCurrentIndex(2))
        self.import_button = QPushButton(self.tr("&Import"), page)
        self.import_button.setObjectName("sheet_import")
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("Cancel"), page)
        self.close_button.setObjectName("sheet_close")
        self.close_button.clicked.connect(self._close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.rows_heading)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.skip_refused)
        layout.addLayout(button_row(self.rows_back, self.import_button, self.close_button))
        return page

    def _checked(self, plan: SheetPlan) -> None:
        self.plan = plan
        self.stage = "rows"
        self.rows_heading.setText(f"<p>{html.escape(counts_text(plan, done=False))}</p>")
        fill_problems(self.problems, plan)
        self.skip_refused.setChecked(False)
        self.skip_refused.setVisible(bool(plan.refused))
        self.rows_back.show()
        self.import_button.show()
        self._import_enabled()
        self.close_button.setText(self.tr("Cancel"))
        self.pages.setCurrentIndex(3)

    def _import_enabled(self) -> None:
        plan = self.plan
        ready = (
            plan is not None
            and bool(plan.new)
            and (not plan.refused or self.skip_refused.isChecked())
        )
        self.import_button.setEnabled(ready)

    def start_import(self) -> None:
        from ...core.sheets import import_sheet

        sheet, mapping, ws = self.sheet, self.mapping(), self.ws
        skip = self.skip_refused.isChecked()
        if sheet is None or self.stage != "rows":
            return

        def work(_progress: Progress) -> Imported:
            with worker_workspace(ws) as own:
                return import_sheet(own, sheet, mapping, skip_refused=skip)

        self._run(
            self.tr("Importing, in one go: all the new rows or none…"),
            work,
            self._imported,
            changes=lambda done: Changes(batches=bool(done.ids)),
        )

    def _imported(self, imported: Imported) -> None:
        self.imported = imported
        self.plan = imported.plan
        self.stage = "done"
        self.rows_heading.setText(
            f"<p><b>{html.escape(counts_text(imported.plan, done=True))}</b></p>"
        )
        fill_problems(self.problems, imported.plan)
        self.skip_refused.hide()
        self.rows_back.hide()
        self.import_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setFocus()
        self.pages.setCurrentIndex(3)

    # --- running, failing, leaving ------------------------------------------------------------

    def _run(
        self,
        saying: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        changes: Callable[[Any], Changes] | None = None,
    ) -> None:
        self.working.show_progress(saying)
        self.pages.setCurrentWidget(self.working)
        self.job = Operation(work, owner=self, changes=changes or Changes())
        self.job.success(on_done).failure(self._failed)
        self.job.on_changes(self.changed.emit).start()

    def _failed(self, failure: AlholError | Message | str) -> None:
        """A refusal (the file, the columns, rows changed since the check) in plain words."""
        if isinstance(failure, str):
            text = f"<p>{html.escape(failure)}</p>"
        else:
            message = failure.message if isinstance(failure, AlholError) else failure
            text = problem_html(explain(message))
        self.stage = "file"
        self.file_problem.setText(text)
        self.pages.setCurrentIndex(0)

    def _close(self) -> None:
        if self.stage == "done":
            self.accept()
        else:
            self.reject()
