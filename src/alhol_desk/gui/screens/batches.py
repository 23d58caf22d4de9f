"""The batches screen: every batch, filtered as you type, opened with Enter."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core import services
from ...core.periods import ALL_TIME, Period
from ...core.workspace import Workspace
from .. import i18n
from ..changes import Changes
from ..dialogs import questions
from ..models.batch_table import BatchTableModel
from ..period_picker import PeriodPicker
from ..periods import period_text
from . import Navigator, Screen


class BatchTable(QTableView):
    """A batch table view: fixed row height, no per-row sizing, so 100,000 rows cost nothing."""

    delete_pressed = Signal()

    def __init__(self, model: BatchTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(110)
        header.resizeSection(1, 200)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)  # the model starts newest first
        self.setSortingEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A key of the view, not a window shortcut: the view would take Delete first.
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def batch_model(self) -> BatchTableModel:
        model = self.model()
        assert isinstance(model, BatchTableModel)
        return model

    def current_batch(self) -> str | None:
        index = self.currentIndex()
        return self.batch_model().batch_id(index.row()) if index.isValid() else None

    def select_batch(self, batch_id: str) -> bool:
        row = self.batch_model().row_of(batch_id)
        if row is None:
            return False
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.scrollTo(index)
        return True


class BatchesScreen(Screen):
    shows = Changes(batches=True)

    def __init__(
        self,
        ws: Workspace,
        nav: Navigator,
        parent: QWidget | None = None,
        *,
        period: Period = ALL_TIME,
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.nav = nav
        self.model = BatchTableModel(ws.db, ws.data_dir, period=period, parent=self)
        self.picker = PeriodPicker(ws.today(), period, self)
        self.picker.changed.connect(self._period_picked)
        self.apart = QLabel(self)
        self.apart.setObjectName("batch_apart")
        self.apart.setWordWrap(True)
        self.apart.setStyleSheet("color: #7a5c00")
        self.filter = QLineEdit(self)
        self.filter.setObjectName("batch_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(
            self.tr("Filter by country, date, status, reference, place or source (Ctrl+F)")
        )
        self.count = QLabel(self)
        self.count.setObjectName("batch_count")
        self.table = BatchTable(self.model, self)
        self.table.setObjectName("batch_table")
        new = QPushButton(self.tr("New batch"), self)
        new.setToolTip(self.tr("Ctrl+N"))
        edit = QPushButton(self.tr("Open"), self)
        delete = QPushButton(self.tr("Delete"), self)
        new.clicked.connect(lambda: nav.new_batch())
        edit.clicked.connect(self.open_current)
        delete.clicked.connect(self.delete_current)

        top = QHBoxLayout()
        top.addWidget(self.filter, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(edit)
        buttons.addWidget(delete)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picker)
        layout.addLayout(top)
        layout.addWidget(self.apart)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.filter.textChanged.connect(self._filter_changed)
        self.table.activated.connect(lambda _index: self.open_current())
        self.model.modelReset.connect(self._show_count)
        self.model.rowsInserted.connect(self._show_count)
        self.model.index_ready.connect(self._show_count)
        self.table.delete_pressed.connect(self.delete_current)
        self.filter.returnPressed.connect(self.table.setFocus)
        self._show_count()
        self._show_apart()

    def follow_period(self, period: Period) -> None:
        """Another screen picked ``period``: show it (read again when next shown)."""
        self.picker.set_period(period)
        self.model.set_period(period)
        self._show_apart()

    def _period_picked(self, period: Period) -> None:
        self.model.set_period(period)
        self._show_apart()
        self.nav.period_chosen(period)

    def _show_apart(self) -> None:
        """Batches the period leaves out because their date is less precise than it."""
        count = self.model.apart()
        self.apart.setVisible(bool(count))
        if count:
            text = self.tr(
                "%1 more batches are dated less precisely than %2 (a year, or a month it "
                "cuts) and may fall in it: they are not shown here. Pick their year or "
                "month to see them."
            )
            when = period_text(self.model.period())
            self.apart.setText(text.replace("%1", i18n.number(count)).replace("%2", when))

    def refresh(self, changes: Changes) -> None:
        current = self.table.current_batch()
        self.model.reload()
        self._show_apart()
        if current:
            self.model.index_ready.connect(
                self._reselect(current), Qt.ConnectionType.SingleShotConnection
            )

    def _reselect(self, batch_id: str):
        return lambda: self.table.select_batch(batch_id)

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def set_search(self, text: str) -> None:
        self.filter.setText(text)

    def select_batch(self, batch_id: str) -> None:
        if not self.table.select_batch(batch_id):
            self.model.index_ready.connect(
                self._reselect(batch_id), Qt.ConnectionType.SingleShotConnection
            )

    def open_current(self) -> None:
        batch_id = self.table.current_batch()
        if batch_id:
            self.nav.open_batch(batch_id)

    def delete_current(self) -> None:
        batch_id = self.table.current_batch()
        if not batch_id:
            return
        if questions.confirm(
            self,
            self.tr("Delete batch"),
            self.tr(
                "Delete this batch? It stays in the audit log, and the deletion is sent "
                "with the next export."
            ),
            self.tr("Delete"),
            self.tr("Keep it"),
        ):
            services.delete_batch(self.ws, batch_id)
            self.nav.data_changed(Changes(batches=True))

    def _filter_changed(self, text: str) -> None:
        self.model.set_search(text)
        self._show_count()

    def _show_count(self, *_: object) -> None:
        matches = self.model.matches()
        if self.model.is_searching():
            self.count.setText(self.tr("Searching…"))
        elif matches is None:
            self.count.setText(
                self.tr("%1+ batches").replace("%1", i18n.number(self.model.rowCount()))
            )
        else:
            self.count.setText(self.tr("%1 batches").replace("%1", i18n.number(matches)))
