"""Use cases shared by the GUI and the CLI: validate, then write with clock and audit."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from . import validation
from .errors import Issue, NotFound, Severity, ValidationFailed
from .records import Batch, Estimate, Record, StatusEvent
from .storage.audit import ColumnChange, effective_clock
from .storage.records import REPATRIATED
from .workspace import Workspace, utc_now

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Saved(Generic[R]):
    """What a save wrote, and the warnings the user should still see."""

    record: R
    created: bool
    changed: tuple[str, ...]
    warnings: tuple[Issue, ...] = ()


def new_id() -> str:
    return str(uuid.uuid4())


def _context_warnings(ws: Workspace, record: Record) -> list[Issue]:
    """Warnings that need other records: more people repatriated than estimated."""
    if not isinstance(record, Batch) or record.deleted or record.status not in REPATRIATED:
        return []
    estimate = ws.estimates.latest_total(record.country)
    if estimate is None:
        return []
    repatriated = ws.batches.repatriated_to(record.country, excluding=record.id)
    repatriated += record.people
    if repatriated <= estimate["total"]:
        return []
    return [
        Issue(
            "country",
            "exceeds_estimate",
            {
                "country": record.country,
                "repatriated": repatriated,
                "estimate": estimate["total"],
                "source": estimate["source"],
                "date": estimate["estimate_date"],
            },
            Severity.WARNING,
        )
    ]


def validate(
    ws: Workspace,
    cls: type[R],
    raw: Mapping[str, Any],
    record_id: str | None = None,
    *,
    new_record_id: str | None = None,
) -> tuple[R, list[Issue], list[Issue]]:
    """The record that saving ``raw`` would produce, with its errors and warnings; writes nothing.

    Forms call this as the user types; ``save_record`` calls it before writing.
    ``record_id`` edits that record; without it a new record is made (``new_record_id``
    fixes its key, for records that must have the same id on every device).
    """
    if record_id is None:
        before = cls(id=new_record_id or new_id())
    else:
        found = ws.table(cls).get(record_id)
        if found is None or getattr(found, "deleted", False):
            raise NotFound("record_not_found", kind=cls.__name__.lower(), id=record_id)
        before = found
    after, coercion_errors = validation.apply_input(before, raw)
    issues = validation.check_record(
        after, today=ws.today(), is_known_country=ws.is_known_country, errors=coercion_errors
    )
    errors, warnings = validation.split(issues)
    if not errors:
        warnings += _context_warnings(ws, after)
    return after, errors, warnings


def _write_record(
    ws: Workspace, before: Record | None, after: Record, *, force: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Write a validated record: a creation, or an edit of the columns that differ.

    ``force`` columns are written even when unchanged: settling a conflict in favour of
    the current value is still a new edit, so that it travels to every other device.
    """
    at = utc_now()
    if before is None:
        _create_records(ws, [after])
        return after.synced_columns()
    changed = tuple(
        c for c in after.synced_columns() if getattr(before, c) != getattr(after, c) or c in force
    )
    if not changed:
        return ()
    with ws.writing():
        clocks = ws.audit.column_clocks(after.TABLE, after.id)
        hlc = str(ws.clock.tick())
        ws.records(after.TABLE).update_columns(after.id, {c: getattr(after, c) for c in changed})
        ws.audit.record_edits(
            after.TABLE,
            after.id,
            [
                ColumnChange(c, getattr(before, c), getattr(after, c), _base(clocks, c, after))
                for c in changed
            ],
            hlc,
            operator=ws.operator,
            at=at,
        )
    return changed


def _base(clocks: dict[str, str], column: str, after: Record) -> str | None:
    """The clock this edit starts from. A delete starts from the newest clock of the whole
    record: it says which version the person deleted, so that an edit made elsewhere that
    this device had already seen is not taken for one racing the delete."""
    if column == "deleted" and getattr(after, "deleted", 0) == 1 and clocks:
        return max(clocks.values())
    return effective_clock(clocks, column)


def save_record(
    ws: Workspace,
    cls: type[R],
    raw: Mapping[str, Any],
    record_id: str | None = None,
    *,
    new_record_id: str | None = None,
    force: tuple[str, ...] = (),
) -> Saved[R]:
    """Create (no id) or edit (only the given fields change) one record, or refuse it whole.

    The one way a record is written from anything a person or a file gave: every rule of
    ``core/validation.py`` first. ``force`` columns are written as new edits even when
    unchanged (a settled conflict must travel to every device)."""
    after, errors, warnings = validate(ws, cls, raw, record_id, new_record_id=new_record_id)
    if errors:
        raise ValidationFailed(errors, warnings)
    before = None if record_id is None else ws.table(cls).get(record_id)
    changed = _write_record(ws, before, after, force=force)
    return Saved(after, before is None, changed, tuple(warnings))


def save_batch(ws: Workspace, raw: Mapping[str, Any], batch_id: str | None = None) -> Saved[Batch]:
    return save_record(ws, Batch, raw, batch_id)


def add_status_event(ws: Workspace, raw: Mapping[str, Any]) -> Saved[StatusEvent]:
    return save_record(ws, StatusEvent, raw)


def add_estimate(ws: Workspace, raw: Mapping[str, Any]) -> Saved[Estimate]:
    return save_record(ws, Estimate, raw)


def delete_batch(ws: Workspace, batch_id: str) -> None:
    """A delete is an edit of the ``deleted`` field, so it syncs and stays in the audit trail."""
    save_record(ws, Batch, {"deleted": 1}, batch_id)


def screen_new_batches(
    ws: Workspace, raws: Iterable[Mapping[str, Any]]
) -> list[tuple[Batch, list[Issue], list[Issue]]]:
    """Each new batch as saving it would make it, with its errors and warnings; writes
    nothing (a spreadsheet import lists every row's problems before it adds any)."""
    screened = []
    today = ws.today()
    for raw in raws:
        after, coercion_errors = validation.apply_input(Batch(id=new_id()), raw)
        issues = validation.check_batch(
            after, today=today, is_known_country=ws.is_known_country, errors=coercion_errors
        )
        errors, warnings = validation.split(issues)
        screened.append((after, errors, warnings))
    return screened


def check_new_batches(ws: Workspace, raws: Iterable[Mapping[str, Any]]) -> list[Batch]:
    """Validate many new batches; any error refuses all, naming its row and field."""
    records: list[Batch] = []
    for index, (after, errors, _warnings) in enumerate(screen_new_batches(ws, raws)):
        if errors:
            raise ValidationFailed(
                [Issue(f"row {index + 1}: {e.field}", e.code, e.params) for e in errors]
            )
        records.append(after)
    return records


def _create_records(ws: Workspace, records: Sequence[Record]) -> None:
    """Write validated new records of one kind, with clocks and audit, in one transaction."""
    at = utc_now()
    with ws.writing():
        hlcs = ws.clock.ticks(len(records))
        ws.records(records[0].TABLE).insert_records(records, hlcs)
        ws.audit.record_creations(records, hlcs, operator=ws.operator, at=at)


def add_batches(ws: Workspace, raws: Iterable[Mapping[str, Any]]) -> list[str]:
    """Create many batches in one transaction, with the same rules as one-by-one saves."""
    records = check_new_batches(ws, raws)
    _create_records(ws, records)
    return [r.id for r in records]


def batches(ws: Workspace, *, country: str | None = None) -> list[Batch]:
    return ws.batches.listed(country=country.upper() if country else None)


def get_batch(ws: Workspace, batch_id: str) -> Batch:
    found = ws.table(Batch).get(batch_id)
    if found is None or found.deleted:
        raise NotFound("record_not_found", kind="batch", id=batch_id)
    return found
