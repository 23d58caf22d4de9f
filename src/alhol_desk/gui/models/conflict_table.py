"""Conflicts to review: each record and field two people changed differently, with both values."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from ...core import sync_overview
from ...core.sync_overview import ConflictView
from ...core.workspace import Workspace
from .. import i18n
from ..i18n import translate
from .rows import Index, RowListModel

_COLUMNS = ("record", "field", "local", "incoming", "status")
_CHOICE_FIELDS = ("status", "confidence")


def value_text(column: str, value: Any) -> str:
    """A field's value as the user reads it."""
    if value is None or value == "":
        return translate("ConflictTableModel", "(empty)")
    if column == "deleted":
        return (
            translate("ConflictTableModel", "Deleted")
            if value
            else translate("ConflictTableModel", "Not deleted")
        )
    if column in _CHOICE_FIELDS and isinstance(value, str):
        return i18n.status_label(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return i18n.number(value)
    return str(value)


def record_text(conflict: ConflictView) -> str:
    """'Batch · Russia · 1 Jan 2024 · RU-01': which record, in words."""
    parts = [i18n.table_label(conflict.table)]
    if conflict.country:
        parts.append(i18n.country_name(conflict.name_en or conflict.country, conflict.name_ar))
    elif conflict.table == "estimates":
        parts.append(translate("ConflictTableModel", "whole camp"))
    if conflict.record_date:
        parts.append(i18n.day(conflict.record_date))
    if conflict.ref:
        parts.append(conflict.ref)
    return " · ".join(parts)


def status_text(conflict: ConflictView) -> str:
    if conflict.status == "open":
        return translate("ConflictTableModel", "Open")
    kept = (
        translate("ConflictTableModel", "kept this laptop's value")
        if conflict.resolution == "local"
        else translate("ConflictTableModel", "kept the incoming value")
    )
    return translate("ConflictTableModel", "Resolved: %1").replace("%1", kept)


class ConflictTableModel(RowListModel):
    COLUMNS = _COLUMNS

    def __init__(self, ws: Workspace, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.status: str | None = "open"
        self._rows: list[ConflictView] = []
        self.reload()

    def set_status(self, status: str | None) -> None:
        """open, resolved, or None for all."""
        self.status = status
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = sync_overview.conflicts(self.ws, self.status)
        self.endResetModel()

    def conflict(self, row: int) -> ConflictView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, conflict_id: int) -> int:
        for row, conflict in enumerate(self._rows):
            if conflict.id == conflict_id:
                return row
        return -1

    def column_title(self, section: int) -> str:
        return (
            self.tr("Record"), self.tr("Field"), self.tr("On this laptop"),
            self.tr("Incoming"), self.tr("Status"),
        )[section]  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        conflict = self._rows[index.row()]
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.FontRole and conflict.status == "open" and column == "status":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{conflict.table} {conflict.pk}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "record":
            return record_text(conflict)
        if column == "field":
            return i18n.field_label(conflict.column)
        if column == "local":
            return value_text(conflict.column, conflict.local_value)
        if column == "incoming":
            return value_text(conflict.column, conflict.incoming_value)
        return status_text(conflict)
