"""The SQL of retiring this device's identity (core/safety/retire.py): a new id, a new chain."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def change_self_device_id(db: sqlite_utils.Database, new_id: str) -> str:
    """Give this device a new id; returns the old one. Past clocks and audit rows keep theirs."""
    row = db.execute("SELECT id FROM devices WHERE is_self = 1").fetchone()
    if row is None:
        raise LookupError("this database has no device of its own")
    db.execute("UPDATE devices SET id = ? WHERE is_self = 1", [new_id])
    return str(row[0])


def forget_acknowledgements(db: sqlite_utils.Database) -> None:
    """No peer has confirmed anything from the new identity yet: the next export sends all.
    And every peer starts a new chain of bundles for the new identity, from seq 1."""
    db.execute(
        "UPDATE devices SET acked_seq = 0, last_seq = 0, last_manifest_sha256 = NULL "
        "WHERE is_self = 0"
    )


def delete_settings(db: sqlite_utils.Database, keys: Iterable[str]) -> None:
    for key in keys:
        db.execute("DELETE FROM settings WHERE key = ?", [key])
