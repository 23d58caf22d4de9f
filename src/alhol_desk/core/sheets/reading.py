"""Reading a spreadsheet file into rows of cells: CSV (any common encoding and delimiter) and
XLSX (openpyxl, read-only: rows stream, the workbook is never held whole).

A cell is what the file holds: text, a number, a date or time, or None when blank. Rows
keep the number the spreadsheet shows (1 for the first), so a problem can name it; rows
with no value at all (trailing formatted rows, spacer rows) are dropped here.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from ..errors import AlholError

Cell = str | int | float | date | datetime | time | None
MAX_ROWS = 200_000  # more rows than any register holds; a bigger file is not a batch list
MAX_BYTES = 200 * 1024 * 1024
SCAN_ROWS = 30  # rows looked at to find the header
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet shows it
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Sheet:
    """One table of a file: its name (the workbook's sheet, or the file's), its rows, and
    the workbook's date epoch (serial dates count from it)."""

    name: str
    rows: tuple[Row, ...]
    epoch: datetime = datetime(1899, 12, 30)
    encoding: str | None = None  # of a CSV file
    delimiter: str | None = None


def read_sheets(path: Path) -> list[Sheet]:
    """Every sheet of the file (a CSV file is one), or why it cannot be read."""
    if not path.is_file():
        raise AlholError("sheet_no_file", path=path)
    if path.stat().st_size > MAX_BYTES:
        raise AlholError("sheet_too_large", name=path.name, limit=MAX_BYTES // (1024 * 1024))
    suffix = path.suffix.lower()
    if suffix in XLSX_SUFFIXES:
        return _read_xlsx(path)
    if suffix in CSV_SUFFIXES:
        return [_read_csv(path)]
    raise AlholError("sheet_kind_unknown", name=path.name)


# --- CSV ----------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: the one its byte-order mark names, else
    UTF-8, else Windows-1256 (Arabic Windows' own, what Excel writes there by default)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1256"), "windows-1256"
    except UnicodeDecodeError:
        raise AlholError("sheet_encoding_unknown") from None


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the first lines most evenly."""
    sample = "\n".join(text.splitlines()[:SCAN_ROWS])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",;\t"}
        return max(counts, key=lambda d: counts[d])


def _read_csv(path: Path) -> Sheet:
    text, encoding = decode(path.read_bytes())
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = _kept(
        (number, tuple(c if c.strip() else None for c in cells))
        for number, cells in enumerate(reader, start=1)
    )
    return Sheet(path.stem, rows, encoding=encoding, delimiter=delimiter)


# --- XLSX ---------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> list[Sheet]:
    import zipfile

    from openpyxl import load_workbook  # here: only an import of a workbook needs it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise AlholError("sheet_unreadable", name=path.name) from None
    try:
        return [
            Sheet(sheet.title, _kept(_xlsx_rows(sheet)), epoch=book.epoch)
            for sheet in book.worksheets
        ]
    except (KeyError, ValueError, OSError, zipfile.BadZipFile):
        raise AlholError("sheet_unreadable", name=path.name) from None
    finally:
        book.close()


def _xlsx_rows(sheet: Any) -> Iterator[tuple[int, tuple[Cell, ...]]]:
    # Read-only sheets give every row from the first, blank ones included, so counting
    # gives the row numbers Excel shows.
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        yield number, tuple(_blank_as_none(v) for v in values)


def _blank_as_none(value: Any) -> Cell:
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, bool):
        return str(value).upper()
    return value  # type: ignore[no-any-return]


def _kept(rows: Iterator[tuple[int, tuple[Cell, ...]]]) -> tuple[Row, ...]:
    kept: list[Row] = []
    for number, cells in rows:
        if any(c is not None for c in cells):
            if len(kept) >= MAX_ROWS:
                raise AlholError("sheet_too_many_rows", limit=MAX_ROWS)
            kept.append(Row(number, _trimmed(cells)))
    return tuple(kept)


def _trimmed(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    end = len(cells)
    while end and cells[end - 1] is None:
        end -= 1
    return cells[:end]
