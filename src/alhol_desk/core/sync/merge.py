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
from ..messages import Message
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
    warnings: list[Message] = field(default_factory=list)
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
            raise BundleRejected("merge_unknown_table", table=change.table)
        specs = validation.FIELDS_BY_TABLE[change.table]
        spec = specs.get(change.column)
        if spec is None:
            raise BundleRejected("merge_unknown_column", table=change.table, column=change.column)
        raw = change.value
        if raw is None and change.column in validation.never_null(change.table):
            raise BundleRejected("merge_required", table=change.table, column=change.column)
        # The common cases (null, a count in range) are decided here, without a call.
        if not (
            raw is None
            or (type(raw) is int and spec.kind is count and 0 <= raw <= validation.MAX_COUNT)
        ):
            _check_value(change, spec, is_known_country)
        record_changes = grouped[change.table][change.pk]
        if change.column in record_changes:
            raise BundleRejected("merge_twice", table=change.table, column=change.column)
        record_changes[change.column] = change
    return grouped


def _check_value(
    change: IncomingChange,
    spec: validation.FieldSpec,
    is_known_country: Callable[[str], bool] | None,
) -> None:
    """A value as a form would take it, in its stored form (and a known country)."""
    value, issue = spec.from_bundle(change.column, change.value)
    if issue is not None or value != change.value:
        reason = issue.reason_without_value if issue else "is not in its stored form"
        raise BundleRejected("merge_value", table=change.table, column=change.column, reason=reason)
    if (
        is_known_country is not None
        and spec.kind is validation.Kind.COUNTRY
        and change.value is not None
        and not is_known_country(change.value)
    ):
        raise BundleRejected("merge_unknown_country", table=change.table, column=change.column)


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
                "merge_record",
                article=article,
                kind=type(record).__name__.lower(),
                field=first.field,
                reason=first.reason_without_value,
            )
        return record


def _check_whole(cls: type[Record], changes: Mapping[str, Any], new: bool) -> None:
    missing = [column for column in cls.synced_columns() if column not in changes]
    if missing:
        what = "a new" if new else "a"
        raise BundleRejected(
            "merge_part_of_record", article=what, kind=cls.__name__.lower(), column=missing[0]
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
            raise BundleRejected("merge_relayed", kind=cls.__name__.lower())


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
        elif _follows(change, column, local_hlc):
            edits[column] = _edit(local_value, change)
        elif (pk, column, change.hlc) in seen or (pk, None, change.hlc) in seen:
            unchanged += 1  # already seen here and since overwritten
        else:
            incoming_wins = change.hlc > local_hlc
            if change.value != local_value:
                winner = "incoming" if incoming_wins else "local"
                conflicts.append(
                    _conflict(table, pk, column, local_value, local_hlc, change, winner)
                )
            if incoming_wins:
                edits[column] = _edit(local_value, change)
            else:
                unchanged += 1
    rule = _broken_rule(cls, row, edits, rules) if edits else None
    if rule is not None:
        # Each side was valid, together they break a rule: the record keeps its values
        # here, and every field on which the two sides differ goes to a person.
        conflicts = [
            _conflict(
                table,
                pk,
                column,
                row[column],
                clocks.get((pk, column), (created, None))[0],
                change,
                "local",
                rule=rule,
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


def _follows(change: Any, column: str, local_hlc: str) -> bool:
    """Whether the incoming change was made on top of the value here (a plain edit)."""
    return change.hlc > local_hlc and (
        change.base == local_hlc
        # A delete's base is the newest clock of the record its deleter saw.
        or (column == DELETED and change.base is not None and change.base >= local_hlc)
    )


def _broken_rule(
    cls: type[Record], row: Mapping[str, Any], edits: Mapping[str, tuple[Any, ...]], rules: _Rules
) -> str | None:
    """The first rule the record breaks with the incoming edits applied (``field:code``)."""
    merged = cls.from_row({**row, **{column: edit[1] for column, edit in edits.items()}})
    broken = rules.errors(merged)
    return f"{broken[0].field}:{broken[0].code}" if broken else None


def _conflict(
    table: str,
    pk: str,
    column: str,
    local_value: Any,
    local_hlc: str,
    change: Any,
    winner: str,
    *,
    rule: str | None = None,
) -> Conflict:
    """Two values of one field, each valid, made without seeing the other."""
    return Conflict(
        table,
        pk,
        column,
        local_value,
        local_hlc,
        change.value,
        change.hlc,
        winner,
        kind="edit" if rule is None else "rule",
        rule=rule,
        incoming_team=change.team,
        incoming_by=change.operator,
    )


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
        _delete_raced_edits(plan, table, pk, row, incoming_delete, clocks, edits)
    elif row[DELETED] == 1 and any(c != DELETED for c in edits):
        _edit_raced_delete(plan, table, pk, row, clocks, edits)
    if row[DELETED] == 1 and edits and DELETED not in edits:
        plan.warnings.append(Message("warn_deleted_edited", {"table": table, "pk": pk}))


def _delete_raced_edits(
    plan: MergePlan,
    table: str,
    pk: str,
    row: Mapping[str, Any],
    incoming_delete: Any,
    clocks: Mapping[tuple[str, str], tuple[str, str | None]],
    edits: Mapping[str, tuple[Any, ...]],
) -> None:
    """An incoming delete of a record edited here, by another device, after the deleter saw it."""
    # A delete's base is the newest clock of the record when it was deleted: an edit with a
    # clock up to it was seen by the deleter; a later one (from another device) raced it.
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


def _edit_raced_delete(
    plan: MergePlan,
    table: str,
    pk: str,
    row: Mapping[str, Any],
    clocks: Mapping[tuple[str, str], tuple[str, str | None]],
    edits: Mapping[str, tuple[Any, ...]],
) -> None:
    """Incoming edits of a record deleted here by another device: the delete stays."""
    delete_hlc = clocks.get((pk, DELETED), (row["hlc"], None))[0]
    edit_hlc = max(edits[c][2] for c in edits if c != DELETED)
    if edit_hlc.rsplit(".", 1)[1] != delete_hlc.rsplit(".", 1)[1]:
        plan.conflicts.append(Conflict(table, pk, DELETED, 1, delete_hlc, 0, edit_hlc, "local"))
