"""Small key-value settings kept in the database (this device, the clock, export marks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def get_setting(db: sqlite_utils.Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else default


def set_setting(db: sqlite_utils.Database, key: str, value: str) -> None:
    """Write a setting; joins the caller's transaction when there is one."""
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def settings_with_prefix(db: sqlite_utils.Database, prefix: str) -> dict[str, str]:
    """Every setting whose key starts with ``prefix`` (one per recipient, say)."""
    return {
        str(key): str(value)
        for key, value in db.execute(
            "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?", [len(prefix), prefix]
        )
    }


def delete_settings_with_prefix(db: sqlite_utils.Database, prefix: str) -> None:
    db.execute("DELETE FROM settings WHERE substr(key, 1, ?) = ?", [len(prefix), prefix])
