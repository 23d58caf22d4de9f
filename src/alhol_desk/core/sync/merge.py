"""Field-level last-writer-wins merge on the HLC order, with concurrent edits logged as conflicts.

Pure planning: ``plan_merge`` reads the local state it is given and returns what to
write; ``verify`` shows the plan, ``import`` applies it in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from .. import validation
from ..records import SYNCED_RECORDS, Record
from .errors import BundleRejected

DELETED = "deleted"


class IncomingChange(Protocol):
    @property
    def table(self) -> str: ...
    @property
    def pk(self) -> str: ...
    @property
    def column(self) -> str: ...
    @property
    def value(self) -> Any: ...
    @property
    def hlc(self) -> str: ...
    @property
    def base(self) -> str | None: ...


@dataclass(frozen=True)
class Conflict:
    table: str
    pk: str
    column: str
    local_value: Any
    local_hlc: str
    incoming_value: Any
    incoming_hlc: str
    winner: str  # "local" | "incoming"


@dataclass
class NewRecord:
    record: Record
    hlc: str  # creation clock
    clocks: dict[str, tuple[str, str | None]]  # columns whose clock differs from the creation


@dataclass
class MergePlan:
    new_records: list[NewRecord] = field(default_factory=list)
    # (table, pk) -> column -> (old, new, hlc, base)
    edits: dict[tuple[str, str], dict[str, tuple[Any, Any, str, str | None]]] = field(
        default_factory=dict
    )
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)
    newest_hlc: str | None = None

    @property
    def summary(self) -> dict[str, int]:
        return {
            "new": len(self.new_records),
            "updated": len(self.edits),
            "unchanged": self.unchanged,
            "conflicts": len(self.conflicts),
            "warnings": len(self.warnings),
        }


@dataclass
class LocalState:
    """What this device holds for the records a bundle touches."""

    rows: Mapping[str, Mapping[str, dict[str, Any]]]  # table -> pk -> row (with 'hlc')
    clocks: Mapping[str, Mapping[tuple[str, str], tuple[str, str | None]]]  # table -> (pk, col)
    seen: set[tuple[str, str | None, str]]  # (pk, col or None for creation, hlc)


def group_changes(changes: Iterable[IncomingChange]) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> pk -> column -> change; refuses unknown tables/columns, bad values, duplicates."""
    grouped: dict[str, dict[str, dict[str, Any]]] = defaultdict(lambda: defaultdict(dict))
    for change in changes:
        cls = SYNCED_RECORDS.get(change.table)
        if cls is None:
            raise BundleRejected(f"the bundle changes an unknown table {change.table!r}")
        specs = validation.FIELDS_BY_TABLE[change.table]
        spec = specs.get(change.column)
        if spec is None:
            raise BundleRejected(
                f"the bundle changes an unknown column {change.table}.{change.column}"
            )
        value, issue = validation.coerce_value(change.column, _optional(spec), change.value)
        if issue is not None or value != change.value:
            reason = issue.reason_without_value if issue else "is not in its stored form"
            raise BundleRejected(
                f"a value in the bundle breaks a rule: {change.table}.{change.column} {reason}"
            )
        record_changes = grouped[change.table][change.pk]
        if change.column in record_changes:
            raise BundleRejected(
                f"the bundle changes {change.table}.{change.column} of one record twice"
            )
        record_changes[change.column] = change
    return grouped


_OPTIONAL: dict[int, validation.FieldSpec] = {}


def _optional(spec: validation.FieldSpec) -> validation.FieldSpec:
    """Required fields are checked on the whole record, not on a single incoming value."""
    if not spec.required:
        return spec
    key = id(spec)
    if key not in _OPTIONAL:
        _OPTIONAL[key] = validation.FieldSpec(spec.kind, False, spec.choices)
    return _OPTIONAL[key]


def plan_merge(
    grouped: Mapping[str, Mapping[str, Mapping[str, Any]]],
    local: LocalState,
    *,
    today: date,
    is_known_country: Callable[[str], bool],
) -> MergePlan:
    plan = MergePlan()
    newest = ""
    for table, records in grouped.items():
        cls = SYNCED_RECORDS[table]
        rows = local.rows.get(table, {})
        clocks = local.clocks.get(table, {})
        for pk, changes in records.items():
            newest = max(newest, *(c.hlc for c in changes.values()))
            row = rows.get(pk)
            if row is None:
                plan.new_records.append(
                    _new_record(cls, pk, changes, today=today, is_known_country=is_known_country)
                )
            else:
                _merge_record(plan, cls, pk, row, changes, clocks, local.seen)
    plan.newest_hlc = newest or None
    return plan


def _new_record(
    cls: type[Record],
    pk: str,
    changes: Mapping[str, Any],
    *,
    today: date,
    is_known_country: Callable[[str], bool],
) -> NewRecord:
    record = cls(id=pk, **{column: change.value for column, change in changes.items()})
    issues = validation.check_record(record, today=today, is_known_country=is_known_country)
    errors, _ = validation.split(issues)
    if errors:
        first = errors[0]
        raise BundleRejected(
            f"a new {cls.__name__.lower()} in the bundle breaks a rule: "
            f"{first.field}: {first.reason_without_value}"
        )
    created = min(change.hlc for change in changes.values())
    own = {
        column: (change.hlc, change.base)
        for column, change in changes.items()
        if change.hlc != created
    }
    return NewRecord(record, created, own)


def _merge_record(
    plan: MergePlan,
    cls: type[Record],
    pk: str,
    row: Mapping[str, Any],
    changes: Mapping[str, Any],
    clocks: Mapping[tuple[str, str], tuple[str, str | None]],
    seen: set[tuple[str, str | None, str]],
) -> None:
    table = cls.TABLE
    created = row["hlc"]
    edits: dict[str, tuple[Any, Any, str, str | None]] = {}
    for column, change in changes.items():
        local_hlc = clocks.get((pk, column), (created, None))[0]
        local_value = row[column]
        if change.hlc == local_hlc:
            plan.unchanged += 1
        elif change.base == local_hlc and change.hlc > local_hlc:
            edits[column] = (local_value, change.value, change.hlc, change.base)
        elif (pk, column, change.hlc) in seen or (pk, None, change.hlc) in seen:
            plan.unchanged += 1  # already seen here and since overwritten
        else:
            incoming_wins = change.hlc > local_hlc
            if change.value != local_value:
                plan.conflicts.append(
                    Conflict(
                        table,
                        pk,
                        column,
                        local_value,
                        local_hlc,
                        change.value,
                        change.hlc,
                        "incoming" if incoming_wins else "local",
                    )
                )
            if incoming_wins:
                edits[column] = (local_value, change.value, change.hlc, change.base)
            else:
                plan.unchanged += 1
    _delete_races(plan, table, pk, row, changes, clocks, edits)
    if edits:
        plan.edits[(table, pk)] = edits


def _delete_races(
    plan: MergePlan,
    table: str,
    pk: str,
    row: Mapping[str, Any],
    changes: Mapping[str, Any],
    clocks: Mapping[tuple[str, str], tuple[str, str | None]],
    edits: Mapping[str, tuple[Any, Any, str, str | None]],
) -> None:
    """A delete racing an edit is always a conflict, even on different columns."""
    incoming_delete = changes.get(DELETED)
    if incoming_delete is not None and incoming_delete.value == 1 and row[DELETED] == 0:
        base = incoming_delete.base or row["hlc"]
        sender = incoming_delete.hlc.rsplit(".", 1)[1]
        raced = [
            hlc
            for (key_pk, column), (hlc, _) in clocks.items()
            if key_pk == pk and column != DELETED and hlc > base and hlc.rsplit(".", 1)[1] != sender
        ]
        if raced:
            winner = "incoming" if DELETED in edits else "local"
            plan.conflicts.append(
                Conflict(table, pk, DELETED, 0, max(raced), 1, incoming_delete.hlc, winner)
            )
    elif row[DELETED] == 1 and any(c != DELETED for c in edits):
        delete_hlc = clocks.get((pk, DELETED), (row["hlc"], None))[0]
        edit_hlc = max(edits[c][2] for c in edits if c != DELETED)
        if edit_hlc.rsplit(".", 1)[1] != delete_hlc.rsplit(".", 1)[1]:
            plan.conflicts.append(Conflict(table, pk, DELETED, 1, delete_hlc, 0, edit_hlc, "local"))
    if row[DELETED] == 1 and edits and DELETED not in edits:
        plan.warnings.append(f"{table} {pk}: edited elsewhere after it was deleted here")
