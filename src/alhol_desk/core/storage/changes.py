"""The clock of every synced value (merge state) and the audit trail (history and outbox)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import Record

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


def record_creations(
    db: sqlite_utils.Database,
    records: Sequence[Record],
    hlcs: Sequence[str],
    *,
    operator: str,
    at: str,
    bundle_id: str | None = None,
    authors: Sequence[tuple[str, str]] | None = None,
) -> None:
    """Audit rows for new records; their clock is in their row (caller holds the transaction).

    ``authors`` (team, operator) of each record, for imported ones: who made it."""
    if not records:
        return
    table = records[0].TABLE
    by = authors if authors is not None else [(None, operator)] * len(records)
    db.conn.executemany(
        "INSERT INTO audit (at, operator, team, tbl, pk, col, old, new, hlc, bundle_id) "
        "VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?)",
        (
            (at, name, team, table, r.id, hlc, bundle_id)
            for r, hlc, (team, name) in zip(records, hlcs, by, strict=True)
        ),
    )


def record_edits(
    db: sqlite_utils.Database,
    table: str,
    pk: str,
    changes: Sequence[ColumnChange],
    hlc: str,
    *,
    operator: str,
    at: str,
    bundle_id: str | None = None,
) -> None:
    """Clock and audit rows for changed columns of one record (caller holds the transaction)."""
    db.conn.executemany(
        "INSERT INTO field_clock (tbl, pk, col, hlc, base) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (tbl, pk, col) DO UPDATE SET hlc = excluded.hlc, base = excluded.base",
        ((table, pk, c.column, hlc, c.base) for c in changes),
    )
    db.conn.executemany(
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


def column_clocks(db: sqlite_utils.Database, table: str, pk: str) -> dict[str, str]:
    """Clocks of the record's edited columns, and its creation clock under ``ROW_CLOCK``."""
    clocks = dict(
        db.execute(
            "SELECT col, hlc FROM field_clock WHERE tbl = ? AND pk = ?", [table, pk]
        ).fetchall()
    )
    created = db.execute(f"SELECT hlc FROM {table} WHERE id = ?", [pk]).fetchone()
    if created:
        clocks[ROW_CLOCK] = created[0]
    return clocks


def effective_clock(clocks: dict[str, str], column: str) -> str | None:
    return clocks.get(column) or clocks.get(ROW_CLOCK)


def audit_entries(
    db: sqlite_utils.Database,
    *,
    table: str | None = None,
    pk: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    where, params = ["1 = 1"], []
    if table:
        where.append("tbl = ?")
        params.append(table)
    if pk:
        where.append("pk = ?")
        params.append(pk)
    sql = f"SELECT * FROM audit WHERE {' AND '.join(where)} ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [
        AuditEntry(
            row["id"],
            row["at"],
            row["operator"],
            row["tbl"],
            row["pk"],
            row["col"],
            json.loads(row["old"]) if row["old"] is not None else None,
            json.loads(row["new"]) if row["new"] is not None else None,
            row["hlc"],
            row["bundle_id"],
        )
        for row in db.query(sql, params)
    ]


def last_audit_id(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT coalesce(max(id), 0) FROM audit").fetchone()[0])
