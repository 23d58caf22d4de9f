"""The country list: about 250 rows of the core's overview, filtered by status and by name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
)

from ...core.browse import fold, search_words
from ...core.overview import STARTED
from ...core.storage.countries import CountryOverview
from .. import i18n
from .rows import Index, RowListModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ISO3_ROLE = Qt.ItemDataRole.UserRole
# Status filter choices beyond the statuses themselves.
ALL, TRACKED, STARTED_ANY, NO_STATUS = "*all", "*tracked", "*started", "*none"

_COLUMNS = ("country", "iso3", "status", "people", "batches", "last_update")


class CountryTableModel(RowListModel):
    COLUMNS = _COLUMNS

    def __init__(self, rows: list[CountryOverview] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = rows or []

    def set_rows(self, rows: list[CountryOverview]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_data(self, row: int) -> CountryOverview:
        return self._rows[row]

    def column_title(self, section: int) -> str:
        headers = {
            "iso3": self.tr("ISO code"),
            "people": self.tr("People repatriated"),
            "batches": self.tr("Batches"),
            "last_update": self.tr("Last update"),
        }
        name = _COLUMNS[section]
        return headers.get(name) or i18n.field_label(name)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = _COLUMNS[index.column()]
        if role == ISO3_ROLE:
            return row.iso3
        if role == SORT_ROLE:
            if column == "country":
                return fold(i18n.country_name(row.name_en, row.name_ar))
            value = getattr(row, column, None)
            return value if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("people", "batches"):
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "country":
            return i18n.country_name(row.name_en, row.name_ar)
        if column == "status":
            return i18n.status_label(row.status) or "—"
        if column in ("people", "batches"):
            return i18n.number(getattr(row, column))
        if column == "last_update":
            return i18n.day(row.last_update)
        return getattr(row, column)


class CountryFilter(QSortFilterProxyModel):
    """Rows whose status fits the chosen filter and whose names or code hold every typed word."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.status = ALL
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self.words = search_words(text)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, CountryTableModel)
        row = model.row_data(source_row)
        status = row.status
        started = status in STARTED or row.batches > 0
        if self.status == TRACKED and not (status or row.batches):
            return False
        if self.status == STARTED_ANY and not started:
            return False
        if self.status == NO_STATUS and status:
            return False
        if not self.status.startswith("*") and status != self.status:
            return False
        if not self.words:
            return True
        text = fold(" ".join((row.iso3, row.name_en, row.name_ar or "")))
        return all(word in text for word in self.words)
