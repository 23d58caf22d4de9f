"""The devices this install knows: itself, and (with sync) the ones it trusts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..records import Device

if TYPE_CHECKING:
    import sqlite_utils


def add_self_device(db: sqlite_utils.Database, device: Device) -> None:
    db.execute(
        "INSERT INTO devices (id, team, role, is_self) VALUES (?, ?, ?, 1)",
        [device.id, device.team, device.role],
    )


def get_self_device(db: sqlite_utils.Database) -> Device | None:
    row = db.execute("SELECT id, team, role FROM devices WHERE is_self = 1").fetchone()
    return Device(row[0], row[1], row[2], is_self=True) if row else None
