"""Messages of the spreadsheet import (``core/sheets/``); rows' problems are ``Issue``s.

Templates name files by their name only and fields by their name; never a cell's value.
"""

from __future__ import annotations

from .base import MessageDef

SHEET_MESSAGES: dict[str, MessageDef] = {
    "sheet_no_file": MessageDef("{path}: no such file", "sheet_no_file"),
    "sheet_too_large": MessageDef(
        "{name} is larger than {limit} MB; no spreadsheet of batches is that large",
        "sheet_unreadable",
    ),
    "sheet_kind_unknown": MessageDef(
        "{name}: only CSV and XLSX files can be imported; save it as one of them "
        "(in Excel or LibreOffice: Save as, Excel workbook .xlsx)",
        "sheet_kind_unknown",
    ),
    "sheet_unreadable": MessageDef(
        "{name} cannot be read as an Excel workbook (damaged, or not .xlsx inside); "
        "open it in Excel or LibreOffice and save it again as .xlsx",
        "sheet_unreadable",
    ),
    "sheet_encoding_unknown": MessageDef(
        "the file is neither UTF-8 nor Windows-1256 text; save it again as CSV UTF-8",
        "sheet_unreadable",
    ),
    "sheet_too_many_rows": MessageDef(
        "the sheet has more than {limit} rows; split it into smaller files", "sheet_unreadable"
    ),
    "sheet_not_in_file": MessageDef(
        "--sheet: the file has no sheet {sheet!r}; its sheets are: {sheets}", "sheet_mapping"
    ),
    "sheet_no_header": MessageDef(
        "the sheet {sheet!r} has no header row naming a batch field in its first {rows} "
        "rows; give the columns with --map COLUMN=FIELD (docs/spreadsheets.md lists the "
        "names understood)",
        "sheet_mapping",
    ),
    "sheet_columns_missing": MessageDef(
        "no column gives {fields}; name it with --map COLUMN=FIELD, or add the column",
        "sheet_mapping",
    ),
    "sheet_map_not_pair": MessageDef(
        "--map: {item!r} is not COLUMN=FIELD (COLUMN= leaves a column out)", "sheet_mapping"
    ),
    "sheet_map_field_unknown": MessageDef(
        "--map: {field!r} (for the column {column!r}) is not a batch field; fields: {fields}",
        "sheet_mapping",
    ),
    "sheet_map_column_unknown": MessageDef(
        "--map: the sheet has no column headed {column!r}", "sheet_mapping"
    ),
    "sheet_rows_refused": MessageDef(
        "rows that would be refused: {count} (listed above); nothing was imported. Fix them in "
        "the spreadsheet, or import the other rows with --skip-refused",
        "sheet_rows_refused",
    ),
}
