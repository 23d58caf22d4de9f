"""Spreadsheet import: the batches teams already keep in CSV, Excel and KoboToolbox/ODK.

``load_sheet`` reads a file and picks its sheet (``reading.py``); ``plan_sheet`` matches
its columns (``columns.py``, ``headers.py``) and checks every row through the services
gate, writing nothing (the dry run); ``import_sheet`` adds the new rows in one
transaction (``plan.py``). The user's page is docs/spreadsheets.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import AlholError
from .columns import find_header
from .plan import (
    Imported,
    RowPlan,
    RowProblem,
    RowsRefused,
    SheetPlan,
    import_sheet,
    plan_sheet,
)
from .reading import Sheet, read_sheets

__all__ = [
    "Imported",
    "RowPlan",
    "RowProblem",
    "RowsRefused",
    "Sheet",
    "SheetPlan",
    "import_sheet",
    "load_sheet",
    "plan_sheet",
]


def load_sheet(
    path: Path, name: str | None = None, mapping: Mapping[str, str] | None = None
) -> tuple[Sheet, tuple[str, ...]]:
    """The sheet called ``name`` of the file (else the one whose header names the most
    fields), and the names of every sheet of the file."""
    sheets = read_sheets(path)
    names = tuple(s.name for s in sheets)
    if name is not None:
        for sheet in sheets:
            if sheet.name == name or sheet.name.casefold() == name.strip().casefold():
                return sheet, names
        raise AlholError("sheet_not_in_file", sheet=name, sheets=", ".join(names))
    scored = [(find_header(s, mapping or {})[0], -i) for i, s in enumerate(sheets)]
    best = max(range(len(sheets)), key=lambda i: scored[i])
    return sheets[best], names
