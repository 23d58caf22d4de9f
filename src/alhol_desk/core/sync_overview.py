"""Read-only views of sync for the window: conflicts to review, bundle history, what waits.

Nothing here writes. The window's sync screens read through these functions, never SQL;
the writes (export, import, trust, revoke, resolve) are the sync package's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .clock import Timestamp
from .messages import MESSAGES, Message
from .storage import browse_repo, sync_repo
from .storage.settings import get_setting
from .workspace import Workspace

EXPORTED_UPTO_KEY = "export.audit_upto"  # the audit id the last export covered (sync sets it)
# The outcomes the history holds (the Sync screen filters by them). A replay ("already
# imported") changes no record but is written down, so a data manager sees that a stick
# brought a bundle twice; a bundle for another device is skipped and not written down.
BUNDLE_OUTCOMES = ("exported", "applied", "already_imported", "refused", "quarantined")


@dataclass(frozen=True)
class Editor:
    """Who made one side of a conflict: a device (by its clock's node), when, and the person
    (as the audit trail or the bundle names them; None when not known here)."""

    device_id: str
    team: str | None  # None: a device this laptop has never trusted (relayed by HQ)
    is_self: bool
    at_ms: int  # the edit's clock time, milliseconds since 1970 (UTC)
    person: str | None = None


@dataclass(frozen=True)
class ConflictView:
    """A conflict as the review screen shows it."""

    id: int
    table: str
    pk: str
    column: str
    local_value: Any
    incoming_value: Any
    current_value: Any  # what the record holds now (the provisional winner, or a later edit)
    local: Editor
    incoming: Editor
    winner: str  # local | incoming: which value the merge kept for now
    status: str  # open | resolved
    resolution: str | None  # local | incoming | typed
    resolved_at: str | None
    resolved_by: str | None
    detected_at: str
    country: str | None  # ISO3 of the record's country; None for a camp-wide estimate
    name_en: str | None
    name_ar: str | None
    record_date: str | None
    ref: str | None
    kind: str = "edit"  # edit | rule (edits valid alone that together break a rule)
    rule: str | None = None  # for a rule conflict: "field:code" of the rule broken


def _editor(
    hlc: str,
    teams: dict[str, tuple[str, bool]],
    person: str | None = None,
    person_team: str | None = None,
) -> Editor:
    stamp = Timestamp.parse(hlc)
    team, is_self = teams.get(stamp.node, (None, False))
    return Editor(stamp.node, team or person_team or None, is_self, stamp.wall_ms, person or None)


def _value(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def conflicts(ws: Workspace, status: str | None = "open") -> list[ConflictView]:
    """Conflicts with ``status`` (open, resolved, or None for all): open first, newest first."""
    rows = browse_repo.conflict_rows(ws.db, status)
    teams = browse_repo.device_teams(ws.db)
    current: dict[str, dict[str, dict[str, Any]]] = {}
    for table in {row["tbl"] for row in rows}:
        pks = sorted({row["pk"] for row in rows if row["tbl"] == table})
        current[table] = sync_repo.load_rows(ws.db, table, pks)
    return [
        ConflictView(
            id=row["id"],
            table=row["tbl"],
            pk=row["pk"],
            column=row["col"],
            local_value=_value(row["local_value"]),
            incoming_value=_value(row["incoming_value"]),
            current_value=current[row["tbl"]].get(row["pk"], {}).get(row["col"]),
            local=_editor(row["local_hlc"], teams, row["local_by"], row["local_team"]),
            incoming=_editor(row["incoming_hlc"], teams, row["incoming_by"], row["incoming_team"]),
            winner=row["winner"],
            status=row["status"],
            resolution=row["resolution"],
            resolved_at=row["resolved_at"],
            resolved_by=row["resolved_by"],
            detected_at=row["detected_at"],
            country=row["country"],
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            record_date=row["record_date"],
            ref=row["ref"],
            kind=row["kind"],
            rule=row["rule"],
        )
        for row in rows
    ]


def open_conflict_count(ws: Workspace) -> int:
    return sync_repo.count_open_conflicts(ws.db)


@dataclass(frozen=True)
class BundleEntry:
    """One line of the bundle history: a bundle written here or read here."""

    id: int
    direction: str  # sent | received
    at: str  # when it was written or read here (UTC, ISO 8601)
    sender: str | None  # device id; None when a refused file could not even be opened
    team: str | None  # the sender's team, when known
    is_self: bool
    seq: int | None
    changes: int | None
    new: int | None
    updated: int | None
    unchanged: int | None
    conflicts: int | None
    warnings: int | None
    outcome: str  # one of BUNDLE_OUTCOMES
    reason: str | None  # why it was refused (value-free, one line, English)
    message: Message | None  # the same as a code and values; None in rows older than codes
    file_name: str | None


def bundle_history(
    ws: Workspace,
    *,
    direction: str | None = None,
    outcome: str | None = None,
    limit: int = 5000,
) -> list[BundleEntry]:
    """Bundles sent and received, newest first, filtered by direction and outcome."""
    return [
        BundleEntry(
            id=row["id"],
            direction=row["direction"],
            at=row["at"],
            sender=row["sender"],
            team=row["team"],
            is_self=bool(row["is_self"]),
            seq=row["seq"],
            changes=row["changes"],
            new=row["new"],
            updated=row["updated"],
            unchanged=row["unchanged"],
            conflicts=row["conflicts"],
            warnings=row["warnings"],
            outcome=row["outcome"],
            reason=row["reason"],
            message=_refusal(row["reason_code"], row["reason_params"]),
            file_name=row["file_name"],
        )
        for row in browse_repo.bundle_rows(ws.db, direction=direction, outcome=outcome, limit=limit)
    ]


def _refusal(code: str | None, params: str | None) -> Message | None:
    """A stored refusal's message; None for a row written before codes, or a code this
    version no longer knows (its English line is then all there is)."""
    if code is None or code not in MESSAGES:
        return None
    try:
        values = json.loads(params) if params else {}
    except ValueError:
        return None
    return Message(code, values) if isinstance(values, dict) else None


def trusted_devices(ws: Workspace) -> list[sync_repo.PeerDevice]:
    """The other devices this one trusts (revoked ones too, marked), by team."""
    return sync_repo.peer_devices(ws.db)


def oldest_unexported_change(ws: Workspace) -> str | None:
    """When the oldest change made here that no export has carried yet was made (UTC ISO)."""
    mark = get_setting(ws.db, EXPORTED_UPTO_KEY)
    return browse_repo.oldest_local_change_after(ws.db, int(mark) if mark else 0)
