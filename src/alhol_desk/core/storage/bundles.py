"""The ``bundles`` table: every bundle written here or read here, and what became of it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..messages import MESSAGES, Message
from .conditions import equal_to

if TYPE_CHECKING:
    import sqlite_utils


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
    outcome: str  # one of sync_overview.BUNDLE_OUTCOMES
    reason: str | None  # why it was refused (value-free, one line, English)
    message: Message | None  # the same as a code and values; None in rows older than codes
    file_name: str | None


def _entry(row: dict[str, Any]) -> BundleEntry:
    return BundleEntry(
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


class Bundles:
    """Reads and writes of ``bundles``; writes join the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def log(self, **fields: Any) -> int:
        """Write one line of the history; returns its row id."""
        columns = ", ".join(fields)
        marks = ", ".join("?" for _ in fields)
        sql = f"INSERT INTO bundles ({columns}) VALUES ({marks})"
        cursor = self.db.execute(sql, list(fields.values()))
        return int(cursor.lastrowid or 0)

    def delete(self, row_id: int) -> None:
        self.db.execute("DELETE FROM bundles WHERE id = ?", [row_id])

    def history(
        self, *, direction: str | None = None, outcome: str | None = None, limit: int = 5000
    ) -> list[BundleEntry]:
        """Bundles sent and received, newest first, with the sender's team."""
        where, params = equal_to({"b.direction": direction, "b.outcome": outcome})
        sql = (
            "SELECT b.*, d.team, d.is_self FROM bundles b LEFT JOIN devices d ON d.id = b.sender "
            f"WHERE {where} ORDER BY b.id DESC LIMIT ?"
        )
        return [_entry(row) for row in self.db.query(sql, [*params, int(limit)])]

    def rows(self, *, direction: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        """Whole rows of the history, newest first (every column, as stored)."""
        where, params = "", []
        if direction:
            where, params = "WHERE direction = ?", [direction]
        sql = f"SELECT * FROM bundles {where} ORDER BY id DESC LIMIT {int(limit)}"
        return list(self.db.query(sql, params))

    def received(self, sender: str, seq: int, recipient: str) -> dict[str, Any] | None:
        """The applied bundle with that sender and seq in its chain to ``recipient`` (this
        device's id: a retired identity's chains are not the new one's), if any."""
        return self._first(
            "SELECT * FROM bundles WHERE direction = 'received' AND outcome = 'applied' "
            "AND sender = ? AND seq = ? AND recipient = ? ORDER BY id LIMIT 1",
            [sender, seq, recipient],
        )

    def manifest_applied(self, sha256: str) -> bool:
        found = self.db.execute(
            "SELECT 1 FROM bundles WHERE direction = 'received' AND outcome = 'applied' "
            "AND manifest_sha256 = ? LIMIT 1",
            [sha256],
        ).fetchone()
        return found is not None

    def acks(self, recipient: str) -> dict[str, int]:
        """For each device: the last seq of the newest export of its to ``recipient`` (this
        device) that arrived here whole (every bundle from its first to its last). A lost
        part holds the ack back, so the sender sends that export's records again; a later
        export that arrives whole moves it on."""
        return {
            sender: int(seq)
            for sender, seq in self.db.execute(
                "SELECT b.sender, max(b.seq) FROM bundles b JOIN devices d ON d.id = b.sender "
                "WHERE d.is_self = 0 AND b.direction = 'received' AND b.outcome = 'applied' "
                "AND b.recipient = ? AND b.last_part = 1 AND b.first_seq IS NOT NULL AND ("
                "  SELECT count(DISTINCT c.seq) FROM bundles c WHERE c.direction = 'received' "
                "  AND c.outcome = 'applied' AND c.sender = b.sender "
                "  AND c.recipient = b.recipient AND c.seq BETWEEN b.first_seq AND b.seq"
                ") = b.seq - b.first_seq + 1 GROUP BY b.sender",
                [recipient],
            )
        }

    def last_sent_seq(self, sender: str, recipient: str) -> int:
        """The highest seq ``sender`` (this device's id) has written for ``recipient``."""
        row = self.db.execute(
            "SELECT max(seq) FROM bundles WHERE direction = 'sent' AND sender = ? "
            "AND recipient = ?",
            [sender, recipient],
        ).fetchone()
        return int(row[0] or 0)

    def sent(self, sender: str, recipient: str, seq: int) -> dict[str, Any] | None:
        """The bundle ``sender`` (this device's id) wrote for ``recipient`` with that seq."""
        return self._first(
            "SELECT * FROM bundles WHERE direction = 'sent' AND sender = ? "
            "AND recipient = ? AND seq = ? ORDER BY id DESC LIMIT 1",
            [sender, recipient, seq],
        )

    def _first(self, sql: str, params: list[Any]) -> dict[str, Any] | None:
        """The first row ``sql`` gives, whole; None when it gives none."""
        rows = list(self.db.query(sql, params))
        return rows[0] if rows else None
