"""The countries screen: every country with its current status, people repatriated, last update."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.records import COUNTRY_STATUSES
from ...core.workspace import Workspace
from .. import i18n
from ..changes import EVERYTHING, RECORDS, Changes
from ..models.country_table import (
    ALL,
    ISO3_ROLE,
    NO_STATUS,
    STARTED_ANY,
    TRACKED,
    CountryFilter,
    CountryTableModel,
)
from . import Navigator, Screen


class CountriesScreen(Screen):
    shows = RECORDS  # each country's status, its people and batches, its last update

    def __init__(self, ws: Workspace, nav: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.nav = nav
        self.model = CountryTableModel(parent=self)
        self.proxy = CountryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setObjectName("country_filter")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search by name (English or Arabic) or ISO code (Ctrl+F)")
        )
        self.status = QComboBox(self)
        self.status.setObjectName("country_status_filter")
        self.status.addItem(self.tr("All countries"), ALL)
        self.status.addItem(self.tr("With a status or batches"), TRACKED)
        self.status.addItem(self.tr("Started repatriating"), STARTED_ANY)
        self.status.addItem(self.tr("No status yet"), NO_STATUS)
        for status in COUNTRY_STATUSES:
            self.status.addItem(i18n.status_label(status), status)
        self.count = QLabel(self)
        self.table = QTableView(self)
        self.table.setObjectName("country_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 260)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("Enter or double-click opens a country's page."), self)
        hint.setEnabled(False)
        layout.addWidget(hint)

        self.search.textChanged.connect(self._search)
        self.status.currentIndexChanged.connect(self._status)
        self.table.activated.connect(self._open)
        self.search.returnPressed.connect(self.table.setFocus)
        self.refresh(EVERYTHING)

    def refresh(self, changes: Changes) -> None:
        self.model.set_rows(self.ws.countries.overview())
        self._show_count()

    def focus_filter(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def set_status_filter(self, value: str) -> None:
        self.status.setCurrentIndex(max(0, self.status.findData(value)))

    def _search(self, text: str) -> None:
        self.proxy.set_search(text)
        self._show_count()

    def _status(self, _index: int) -> None:
        self.proxy.set_status(self.status.currentData())
        self._show_count()

    def _open(self, index) -> None:
        iso3 = index.data(ISO3_ROLE)
        if iso3:
            self.nav.open_country(iso3)

    def _show_count(self) -> None:
        self.count.setText(
            self.tr("%1 countries").replace("%1", i18n.number(self.proxy.rowCount()))
        )
