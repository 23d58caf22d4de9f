"""What importing a sheet would do, row by row, and doing it in one transaction.

Every row goes through the services gate (``services.screen_new_batches`` to list the
problems, ``services.add_batches`` to write), so an imported batch is checked, stamped
and audited like one typed in a form, and it syncs. Blank cells are "not given"
(``None``), as an empty form field is.

**Duplicates** (docs/spreadsheets.md): a row is *already recorded* when a live batch, or
an earlier row of the same sheet, has the same country, departure date and the same
value in every count (families, women, men, girls, boys, the sheet totals, ages, the
unaccompanied and separated children and every age band; a blank and a 0 compare alike).
Such a row is not added, so importing the same file twice adds nothing, even after the
batches' statuses moved on or their notes were edited. A row with the same country and
date as a live batch but other counts is a *possible duplicate*: it is added, and listed
for a person to check.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from .. import services
from ..browse import fold
from ..errors import AlholError, Issue
from ..kinds import Age, Count, Country, Date, FieldSpec
from ..records import Batch
from ..storage.batch_keys import BatchKeys
from ..storage.countries import country_aliases
from ..validation import BATCH_FIELDS
from ..workspace import Workspace
from .columns import Layout, lay_out
from .reading import Cell, Sheet

COUNT_FIELDS = tuple(n for n, s in BATCH_FIELDS.items() if isinstance(s, Count | Age))
_YEARS = range(1000, 3000)  # a whole number in a date column this size is a year


@dataclass(frozen=True)
class RowProblem:
    """One problem of one row: its number as the spreadsheet shows it, the column's header
    (empty when the field has no column) and the core's issue (field, code, values)."""

    row: int
    column: str
    issue: Issue


@dataclass(frozen=True)
class RowPlan:
    row: int
    raw: dict[str, Any]  # field -> what goes to the gate
    batch: Batch  # as it would be saved (its id is thrown away)
    errors: tuple[RowProblem, ...] = ()
    warnings: tuple[RowProblem, ...] = ()
    recorded_as: str | None = None  # the batch id it repeats, when it is one
    repeats_row: int | None = None  # the earlier row of the sheet it repeats
    same_day: tuple[str, ...] = ()  # ids of live batches of that country and date

    @property
    def refused(self) -> bool:
        return bool(self.errors)

    @property
    def duplicate(self) -> bool:
        return self.recorded_as is not None or self.repeats_row is not None

    @property
    def new(self) -> bool:
        return not self.refused and not self.duplicate


@dataclass(frozen=True)
class SheetPlan:
    file: str  # the file's name (never its folder)
    sheet: str
    layout: Layout
    rows: tuple[RowPlan, ...]
    sheets: tuple[str, ...] = ()

    def _where(self, test: str) -> list[RowPlan]:
        return [r for r in self.rows if getattr(r, test)]

    @property
    def new(self) -> list[RowPlan]:
        return self._where("new")

    @property
    def refused(self) -> list[RowPlan]:
        return self._where("refused")

    @property
    def duplicates(self) -> list[RowPlan]:
        return [r for r in self.rows if r.duplicate and not r.refused]

    @property
    def possible_duplicates(self) -> list[RowPlan]:
        return [r for r in self.new if r.same_day]

    def summary(self) -> dict[str, int]:
        return {
            "rows": len(self.rows),
            "new": len(self.new),
            "already_recorded": len(self.duplicates),
            "refused": len(self.refused),
            "possible_duplicates": len(self.possible_duplicates),
        }


class RowsRefused(AlholError):
    """Rows of the sheet break rules, so nothing was imported; ``plan`` says which."""

    def __init__(self, plan: SheetPlan) -> None:
        self.plan = plan
        super().__init__("sheet_rows_refused", count=len(plan.refused))


@dataclass(frozen=True)
class Imported:
    plan: SheetPlan
    ids: tuple[str, ...] = field(default=())


# --- cells to what a form would pass ------------------------------------------------------


def cell_value(spec: FieldSpec, cell: Cell, epoch: datetime) -> Any:
    """A cell as the gate reads it: text as typed, whole numbers as numbers, dates (and
    Excel's serial dates) as ISO days."""
    if cell is None or isinstance(cell, str):
        return cell
    if isinstance(spec, Date):
        return _date_text(cell, epoch)
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date | time):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(spec, Count) and isinstance(cell, int):
        return cell
    return str(cell)


def _date_text(cell: Cell, epoch: datetime) -> Any:
    if isinstance(cell, datetime):
        return cell.date().isoformat()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if float(cell).is_integer() and int(cell) in _YEARS:
            return str(int(cell))  # 2024 typed in a cell: a year, not a day of 1905
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(cell, epoch).date().isoformat()
        except (ValueError, OverflowError, TypeError):
            return str(cell)
    return str(cell)


def _country_codes(ws: Workspace) -> dict[str, str]:
    """Folded English and Arabic names, and codes -> the ISO alpha-3 code."""
    codes: dict[str, str] = {}
    for country in ws.countries.listed():
        for name in (country.name_en, country.name_ar, country.iso2, country.iso3):
            if name:
                codes.setdefault(fold(name.strip()), country.iso3)
    for name, iso3 in country_aliases().items():  # "Russia", "Iran", "UK", ...
        codes.setdefault(fold(name), iso3)
    return codes


def row_values(
    cells: Sequence[Cell], layout: Layout, epoch: datetime, countries: Mapping[str, str]
) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for name, index in layout.field_columns().items():
        spec = BATCH_FIELDS[name]
        value = cell_value(spec, cells[index] if index < len(cells) else None, epoch)
        if isinstance(spec, Country) and isinstance(value, str):
            value = countries.get(fold(value.strip()), value)
        raw[name] = value
    return raw


# --- the plan -----------------------------------------------------------------------------


# A sheet total left blank is the sum of its parts: our own report writes that sum, and a
# report read back must match the batch it came from.
_TOTALS = {"children": ("girls", "boys"), "adults": ("women", "men")}


def _count(values: Mapping[str, Any], name: str) -> int:
    value = values.get(name)
    if value is None and name in _TOTALS:
        return sum(values.get(part) or 0 for part in _TOTALS[name])
    return int(value or 0)


def _key(values: Mapping[str, Any]) -> tuple[Any, ...]:
    return (
        values.get("country"),
        values.get("departure_date"),
        *(_count(values, n) for n in COUNT_FIELDS),
    )


def _problems(
    row: int, issues: Sequence[Issue], headers: Mapping[str, str]
) -> tuple[RowProblem, ...]:
    return tuple(RowProblem(row, headers.get(i.field, ""), i) for i in issues)


class _Known:
    """The live batches a sheet's rows may repeat, and the rows already seen."""

    def __init__(self, ws: Workspace, countries: set[str]) -> None:
        self.recorded: dict[tuple[Any, ...], str] = {}
        self.same_day: dict[tuple[Any, Any], list[str]] = {}
        self.seen: dict[tuple[Any, ...], int] = {}
        for existing in BatchKeys(ws.db).of_countries(countries, COUNT_FIELDS):
            self.recorded.setdefault(_key(existing), existing["id"])
            day = (existing["country"], existing["departure_date"])
            self.same_day.setdefault(day, []).append(existing["id"])

    def place(self, batch: Batch, row: int) -> dict[str, Any]:
        key = _key(batch.to_row())
        found = {
            "recorded_as": self.recorded.get(key),
            "repeats_row": self.seen.get(key),
            "same_day": tuple(self.same_day.get((batch.country, batch.departure_date), ())),
        }
        self.seen.setdefault(key, row)
        return found


def plan_sheet(ws: Workspace, sheet: Sheet, mapping: Mapping[str, str] | None = None) -> SheetPlan:
    """What importing ``sheet`` would do; writes nothing."""
    layout = lay_out(sheet, mapping)
    if layout.missing:
        raise AlholError("sheet_columns_missing", fields=", ".join(layout.missing))
    codes = _country_codes(ws)
    data = sheet.rows[layout.first_data :]
    raws = [row_values(row.cells, layout, sheet.epoch, codes) for row in data]
    screened = services.screen_new_batches(ws, raws)
    headers = {c.field: c.header for c in layout.columns if c.field is not None}
    known = _Known(ws, {b.country for b, errors, _ in screened if not errors})
    plans = []
    for row, raw, (batch, errors, warnings) in zip(data, raws, screened, strict=True):
        found = known.place(batch, row.number) if not errors else {}
        plans.append(
            RowPlan(
                row.number,
                raw,
                batch,
                _problems(row.number, errors, headers),
                _problems(row.number, warnings, headers),
                **found,
            )
        )
    return SheetPlan("", sheet.name, layout, tuple(plans))


def import_sheet(
    ws: Workspace,
    sheet: Sheet,
    mapping: Mapping[str, str] | None = None,
    *,
    skip_refused: bool = False,
) -> Imported:
    """Add the sheet's new rows in one transaction, or refuse the sheet and change nothing.

    A sheet with refused rows is refused whole unless ``skip_refused``: then its other
    rows are added, and the refused ones can be fixed and the file imported again (the
    rows already added are then duplicates)."""
    with ws.writing():
        plan = plan_sheet(ws, sheet, mapping)
        if plan.refused and not skip_refused:
            raise RowsRefused(plan)
        new = plan.new
        ids = services.add_batches(ws, [r.raw for r in new]) if new else []
    return Imported(plan, tuple(ids))
