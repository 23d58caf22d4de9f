"""Conflict review: both values side by side, who changed each and when; keep one of them.

Keeping a value is ``resolution.resolve_conflict``: a new, audited edit that goes out in
the next bundle, so the same conflict settles the same way on every laptop.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import REASONS, AlholError, ValidationFailed
from ...core.sync import resolution
from ...core.sync_overview import ConflictView, Editor
from ...core.workspace import Workspace
from .. import i18n
from ..changes import RECORDS, Changes
from ..dialogs.sync_parts import ProblemBox
from ..models.conflict_table import ConflictTableModel, record_text, value_text
from . import Navigator, Screen, sync_text
from .tables import row_table


class SideBox(QGroupBox):
    """One side of a conflict: its value (large), who changed it and when, and 'keep'."""

    def __init__(self, title: str, keep_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.value = QLabel(self)
        self.value.setObjectName(f"{keep_name}_value")
        font = QFont(self.value.font())
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.shown = QLabel(self)
        self.shown.setObjectName(f"{keep_name}_shown")
        self.shown.setStyleSheet("font-weight: bold; color: #1e6b34")
        self.keep = QPushButton(self)
        self.keep.setObjectName(keep_name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.who)
        layout.addWidget(self.shown)
        layout.addStretch(1)
        layout.addWidget(self.keep)

    def show_side(self, column: str, value: object, editor: Editor, shown_now: bool) -> None:
        self.value.setText(value_text(column, value))
        device = sync_text.device_name(editor.team, editor.device_id, editor.is_self)
        if editor.person:
            self.who.setText(
                self.tr("Changed by %1 on %2, %3")
                .replace("%1", editor.person)
                .replace("%2", device)
                .replace("%3", sync_text.when_ms(editor.at_ms))
            )
        else:
            self.who.setText(
                self.tr("Changed on %1, %2")
                .replace("%1", device)
                .replace("%2", sync_text.when_ms(editor.at_ms))
            )
        self.shown.setText(self.tr("Shown now") if shown_now else "")


class TypedValuesDialog(QDialog):
    """The values that are actually right, typed for every field the record's conflicts
    name, checked like a form when saved."""

    def __init__(self, ws: Workspace, conflict: ConflictView, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws = ws
        self.conflict = conflict
        self.setWindowTitle(self.tr("Type the right values"))
        columns = sorted(
            {
                c.column
                for c in resolution.open_conflicts(ws)
                if c.table == conflict.table and c.pk == conflict.pk
            }
            | {conflict.column}
        )
        if conflict.kind == "rule" and conflict.rule:
            columns = sorted(set(columns) | {conflict.rule.split(":")[0]})
        current = {}
        row = ws.records(conflict.table).rows_by_id([conflict.pk]).get(conflict.pk, {})
        form = QFormLayout()
        self.editors: dict[str, QLineEdit] = {}
        for column in columns:
            editor = QLineEdit(self)
            editor.setObjectName(f"typed_{column}")
            value = row.get(column)
            editor.setText("" if value is None else str(value))
            current[column] = value
            form.addRow(i18n.field_label(column), editor)
            self.editors[column] = editor
        self.problem = ProblemBox(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Type the figures as they really are (from the handover sheet, or after asking "
                "both teams). They are checked like the batch form, and sent to every laptop."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {column: editor.text() for column, editor in self.editors.items()}
        try:
            resolution.resolve_conflict(self.ws, self.conflict.id, values=values)
        except ValidationFailed as failed:
            self.problem.show_problem(
                "; ".join(
                    i18n.field_label(issue.field)
                    + ": "
                    + i18n.reason(REASONS[issue.code], issue.params)
                    for issue in failed.errors
                )
            )
            return
        except AlholError as error:
            self.problem.show_problem(error)
            return
        self.accept()


# Settling a conflict writes the value kept into its record.
RESOLVED = RECORDS | Changes(conflicts=True)


class ConflictsScreen(Screen):
    shows = RESOLVED  # each conflict, and the record as it is now

    def __init__(
        self,
        ws: Workspace,
        nav: Navigator,
        writable: Callable[[], bool] = lambda: True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.nav = nav
        self.writable = writable
        self.model = ConflictTableModel(ws, self)
        title = html.escape(self.tr("Conflicts"))
        heading = QLabel(f"<h2>{title}</h2>", self)
        intro = QLabel(
            self.tr(
                "Two people changed the same figure without seeing each other's change. For "
                "now the later change is shown. Decide which value is right: your choice is a "
                "new change that goes out in the next bundle, so every laptop ends up with it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.filter = QComboBox(self)
        self.filter.setObjectName("conflict_filter")
        self.filter.addItem(self.tr("Open conflicts"), "open")
        self.filter.addItem(self.tr("Resolved conflicts"), "resolved")
        self.filter.addItem(self.tr("All conflicts"), None)
        self.count = QLabel(self)
        self.count.setObjectName("conflict_count")
        widths = {0: 300, 1: 150, 2: 150, 3: 150}
        self.table = row_table(self, "conflict_table", self.model, widths)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab goes on to the "keep" buttons
        self.empty = QLabel(self)
        self.empty.setObjectName("conflict_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.detail = QWidget(self)
        self.record = QLabel(self.detail)
        self.record.setObjectName("conflict_record")
        self.record.setWordWrap(True)
        self.local = SideBox(self.tr("Value held on this laptop"), "keep_local", self.detail)
        self.incoming = SideBox(
            self.tr("Value in the imported bundle"), "keep_incoming", self.detail
        )
        self.local.keep.setText(self.tr("Keep this value"))
        self.incoming.keep.setText(self.tr("Keep this value"))
        self.local.keep.clicked.connect(lambda: self.keep("local"))
        self.incoming.keep.clicked.connect(lambda: self.keep("incoming"))
        self.typed = QPushButton(self.tr("Type the right values…"), self.detail)
        self.typed.setObjectName("type_values")
        self.typed.clicked.connect(self.type_values)
        self.outcome = QLabel(self.detail)
        self.outcome.setObjectName("conflict_outcome")
        self.outcome.setWordWrap(True)
        self.problem = ProblemBox(self.detail)
        sides = QHBoxLayout()
        sides.addWidget(self.local, 1)
        sides.addWidget(self.incoming, 1)
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.record)
        detail_layout.addLayout(sides, 1)
        detail_layout.addWidget(self.typed, 0, Qt.AlignmentFlag.AlignLeading)
        detail_layout.addWidget(self.outcome)
        detail_layout.addWidget(self.problem)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.empty, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        filters = QHBoxLayout()
        filters.addWidget(self.filter)
        filters.addWidget(self.count, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self._show(current.row())
        )
        self._after_reload()

    # --- reading -----------------------------------------------------------------------------

    def refresh(self, changes: Changes) -> None:
        chosen = self.current()
        self.model.reload()
        self._after_reload(chosen.id if chosen else None)

    def focus_filter(self) -> None:
        self.filter.setFocus()

    def _filter_changed(self) -> None:
        self.model.set_status(self.filter.currentData())
        self._after_reload()

    def show_status(self, status: str | None) -> None:
        self.filter.setCurrentIndex(max(0, self.filter.findData(status)))

    def _after_reload(self, keep_id: int | None = None) -> None:
        rows = self.model.rowCount()
        open_count = sum(
            1 for row in range(rows) if (c := self.model.conflict(row)) and c.status == "open"
        )
        self.count.setText(
            self.tr("%1 shown, %2 open")
            .replace("%1", i18n.number(rows))
            .replace("%2", i18n.number(open_count))
        )
        self.table.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)
        self.empty.setText(
            self.tr("No open conflicts: every figure agrees.")
            if self.filter.currentData() == "open"
            else self.tr("No conflicts to show.")
        )
        row = self.model.row_of(keep_id) if keep_id is not None else -1
        if rows:
            self.table.selectRow(max(row, 0))
            self._show(max(row, 0))
        else:
            self._show(-1)

    def current(self) -> ConflictView | None:
        index = self.table.currentIndex()
        return self.model.conflict(index.row()) if index.isValid() else None

    def _show(self, row: int) -> None:
        conflict = self.model.conflict(row)
        self.problem.clear_problem()
        self.detail.setVisible(conflict is not None)
        if conflict is None:
            return
        self.record.setText(
            "<b>"
            + html.escape(record_text(conflict))
            + "</b> — "
            + html.escape(i18n.field_label(conflict.column))
        )
        current = conflict.current_value
        self.local.show_side(
            conflict.column,
            conflict.local_value,
            conflict.local,
            current == conflict.local_value,
        )
        self.incoming.show_side(
            conflict.column,
            conflict.incoming_value,
            conflict.incoming,
            current == conflict.incoming_value,
        )
        is_open = conflict.status == "open"
        self.local.keep.setVisible(is_open)
        self.incoming.keep.setVisible(is_open)
        self.typed.setVisible(is_open)
        if is_open:
            text = self.tr("Found on %1 while importing a bundle.").replace(
                "%1", sync_text.when(conflict.detected_at)
            )
            if conflict.kind == "rule":
                field = (conflict.rule or "").split(":")[0]
                text += " " + self.tr(
                    "Each change was valid alone, but together they break a rule of the "
                    "record (%1): the record keeps this laptop's values until you decide. "
                    "Keeping one side keeps that side's whole record."
                ).replace("%1", i18n.field_label(field) if field else "")
            if current not in (conflict.local_value, conflict.incoming_value):
                text += " " + self.tr(
                    "The record has been changed again since: it now holds %1."
                ).replace("%1", value_text(conflict.column, current))
        else:
            kept = {
                "local": self.tr("this laptop's value"),
                "incoming": self.tr("the incoming value"),
            }.get(conflict.resolution or "", self.tr("the values typed"))
            text = (
                self.tr("Resolved by %1 on %2: kept %3.")
                .replace("%1", conflict.resolved_by or "")
                .replace("%2", sync_text.when(conflict.resolved_at))
                .replace("%3", kept)
            )
        self.outcome.setText(text)

    # --- deciding ----------------------------------------------------------------------------

    def type_values(self) -> None:
        conflict = self.current()
        if conflict is None or conflict.status != "open" or not self.writable():
            return
        dialog = TypedValuesDialog(self.ws, conflict, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.model.reload()
            self._after_reload()
            self.nav.data_changed(RESOLVED)

    def keep(self, side: str) -> None:
        conflict = self.current()
        if conflict is None or conflict.status != "open" or not self.writable():
            return
        try:
            resolution.resolve_conflict(self.ws, conflict.id, side)
        except AlholError as error:
            self.problem.show_problem(error)
            return
        row = self.table.currentIndex().row()
        self.model.reload()
        self._after_reload()
        if self.model.rowCount():
            next_row = min(row, self.model.rowCount() - 1)
            self.table.selectRow(next_row)
            self._show(next_row)
        self.nav.data_changed(RESOLVED)
