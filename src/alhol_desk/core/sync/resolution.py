"""Settling a conflict: the chosen or typed values become a new, audited, validated edit.

Whatever a person chooses goes through the same rules as a form (``services.save_record``):
keeping one side of an edit conflict that would leave the record breaking a rule is
refused, with the advice to type the right values. A *rule* conflict (edits valid alone,
together breaking a rule) is settled for the whole record at once: keep this device's
record, the incoming one, or type the values that are actually right. Every column the
record's open conflicts name is written as a new edit, so that the settlement reaches
every device and wins there as a fast-forward.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import AlholError, ValidationFailed
from ..records import SYNCED_RECORDS
from ..services import save_record
from ..storage.conflicts import LoggedConflict
from ..workspace import Workspace, utc_now


def open_conflicts(ws: Workspace, *, include_resolved: bool = False) -> list[LoggedConflict]:
    return ws.conflicts.with_status(status=None if include_resolved else "open")


def _check_choice(keep: str | None, values: Mapping[str, Any] | None) -> None:
    if (keep is None) == (values is None):
        raise AlholError("conflict_choose")
    if keep is not None and keep not in ("local", "incoming"):
        raise AlholError("conflict_keep_side")


def _kept(
    conflict: LoggedConflict, same_record: list[LoggedConflict], keep: str
) -> tuple[list[LoggedConflict], dict[str, Any]]:
    """What keeping one side settles (a rule's conflicts go together) and the values kept."""
    side = "local_value" if keep == "local" else "incoming_value"
    settled = (
        [c for c in same_record if c.kind == "rule"] if conflict.kind == "rule" else [conflict]
    )
    return settled, {c.column: getattr(c, side) for c in settled}


def resolve_conflict(
    ws: Workspace,
    conflict_id: int,
    keep: str | None = None,
    *,
    values: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Keep ``local`` or ``incoming``, or save the typed ``values`` (field -> text or number)."""
    _check_choice(keep, values)
    conflict = ws.conflicts.get(conflict_id)
    if conflict is None:
        raise AlholError("conflict_unknown", conflict_id=conflict_id)
    if conflict.status != "open":
        raise AlholError("conflict_resolved", conflict_id=conflict_id)
    cls = SYNCED_RECORDS[conflict.table]
    before = ws.table(cls).get(conflict.pk)
    if before is None:
        raise AlholError("conflict_record_gone", conflict_id=conflict_id)
    same_record = [
        c
        for c in ws.conflicts.with_status(status="open")
        if c.table == conflict.table and c.pk == conflict.pk
    ]
    if values is not None:
        settled = same_record  # typed values settle everything open on the record
        raw: dict[str, Any] = dict(values)
        how = "typed"
    else:
        settled, raw = _kept(conflict, same_record, str(keep))
        how = str(keep)
    force = tuple(sorted({c.column for c in settled} | set(raw)))
    try:
        with ws.db.atomic():
            saved = save_record(ws, cls, raw, conflict.pk, force=force)
            for c in settled:
                ws.conflicts.close(c.id, keep=how, at=utc_now(), by=ws.operator)
    except ValidationFailed as failed:
        if values is not None:
            raise
        first = failed.errors[0]
        raise AlholError(
            "conflict_keep_breaks",
            side=keep,
            kind=cls.__name__.lower(),
            field=first.field,
            reason=first.reason,
            conflict_id=conflict_id,
        ) from None
    return {
        "id": conflict_id,
        "kept": how,
        "value": raw.get(conflict.column, getattr(saved.record, conflict.column)),
        "settled": [c.id for c in settled],
        "changed": list(saved.changed),
    }
