"""The ``audit`` and ``field_clock`` tables: the history of every change (and the outbox),
and the clock of every synced value (the merge state)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import SYNCED_RECORDS, Record
from .conditions import equal_to
from .records import chunks

if TYPE_CHECKING:
    import sqlite_utils

ROW_CLOCK = "*"  # key of a record's creation clock in ``column_clocks``


@dataclass(frozen=True)
class ColumnChange:
    column: str
    old: Any
    new: Any
    base: str | None  # the clock the editor saw before this edit


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    operator: str
    table: str
    pk: str
    column: str | None
    old: Any
    new: Any
    hlc: str
    bundle_id: str | None


@dataclass(frozen=True)
class AuditFilter:
    table: str | None = None
    record: str | None = None  # the start of a record id
    operator: str | None = None
    date_from: str | None = None  # YYYY-MM-DD (UTC, as the audit trail stores time)
    date_to: str | None = None


@dataclass(frozen=True)
class AuditRow:
    """An audit row as the audit screen shows it."""

    id: int
    at: str
    operator: str
    table: str
    pk: str
    column: str | None  # None: the record was created
    old: Any
    new: Any
    bundle_id: str | None
    country: str | None  # the record's country, where it has one
    team: str | None = None  # the author's team, for an imported change (None: made here)


@dataclass(frozen=True)
class WindowRow:
    """One audit row of the export window: a creation (column None) or an edit."""

    table: str
    pk: str
    column: str | None
    new: str | None  # JSON
    hlc: str
    base: str | None
    local: bool


def _json(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def _change(row: dict[str, Any]) -> tuple[int, str, str, str, str, str | None, Any, Any]:
    """id, at, operator, table, pk, column, old, new: what every audit row says."""
    old, new = _json(row["old"]), _json(row["new"])
    return row["id"], row["at"], row["operator"], row["tbl"], row["pk"], row["col"], old, new


_AUDIT_COLUMNS = "a.id, a.at, a.operator, a.team, a.tbl, a.pk, a.col, a.old, a.new, a.bundle_id"


def _filter_sql(audit_filter: AuditFilter, before_id: int | None) -> tuple[list[str], list[Any]]:
    where: list[str] = ["1 = 1"]
    params: list[Any] = []
    if before_id is not None:
        where.append("a.id < ?")
        params.append(before_id)
    if audit_filter.table:
        where.append("a.tbl = ?")
        params.append(audit_filter.table)
    if audit_filter.record:
        where.append("a.pk LIKE ? ESCAPE '\\'")
        record = audit_filter.record
        escaped = record.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params.append(escaped + "%")
    if audit_filter.operator:
        where.append("a.operator = ?")
        params.append(audit_filter.operator)
    if audit_filter.date_from:
        where.append("a.at >= ?")
        params.append(audit_filter.date_from)
    if audit_filter.date_to:
        where.append("a.at < ?")
        params.append(audit_filter.date_to + "~")  # every time of that day sorts below "~"
    return where, params


class Audit:
    """The audit trail and the field clocks; writes join the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # --- writing changes ------------------------------------------------------------

    def record_creations(
        self,
        records: Sequence[Record],
        hlcs: Sequence[str],
        *,
        operator: str,
        at: str,
        bundle_id: str | None = None,
        authors: Sequence[tuple[str, str]] | None = None,
    ) -> None:
        """Audit rows for new records; their clock is in their row.

        ``authors`` (team, operator) of each record, for imported ones: who made it."""
        if not records:
            return
        table = records[0].TABLE
        by = authors if authors is not None else [(None, operator)] * len(records)
        self.db.conn.executemany(
            "INSERT INTO audit (at, operator, team, tbl, pk, col, old, new, hlc, bundle_id) "
            "VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)",
            (
                (at, name, team, table, r.id, hlc, bundle_id)
                for r, hlc, (team, name) in zip(records, hlcs, by, strict=True)
            ),
        )

    def record_edits(
        self,
        table: str,
        pk: str,
        changes: Sequence[ColumnChange],
        hlc: str,
        *,
        operator: str,
        at: str,
        bundle_id: str | None = None,
    ) -> None:
        """Clock and audit rows for changed columns of one record."""
        self.upsert_clocks((table, pk, c.column, hlc, c.base) for c in changes)
        self.db.conn.executemany(
            "INSERT INTO audit (at, operator, tbl, pk, col, old, new, hlc, base, bundle_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    at,
                    operator,
                    table,
                    pk,
                    c.column,
                    json.dumps(c.old, ensure_ascii=False),
                    json.dumps(c.new, ensure_ascii=False),
                    hlc,
                    c.base,
                    bundle_id,
                )
                for c in changes
            ),
        )

    def apply_edits(
        self,
        edits: Mapping[tuple[str, str], Mapping[str, tuple[Any, ...]]],
        *,
        operator: str,
        at: str,
        bundle_id: str,
    ) -> None:
        """Write merged values with their clocks and audit rows.

        Each edit is (old, new, clock, base) or, imported, (old, new, clock, base, team,
        operator): the audit row then names the person who made it, not this device's."""
        clock_rows: list[tuple[str, str, str, str, str | None]] = []
        audit_rows: list[tuple[Any, ...]] = []
        for (table, pk), columns in edits.items():
            assignments = ", ".join(f"{column} = ?" for column in columns)
            self.db.conn.execute(
                f"UPDATE {table} SET {assignments} WHERE id = ?",
                [*(edit[1] for edit in columns.values()), pk],
            )
            for column, (old, new, hlc, base, *author) in columns.items():
                team, by = author if author else (None, operator)
                clock_rows.append((table, pk, column, hlc, base))
                audit_rows.append(
                    (
                        at,
                        by,
                        team,
                        table,
                        pk,
                        column,
                        json.dumps(old, ensure_ascii=False),
                        json.dumps(new, ensure_ascii=False),
                        hlc,
                        base,
                        bundle_id,
                    )
                )
        self.upsert_clocks(clock_rows)
        self.db.conn.executemany(
            "INSERT INTO audit (at, operator, team, tbl, pk, col, old, new, hlc, base, bundle_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            audit_rows,
        )

    def upsert_clocks(self, rows: Iterable[tuple[str, str, str, str, str | None]]) -> None:
        self.db.conn.executemany(
            "INSERT INTO field_clock (tbl, pk, col, hlc, base) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (tbl, pk, col) DO UPDATE SET hlc = excluded.hlc, base = excluded.base",
            rows,
        )

    # --- clocks -----------------------------------------------------------------------

    def column_clocks(self, table: str, pk: str) -> dict[str, str]:
        """Clocks of the record's edited columns, and its creation clock under ``ROW_CLOCK``."""
        clocks = dict(
            self.db.execute(
                "SELECT col, hlc FROM field_clock WHERE tbl = ? AND pk = ?", [table, pk]
            ).fetchall()
        )
        created = self.db.execute(f"SELECT hlc FROM {table} WHERE id = ?", [pk]).fetchone()
        if created:
            clocks[ROW_CLOCK] = created[0]
        return clocks

    def clocks_of(
        self, table: str, pks: Sequence[str]
    ) -> dict[tuple[str, str], tuple[str, str | None]]:
        """(pk, col) -> (hlc, base) for edited columns."""
        found: dict[tuple[str, str], tuple[str, str | None]] = {}
        for chunk in chunks(pks):
            marks = ", ".join("?" for _ in chunk)
            for pk, col, hlc, base in self.db.execute(
                f"SELECT pk, col, hlc, base FROM field_clock WHERE tbl = ? AND pk IN ({marks})",
                [table, *chunk],
            ):
                found[(pk, col)] = (hlc, base)
        return found

    def seen_clocks(self, pks: Sequence[str]) -> set[tuple[str, str | None, str]]:
        """(pk, col, hlc) of every change seen here for these records (col None: creation)."""
        seen: set[tuple[str, str | None, str]] = set()
        for chunk in chunks(pks):
            marks = ", ".join("?" for _ in chunk)
            sql = f"SELECT pk, col, hlc FROM audit WHERE pk IN ({marks})"
            seen.update(self.db.execute(sql, list(chunk)).fetchall())
        return seen

    # --- reading the trail ------------------------------------------------------------

    def entries(
        self, *, table: str | None = None, pk: str | None = None, limit: int | None = None
    ) -> list[AuditEntry]:
        where, params = equal_to({"tbl": table, "pk": pk})
        sql = f"SELECT * FROM audit WHERE {where} ORDER BY id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [
            AuditEntry(*_change(row), row["hlc"], row["bundle_id"])
            for row in self.db.query(sql, params)
        ]

    def page(
        self, audit_filter: AuditFilter, *, before_id: int | None = None, limit: int = 200
    ) -> list[AuditRow]:
        """Audit rows newest first, in pages (keyset on the id), filtered as given.

        ``record`` matches the start of a record id; dates are YYYY-MM-DD, both ends included.
        """
        where, params = _filter_sql(audit_filter, before_id)
        sql = (
            f"SELECT {_AUDIT_COLUMNS}, b.country AS batch_country, e.country AS event_country "
            "FROM audit a LEFT JOIN batches b ON a.tbl = 'batches' AND b.id = a.pk "
            "LEFT JOIN status_events e ON a.tbl = 'status_events' AND e.id = a.pk "
            f"WHERE {' AND '.join(where)} ORDER BY a.id DESC LIMIT ?"
        )
        return [
            AuditRow(
                *_change(row),
                row["bundle_id"],
                row["batch_country"] or row["event_country"],
                row["team"],
            )
            for row in self.db.query(sql, [*params, int(limit)])
        ]

    def operators(self) -> list[str]:
        sql = "SELECT DISTINCT operator FROM audit ORDER BY operator"
        return [row[0] for row in self.db.execute(sql)]

    def last_id(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])

    # --- what waits to go out -----------------------------------------------------------

    def local_changes_after(self, audit_id: int) -> int:
        """Changes made on this device (not imported) after the given audit id."""
        sql = "SELECT count(*) FROM audit WHERE id > ? AND bundle_id IS NULL"
        return int(self.db.execute(sql, [audit_id]).fetchone()[0])

    def oldest_local_change_after(self, audit_id: int) -> str | None:
        """When the oldest change made here (not imported) after the given audit id was made."""
        # The audit id orders changes made here, so the first row after the mark is the oldest.
        sql = "SELECT at FROM audit WHERE id > ? AND bundle_id IS NULL ORDER BY id LIMIT 1"
        found = self.db.execute(sql, [audit_id]).fetchone()
        return str(found[0]) if found else None

    def export_window(self, after_audit_id: int, upto: int, *, local_only: bool) -> list[WindowRow]:
        """The audit rows after ``after_audit_id`` up to ``upto``, oldest first."""
        sql = (
            "SELECT tbl, pk, col, new, hlc, base, bundle_id IS NULL FROM audit "
            "WHERE id > ? AND id <= ?"
        )
        if local_only:
            sql += " AND bundle_id IS NULL"
        return [
            WindowRow(table, pk, col, new, hlc, base, bool(local))
            for table, pk, col, new, hlc, base, local in self.db.execute(
                sql + " ORDER BY id", [after_audit_id, upto]
            )
            if table in SYNCED_RECORDS
        ]

    def change_authors(
        self, pks: Sequence[str], own_team: str
    ) -> dict[tuple[str, str], tuple[str, str]]:
        """(pk, clock) -> (team, operator) of every change to these records, from the audit
        trail: a change made here is this device's team's; an imported one names its own."""
        found: dict[tuple[str, str], tuple[str, str]] = {}
        for chunk in chunks(pks):
            marks = ", ".join("?" for _ in chunk)
            for pk, hlc, operator, team, bundle_id in self.db.execute(
                f"SELECT pk, hlc, operator, team, bundle_id FROM audit WHERE pk IN ({marks})",
                list(chunk),
            ):
                own = own_team if bundle_id is None else ""
                found[(pk, hlc)] = (team or own, operator or "")
        return found


def effective_clock(clocks: dict[str, str], column: str) -> str | None:
    return clocks.get(column) or clocks.get(ROW_CLOCK)
