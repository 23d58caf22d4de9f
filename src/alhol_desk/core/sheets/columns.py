"""Finding a sheet's header and matching its columns to batch fields.

The header is the row (or two rows, for a header whose group cells are merged over
sub-headers) among the first rows that names the most fields; a row of HXL hashtags
right below it matches by hashtag. Each column is then matched by ``--map``, by
hashtag, or by header (``headers.py``); a field named by two columns is read from the
better match and the other column is left out, so that nothing is read twice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..errors import AlholError
from ..validation import BATCH_FIELDS
from . import headers
from .reading import SCAN_ROWS, Cell, Row, Sheet

REQUIRED = tuple(name for name, spec in BATCH_FIELDS.items() if spec.required)
SKIP = ""  # --map COLUMN= : leave that column out


class How(StrEnum):
    MAP = "map"  # named by --map
    HXL = "hxl"
    HEADER = "header"
    IGNORED = "ignored"  # known to carry nothing to import (Kobo's metadata, ...)
    TWICE = "twice"  # its field is read from another column
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Column:
    index: int
    header: str  # as the sheet heads it ("" for none)
    hxl: str
    field: str | None
    how: How


@dataclass(frozen=True)
class Layout:
    """Where the data starts and what each column holds."""

    header_row: int  # the number of the header's last row (its HXL row, when it has one)
    first_data: int  # index into the sheet's rows of the first row of data
    columns: tuple[Column, ...]

    def field_columns(self) -> dict[str, int]:
        return {c.field: c.index for c in self.columns if c.field is not None}

    @property
    def missing(self) -> tuple[str, ...]:
        given = self.field_columns()
        return tuple(name for name in REQUIRED if name not in given)


def _text(cell: Cell) -> str:
    return "" if cell is None else " ".join(str(cell).split())


def _score(names: Sequence[str], mapping: Mapping[str, str]) -> int:
    keys = {headers.normalise(k) for k in mapping}
    return sum(
        1 for n in names if n and (headers.field_of_header(n) or headers.normalise(n) in keys)
    )


def _combined(upper: Row, lower: Row) -> list[str]:
    width = max(len(upper.cells), len(lower.cells))
    up = [_text(c) for c in upper.cells] + [""] * (width - len(upper.cells))
    low = [_text(c) for c in lower.cells] + [""] * (width - len(lower.cells))
    return [b or a for a, b in zip(up, low, strict=True)]


def find_header(sheet: Sheet, mapping: Mapping[str, str]) -> tuple[int, list[str], list[str], int]:
    """(score, header names, hashtags, index of the first data row)."""
    rows = sheet.rows[:SCAN_ROWS]
    best: tuple[int, list[str], list[str], int] = (0, [], [], 0)
    for i, row in enumerate(rows):
        if headers.is_hxl_row(list(row.cells)):
            tags = [_text(c) for c in row.cells]
            names = [_text(c) for c in rows[i - 1].cells] if i else []
            score = sum(1 for t in tags if headers.field_of_hxl(t)) + _score(names, mapping)
            candidates = [(score, names, tags, i + 1)]
        else:
            names = [_text(c) for c in row.cells]
            candidates = [(_score(names, mapping), names, [], i + 1)]
            if i + 1 < len(rows) and not headers.is_hxl_row(list(rows[i + 1].cells)):
                pair = _combined(row, rows[i + 1])
                candidates.append((_score(pair, mapping), pair, [], i + 2))
        for candidate in candidates:
            if candidate[0] > best[0]:
                best = candidate
    return best


def _match(header: str, tag: str, mapping: Mapping[str, str]) -> tuple[str | None, How, int]:
    """(field, how, rank) of one column; rank orders two columns naming one field."""
    for key, field in mapping.items():
        if header and (key == header or headers.normalise(key) == headers.normalise(header)):
            return (field or None), (How.MAP if field else How.IGNORED), 0
    if tag:
        found = headers.field_of_hxl(tag)
        if found:
            return found, How.HXL, 1
        if headers.is_ignored_hxl(tag):
            return None, How.IGNORED, 0
    by_header = headers.field_of_header(header) if header else None
    if by_header is not None:
        return by_header[0], How.HEADER, 2 + by_header[1]
    if header and headers.is_ignored_header(header):
        return None, How.IGNORED, 0
    return None, How.UNKNOWN, 0


def check_mapping(mapping: Mapping[str, str]) -> None:
    for column, field in mapping.items():
        if field and (field not in BATCH_FIELDS or field == "deleted"):
            raise AlholError(
                "sheet_map_field_unknown", column=column, field=field, fields=_field_list()
            )


def _field_list() -> str:
    return ", ".join(name for name in BATCH_FIELDS if name != "deleted")


def lay_out(sheet: Sheet, mapping: Mapping[str, str] | None = None) -> Layout:
    """The header of ``sheet`` and the field of each column, or why there is none."""
    mapping = dict(mapping or {})
    check_mapping(mapping)
    score, names, tags, first = find_header(sheet, mapping)
    if score == 0:
        raise AlholError("sheet_no_header", sheet=sheet.name, rows=SCAN_ROWS)
    width = max(len(names), len(tags))
    names += [""] * (width - len(names))
    tags += [""] * (width - len(tags))
    matched = [_match(n, t, mapping) for n, t in zip(names, tags, strict=True)]
    _check_mapped_columns_exist(mapping, names)
    best: dict[str, tuple[int, int]] = {}
    for index, (field, _how, rank) in enumerate(matched):
        if field is not None and (field not in best or rank < best[field][0]):
            best[field] = (rank, index)
    columns = []
    for index, (field, how, _rank) in enumerate(matched):
        if field is not None and best[field][1] != index:
            field, how = None, How.TWICE
        columns.append(Column(index, names[index], tags[index], field, how))
    return Layout(sheet.rows[first - 1].number, first, tuple(columns))


def _check_mapped_columns_exist(mapping: Mapping[str, str], names: Sequence[str]) -> None:
    present = {headers.normalise(n) for n in names if n}
    for column in mapping:
        if headers.normalise(column) not in present:
            raise AlholError("sheet_map_column_unknown", column=column)
