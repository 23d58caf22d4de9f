"""Export to a stick: where (removable drives first), written off the GUI thread, what went."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import AlholError
from ...core.messages import Message
from ...core.sync import exporter
from ...core.workspace import Workspace
from .. import i18n
from ..changes import Changes
from ..workers import Operation, Progress, worker_workspace
from .drives import Drive, mounted_drives
from .sync_parts import JobDialog, ProblemBox, WorkingPage, button_row, path_label

FolderChooser = Callable[[QWidget, str], str | None]


def choose_folder(parent: QWidget, start: str) -> str | None:
    """Qt's folder dialog; None when cancelled."""
    chosen = QFileDialog.getExistingDirectory(
        parent, i18n.translate("ExportDialog", "Choose the folder for the bundle"), start
    )
    return chosen or None


def _size(free: int) -> str:
    gigabytes = free / 1024**3
    if gigabytes >= 1:
        return i18n.translate("ExportDialog", "%1 GB free").replace("%1", f"{gigabytes:.1f}")
    return i18n.translate("ExportDialog", "%1 MB free").replace("%1", i18n.number(free // 1024**2))


class ExportDialog(JobDialog):
    """Where → working → what was written. ``exported`` is emitted with the result, then
    ``changed`` with what it changed."""

    exported = Signal(object)  # exporter.ExportResult
    changed = Signal(object)  # Changes

    def __init__(
        self,
        ws: Workspace,
        parent: QWidget | None = None,
        *,
        last_folder: str = "",
        drives: Callable[[], list[Drive]] = mounted_drives,
        folder_chooser: FolderChooser = choose_folder,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.folder_chooser = folder_chooser
        self.job: Operation[exporter.ExportResult] | None = None
        self.written: exporter.ExportResult | None = None
        self.setWindowTitle(self.tr("Export to a stick"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._where_page(drives(), last_folder))
        self.working = WorkingPage(self)
        self.working.note.setText(self.tr("Do not remove the stick until this is finished."))
        self.pages.addWidget(self.working)
        self.pages.addWidget(self._done_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)

    # --- page 1: where -----------------------------------------------------------------------

    def _where_page(self, drives: list[Drive], last_folder: str) -> QWidget:
        page = QWidget(self)
        teams = [p.team for p in exporter.recipients_for(self.ws)]
        waiting = exporter.unexported_changes(self.ws)
        intro = QLabel(page)
        intro.setObjectName("export_intro")
        intro.setWordWrap(True)
        intro.setText(
            "<p>"
            + html.escape(
                self.tr("Changes made on this laptop since the last export: %1.").replace(
                    "%1", i18n.number(waiting)
                )
            )
            + "</p><p>"
            + html.escape(
                self.tr(
                    "The bundle is for %1. It is signed and encrypted: only they can open it, "
                    "and anyone else who finds the stick sees nothing but a random file name."
                ).replace("%1", ", ".join(teams))
            )
            + "</p>"
        )
        self.places = QListWidget(page)
        self.places.setObjectName("export_places")
        style = self.style()
        for drive in drives:
            icon = style.standardIcon(
                QStyle.StandardPixmap.SP_DriveFDIcon
                if drive.removable
                else QStyle.StandardPixmap.SP_DriveHDIcon
            )
            kind = self.tr("USB stick or removable drive") if drive.removable else self.tr("Drive")
            item = QListWidgetItem(
                icon, f"{drive.name} — {kind}, {_size(drive.free_bytes)}", self.places
            )
            item.setData(Qt.ItemDataRole.UserRole, str(drive.path))
        if last_folder and Path(last_folder).is_dir():
            icon = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
            item = QListWidgetItem(icon, self.tr("Last used: %1").replace("%1", last_folder))
            item.setData(Qt.ItemDataRole.UserRole, last_folder)
            self.places.addItem(item)
        self.no_stick = QLabel(
            self.tr("No USB stick found. Plug one in, or choose a folder below."), page
        )
        self.no_stick.setWordWrap(True)
        self.no_stick.setVisible(not drives)
        self.places.setVisible(self.places.count() > 0)
        self.places.setMaximumHeight(120)
        self.folder = QLineEdit(page)
        self.folder.setObjectName("export_folder")
        self.folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.folder.setPlaceholderText(self.tr("Folder on the stick"))
        browse = QPushButton(self.tr("Choose another folder…"), page)
        browse.clicked.connect(self._browse)
        self.full = QCheckBox(
            self.tr(
                "Send every record, not only what the receiver has not confirmed "
                "(for a new or reinstalled laptop)"
            ),
            page,
        )
        self.full.setObjectName("export_full")
        self.problem = ProblemBox(page)
        self.export_button = QPushButton(self.tr("Export"), page)
        self.export_button.setObjectName("export_button")
        self.export_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel"), page)
        self.export_button.clicked.connect(self.start)
        cancel.clicked.connect(self.reject)
        self.places.currentItemChanged.connect(self._place_chosen)
        self.folder.textChanged.connect(self._update_button)
        self.folder.returnPressed.connect(self.start)

        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        buttons = button_row(self.export_button, cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        where = html.escape(self.tr("Where to write it"))
        layout.addWidget(QLabel(f"<b>{where}</b>", page))
        layout.addWidget(self.places)
        layout.addWidget(self.no_stick)
        layout.addLayout(folder_row)
        layout.addWidget(self.full)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        if self.places.count():
            self.places.setCurrentRow(0)
        self._update_button()
        self.folder.setFocus()
        return page

    def _place_chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.folder.setText(item.data(Qt.ItemDataRole.UserRole))

    def _browse(self) -> None:
        chosen = self.folder_chooser(self, self.folder.text().strip() or str(Path.home()))
        if chosen:
            self.folder.setText(chosen)

    def _update_button(self) -> None:
        self.export_button.setEnabled(bool(self.folder.text().strip()))

    def set_folder(self, folder: Path | str) -> None:
        self.folder.setText(str(folder))

    # --- page 2: working ---------------------------------------------------------------------

    def start(self) -> None:
        # Enter in the folder box and the default button may both ask: start once.
        if self.pages.currentIndex() != 0 or not self.folder.text().strip():
            return
        folder = Path(self.folder.text().strip())
        self.problem.clear_problem()
        full = self.full.isChecked()
        ws = self.ws
        self.working.show_progress(self.tr("Writing the bundle to %1…").replace("%1", str(folder)))
        self.pages.setCurrentWidget(self.working)

        def work(progress: Progress) -> exporter.ExportResult:
            with worker_workspace(ws) as copy:
                return exporter.export_bundle(copy, folder, full=full)

        # A bundle sent is in the history; the changes in it are no longer "not exported".
        self.job = Operation(work, owner=self, changes=Changes(bundles=True))
        self.job.success(self._done).failure(self._failed).on_changes(self.changed.emit).start()

    def _failed(self, failure: AlholError | Message | str) -> None:
        self.pages.setCurrentIndex(0)
        self.problem.show_problem(failure)
        self.folder.setFocus()

    # --- page 3: what was written ------------------------------------------------------------

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("export_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.where = path_label("", page)
        self.where.setObjectName("export_path")
        self.advice = QLabel(page)
        self.advice.setWordWrap(True)
        self.close_button = QPushButton(self.tr("Close"), page)
        self.close_button.setObjectName("export_close")
        self.close_button.clicked.connect(self.accept)
        close = self.close_button
        buttons = button_row(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("The files:"), page))
        layout.addWidget(self.where)
        layout.addWidget(self.advice)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _done(self, result: exporter.ExportResult) -> None:
        self.written = result
        teams = ", ".join(result.recipients)
        if len(result.bundles) == 1:
            lines = [
                self.tr("Bundle %1 is written, with %2 changes.")
                .replace("%1", i18n.number(result.seq))
                .replace("%2", i18n.number(result.changes))
            ]
        else:
            lines = [
                self.tr(
                    "%1 bundles are written, with %2 changes in all: copy every one of them. "
                    "(HQ writes one for each device, and splits a large export.)"
                )
                .replace("%1", i18n.number(len(result.bundles)))
                .replace("%2", i18n.number(result.changes))
            ]
        if self.full.isChecked():
            lines.append(self.tr("It holds every record on this laptop (a full bundle)."))
        elif result.since:
            lines.append(
                self.tr(
                    "It holds everything %1 has not confirmed yet: the changes since the bundle "
                    "sent on %2."
                )
                .replace("%1", teams)
                .replace("%2", i18n.day(result.since))
            )
        else:
            lines.append(
                self.tr(
                    "It holds every change since the start: %1 has not confirmed any bundle yet."
                ).replace("%1", teams)
            )
        if result.changes == 0:
            lines.append(
                self.tr(
                    "There was nothing new to send; the bundle still tells %1 which of their "
                    "bundles arrived here."
                ).replace("%1", teams)
            )
        self.summary.setText("".join(f"<p>{html.escape(line)}</p>" for line in lines))
        self.where.setText("\n".join(str(bundle.path) for bundle in result.bundles))
        self.advice.setText(
            self.tr(
                "Safely remove the stick and give it to whoever carries it to %1. Only %1 can "
                "open the file."
            ).replace("%1", teams)
        )
        self.pages.setCurrentIndex(2)
        self.close_button.setDefault(True)  # Enter closes (one default button per dialog)
        self.close_button.setFocus()
        self.exported.emit(result)
