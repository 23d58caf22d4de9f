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
from ..errors import Issue
from ..records import SYNCED_RECORDS, Record
from ..storage.conflicts import Conflict
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


@dataclass
class NewRecord:
    record: Record
    hlc: str  # creation clock
    clocks: dict[str, tuple[str, str | None]]  # columns whose clock differs from the creation
    author: tuple[str, str] = ("", "")  # (team, operator) who created it


@dataclass
class MergePlan:
    new_records: list[NewRecord] = field(default_factory=list)
    # (table, pk) -> column -> (old, new, hlc, base, team, operator): who made it
    edits: dict[tuple[str, str], dict[str, tuple[Any, Any, str, str | None, str, str]]] = field(
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


def group_changes(
    changes: Iterable[IncomingChange],
    *,
    is_known_country: Callable[[str], bool] | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """table -> pk -> column -> change; refuses unknown tables/columns, bad values (an
    unknown country too, when ``is_known_country`` is given), duplicates."""
    grouped: dict[str, dict[str, dict[str, Any]]] = defaultdict(lambda: defaultdict(dict))
    count = validation.Kind.COUNT
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
        raw = change.value
        if raw is None and change.column in validation.never_null(change.table):
            raise BundleRejected(
                f"a value in the bundle breaks a rule: {change.table}.{change.column} is "
                "required (a number, 0 for none)"
            )
        if raw is None or (
            type(raw) is int and spec.kind is count and 0 <= raw <= validation.MAX_COUNT
        ):
            # The common cases, decided here (what coerce_value would say, without the call).
            record_changes = grouped[change.table][change.pk]
            if change.column in record_changes:
                raise BundleRejected(
                    f"the bundle changes {change.table}.{change.column} of one record twice"
                )
            record_changes[change.column] = change
            continue
        value, issue = validation.coerce_value(change.column, _optional(spec), raw)
        if issue is not None or value != change.value:
            reason = issue.reason_without_value if issue else "is not in its stored form"
            raise BundleRejected(
                f"a value in the bundle breaks a rule: {change.table}.{change.column} {reason}"
            )
        if (
            is_known_country is not None
            and spec.kind is validation.Kind.COUNTRY
            and change.value is not None
            and not is_known_country(change.value)
        ):
            raise BundleRejected(
                f"a value in the bundle breaks a rule: {change.table}.{change.column} is not a "
                "known ISO 3166 alpha-3 country code"
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
    relayed_from: Callable[[str], bool] | None = None,
) -> MergePlan:
    """What merging ``grouped`` into ``local`` would write.

    ``relayed_from(device_id)`` says whether the sender may carry a change clocked by that
    device (HQ relays everyone's; a laptop only its own): a change clocked by another
    device must then already be known here (a value the laptop holds from HQ), or the
    bundle is refused.
    """
    plan = MergePlan()
    newest = ""
    rules = _Rules(today, is_known_country)
    for table, records in grouped.items():
        cls = SYNCED_RECORDS[table]
        rows = local.rows.get(table, {})
        clocks = local.clocks.get(table, {})
        for pk, changes in records.items():
            newest = max(newest, *(c.hlc for c in changes.values()))
            row = rows.get(pk)
            _check_whole(cls, changes, row is None)
            if relayed_from is not None:
                _check_relays(cls, pk, row, changes, clocks, local.seen, relayed_from)
            sender_view = rules.check(
                cls(id=pk, **{column: change.value for column, change in changes.items()}),
                "a new" if row is None else "a",
            )
            if row is None:
                plan.new_records.append(_new_record(sender_view, changes))
            else:
                _merge_record(plan, cls, pk, row, changes, clocks, local.seen, rules)
    plan.newest_hlc = newest or None
    return plan


class _Rules:
    """The whole-record rules of ``core/validation.py``, as a form checks them."""

    def __init__(self, today: date, is_known_country: Callable[[str], bool]) -> None:
        self.today = today
        self.is_known_country = is_known_country

    def errors(self, record: Record) -> list[Issue]:
        issues = validation.check_record(
            record, today=self.today, is_known_country=self.is_known_country
        )
        return validation.split(issues)[0]

    def check(self, record: Record, article: str) -> Record:
        """The sender's record must pass every rule, as it would in a form; else refused."""
        errors = self.errors(record)
        if errors:
            first = errors[0]
            raise BundleRejected(
                f"{article} {type(record).__name__.lower()} in the bundle breaks a rule: "
                f"{first.field}: {first.reason_without_value}"
            )
        return record


def _check_whole(cls: type[Record], changes: Mapping[str, Any], new: bool) -> None:
    missing = [column for column in cls.synced_columns() if column not in changes]
    if missing:
        what = "a new" if new else "a"
        raise BundleRejected(
            f"the bundle gives only part of {what} {cls.__name__.lower()} (no {missing[0]}); "
            "alhol-desk always sends whole records: it was not merged"
        )


def _check_relays(
    cls: type[Record],
    pk: str,
    row: Mapping[str, Any] | None,
    changes: Mapping[str, Any],
    clocks: Mapping[tuple[str, str], tuple[str, str | None]],
    seen: set[tuple[str, str | None, str]],
    relayed_from: Callable[[str], bool],
) -> None:
    for column, change in changes.items():
        if relayed_from(change.hlc[-32:]):
            continue
        known = row is not None and (
            change.hlc == clocks.get((pk, column), (row["hlc"], None))[0]
            or (pk, column, change.hlc) in seen
            or (pk, None, change.hlc) in seen
        )
        if not known:
            raise BundleRejected(
                f"the bundle carries a change to a {cls.__name__.lower()} made on another "
                "device, which only HQ may relay; it was not merged"
            )


def _new_record(record: Record, changes: Mapping[str, Any]) -> NewRecord:
    created = min(change.hlc for change in changes.values())
    own = {
        column: (change.hlc, change.base)
        for column, change in changes.items()
        if change.hlc != created or change.base is not None
    }
    first = next(change for change in changes.values() if change.hlc == created)
    return NewRecord(record, created, own, (first.team, first.operator))


def _merge_record(
    plan: MergePlan,
    cls: type[Record],
    pk: str,
    row: Mapping[str, Any],
    changes: Mapping[str, Any],
    clocks: Mapping[tuple[str, str], tuple[str, str | None]],
    seen: set[tuple[str, str | None, str]],
    rules: _Rules,
) -> None:
    table = cls.TABLE
    created = row["hlc"]
    edits: dict[str, tuple[Any, Any, str, str | None, str, str]] = {}
    conflicts: list[Conflict] = []
    unchanged = 0
    for column, change in changes.items():
        local_hlc = clocks.get((pk, column), (created, None))[0]
        local_value = row[column]
        if change.hlc == local_hlc:
            unchanged += 1
        elif change.hlc > local_hlc and (
            change.base == local_hlc
            # A delete's base is the newest clock of the record its deleter saw.
            or (column == DELETED and change.base is not None and change.base >= local_hlc)
        ):
            edits[column] = _edit(local_value, change)
        elif (pk, column, change.hlc) in seen or (pk, None, change.hlc) in seen:
            unchanged += 1  # already seen here and since overwritten
        else:
            incoming_wins = change.hlc > local_hlc
            if change.value != local_value:
                conflicts.append(
                    Conflict(
                        table,
                        pk,
                        column,
                        local_value,
                        local_hlc,
                        change.value,
                        change.hlc,
                        "incoming" if incoming_wins else "local",
                        incoming_team=change.team,
                        incoming_by=change.operator,
                    )
                )
            if incoming_wins:
                edits[column] = _edit(local_value, change)
            else:
                unchanged += 1
    if edits:
        merged = cls.from_row({**row, **{column: edit[1] for column, edit in edits.items()}})
        broken = rules.errors(merged)
        if broken:
            # Each side was valid, together they break a rule: the record keeps its values
            # here, and every field on which the two sides differ goes to a person.
            rule = f"{broken[0].field}:{broken[0].code}"
            conflicts = [
                Conflict(
                    table,
                    pk,
                    column,
                    row[column],
                    clocks.get((pk, column), (created, None))[0],
                    change.value,
                    change.hlc,
                    "local",
                    kind="rule",
                    rule=rule,
                    incoming_team=change.team,
                    incoming_by=change.operator,
                )
                for column, change in changes.items()
                if change.value != row[column]
            ]
            unchanged += len(edits)
            edits = {}
    plan.conflicts += conflicts
    plan.unchanged += unchanged
    _delete_races(plan, table, pk, row, changes, clocks, edits)
    if edits:
        plan.edits[(table, pk)] = edits


def _edit(local_value: Any, change: Any) -> tuple[Any, Any, str, str | None, str, str]:
    return (local_value, change.value, change.hlc, change.base, change.team, change.operator)


def _delete_races(
    plan: MergePlan,
    table: str,
    pk: str,
    row: Mapping[str, Any],
    changes: Mapping[str, Any],
    clocks: Mapping[tuple[str, str], tuple[str, str | None]],
    edits: Mapping[str, tuple[Any, ...]],
) -> None:
    """A delete racing an edit is always a conflict, even on different columns."""
    incoming_delete = changes.get(DELETED)
    if incoming_delete is not None and incoming_delete.value == 1 and row[DELETED] == 0:
        # A delete's base is the newest clock of the record when it was deleted: an edit
        # with a clock up to it was seen by the deleter; a later one (from another
        # device) raced the delete.
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
