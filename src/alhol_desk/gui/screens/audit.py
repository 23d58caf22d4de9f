"""The audit log viewer: every change, filterable by record, operator and date."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.records import SYNCED_RECORDS
from ...core.storage.audit import AuditFilter
from ...core.workspace import Workspace
from .. import i18n
from ..changes import RECORDS, Changes
from ..models.audit_table import AuditTableModel
from . import Navigator, Screen
from .tables import row_table


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    # Before the format: in a right-to-left window a date edit would otherwise read backwards.
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    edit.setDate(QDate.currentDate())
    edit.setEnabled(False)
    return edit


class AuditScreen(Screen):
    shows = RECORDS  # every change to a record, typed here or imported

    def __init__(self, ws: Workspace, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.nav = nav
        self.model = AuditTableModel(ws, self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("audit_kind")
        self.kind.addItem(self.tr("All records"), None)
        for table in SYNCED_RECORDS:
            self.kind.addItem(i18n.table_label(table), table)
        self.record = QLineEdit(self)
        self.record.setObjectName("audit_record")
        self.record.setClearButtonEnabled(True)
        self.record.setPlaceholderText(self.tr("Record id (its first characters)"))
        self.operator = QComboBox(self)
        self.operator.setObjectName("audit_operator")
        self.use_from = QCheckBox(self.tr("From"), self)
        self.date_from = _date_edit(self)
        self.use_to = QCheckBox(self.tr("To"), self)
        self.date_to = _date_edit(self)
        self.table = row_table(self, "audit_table", self.model, {0: 190, 2: 230})

        filters = QHBoxLayout()
        filters.addWidget(self.kind)
        filters.addWidget(self.record, 1)
        filters.addWidget(QLabel(self.tr("Operator"), self))
        filters.addWidget(self.operator)
        dates = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)
        hint = QLabel(
            self.tr(
                "Times are shown in this computer's time zone; dates filter in UTC. "
                "Enter opens a batch."
            ),
            self,
        )
        hint.setEnabled(False)
        layout.addWidget(hint)

        self.kind.currentIndexChanged.connect(self.apply)
        self.record.textChanged.connect(self.apply)
        self.operator.currentIndexChanged.connect(self.apply)
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.apply)
            edit.dateChanged.connect(self.apply)
        self.table.activated.connect(self._open)
        self._fill_operators()

    def _fill_operators(self) -> None:
        chosen = self.operator.currentData()
        self.operator.blockSignals(True)
        self.operator.clear()
        self.operator.addItem(self.tr("Anyone"), None)
        for name in self.ws.audit.operators():
            self.operator.addItem(name, name)
        self.operator.setCurrentIndex(max(0, self.operator.findData(chosen)))
        self.operator.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        def day(check: QCheckBox, edit: QDateEdit) -> str | None:
            return edit.date().toString("yyyy-MM-dd") if check.isChecked() else None

        return AuditFilter(
            table=self.kind.currentData(),
            record=self.record.text().strip() or None,
            operator=self.operator.currentData(),
            date_from=day(self.use_from, self.date_from),
            date_to=day(self.use_to, self.date_to),
        )

    def apply(self, *_: object) -> None:
        self.model.set_filter(self.current_filter())

    def refresh(self, changes: Changes) -> None:
        self._fill_operators()
        self.model.reload()

    def focus_filter(self) -> None:
        self.record.setFocus()
        self.record.selectAll()

    def show_record(self, pk: str) -> None:
        self.record.setText(pk)

    def _open(self, index) -> None:
        entry = self.model.entry(index.row())
        if entry is not None and entry.table == "batches":
            self.nav.open_batch(entry.pk)
        elif entry is not None and entry.country:
            self.nav.open_country(entry.country)
