"""Settling a conflict: the chosen value becomes a new, audited edit that syncs onward."""

from __future__ import annotations

from typing import Any

from ..errors import AlholError
from ..records import SYNCED_RECORDS
from ..services import write_record
from ..storage import sync_repo
from ..storage.records import get_record
from ..workspace import Workspace, utc_now


def open_conflicts(ws: Workspace, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    return sync_repo.list_conflicts(ws.db, status=None if include_resolved else "open")


def resolve_conflict(ws: Workspace, conflict_id: int, keep: str) -> dict[str, Any]:
    if keep not in ("local", "incoming"):
        raise AlholError("--keep: must be local or incoming")
    conflict = sync_repo.get_conflict(ws.db, conflict_id)
    if conflict is None:
        raise AlholError(f"ID: no conflict {conflict_id}")
    if conflict["status"] != "open":
        raise AlholError(f"conflict {conflict_id} is already resolved")
    cls = SYNCED_RECORDS[conflict["tbl"]]
    before = get_record(ws.db, cls, conflict["pk"])
    if before is None:
        raise AlholError(f"the record of conflict {conflict_id} no longer exists")
    value = conflict["local_value" if keep == "local" else "incoming_value"]
    after = type(before)(**(before.__dict__ | {conflict["col"]: value}))
    with ws.db.atomic():
        changed = write_record(ws, before, after, force=(conflict["col"],))
        sync_repo.close_conflict(ws.db, conflict_id, keep=keep, at=utc_now(), by=ws.operator)
    return {"id": conflict_id, "kept": keep, "value": value, "changed": list(changed)}
