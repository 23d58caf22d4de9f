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
    """Two edits of one field that did not see each other (``kind`` edit), or edits that
    are valid alone but together break a rule of the whole record (``kind`` rule: the
    record keeps its values here until a person decides; ``rule`` names it, "field:code").
    The merge finds them (core/sync/merge.py); ``LoggedConflict`` is one once logged."""

    table: str
    pk: str
    column: str
    local_value: Any
    local_hlc: str
    incoming_value: Any
    incoming_hlc: str
    winner: str  # "local" | "incoming": which value the merge kept for now
    kind: str = "edit"
    rule: str | None = None
    incoming_team: str | None = None  # who made the incoming value, from the bundle
    incoming_by: str | None = None


@dataclass(frozen=True, kw_only=True)
class LoggedConflict(Conflict):
    """A conflict as the ``conflicts`` table holds it (values decoded); the review screen's
    ``ConflictView`` is one with what the screen shows."""

    id: int
    bundle_id: str | None
    detected_at: str
    status: str  # open | resolved
    resolved_at: str | None
    resolved_by: str | None
    resolution: str | None  # local | incoming | typed

    def as_dict(self) -> dict[str, Any]:
        """The stored row, under the table's column names (``conflicts list --json``)."""
        names = {"tbl": "table", "col": "column"}
        return {column: getattr(self, names.get(column, column)) for column in _STORED}


# The table's columns, in its order: the logged ones, and those resolving it adds.
_STORED = (
    "id",
    *CONFLICT_COLUMNS[:10],
    "status",
    "resolved_at",
    "resolved_by",
    "resolution",
    *CONFLICT_COLUMNS[10:],
)
_FIELDS = tuple(LoggedConflict.__dataclass_fields__)


def _json(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def conflict_fields(row: dict[str, Any]) -> dict[str, Any]:
    """A ``conflicts`` row (and whatever else was selected with it) as the fields of a
    ``LoggedConflict``."""
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

    def with_status(self, status: str | None = "open") -> list[LoggedConflict]:
        """Conflicts with ``status`` (None: all), oldest first, their values decoded."""
        where, params = "", []
        if status:
            where, params = "WHERE status = ?", [status]
        sql = f"SELECT * FROM conflicts {where} ORDER BY id"
        return [LoggedConflict(**conflict_fields(row)) for row in self.db.query(sql, params)]

    def get(self, conflict_id: int) -> LoggedConflict | None:
        rows = list(self.db.query("SELECT * FROM conflicts WHERE id = ?", [conflict_id]))
        return LoggedConflict(**conflict_fields(rows[0])) if rows else None

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
