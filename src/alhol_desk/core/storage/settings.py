"""The ``settings`` table: small key-value settings (the clock, the operator, export marks)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

# The audit id the last export covered: changes made here after it wait to go out.
EXPORTED_UPTO_KEY = "export.audit_upto"


class Settings:
    """Reads and writes of ``settings``; writes join the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def get(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else default

    def get_int(self, key: str) -> int:
        """A setting that holds a number (0 when it is not set)."""
        return int(self.get(key) or 0)

    def set(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def with_prefix(self, prefix: str) -> dict[str, str]:
        """Every setting whose key starts with ``prefix`` (one per recipient, say)."""
        return {
            str(key): str(value)
            for key, value in self.db.execute(
                "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ?",
                [len(prefix), prefix],
            )
        }

    def delete(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.db.execute("DELETE FROM settings WHERE key = ?", [key])

    def delete_with_prefix(self, prefix: str) -> None:
        self.db.execute("DELETE FROM settings WHERE substr(key, 1, ?) = ?", [len(prefix), prefix])

    def exported_upto(self) -> int:
        """The audit id the last export covered (0: nothing exported yet)."""
        return self.get_int(EXPORTED_UPTO_KEY)
