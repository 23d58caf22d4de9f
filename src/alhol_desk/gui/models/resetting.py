"""A table model whose reset does not let a listener fetch rows before the others see it."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel


class ResettingTableModel(QAbstractTableModel):
    """Subclasses end a reset with ``_end_reset`` and refuse ``fetchMore`` while
    ``_in_reset`` holds."""

    _in_reset = False

    def _end_reset(self) -> None:
        # Listeners run in turn on modelReset; one that asks for more rows (Qt's model
        # tester does) must not insert them before the others have seen the reset.
        self._in_reset = True
        try:
            self.endResetModel()
        finally:
            self._in_reset = False
