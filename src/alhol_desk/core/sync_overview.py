"""Read-only views of sync for the window that join several tables: conflicts to review,
and what waits to go out.

Nothing here writes. One table's reads are its repository's (``ws.bundles.history``,
``ws.devices.peers``, ``ws.conflicts.open_count``); the writes (export, import, trust,
revoke, resolve) are the sync package's.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .clock import Timestamp
from .storage.conflicts import LoggedConflict, conflict_fields
from .workspace import Workspace

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


@dataclass(frozen=True, kw_only=True)
class ConflictView(LoggedConflict):
    """A conflict as the review screen shows it: the stored conflict, who made each side,
    what the record holds now, and the record's country, date and reference."""

    current_value: Any  # what the record holds now (the provisional winner, or a later edit)
    local: Editor
    incoming: Editor
    country: str | None  # ISO3 of the record's country; None for a camp-wide estimate
    name_en: str | None
    name_ar: str | None
    record_date: str | None
    ref: str | None


def _editor(
    hlc: str,
    teams: dict[str, tuple[str, bool]],
    person: str | None = None,
    person_team: str | None = None,
) -> Editor:
    stamp = Timestamp.parse(hlc)
    team, is_self = teams.get(stamp.node, (None, False))
    return Editor(stamp.node, team or person_team or None, is_self, stamp.wall_ms, person or None)


def conflicts(ws: Workspace, status: str | None = "open") -> list[ConflictView]:
    """Conflicts with ``status`` (open, resolved, or None for all): open first, newest first."""
    rows = ws.conflicts.review_rows(status)
    teams = ws.devices.teams()
    current: dict[str, dict[str, dict[str, Any]]] = {}
    for table in {row["tbl"] for row in rows}:
        pks = sorted({row["pk"] for row in rows if row["tbl"] == table})
        current[table] = ws.records(table).rows_by_id(pks)
    return [
        ConflictView(
            **conflict_fields(row),
            current_value=current[row["tbl"]].get(row["pk"], {}).get(row["col"]),
            local=_editor(row["local_hlc"], teams, row["local_by"], row["local_team"]),
            incoming=_editor(row["incoming_hlc"], teams, row["incoming_by"], row["incoming_team"]),
            country=row["country"],
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            record_date=row["record_date"],
            ref=row["ref"],
        )
        for row in rows
    ]


def oldest_unexported_change(ws: Workspace) -> str | None:
    """When the oldest change made here that no export has carried yet was made (UTC ISO)."""
    return ws.audit.oldest_local_change_after(ws.settings.exported_upto())
