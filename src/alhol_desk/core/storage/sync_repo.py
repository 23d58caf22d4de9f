"""SQL for sync: trusted devices, the bundle history, conflicts, and changes in and out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import SYNCED_RECORDS

if TYPE_CHECKING:
    import sqlite_utils

CHUNK = 500


@dataclass(frozen=True)
class PeerDevice:
    id: str
    team: str
    role: str
    sign_public_key: str
    age_recipient: str
    key_id: str
    trusted_at: str | None
    revoked_after_seq: int | None
    last_seq: int
    last_manifest_sha256: str | None
    acked_seq: int


def _peer(row: dict[str, Any]) -> PeerDevice:
    return PeerDevice(
        row["id"],
        row["team"],
        row["role"],
        row["sign_public_key"],
        row["age_recipient"],
        row["key_id"],
        row["trusted_at"],
        row["revoked_after_seq"],
        row["last_seq"],
        row["last_manifest_sha256"],
        row["acked_seq"],
    )


def peer_devices(db: sqlite_utils.Database) -> list[PeerDevice]:
    return [_peer(r) for r in db.query("SELECT * FROM devices WHERE is_self = 0 ORDER BY team, id")]


def get_peer(db: sqlite_utils.Database, device_id: str) -> PeerDevice | None:
    rows = list(db.query("SELECT * FROM devices WHERE id = ? AND is_self = 0", [device_id]))
    return _peer(rows[0]) if rows else None


def trust_peer(
    db: sqlite_utils.Database,
    *,
    device_id: str,
    team: str,
    role: str,
    sign_public_key: str,
    age_recipient: str,
    key_id: str,
    at: str,
    by: str,
) -> None:
    """Add or re-trust a device card; a re-trusted card keeps its seq chain and revocation."""
    db.execute(
        "INSERT INTO devices (id, team, role, is_self, sign_public_key, age_recipient, key_id, "
        "trusted_at, trusted_by) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?) "
        "ON CONFLICT (id) DO UPDATE SET team = excluded.team, role = excluded.role, "
        "sign_public_key = excluded.sign_public_key, age_recipient = excluded.age_recipient, "
        "key_id = excluded.key_id, trusted_at = excluded.trusted_at, "
        "trusted_by = excluded.trusted_by",
        [device_id, team, role, sign_public_key, age_recipient, key_id, at, by],
    )


def revoke_peer(db: sqlite_utils.Database, device_id: str, after_seq: int, at: str) -> None:
    db.execute(
        "UPDATE devices SET revoked_after_seq = ?, revoked_at = ? WHERE id = ?",
        [after_seq, at, device_id],
    )


def record_peer_bundle(db: sqlite_utils.Database, device_id: str, seq: int, sha256: str) -> None:
    db.execute(
        "UPDATE devices SET last_seq = max(last_seq, ?), "
        "last_manifest_sha256 = CASE WHEN ? >= last_seq THEN ? ELSE last_manifest_sha256 END "
        "WHERE id = ?",
        [seq, seq, sha256, device_id],
    )


def record_ack(db: sqlite_utils.Database, device_id: str, acked_seq: int) -> None:
    db.execute(
        "UPDATE devices SET acked_seq = max(acked_seq, ?) WHERE id = ?", [acked_seq, device_id]
    )


# --- bundle history ---------------------------------------------------------


def log_bundle(db: sqlite_utils.Database, **fields: Any) -> int:
    columns = ", ".join(fields)
    marks = ", ".join("?" for _ in fields)
    cursor = db.execute(f"INSERT INTO bundles ({columns}) VALUES ({marks})", list(fields.values()))
    return int(cursor.lastrowid or 0)


def delete_bundle_row(db: sqlite_utils.Database, row_id: int) -> None:
    db.execute("DELETE FROM bundles WHERE id = ?", [row_id])


def delete_setting(db: sqlite_utils.Database, key: str) -> None:
    db.execute("DELETE FROM settings WHERE key = ?", [key])


def bundle_history(
    db: sqlite_utils.Database, *, direction: str | None = None, limit: int = 1000
) -> list[dict[str, Any]]:
    where, params = "", []
    if direction:
        where, params = "WHERE direction = ?", [direction]
    return list(
        db.query(f"SELECT * FROM bundles {where} ORDER BY id DESC LIMIT {int(limit)}", params)
    )


def received_bundle(
    db: sqlite_utils.Database, sender: str, seq: int, recipient: str
) -> dict[str, Any] | None:
    """The applied bundle with that sender and seq in its chain to ``recipient`` (this
    device's id: a retired identity's chains are not the new one's), if any."""
    rows = list(
        db.query(
            "SELECT * FROM bundles WHERE direction = 'received' AND outcome = 'applied' "
            "AND sender = ? AND seq = ? AND recipient = ? ORDER BY id LIMIT 1",
            [sender, seq, recipient],
        )
    )
    return rows[0] if rows else None


def applied_manifest(db: sqlite_utils.Database, sha256: str) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM bundles WHERE direction = 'received' AND outcome = 'applied' "
            "AND manifest_sha256 = ? LIMIT 1",
            [sha256],
        ).fetchone()
        is not None
    )


def acks(db: sqlite_utils.Database, recipient: str) -> dict[str, int]:
    """For each device: the last seq of the newest export of its to ``recipient`` (this
    device) that arrived here whole (every bundle from its first to its last). A lost part
    holds the ack back, so the sender sends that export's records again; a later export
    that arrives whole moves it on."""
    return {
        sender: int(seq)
        for sender, seq in db.execute(
            "SELECT b.sender, max(b.seq) FROM bundles b JOIN devices d ON d.id = b.sender "
            "WHERE d.is_self = 0 AND b.direction = 'received' AND b.outcome = 'applied' "
            "AND b.recipient = ? AND b.last_part = 1 AND b.first_seq IS NOT NULL AND ("
            "  SELECT count(DISTINCT c.seq) FROM bundles c WHERE c.direction = 'received' "
            "  AND c.outcome = 'applied' AND c.sender = b.sender AND c.recipient = b.recipient "
            "  AND c.seq BETWEEN b.first_seq AND b.seq"
            ") = b.seq - b.first_seq + 1 GROUP BY b.sender",
            [recipient],
        )
    }


def last_sent_seq(db: sqlite_utils.Database, sender: str, recipient: str) -> int:
    """The highest seq ``sender`` (this device's id) has written for ``recipient``."""
    row = db.execute(
        "SELECT max(seq) FROM bundles WHERE direction = 'sent' AND sender = ? AND recipient = ?",
        [sender, recipient],
    ).fetchone()
    return int(row[0] or 0)


def sent_bundle(
    db: sqlite_utils.Database, sender: str, recipient: str, seq: int
) -> dict[str, Any] | None:
    """The bundle ``sender`` (this device's id) wrote for ``recipient`` with that seq."""
    rows = list(
        db.query(
            "SELECT * FROM bundles WHERE direction = 'sent' AND sender = ? AND recipient = ? "
            "AND seq = ? ORDER BY id DESC LIMIT 1",
            [sender, recipient, seq],
        )
    )
    return rows[0] if rows else None


# --- conflicts --------------------------------------------------------------

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


def add_conflicts(db: sqlite_utils.Database, rows: Sequence[tuple[Any, ...]]) -> None:
    """Log conflicts; one seen again (relayed by another bundle) is not logged twice."""
    db.conn.executemany(
        f"INSERT OR IGNORE INTO conflicts ({', '.join(CONFLICT_COLUMNS)}) "
        f"VALUES ({', '.join('?' for _ in CONFLICT_COLUMNS)})",
        rows,
    )


def list_conflicts(
    db: sqlite_utils.Database, *, status: str | None = "open"
) -> list[dict[str, Any]]:
    where, params = "", []
    if status:
        where, params = "WHERE status = ?", [status]
    rows = list(db.query(f"SELECT * FROM conflicts {where} ORDER BY id", params))
    for row in rows:
        for key in ("local_value", "incoming_value"):
            row[key] = json.loads(row[key]) if row[key] is not None else None
    return rows


def get_conflict(db: sqlite_utils.Database, conflict_id: int) -> dict[str, Any] | None:
    rows = [r for r in list_conflicts(db, status=None) if r["id"] == conflict_id]
    return rows[0] if rows else None


def close_conflict(
    db: sqlite_utils.Database, conflict_id: int, *, keep: str, at: str, by: str
) -> None:
    db.execute(
        "UPDATE conflicts SET status = 'resolved', resolution = ?, resolved_at = ?, "
        "resolved_by = ? WHERE id = ?",
        [keep, at, by, conflict_id],
    )


def count_open_conflicts(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM conflicts WHERE status = 'open'").fetchone()[0])


# --- local state of the records a bundle touches ----------------------------


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def load_rows(
    db: sqlite_utils.Database, table: str, pks: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """Rows by id, with their creation clock under 'hlc'."""
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(pks):
        marks = ", ".join("?" for _ in chunk)
        for row in db.query(f"SELECT * FROM {table} WHERE id IN ({marks})", list(chunk)):
            found[row["id"]] = row
    return found


def load_clocks(
    db: sqlite_utils.Database, table: str, pks: Sequence[str]
) -> dict[tuple[str, str], tuple[str, str | None]]:
    """(pk, col) -> (hlc, base) for edited columns."""
    found: dict[tuple[str, str], tuple[str, str | None]] = {}
    for chunk in _chunks(pks):
        marks = ", ".join("?" for _ in chunk)
        for pk, col, hlc, base in db.execute(
            f"SELECT pk, col, hlc, base FROM field_clock WHERE tbl = ? AND pk IN ({marks})",
            [table, *chunk],
        ):
            found[(pk, col)] = (hlc, base)
    return found


def load_seen_clocks(
    db: sqlite_utils.Database, pks: Sequence[str]
) -> set[tuple[str, str | None, str]]:
    """(pk, col, hlc) of every change seen here for these records (col None: creation)."""
    seen: set[tuple[str, str | None, str]] = set()
    for chunk in _chunks(pks):
        marks = ", ".join("?" for _ in chunk)
        seen.update(
            db.execute(
                f"SELECT pk, col, hlc FROM audit WHERE pk IN ({marks})", list(chunk)
            ).fetchall()
        )
    return seen


# --- changes going out ------------------------------------------------------


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


def export_window(
    db: sqlite_utils.Database, after_audit_id: int, upto: int, *, local_only: bool
) -> list[WindowRow]:
    """The audit rows after ``after_audit_id`` up to ``upto``, oldest first."""
    sql = (
        "SELECT tbl, pk, col, new, hlc, base, bundle_id IS NULL FROM audit WHERE id > ? AND id <= ?"
    )
    if local_only:
        sql += " AND bundle_id IS NULL"
    return [
        WindowRow(table, pk, col, new, hlc, base, bool(local))
        for table, pk, col, new, hlc, base, local in db.execute(
            sql + " ORDER BY id", [after_audit_id, upto]
        )
        if table in SYNCED_RECORDS
    ]


def change_authors(
    db: sqlite_utils.Database, pks: Sequence[str], own_team: str
) -> dict[tuple[str, str], tuple[str, str]]:
    """(pk, clock) -> (team, operator) of every change to these records, from the audit
    trail: a change made here is this device's team's; an imported one names its own."""
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for chunk in _chunks(pks):
        marks = ", ".join("?" for _ in chunk)
        for pk, hlc, operator, team, bundle_id in db.execute(
            f"SELECT pk, hlc, operator, team, bundle_id FROM audit WHERE pk IN ({marks})",
            list(chunk),
        ):
            found[(pk, hlc)] = (team or (own_team if bundle_id is None else ""), operator or "")
    return found


def record_ids_page(db: sqlite_utils.Database, table: str, after: str, limit: int) -> list[str]:
    """The next ``limit`` record ids after ``after``, in id order (keyset paging)."""
    return [
        row[0]
        for row in db.execute(
            f"SELECT id FROM {table} WHERE id > ? ORDER BY id LIMIT ?", [after, limit]
        )
    ]


def local_change_count(db: sqlite_utils.Database, after_audit_id: int) -> int:
    return int(
        db.execute(
            "SELECT count(*) FROM audit WHERE id > ? AND bundle_id IS NULL", [after_audit_id]
        ).fetchone()[0]
    )


# --- applying a merge -------------------------------------------------------


def apply_edits(
    db: sqlite_utils.Database,
    edits: Mapping[tuple[str, str], Mapping[str, tuple[Any, ...]]],
    *,
    operator: str,
    at: str,
    bundle_id: str,
) -> None:
    """Write merged values with their clocks and audit rows (caller holds the transaction).

    Each edit is (old, new, clock, base) or, imported, (old, new, clock, base, team,
    operator): the audit row then names the person who made it, not this device's."""
    clock_rows: list[tuple[str, str, str, str, str | None]] = []
    audit_rows: list[tuple[Any, ...]] = []
    for (table, pk), columns in edits.items():
        assignments = ", ".join(f"{column} = ?" for column in columns)
        db.conn.execute(
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
    upsert_clocks(db, clock_rows)
    db.conn.executemany(
        "INSERT INTO audit (at, operator, team, tbl, pk, col, old, new, hlc, base, bundle_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        audit_rows,
    )


def upsert_clocks(
    db: sqlite_utils.Database, rows: Iterable[tuple[str, str, str, str, str | None]]
) -> None:
    db.conn.executemany(
        "INSERT INTO field_clock (tbl, pk, col, hlc, base) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (tbl, pk, col) DO UPDATE SET hlc = excluded.hlc, base = excluded.base",
        rows,
    )
