"""The spreadsheet import dialog's tables and the words of its check: counts, and each
row's refusals, duplicates and warnings in the user's language (``sheet_import.py``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...core.errors import Issue
from ...core.sheets import RowPlan, SheetPlan
from .. import i18n


def table(parent: QWidget, name: str, headers: list[str]) -> QTableWidget:
    """A read-only table of whole rows, its columns fitted to their text."""
    shown = QTableWidget(0, len(headers), parent)
    shown.setObjectName(name)
    shown.setHorizontalHeaderLabels(headers)
    shown.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    shown.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    shown.setTabKeyNavigation(False)
    shown.verticalHeader().hide()
    header = shown.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return shown


def item(text: str, *, red: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    if red:
        cell.setForeground(Qt.GlobalColor.darkRed)
    return cell


def counts_text(plan: SheetPlan, *, done: bool) -> str:
    """What the check found (nothing written yet), or what the import did."""
    counts = plan.summary()
    template = (
        i18n.translate(
            "SheetImportDialog", "Added: %1. Already recorded (not added again): %2. Refused: %3."
        )
        if done
        else i18n.translate(
            "SheetImportDialog",
            "Nothing has been changed yet. To add: %1. Already recorded (not added "
            "again): %2. Refused: %3.",
        )
    )
    text = (
        template.replace("%1", i18n.number(counts["new"]))
        .replace("%2", i18n.number(counts["already_recorded"]))
        .replace("%3", i18n.number(counts["refused"]))
    )
    if counts["possible_duplicates"]:
        text += " " + i18n.translate(
            "SheetImportDialog",
            "%1 rows have the same country and date as a recorded batch: check them.",
        ).replace("%1", i18n.number(counts["possible_duplicates"]))
    return text


def _issue(issue: Issue) -> str:
    return f"{i18n.field_label(issue.field)}: {i18n.issue_text(issue)}"


def _duplicate_line(row: RowPlan) -> str | None:
    if row.recorded_as:
        return i18n.translate("SheetImportDialog", "Already recorded; not added again.")
    if row.repeats_row:
        return i18n.translate("SheetImportDialog", "Repeats row %1; not added again.").replace(
            "%1", i18n.number(row.repeats_row)
        )
    if row.same_day:
        return i18n.translate(
            "SheetImportDialog",
            "Possible duplicate: a recorded batch has the same country and date. Check it is "
            "another batch.",
        )
    return None


def row_lines(row: RowPlan) -> list[tuple[str, str, bool]]:
    """(column, what, refused) for each thing to say about one row."""
    lines = [
        (p.column or i18n.field_label(p.issue.field), _issue(p.issue), True) for p in row.errors
    ]
    if row.refused:
        return lines
    duplicate = _duplicate_line(row)
    if duplicate is not None:
        lines.append(("", duplicate, False))
    lines += [
        (p.column or i18n.field_label(p.issue.field), _issue(p.issue), False) for p in row.warnings
    ]
    return lines


def fill_problems(shown: QTableWidget, plan: SheetPlan) -> None:
    """Every row's refusals, duplicates and warnings: row number, column, what."""
    cells = [
        (row.row, column, text, red) for row in plan.rows for column, text, red in row_lines(row)
    ]
    shown.setRowCount(len(cells))
    for index, (number, column, text, red) in enumerate(cells):
        shown.setItem(index, 0, item(i18n.number(number), red=red))
        shown.setItem(index, 1, item(column, red=red))
        shown.setItem(index, 2, item(text, red=red))
