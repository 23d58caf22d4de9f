"""The ``devices`` table: this device, and (with sync) the devices it trusts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..records import Device

if TYPE_CHECKING:
    import sqlite_utils


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


class Devices:
    """Reads and writes of ``devices``; writes join the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # --- this device ----------------------------------------------------------------

    def own(self) -> Device | None:
        row = self.db.execute("SELECT id, team, role FROM devices WHERE is_self = 1").fetchone()
        return Device(row[0], row[1], row[2], is_self=True) if row else None

    def add_own(self, device: Device) -> None:
        self.db.execute(
            "INSERT INTO devices (id, team, role, is_self) VALUES (?, ?, ?, 1)",
            [device.id, device.team, device.role],
        )

    def change_own_id(self, new_id: str) -> str:
        """Give this device a new id; returns the old one. Past clocks and audit rows keep
        theirs (retiring an identity, core/safety/retire.py)."""
        own = self.own()
        if own is None:
            raise LookupError("this database has no device of its own")
        self.db.execute("UPDATE devices SET id = ? WHERE is_self = 1", [new_id])
        return own.id

    def forget_acknowledgements(self) -> None:
        """No peer has confirmed anything from a new identity yet: the next export sends all.
        And every peer starts a new chain of bundles for the new identity, from seq 1."""
        self.db.execute(
            "UPDATE devices SET acked_seq = 0, last_seq = 0, last_manifest_sha256 = NULL "
            "WHERE is_self = 0"
        )

    # --- the devices this one trusts ------------------------------------------------

    def peers(self) -> list[PeerDevice]:
        """The other devices this one trusts (revoked ones too, marked), by team."""
        sql = "SELECT * FROM devices WHERE is_self = 0 ORDER BY team, id"
        return [_peer(row) for row in self.db.query(sql)]

    def peer(self, device_id: str) -> PeerDevice | None:
        sql = "SELECT * FROM devices WHERE id = ? AND is_self = 0"
        rows = list(self.db.query(sql, [device_id]))
        return _peer(rows[0]) if rows else None

    def teams(self) -> dict[str, tuple[str, bool]]:
        """Every known device (this one too): id -> (team, is this device)."""
        rows = self.db.execute("SELECT id, team, is_self FROM devices")
        return {pk: (team, bool(is_self)) for pk, team, is_self in rows}

    def trust(
        self,
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
        self.db.execute(
            "INSERT INTO devices (id, team, role, is_self, sign_public_key, age_recipient, "
            "key_id, trusted_at, trusted_by) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET team = excluded.team, role = excluded.role, "
            "sign_public_key = excluded.sign_public_key, age_recipient = excluded.age_recipient, "
            "key_id = excluded.key_id, trusted_at = excluded.trusted_at, "
            "trusted_by = excluded.trusted_by",
            [device_id, team, role, sign_public_key, age_recipient, key_id, at, by],
        )

    def revoke(self, device_id: str, after_seq: int, at: str) -> None:
        self.db.execute(
            "UPDATE devices SET revoked_after_seq = ?, revoked_at = ? WHERE id = ?",
            [after_seq, at, device_id],
        )

    def record_bundle(self, device_id: str, seq: int, sha256: str) -> None:
        """A bundle from the device was applied: its chain moves on to ``seq``."""
        self.db.execute(
            "UPDATE devices SET last_seq = max(last_seq, ?), "
            "last_manifest_sha256 = CASE WHEN ? >= last_seq THEN ? ELSE last_manifest_sha256 END "
            "WHERE id = ?",
            [seq, seq, sha256, device_id],
        )

    def record_ack(self, device_id: str, acked_seq: int) -> None:
        self.db.execute(
            "UPDATE devices SET acked_seq = max(acked_seq, ?) WHERE id = ?",
            [acked_seq, device_id],
        )
