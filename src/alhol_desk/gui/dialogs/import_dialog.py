"""Import bundles: check each one first and show what it would change, then apply on confirmation.

Checking is the core's ``verify_bundle`` (it writes nothing); importing is ``import_bundle``,
one transaction per bundle. Both run off the GUI thread. Bundles from one sender are
imported in their order, whatever order the files were chosen in.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AlholError
from ...core.messages import Message
from ...core.sync import importer
from ...core.sync.importer import ImportReport
from ...core.workspace import Workspace
from .. import i18n
from ..changes import NOTHING, RECORDS, Changes
from ..screens import sync_text
from ..workers import Operation, Progress, worker_workspace
from .sync_parts import JobDialog, WorkingPage, button_row, problem_html

IMPORTABLE = ("verified",)
REFUSED = ("refused", "quarantined")


def report_html(report: ImportReport) -> str:
    """One bundle's check or import, in plain words: what it holds, or why it was refused."""
    if report.outcome in ("refused", "quarantined"):
        return problem_html(sync_text.explain_refusal(report.reason, report.message))
    if report.outcome == "not_for_this_device":
        note = i18n.translate(
            "ImportDialog",
            "This bundle is for another device (HQ writes one for each laptop); it is left "
            "as it is.",
        )
        return f"<p>{html.escape(note)}</p>"
    parts = []
    if report.sender_team:
        parts.append(
            i18n.translate("ImportDialog", "From %1, bundle %2, %3 changes.")
            .replace("%1", html.escape(report.sender_team))
            .replace("%2", i18n.number(report.seq))
            .replace("%3", i18n.number(report.changes))
        )
    if report.outcome == "already_imported":
        parts.append(
            i18n.translate(
                "ImportDialog",
                "This bundle was imported before; importing it again changes nothing.",
            )
        )
    else:
        s = report.summary
        verb = (
            i18n.translate("ImportDialog", "It would bring: %1.")
            if report.outcome == "verified"
            else i18n.translate("ImportDialog", "It brought: %1.")
        )
        counts = sync_text.counts_text(
            s.get("new"), s.get("updated"), s.get("unchanged"), s.get("conflicts")
        )
        parts.append(verb.replace("%1", counts))
        if s.get("conflicts"):
            parts.append(
                i18n.translate(
                    "ImportDialog",
                    "Where two people changed the same figure, the later change is shown for "
                    "now and both go to Conflicts for you to decide.",
                )
            )
    body = "".join(f"<p>{html.escape(part)}</p>" for part in parts)
    if report.warnings:
        items = "".join(
            f"<li>{html.escape(sync_text.warning_text(w))}</li>" for w in report.warnings
        )
        title = html.escape(i18n.translate("ImportDialog", "Warnings"))
        body += f"<p><b>{title}</b></p>"
        body += f"<ul>{items}</ul>"
    return body


def import_order(reports: list[ImportReport], paths: list[Path]) -> list[Path]:
    """The files to pass to the importer, each sender's bundles in their order.

    Refused files go too: the importer refuses them again, notes why in the bundle history
    and sets a suspicious one aside, as the command line does. Files already imported do not.
    """
    chosen = [
        (report.sender or "", report.seq or 0, index)
        for index, report in enumerate(reports)
        if report.outcome in IMPORTABLE + REFUSED
    ]
    return [paths[index] for _, _, index in sorted(chosen)]


def each_bundle(
    ws: Workspace,
    paths: list[Path],
    step: Callable[[Workspace, Path], ImportReport],
    saying: str,
) -> Callable[[Progress], list[ImportReport]]:
    """A job's work: ``step`` on each bundle in turn, on the worker's own copy of ``ws``,
    telling the progress ``saying`` ("%1 of %2: %3", the file's name last) before each."""

    def work(progress: Progress) -> list[ImportReport]:
        reports = []
        with worker_workspace(ws) as copy:
            for index, path in enumerate(paths):
                progress(
                    saying.replace("%1", i18n.number(index + 1))
                    .replace("%2", i18n.number(len(paths)))
                    .replace("%3", path.name),
                    index,
                    len(paths),
                )
                reports.append(step(copy, path))
        return reports

    return work


def import_changes(results: list[ImportReport]) -> Changes:
    """What importing changed: once a bundle applied, the records, their conflicts, the
    history and what each peer has confirmed; a refusal noted, the history only."""
    if any(r.outcome == "applied" for r in results):
        return RECORDS | Changes(conflicts=True, bundles=True, devices=True)
    return Changes(bundles=bool(results))


class ImportDialog(JobDialog):
    """Checking → preview → importing → done. ``changed`` is emitted with what an import
    changed, when it changed records."""

    changed = Signal(object)  # Changes

    def __init__(self, ws: Workspace, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.paths = list(paths)
        self.reports: list[ImportReport] = []  # the check of each file, in self.paths' order
        self.results: list[ImportReport] = []  # what importing did, in import order
        self.stage = "checking"
        self.job: Operation[list[ImportReport]] | None = None
        self.setWindowTitle(self.tr("Import bundles"))
        self.resize(820, 480)
        self.pages = QStackedWidget(self)
        self.working = WorkingPage(self)
        self.pages.addWidget(self.working)
        self.pages.addWidget(self._table_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)

    # --- the table page (preview and result) ------------------------------------------------

    def _table_page(self) -> QWidget:
        page = QWidget(self)
        self.heading = QLabel(page)
        self.heading.setObjectName("import_heading")
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4, page)
        self.table.setObjectName("import_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("From"), self.tr("Bundle"), self.tr("Outcome")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.detail = QLabel(page)
        self.detail.setObjectName("import_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.detail.setMinimumHeight(120)
        self.import_button = QPushButton(page)
        self.import_button.setObjectName("import_button")
        self.import_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Cancel"), page)
        self.close_button.setObjectName("import_close")
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self._close)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_detail(row))
        buttons = button_row(self.import_button, self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.detail, 1)
        layout.addLayout(buttons)
        return page

    def _fill(self, rows: list[tuple[str, ImportReport]]) -> None:
        self.shown = [report for _, report in rows]
        self.table.setRowCount(len(rows))
        for row, (name, report) in enumerate(rows):
            cells = [
                name,
                report.sender_team or "",
                i18n.number(report.seq) if report.seq is not None else "",
                sync_text.outcome_label(report.outcome),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if report.outcome in ("refused", "quarantined"):
                for column in range(4):
                    cell = self.table.item(row, column)
                    if cell is not None:
                        cell.setForeground(Qt.GlobalColor.darkRed)
        if rows:
            self.table.setCurrentCell(0, 0)
            self._show_detail(0)

    def _show_detail(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.detail.setText(report_html(self.shown[row]))

    # --- checking ----------------------------------------------------------------------------

    def start(self) -> ImportDialog:
        """Check every file (off the GUI thread); the preview follows."""
        self.stage = "checking"
        self.pages.setCurrentWidget(self.working)
        checking = self.tr("Checking %1 of %2: %3")
        self._run(each_bundle(self.ws, self.paths, importer.verify_bundle, checking), self._checked)
        return self

    def _checked(self, reports: list[ImportReport]) -> None:
        self.reports = reports
        self.stage = "preview"
        importable = sum(1 for r in reports if r.outcome in IMPORTABLE)
        refused = sum(1 for r in reports if r.outcome in REFUSED)
        lines = [self.tr("Nothing has been changed yet. Here is what each bundle would do.")]
        if refused:
            lines.append(
                self.tr(
                    "%1 of them cannot be imported: select one to read why. A refusal is noted "
                    "in the bundle history when you go on; no record changes."
                ).replace("%1", i18n.number(refused))
            )
        if not importable:
            lines.append(self.tr("There is nothing to import."))
        self.heading.setText(" ".join(lines))
        self._fill([(path.name, report) for path, report in zip(self.paths, reports, strict=True)])
        if importable > 1:
            label = self.tr("Import %1 bundles").replace("%1", i18n.number(importable))
        elif importable == 1:
            label = self.tr("Import the bundle")
        else:
            label = self.tr("Note the refusal in the history")
        self.import_button.setText(label)
        self.import_button.setVisible(importable + refused > 0)
        self.close_button.setText(self.tr("Cancel") if importable + refused else self.tr("Close"))
        self.pages.setCurrentIndex(1)
        (self.import_button if importable else self.close_button).setFocus()

    # --- importing ---------------------------------------------------------------------------

    def start_import(self) -> None:
        if self.stage != "preview":
            return
        order = import_order(self.reports, self.paths)
        if not order:
            return
        self.stage = "importing"
        self.pages.setCurrentWidget(self.working)
        importing = self.tr("Importing %1 of %2: %3")
        self.working.note.setText(self.tr("Each bundle is applied whole or not at all."))
        self._order = order
        work = each_bundle(self.ws, order, importer.import_bundle, importing)
        self._run(work, self._imported, changes=import_changes)

    def _imported(self, results: list[ImportReport]) -> None:
        self.results = results
        self.stage = "done"
        applied = [r for r in results if r.outcome == "applied"]
        totals = {
            key: sum(r.summary.get(key, 0) for r in applied)
            for key in ("new", "updated", "unchanged", "conflicts")
        }
        text = self.tr("Imported %1 of %2 bundles: %3.")
        text = (
            text.replace("%1", i18n.number(len(applied)))
            .replace("%2", i18n.number(len(results)))
            .replace(
                "%3",
                sync_text.counts_text(
                    totals["new"], totals["updated"], totals["unchanged"], totals["conflicts"]
                ),
            )
        )
        if totals["conflicts"]:
            text += " " + self.tr("Open Conflicts to decide which values are right.")
        self.heading.setText(text)
        done = dict(zip(self._order, results, strict=True))
        self._fill(
            [
                (path.name, done.get(path, report))
                for path, report in zip(self.paths, self.reports, strict=True)
            ]
        )
        self.import_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.close_button.setFocus()
        self.pages.setCurrentIndex(1)

    # --- running, failing, leaving ---------------------------------------------------------

    def _run(
        self,
        work: Callable[[Progress], list[ImportReport]],
        on_done: Callable[[list[ImportReport]], None],
        changes: Callable[[list[ImportReport]], Changes] = lambda _reports: NOTHING,
    ) -> None:
        self.working.show_progress(self.tr("Opening the bundles…"))
        self.job = Operation(work, owner=self, changes=changes)
        self.job.on_progress(self.working.show_progress).success(on_done).failure(self._failed)
        self.job.on_changes(self.changed.emit).start()

    def _failed(self, failure: AlholError | Message | str) -> None:
        self.stage = "done"
        self.heading.setText(problem_html(sync_text.explain_error(failure)))
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self._fill([])
        self.import_button.hide()
        self.close_button.setText(self.tr("Close"))
        self.pages.setCurrentIndex(1)

    def _close(self) -> None:
        if self.stage == "done":
            self.accept()
        else:
            self.reject()
