"""Reading and writing synced records (batches, status events, estimates)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..records import Batch, Record

if TYPE_CHECKING:
    import sqlite_utils

R = TypeVar("R", bound=Record)


def get_record(db: sqlite_utils.Database, cls: type[R], pk: str) -> R | None:
    rows = list(db.query(f"SELECT * FROM {cls.TABLE} WHERE id = ?", [pk]))
    return cls.from_row(rows[0]) if rows else None


def insert_records(
    db: sqlite_utils.Database, records: Sequence[Record], hlcs: Sequence[str]
) -> None:
    """Insert new records of one kind with their creation clocks (caller holds the transaction)."""
    if not records:
        return
    columns = records[0].columns()
    sql = (
        f"INSERT INTO {records[0].TABLE} (hlc, {', '.join(columns)}) "
        f"VALUES (?, {', '.join('?' for _ in columns)})"
    )
    db.conn.executemany(
        sql,
        ((hlc, *(getattr(r, c) for c in columns)) for r, hlc in zip(records, hlcs, strict=True)),
    )


def update_columns(db: sqlite_utils.Database, table: str, pk: str, values: dict[str, Any]) -> None:
    assignments = ", ".join(f"{column} = ?" for column in values)
    db.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*values.values(), pk])


def list_batches(
    db: sqlite_utils.Database, *, country: str | None = None, include_deleted: bool = False
) -> list[Batch]:
    where, params = ["1 = 1"], []
    if country:
        where.append("country = ?")
        params.append(country)
    if not include_deleted:
        where.append("deleted = 0")
    sql = (
        f"SELECT * FROM batches WHERE {' AND '.join(where)} "
        "ORDER BY departure_date DESC, country, id"
    )
    return [Batch.from_row(row) for row in db.query(sql, params)]


def existing_ids(db: sqlite_utils.Database, table: str, ids: Iterable[str]) -> set[str]:
    found: set[str] = set()
    chunk: list[str] = []
    for pk in ids:
        chunk.append(pk)
        if len(chunk) == 500:
            found |= _existing(db, table, chunk)
            chunk = []
    return found | (_existing(db, table, chunk) if chunk else set())


def _existing(db: sqlite_utils.Database, table: str, chunk: list[str]) -> set[str]:
    marks = ", ".join("?" for _ in chunk)
    return {row[0] for row in db.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk)}
