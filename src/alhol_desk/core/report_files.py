"""Report files: CSV with an HXL hashtag row, and XLSX; written whole or not at all.

Spreadsheet-formula injection (OWASP "CSV Injection"): a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return would run as a formula when the
file is opened. In CSV such a cell gets a leading single quote; in XLSX every text cell
is written as a string (never as a formula), and those cells also carry Excel's "quote
prefix" style, so that editing the cell later does not turn it into a formula either.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .errors import AlholError
from .messages import Message
from .reports import Cell, Kind, Report, Table, Withheld, as_text
from .safety.files import AS_UMASK_ALLOWS, write_atomically

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_TABLES = ("batches", "countries")
_MAX_WIDTH = 48


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def neutralise(text: str) -> str:
    """Text that a spreadsheet shows as written instead of evaluating (CSV cells)."""
    return "'" + text if is_formula_like(text) else text


# --- writing a file whole ---------------------------------------------------------


def check_out_path(out: Path) -> None:
    if out.is_dir():
        raise AlholError("out_is_folder", path=out)
    if not out.parent.is_dir():
        raise AlholError("out_folder_missing", folder=out.parent)


def write_whole(out: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary name beside ``out``, flush it, then rename: a pulled
    stick or a full disk leaves the old file or none, never half a report."""
    check_out_path(out)
    try:
        write_atomically(out, data, mode=AS_UMASK_ALLOWS)
    except OSError as error:
        raise AlholError("report_not_written", name=out.name, reason=error.strerror) from None
    return out


# --- CSV --------------------------------------------------------------------------


def _csv_cell(cell: Cell) -> str:
    if isinstance(cell, str | Message):
        return neutralise(str(cell))
    return as_text(cell)


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark (so Excel reads Arabic right), a header row of names
    and a second row of HXL hashtags, then one row per record."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.label for c in table.columns])
    writer.writerow([c.hxl for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(cell) for cell in row])
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(report: Report, out: Path, *, table: str = "batches") -> Path:
    if table not in CSV_TABLES:
        raise AlholError("csv_table_unknown", table=table, choices=", ".join(CSV_TABLES))
    return write_whole(out, csv_bytes(report.table(table.capitalize())))


# --- XLSX -------------------------------------------------------------------------


class _Sheet:
    """Writes cells of one sheet with the right type, and tracks column widths."""

    def __init__(self, book: Any, name: str, styles: dict[str, Any]) -> None:
        self.sheet = book.add_worksheet(name)
        self.styles = styles
        self.widths: dict[int, int] = {}

    def _width(self, col: int, text: str) -> None:
        self.widths[col] = max(self.widths.get(col, 8), min(len(text) + 2, _MAX_WIDTH))

    def text(self, row: int, col: int, text: str, style: str = "text") -> None:
        # write_string never makes a formula; the quote prefix keeps it text when edited.
        name = "quoted" if style == "text" and is_formula_like(text) else style
        self.sheet.write_string(row, col, text, self.styles[name])
        self._width(col, text)

    def cell(self, row: int, col: int, cell: Cell, kind: Kind, rtl: bool = False) -> None:
        if cell is None:
            self.sheet.write_blank(row, col, None)
        elif isinstance(cell, Withheld):
            self.text(row, col, cell.text, "withheld")
        elif isinstance(cell, bool):  # not a count; never expected, but never a number
            self.text(row, col, str(cell))
        elif isinstance(cell, int):
            self.sheet.write_number(row, col, cell, self.styles["number"])
            self._width(col, str(cell))
        elif isinstance(cell, datetime):
            self.sheet.write_datetime(row, col, cell, self.styles["datetime"])
            self._width(col, "yyyy-mm-dd hh:mm")
        elif isinstance(cell, date):
            self.sheet.write_datetime(row, col, cell, self.styles["date"])
            self._width(col, "yyyy-mm-dd")
        else:
            text = str(cell)
            self.text(row, col, text, "arabic" if rtl and not is_formula_like(text) else "text")

    def finish(self) -> None:
        for col, width in self.widths.items():
            self.sheet.set_column(col, col, width)


def _styles(book: Any) -> dict[str, Any]:
    return {
        "text": book.add_format({"num_format": "@"}),
        "quoted": book.add_format({"num_format": "@", "quote_prefix": True}),
        "arabic": book.add_format({"num_format": "@", "reading_order": 2}),
        "number": book.add_format({"num_format": "0"}),
        "withheld": book.add_format({"num_format": "@", "align": "right"}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        "header": book.add_format({"bold": True, "num_format": "@", "bottom": 1}),
        "hxl": book.add_format({"italic": True, "font_color": "#555555", "num_format": "@"}),
        "title": book.add_format({"bold": True, "font_size": 14}),
    }


def _table_sheet(book: Any, styles: dict[str, Any], table: Table) -> None:
    sheet = _Sheet(book, table.name, styles)
    for col, column in enumerate(table.columns):
        sheet.text(0, col, column.label, "header")
        sheet.text(1, col, column.hxl, "hxl")
    for r, row in enumerate(table.rows, start=2):
        for col, (column, cell) in enumerate(zip(table.columns, row, strict=True)):
            sheet.cell(r, col, cell, column.kind, rtl=column.key == "name_ar")
    sheet.sheet.freeze_panes(2, 0)
    # The filter row is the hashtag row, so sorting never moves it among the data.
    sheet.sheet.autofilter(1, 0, max(1, len(table.rows) + 1), len(table.columns) - 1)
    sheet.finish()


def _summary_sheet(book: Any, styles: dict[str, Any], report: Report) -> None:
    sheet = _Sheet(book, report.summary.name, styles)
    sheet.sheet.write_string(0, 0, "alhol-desk report", styles["title"])
    sheet.text(1, 0, "Generated (UTC)")
    sheet.cell(1, 1, report.generated_at.replace(tzinfo=None), Kind.DATE)
    sheet.text(2, 0, "Team")
    sheet.text(2, 1, report.team)
    sheet.text(3, 0, "Small counts")
    sheet.text(
        3,
        1,
        "suppressed: 1 to 4 shown as <5; a range such as 21–24 is a total that includes "
        "withheld counts"
        if report.suppressed
        else "not suppressed: for use inside HQ only",
    )
    sheet.text(4, 0, "Period")
    sheet.text(4, 1, report.period.heading)
    if report.apart:
        sheet.text(5, 0, "Listed apart")
        sheet.text(
            5,
            1,
            f"{report.apart} batches dated less precisely than the period (a year, or a "
            "month the period cuts): at the end of the Batches sheet, counted in no figure",
        )
    first = 7
    for col, column in enumerate(report.summary.columns):
        sheet.text(first, col, column.label, "header")
    for r, row in enumerate(report.summary.rows, start=first + 1):
        for col, (column, cell) in enumerate(zip(report.summary.columns, row, strict=True)):
            sheet.cell(r, col, cell, column.kind)
    sheet.widths[1] = min(sheet.widths.get(1, 8), 16)  # the long note wraps into column C
    sheet.sheet.freeze_panes(first + 1, 0)
    sheet.finish()


def xlsx_bytes(report: Report) -> bytes:
    import xlsxwriter  # here: it costs ~0.25 s of start-up for every other command

    buffer = io.BytesIO()
    # in_memory: no temporary files with the data left in the system's temp folder.
    book = xlsxwriter.Workbook(
        buffer,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    styles = _styles(book)
    _summary_sheet(book, styles, report)
    for table in (report.batches, report.countries):
        _table_sheet(book, styles, table)
    book.close()
    return buffer.getvalue()


def write_xlsx(report: Report, out: Path) -> Path:
    return write_whole(out, xlsx_bytes(report))
