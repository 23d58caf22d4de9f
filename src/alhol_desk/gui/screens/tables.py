"""The read-only table the log screens share: whole rows, one line each, columns sized by hand."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


def row_table(
    parent: QWidget, name: str, model: QAbstractItemModel, widths: Mapping[int, int]
) -> QTableView:
    """A table over ``model`` that selects whole rows, shades every other one, keeps each
    row to one line and shows no row numbers; ``widths`` sizes columns, the last fills."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    for column, width in widths.items():
        header.resizeSection(column, width)
    return table
