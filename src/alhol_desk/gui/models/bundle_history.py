"""The bundle history: every bundle written or read here, newest first, filterable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from ...core.browse import fold
from ...core.storage.bundles import BundleEntry
from ...core.workspace import Workspace
from .. import i18n
from ..messages import Explained
from ..screens import sync_text
from .rows import Index, RowListModel

_COLUMNS = ("at", "direction", "device", "seq", "changes", "effect", "outcome", "why")
_REFUSED = ("refused", "quarantined")


class BundleHistoryModel(RowListModel):
    COLUMNS = _COLUMNS

    def __init__(self, ws: Workspace, parent: Any = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.direction: str | None = None
        self.outcome: str | None = None
        self.search = ""
        self._all: list[BundleEntry] = []
        self._texts: list[str] = []  # each entry's folded search text, made once per read
        self._rows: list[BundleEntry] = []
        self.reload()

    def set_filter(self, direction: str | None, outcome: str | None, search: str) -> None:
        reread = (direction, outcome) != (self.direction, self.outcome)
        self.direction, self.outcome, self.search = direction, outcome, search
        if reread:
            self.reload()
        else:
            self.beginResetModel()
            self._narrow()
            self.endResetModel()

    def reload(self) -> None:
        self.beginResetModel()
        self._all = self.ws.bundles.history(direction=self.direction, outcome=self.outcome)
        self._texts = [self._text(entry) for entry in self._all]
        self._narrow()
        self.endResetModel()

    def _narrow(self) -> None:
        words = fold(self.search).split()
        if not words:
            self._rows = list(self._all)
            return
        self._rows = [
            entry
            for entry, text in zip(self._all, self._texts, strict=True)
            if all(word in text for word in words)
        ]

    def _text(self, entry: BundleEntry) -> str:
        reason = _why(entry).what if entry.reason else ""
        parts = (
            self._device(entry),
            entry.file_name or "",
            str(entry.seq or ""),
            sync_text.outcome_label(entry.outcome),
            reason,
            entry.reason or "",
        )
        return fold(" ".join(parts))

    @staticmethod
    def _device(entry: BundleEntry) -> str:
        if entry.sender is None:
            return i18n.translate("BundleHistoryModel", "unknown")
        return sync_text.device_name(entry.team, entry.sender, entry.is_self)

    def entry(self, row: int) -> BundleEntry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def column_title(self, section: int) -> str:
        return (
            self.tr("When"), self.tr("Direction"), self.tr("Device"), self.tr("Bundle"),
            self.tr("Changes"), self.tr("What it did"), self.tr("Outcome"), self.tr("Why"),
        )[section]  # fmt: skip

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and entry.outcome in _REFUSED:
            return QBrush(QColor("#a93226"))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "why" and entry.reason:
                explained = _why(entry)
                return f"{explained.what}\n{explained.todo}\n\n{explained.detail}"
            return entry.file_name or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "at":
            return sync_text.when(entry.at)
        if column == "direction":
            return self.tr("Sent") if entry.direction == "sent" else self.tr("Received")
        if column == "device":
            return self._device(entry)
        if column == "seq":
            return i18n.number(entry.seq) if entry.seq is not None else ""
        if column == "changes":
            return i18n.number(entry.changes) if entry.changes is not None else ""
        if column == "effect":
            if entry.direction != "received" or entry.outcome != "applied":
                return ""
            return sync_text.counts_text(entry.new, entry.updated, entry.unchanged, entry.conflicts)
        if column == "outcome":
            return sync_text.outcome_label(entry.outcome)
        return _why(entry).what if entry.reason else ""


def _why(entry: BundleEntry) -> Explained:
    return sync_text.explain_refusal(entry.reason, entry.message)
