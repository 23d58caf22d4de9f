"""File › Export report: the monthly report as CSV, XLSX or PDF, from the window.

``add_report_actions(menu, ws, parent=..., show_message=...)`` adds a submenu to ``menu``
and returns the ``ReportActions`` behind it, which belongs to ``parent`` (the window), not
to the menu: when the window rebuilds its menus (a language switch) it calls ``add_to``
with the new File menu, and a report being written finishes as it started — busy cursor
restored, result shown. Each format asks where to save
with the system's save dialog, then reads and writes the report on a worker thread with
its own database connection; the busy cursor and a status line show it is working. The
"For sharing" option is the command line's ``--suppress-small``: counts of 1 to 4 shown
as "<5", notes and escorts left out (docs/reports.md). The report covers the period the
window shows (picked on the dashboard or the batch table; all time at first).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from ...core.errors import AlholError
from ...core.messages import Message
from ..dialogs import questions
from ..messages import refusal_text
from ..workers import Operation, Progress

if TYPE_CHECKING:
    from ...core.workspace import Workspace

log = logging.getLogger(__name__)

# (format, CSV table or None, file suffix)
FORMATS: dict[str, tuple[str, str | None, str]] = {
    "csv_batches": ("csv", "batches", ".csv"),
    "csv_countries": ("csv", "countries", ".csv"),
    "xlsx": ("xlsx", None, ".xlsx"),
    "pdf": ("pdf", None, ".pdf"),
}

ChooseFile = Callable[[QWidget, str, str, str], str]


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """The system's save dialog (it asks before replacing a file); "" when cancelled."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path


@dataclass(frozen=True)
class Written:
    path: Path
    batches: int
    countries: int
    suppressed: bool
    period: Any = None  # the core.periods.Period the report covers


def write_report(
    ws: Workspace, kind: str, out: Path, *, suppress_small: bool, period: Any = None
) -> Written:
    """Read the report through a connection of its own and write it (for a worker thread)."""
    # Imported here, not with the menu: the window paints before the reports are needed.
    from ...core import report_files
    from ...core.browse import reader
    from ...core.periods import ALL_TIME
    from ...core.reports import build_report
    from ...core.workspace import Workspace

    fmt, table, _suffix = FORMATS[kind]
    with reader(ws.data_dir) as db:
        own = Workspace(ws.data_dir, db, ws.device, ws.operator, ws.clock, ws.today)
        built = build_report(own, suppress_small=suppress_small, period=period or ALL_TIME)
    if fmt == "pdf":
        from ..pdf_report import write_pdf

        path = write_pdf(built, out)
    elif fmt == "xlsx":
        path = report_files.write_xlsx(built, out)
    else:
        path = report_files.write_csv(built, out, table=table or "batches")
    counted = len(built.batches.rows) - built.apart
    return Written(path, counted, len(built.countries.rows), built.suppressed, built.period)


class ReportActions(QObject):
    """The submenu's actions and the one report being written at a time."""

    def __init__(
        self,
        menu: QMenu,
        ws: Workspace,
        *,
        parent: QWidget,
        show_message: Callable[[str], None],
        choose_file: ChooseFile = ask_save_path,
        period: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.period = period or (lambda: None)  # the window's period; None: all time
        self.window = parent
        self.show_message = show_message
        self.choose_file = choose_file
        self.folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            or Path.home()
        )
        self.busy = False
        self.sharing = False  # the "For sharing" option; kept when the menu is rebuilt
        self.last: Written | Message | None = None  # what the last report did (for tests)
        self.add_to(menu)

    def add_to(self, menu: QMenu) -> None:
        """Put the submenu in ``menu`` (its actions go with that menu; this object stays)."""
        self.submenu = menu.addMenu(self.tr("Export &report"))
        self.submenu.setObjectName("report_menu")
        self.share = QAction(self.tr("For &sharing outside HQ: counts of 1–4 shown as <5"), menu)
        self.share.setObjectName("report_share")
        self.share.setCheckable(True)
        self.share.setChecked(self.sharing)
        self.share.toggled.connect(self._set_sharing)
        self.share.setToolTip(
            self.tr("Hide small counts and leave notes out, for a report that leaves HQ")
        )
        self.submenu.addAction(self.share)
        self.submenu.addSeparator()
        labels = {
            "csv_batches": self.tr("&Batches as CSV…"),
            "csv_countries": self.tr("&Country summary as CSV…"),
            "xlsx": self.tr("&Workbook (XLSX)…"),
            "pdf": self.tr("&PDF in English and Arabic…"),
        }
        self.actions: dict[str, QAction] = {}
        for kind, label in labels.items():
            action = QAction(label, menu)
            action.setObjectName(f"report_{kind}")
            action.setEnabled(not self.busy)
            action.triggered.connect(lambda _checked=False, k=kind: self.export(k))
            self.submenu.addAction(action)
            self.actions[kind] = action

    def _set_sharing(self, checked: bool) -> None:
        self.sharing = checked

    def _filter(self, kind: str) -> str:
        suffix = FORMATS[kind][2]
        names = {
            ".csv": self.tr("CSV files (*.csv)"),
            ".xlsx": self.tr("Excel workbooks (*.xlsx)"),
            ".pdf": self.tr("PDF files (*.pdf)"),
        }
        return names[suffix]

    def suggested_name(self, kind: str) -> str:
        _fmt, table, suffix = FORMATS[kind]
        parts = ["alhol-desk", table or "report"]
        period = self.period()
        if period is not None and not period.is_all_time:
            parts.append(period.code.replace("/", "_").replace("..", "open"))
        parts.append(self.ws.today().isoformat())
        if self.sharing:
            parts.append("shared")
        return "-".join(parts) + suffix

    def export(self, kind: str) -> None:
        """Ask where, then write the report in the background; one report at a time."""
        if self.busy:
            return
        suffix = FORMATS[kind][2]
        chosen = self.choose_file(
            self.window,
            self.tr("Save the report as"),
            str(self.folder / self.suggested_name(kind)),
            self._filter(kind),
        )
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        self.folder = out.parent
        suppress = self.sharing
        period = self.period()
        self._set_busy(True)
        self.show_message(self.tr("Writing the report…"))
        ws = self.ws

        def work(_progress: Progress) -> Written | Message:
            try:
                return write_report(ws, kind, out, suppress_small=suppress, period=period)
            except AlholError as error:
                return error.message  # explained on the GUI thread, in the user's language

        # An unforeseen fault: the generic sentence below, the details in the log.
        Operation(work, owner=self).success(self._finished).failure(
            lambda _message: self._finished(None)
        ).start()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for action in self.actions.values():
            action.setEnabled(not busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _finished(self, result: Written | Message | None) -> None:
        self._set_busy(False)
        self.last = result
        if isinstance(result, Written):
            kind = (
                self.tr("small counts hidden, for sharing")
                if result.suppressed
                else self.tr("exact counts, for HQ only")
            )
            from ..periods import period_text

            when = period_text(result.period) if result.period is not None else ""
            self.show_message(
                self.tr("Report saved: %1 (%2; %3)")
                .replace("%1", str(result.path))
                .replace("%2", kind)
                .replace("%3", when)
            )
            return
        reason = refusal_text(result) if result is not None else ""
        reason = reason or self.tr(
            "Something went wrong; the details are in the log file in the data folder."
        )
        self.show_message("")
        questions.fail(self.window, self.tr("The report was not saved"), reason)


def add_report_actions(
    menu: QMenu,
    ws: Workspace,
    *,
    parent: QWidget,
    show_message: Callable[[str], None],
    choose_file: ChooseFile = ask_save_path,
    period: Callable[[], Any] | None = None,
) -> ReportActions:
    """Add File › Export report (CSV, XLSX, PDF and the sharing option) to ``menu``.

    ``parent`` owns the dialogs and the returned object; ``show_message`` puts a line in
    the status bar. The actions belong to ``menu`` and go when it is deleted; ``add_to``
    puts them in the menu that replaces it.
    """
    return ReportActions(
        menu, ws, parent=parent, show_message=show_message, choose_file=choose_file, period=period
    )
