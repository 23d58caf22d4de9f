"""The ``conflicts`` table: two edits to one value (or a rule two edits break together)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

CONFLICT_COLUMNS = (
    "tbl",
    "pk",
    "col",
    "local_value",
    "local_hlc",
    "incoming_value",
    "incoming_hlc",
    "winner",
    "bundle_id",
    "detected_at",
    "kind",
    "rule",
    "incoming_team",
    "incoming_by",
)


@dataclass(frozen=True)
class Conflict:
    """A logged conflict: two edits to one value, or (``kind`` rule) edits valid alone that
    together break a rule. The review screen's ``ConflictView`` is this and what it shows."""

    id: int
    table: str
    pk: str
    column: str
    local_value: Any
    local_hlc: str
    incoming_value: Any
    incoming_hlc: str
    winner: str  # local | incoming: which value the merge kept for now
    bundle_id: str | None
    detected_at: str
    status: str  # open | resolved
    resolved_at: str | None
    resolved_by: str | None
    resolution: str | None  # local | incoming | typed
    kind: str  # edit | rule
    rule: str | None  # for a rule conflict: "field:code" of the rule broken
    incoming_team: str | None
    incoming_by: str | None

    def as_dict(self) -> dict[str, Any]:
        """The stored row, under the table's column names (``conflicts list --json``)."""
        names = {"table": "tbl", "column": "col"}
        return {names.get(key, key): getattr(self, key) for key in _FIELDS}


_FIELDS = tuple(Conflict.__dataclass_fields__)


def _json(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def conflict_fields(row: dict[str, Any]) -> dict[str, Any]:
    """A ``conflicts`` row (and whatever else was selected with it) as ``Conflict``'s fields."""
    fields = {key: row[key] for key in _FIELDS if key in row}
    fields.update(table=row["tbl"], column=row["col"])
    fields.update(
        local_value=_json(row["local_value"]), incoming_value=_json(row["incoming_value"])
    )
    return fields


class Conflicts:
    """Reads and writes of ``conflicts``; writes join the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Log conflicts; one seen again (relayed by another bundle) is not logged twice."""
        self.db.conn.executemany(
            f"INSERT OR IGNORE INTO conflicts ({', '.join(CONFLICT_COLUMNS)}) "
            f"VALUES ({', '.join('?' for _ in CONFLICT_COLUMNS)})",
            rows,
        )

    def with_status(self, status: str | None = "open") -> list[Conflict]:
        """Conflicts with ``status`` (None: all), oldest first, their values decoded."""
        where, params = "", []
        if status:
            where, params = "WHERE status = ?", [status]
        sql = f"SELECT * FROM conflicts {where} ORDER BY id"
        return [Conflict(**conflict_fields(row)) for row in self.db.query(sql, params)]

    def get(self, conflict_id: int) -> Conflict | None:
        rows = list(self.db.query("SELECT * FROM conflicts WHERE id = ?", [conflict_id]))
        return Conflict(**conflict_fields(rows[0])) if rows else None

    def close(self, conflict_id: int, *, keep: str, at: str, by: str) -> None:
        self.db.execute(
            "UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_at = ?, "
            "resolved_by = ? WHERE id = ?",
            [keep, at, by, conflict_id],
        )

    def open_count(self) -> int:
        sql = "SELECT count(*) FROM conflicts WHERE status = 'open'"
        return int(self.db.execute(sql).fetchone()[0])

    def review_rows(self, status: str | None) -> list[dict[str, Any]]:
        """Conflicts (open first, newest first) with their record's country, date and
        reference, and who made this device's side (from the audit trail)."""
        where, params = ("WHERE k.status = ?", [status]) if status else ("", [])
        sql = (
            "SELECT k.*, coalesce(b.country, e.country, s.country) AS country, "
            "coalesce(b.departure_date, e.event_date, s.estimate_date) AS record_date, "
            "b.ref AS ref, n.name_en, n.name_ar, "
            "(SELECT a.operator FROM audit a WHERE a.pk = k.pk AND a.hlc = k.local_hlc "
            " ORDER BY a.id LIMIT 1) AS local_by, "
            "(SELECT a.team FROM audit a WHERE a.pk = k.pk AND a.hlc = k.local_hlc "
            " ORDER BY a.id LIMIT 1) AS local_team FROM conflicts k "
            "LEFT JOIN batches b ON k.tbl = 'batches' AND b.id = k.pk "
            "LEFT JOIN status_events e ON k.tbl = 'status_events' AND e.id = k.pk "
            "LEFT JOIN estimates s ON k.tbl = 'estimates' AND s.id = k.pk "
            "LEFT JOIN countries n ON n.iso3 = coalesce(b.country, e.country, s.country) "
            f"{where} ORDER BY k.status = 'resolved', k.id DESC"
        )
        return list(self.db.query(sql, params))
