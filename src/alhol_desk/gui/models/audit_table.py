"""The audit log: newest change first, read a page at a time as the view scrolls."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...core.storage.audit import AuditFilter, AuditRow
from ...core.workspace import Workspace
from .. import i18n
from .resetting import ResettingTableModel

Index = QModelIndex | QPersistentModelIndex
PK_ROLE = Qt.ItemDataRole.UserRole
_COLUMNS = ("at", "operator", "record", "field", "old", "new", "origin")


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return i18n.status_label(value) if value in i18n.STATUS_LABELS else value
    if isinstance(value, int) and not isinstance(value, bool):
        return i18n.number(value)
    return json.dumps(value, ensure_ascii=False)


class AuditTableModel(ResettingTableModel):
    PAGE = 200

    def __init__(self, ws: Workspace, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.filter = AuditFilter()
        self._rows: list[AuditRow] = []
        self._complete = False
        self.reload()

    def set_filter(self, audit_filter: AuditFilter) -> None:
        self.filter = audit_filter
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self.ws.audit.page(self.filter, limit=self.PAGE)
        self._complete = len(self._rows) < self.PAGE
        self._end_reset()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._in_reset or self._complete:
            return
        before = self._rows[-1].id if self._rows else None
        page = self.ws.audit.page(self.filter, before_id=before, limit=self.PAGE)
        self._complete = len(page) < self.PAGE
        if page:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def entry(self, row: int) -> AuditRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(_COLUMNS):
            return None
        return (
            self.tr("When"), self.tr("Operator"), self.tr("Record"), self.tr("Field"),
            self.tr("Before"), self.tr("After"), self.tr("Origin"),
        )[section]  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == PK_ROLE:
            return entry.pk
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.table} {entry.pk}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = _COLUMNS[index.column()]
        if column == "at":
            when = QDateTime.fromString(entry.at, Qt.DateFormat.ISODate).toLocalTime()
            return QLocale().toString(when, "d MMM yyyy HH:mm")
        if column == "operator":  # who made it; an imported change names the author's team
            return f"{entry.operator} ({entry.team})" if entry.team else entry.operator
        if column == "record":
            where = f" · {entry.country}" if entry.country else ""
            return f"{i18n.table_label(entry.table)}{where} · {entry.pk[:8]}"
        if column == "field":
            return i18n.field_label(entry.column) if entry.column else self.tr("created")
        if column == "old":
            return _value(entry.old)
        if column == "new":
            return _value(entry.new)
        return (
            self.tr("this device")
            if entry.bundle_id is None
            else self.tr("bundle %1").replace("%1", entry.bundle_id[:8])
        )
