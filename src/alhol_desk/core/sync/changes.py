"""The manifest's ``changes``, checked in bulk: the schema's ``$defs/change``, written by hand.

A bundle can hold 50,000 changes, and a per-item schema validator would spend seconds on
them. Here each field is checked for the whole list at once with C-level operations
(``map``, ``set``, ``bytes.translate``), and only a list that fails is walked item by item
to name the first problem. ``tests/sync/test_manifest.py`` proves that
:func:`change_problem`, the bulk check and the shipped schema give the same answers.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection
from functools import cache
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple, cast

from ..records import SYNCED_RECORDS
from .errors import BundleRejected, quoted


class Change(NamedTuple):
    """One field of one record: its new value, its clock, and the clock its editor saw."""

    table: str
    pk: str
    column: str
    value: str | int | None
    hlc: str
    base: str | None


TABLES = frozenset(SYNCED_RECORDS)
COLUMN_MAX_LENGTH = 64
# Fixed-width shapes, one character per position: 9 a digit, x a lowercase hex digit,
# anything else itself. They are the schema's hlc and pk patterns.
HLC_SHAPE = "9" * 13 + "." + "9" * 6 + "." + "x" * 32
PK_SHAPE = "x" * 8 + "-" + "x" * 4 + "-" + "x" * 4 + "-" + "x" * 4 + "-" + "x" * 12

_FIELDS = frozenset(Change._fields)
_ROW = itemgetter(*Change._fields)
_COLUMN = re.compile(r"\*|[a-z][a-z0-9_]*")
_VALUE_TYPES = frozenset({str, int, type(None)})
_DIGITS = b"0123456789"
# Every byte to "?" except: hex digits to "x", and the separators a shape uses to themselves.
_HEX_TO_X = bytes(
    ord("x") if b in b"0123456789abcdef" else b if b in b".-" else ord("?") for b in range(256)
)
_ADVICE = "ask the sender to update alhol-desk and export again"
_JSON_KINDS = {list: "a list", dict: "an object", bool: "true or false", float: "a fraction"}


def compact_change(obj: dict[str, Any]) -> Any:
    """A parse hook: an object with exactly the change fields, in order, becomes a Change.

    Nothing is checked here (``check_changes`` still does it all); this only keeps a
    50,000-change manifest small while it is parsed: a tuple instead of a dict, and the
    record ids and clocks, repeated once per column, shared instead of copied.
    """
    if len(obj) != len(Change._fields) or tuple(obj) != Change._fields:
        return obj
    table, pk, column, value, hlc, base = obj.values()
    return tuple.__new__(
        Change, (_shared(table), _shared(pk), _shared(column), value, _shared(hlc), _shared(base))
    )


def _shared(value: Any) -> Any:
    return sys.intern(value) if type(value) is str else value


def check_changes(items: list[Any], *, path: str = "/changes") -> tuple[Change, ...]:
    """The items as :class:`Change` tuples, or :class:`BundleRejected` naming the first bad one."""
    changes = bulk_check(items)
    if changes is None:
        for index, item in enumerate(items):
            problem = change_problem(item)
            if problem is not None:
                where, what = problem
                raise BundleRejected(
                    f"the bundle's manifest is not valid at {path}/{index}{where}: {what}: "
                    f"{_ADVICE}"
                )
        # Every change is valid, but not all in the one shape the bulk check takes: some
        # objects list their members in another order (JSON objects are unordered, so the
        # schema accepts them). Found by fuzzing (benchmarks/fuzz_import.py).
        return tuple(item if type(item) is Change else Change(*_ROW(item)) for item in items)
    return changes


def change_problem(item: Any) -> tuple[str, str] | None:
    """The first way ``item`` breaks ``$defs/change``, as (path suffix, reason), or None."""
    if type(item) is Change:  # made by compact_change from an object with exactly its fields
        item = item._asdict()
    if type(item) is not dict:
        return "", "a change must be a JSON object"
    for name in Change._fields:
        if name not in item:
            return "", f"the field {name!r} is missing"
    for name in item:
        if name not in _FIELDS:
            return "", f"the field {quoted(name)} is not allowed"
    table, pk, column, value, hlc, base = _ROW(item)
    if type(table) is not str or table not in TABLES:
        return "/table", f"{quoted(table)} is not one of: {', '.join(sorted(TABLES))}"
    if not _all_shaped((pk,), PK_SHAPE):
        return "/pk", f"{quoted(pk)} is not a record id (a lowercase UUID)"
    if not _column_ok(column):
        return "/column", f"{quoted(column)} is not a column name"
    if type(value) not in _VALUE_TYPES:
        # Never the value itself: it may be a name or a note, and reasons are logged.
        kind = _JSON_KINDS.get(type(value), "not JSON")
        return "/value", f"is {kind}, but a value must be text, a whole number or null"
    if not _all_shaped((hlc,), HLC_SHAPE):
        return "/hlc", f"{quoted(hlc)} is not a clock value"
    if base is not None and not _all_shaped((base,), HLC_SHAPE):
        return "/base", f"{quoted(base)} is not a clock value or null"
    return None


def bulk_check(items: list[Any]) -> tuple[Change, ...] | None:
    """Every item as a Change when all are valid (the schema's answer), else None."""
    if not items:
        return ()
    kinds = set(map(type, items))
    if kinds == {Change}:  # parsed with compact_change: fields already in place
        changes = tuple(items)
    elif kinds != {dict} or set(map(len, items)) != {len(_FIELDS)}:
        # Objects of six members that include the six fields have exactly those fields.
        return None
    else:
        try:
            # tuple.__new__ straight from the C-level map: no Python call per change.
            changes = cast(
                tuple[Change, ...], tuple(map(tuple.__new__, repeat(Change), map(_ROW, items)))
            )
        except KeyError:
            return None
    table, pk, column, value, hlc, base = (itemgetter(i) for i in range(len(Change._fields)))
    try:
        if not set(map(table, changes)) <= TABLES:
            return None
        columns = set(map(column, changes))
    except TypeError:  # an unhashable value (a list or an object) where text belongs
        return None
    # The long columns are checked whole and in document order: a set's order would
    # scatter the reads over memory and cost more than the duplicates it saves.
    bases = [b for b in map(base, changes) if b is not None]
    if not (
        all(map(_column_ok, columns))
        and set(map(type, map(value, changes))) <= _VALUE_TYPES
        and _all_shaped(list(map(pk, changes)), PK_SHAPE)
        and _all_shaped(list(map(hlc, changes)), HLC_SHAPE)
        and _all_shaped(bases, HLC_SHAPE)
    ):
        return None
    return changes


def _column_ok(column: Any) -> bool:
    return (
        type(column) is str
        and len(column) <= COLUMN_MAX_LENGTH
        and _COLUMN.fullmatch(column) is not None
    )


def _all_shaped(values: Collection[Any], shape: str) -> bool:
    """Whether every value is a str of ``shape`` (see HLC_SHAPE), checked all at once.

    A regex per value costs ~0.6 µs, too much at 50,000 clocks. Instead the values are laid
    end to end: one translation maps every hex digit to "x" and the result must be the shape
    repeated; then the digit-only positions are sliced out of every value and checked.
    """
    width = len(shape)
    try:
        if set(map(len, values)) - {width}:
            return False
        text = "".join(values)  # refuses anything but str (a list of the right length too)
    except TypeError:
        return False
    if not text.isascii():
        return False
    raw = text.encode("ascii")
    template, digit_positions = _shape_template(shape)
    if raw.translate(_HEX_TO_X) != template * len(values):
        return False
    digits = b"".join(raw[i::width] for i in digit_positions)
    return not digits.translate(None, _DIGITS)


@cache
def _shape_template(shape: str) -> tuple[bytes, tuple[int, ...]]:
    template = shape.replace("9", "x").encode("ascii")
    return template, tuple(i for i, c in enumerate(shape) if c == "9")
